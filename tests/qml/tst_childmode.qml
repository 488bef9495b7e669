import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// Child mode in the whole app: handed to a child, the window holds nothing but the child's
// houses; no key, close request, tap, swipe or Tab leaves it; a wrong PIN says so and
// stays; the right one returns to the practitioner's page; locking (by hand or idle)
// returns to child mode after unlock. A randomized run of 10,000 taps, drags, touches and
// keys ends still in child mode. With DOORSTEP_SCREENSHOT_DIR set, child mode is saved at
// 1280×800 and 800×1280: the three houses, each house drawn in, the keyboard, the PIN pad.
AppTestCase {
    id: root

    name: "ChildMode"

    // Set to repeat a randomized run (its seed is printed); 0 picks one from the clock.
    readonly property int fixedSeed: 0
    readonly property int randomInputs: 10000

    property string amberId

    // What must not exist while a child has the tablet.
    readonly property var caseObjects: ["pageStack", "caseloadPage", "familyList", "familyPage", "familyController", "membersCard", "memberRepeater", "conflictController", "syncController", "threeHousesPage", "threeHousesController", "planPage", "visitPage", "consentPage", "closurePage", "unlockPage"]

    function cleanup() {
        TestSupport.setAutoLockMilliseconds(5 * 60 * 1000);
        if (ChildMode.active) {
            tryVerify(() => !ChildMode.checking, 10000);
            ChildMode.leave("test-passphrase");
            tryVerify(() => !ChildMode.active, 10000, "child mode ends with the passphrase");
        }
        if (root.main) {
            root.main.destroy();
            root.main = null;
        }
        Session.lock();
    }

    function save(name) {
        if (TestSupport.screenshotFolder.length === 0)
            return;
        wait(80);
        grabImage(windowRoot()).save(TestSupport.screenshotFolder + "/" + name + ".png");
    }

    // The practitioner's way in: the family, the child's three houses, "Hand to <name>".
    // Amber Ashdown unless another family and member (oldest first) are named.
    function enterChildMode(width, height, familyName, memberIndex) {
        startApp(width, height);
        unlockWithPassphrase();
        openFamily(familyName === undefined ? "Ashdown" : familyName);
        const members = item("memberRepeater");
        const index = memberIndex === undefined ? 0 : memberIndex;
        tryVerify(() => members.count > index);
        root.amberId = members.itemAt(index).personId;
        tap(item("threeHouses_" + root.amberId));
        waitForPage("threeHousesPage");
        tryCompare(item("threeHousesController"), "found", true);
        tap(item("handToChildButton"));
        tryVerify(() => ChildMode.active);
        compare(ChildMode.personId, root.amberId);
        return waitForChildMode();
    }

    function waitForChildMode() {
        tryVerify(() => findChild(root.main, "childModeView") !== null, 5000, "child mode is shown");
        const view = findChild(root.main, "childModeView");
        tryCompare(findChild(view, "childHouses"), "found", true);
        wait(40);
        return view;
    }

    function insideChildMode(target) {
        for (let at = target; at; at = at.parent) {
            if (at.objectName === "childModeView")
                return true;
        }
        return false;
    }

    // Still in child mode, with nothing of the practitioner's app in the window.
    function checkStillChildMode(when) {
        verify(ChildMode.active, "child mode is active " + when);
        verify(Session.unlocked, "the session is unlocked " + when);
        verify(findChild(root.main, "childModeView") !== null, "the child's view is shown " + when);
        for (const name of root.caseObjects)
            verify(findChild(root.main, name) === null && findChild(windowRoot(), name) === null, name + " is not in the window " + when);
        verify(root.main.visible, "the window is open " + when);
        const focused = root.main.activeFocusItem;
        verify(focused === null || insideChildMode(focused), "focus stays in child mode " + when);
    }

    function touchPath(canvas, points) {
        const touch = touchEvent(canvas);
        const w = canvas.width;
        const h = canvas.height;
        touch.press(0, canvas, points[0][0] * w, points[0][1] * h).commit();
        for (let i = 1; i < points.length; ++i) {
            const from = points[i - 1];
            const to = points[i];
            for (let s = 1; s <= 6; ++s)
                touch.move(0, canvas, (from[0] + (to[0] - from[0]) * s / 6) * w, (from[1] + (to[1] - from[1]) * s / 6) * h).commit();
        }
        const last = points[points.length - 1];
        touch.release(0, canvas, last[0] * w, last[1] * h).commit();
        wait(10);
    }

    // The grown-up's way to the PIN pad: the lock held down for a moment.
    function holdLock() {
        const lock = item("childModeLock");
        mousePress(lock);
        wait(1700);
        mouseRelease(lock);
        tryCompare(item("leaveChildMode"), "visible", true);
    }

    function placeSticker(name, x, y) {
        mouseClick(item("sticker_" + name));
        const square = item("houseSquare");
        mouseClick(square, square.width * x, square.height * y);
    }

    // Sorted first, so it runs before any test sets a PIN: with no PIN today, leaving needs
    // the passphrase, which has a "-" that none of the run's keys can type. (Nor do its quick
    // taps open the PIN pad, which needs the lock held: a run that did would count its wrong
    // tries against the store, which is destroyed after ten.)
    function test_anyInputStaysInChildMode() {
        verify(!Session.pinAvailable, "no PIN today, so random digits can never be the way out");
        enterChildMode(1280, 800);
        const seed = root.fixedSeed > 0 ? root.fixedSeed : Date.now() % 2147483647;
        console.log("ChildMode random run: seed " + seed + " (set fixedSeed to repeat it)");
        let state = seed >>> 0;
        const random = () => {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            return state / 4294967296;
        };
        const pick = list => list[Math.floor(random() * list.length)];
        const keys = [[Qt.Key_Escape, Qt.NoModifier], [Qt.Key_Back, Qt.NoModifier], [Qt.Key_Tab, Qt.NoModifier], [Qt.Key_Backtab, Qt.ShiftModifier], [Qt.Key_F4, Qt.AltModifier], [Qt.Key_Q, Qt.ControlModifier], [Qt.Key_W, Qt.ControlModifier], [Qt.Key_Return, Qt.NoModifier], [Qt.Key_Enter, Qt.NoModifier], [Qt.Key_Space, Qt.NoModifier], [Qt.Key_Backspace, Qt.NoModifier], [Qt.Key_Left, Qt.NoModifier], [Qt.Key_Right, Qt.NoModifier], [Qt.Key_Up, Qt.NoModifier], [Qt.Key_Down, Qt.NoModifier], [Qt.Key_Home, Qt.NoModifier], [Qt.Key_Menu, Qt.NoModifier], [Qt.Key_Forward, Qt.NoModifier], [Qt.Key_Stop, Qt.NoModifier], [Qt.Key_Z, Qt.ControlModifier], [Qt.Key_F4, Qt.ControlModifier], [Qt.Key_Escape, Qt.ShiftModifier]];
        // Letters and digits too (typed into the passphrase field when it is open); no "-".
        const typed = "abcdefghijklmnopqrstuvwxyz0123456789";
        const win = root.main.contentItem;
        const w = root.main.width;
        const h = root.main.height;
        const counts = {
            "taps": 0,
            "drags": 0,
            "touches": 0,
            "keys": 0,
            "closes": 0
        };
        const started = Date.now();
        for (let i = 0; i < root.randomInputs; ++i) {
            const kind = random();
            if (kind < 0.45) {
                mouseClick(win, random() * w, random() * h);
                ++counts.taps;
            } else if (kind < 0.60) {
                const x = random() * w;
                const y = random() * h;
                const dx = (random() - 0.5) * w * 0.6;
                const dy = (random() - 0.5) * h * 0.6;
                mousePress(win, x, y);
                for (let s = 1; s <= 3; ++s)
                    mouseMove(win, x + dx * s / 3, y + dy * s / 3, -1, Qt.LeftButton);
                mouseRelease(win, x + dx, y + dy);
                ++counts.drags;
            } else if (kind < 0.70) {
                // A finger: a tap, or a swipe in from an edge.
                const touch = touchEvent(win);
                const fromEdge = random() < 0.5;
                const x = fromEdge ? (random() < 0.5 ? 1 : w - 2) : random() * w;
                const y = random() * h;
                touch.press(0, win, x, y).commit();
                if (fromEdge || random() < 0.5) {
                    const tx = fromEdge ? w / 2 : random() * w;
                    touch.move(0, win, (x + tx) / 2, y).commit();
                    touch.move(0, win, tx, y).commit();
                    touch.release(0, win, tx, y).commit();
                } else {
                    touch.release(0, win, x, y).commit();
                }
                ++counts.touches;
            } else if (kind < 0.995) {
                if (random() < 0.6) {
                    const key = pick(keys);
                    keyClick(key[0], key[1]);
                } else {
                    keyClick(pick(typed));
                }
                ++counts.keys;
            } else {
                root.main.close();
                ++counts.closes;
            }
            // Let background checks answer and frames render now and then.
            if (i % 50 === 49)
                wait(0);
            if (i % 500 === 499)
                checkStillChildMode("after input " + (i + 1) + " (seed " + seed + ")");
        }
        tryVerify(() => !ChildMode.checking, 10000);
        checkStillChildMode("at the end (seed " + seed + ")");
        console.log("ChildMode random run: " + JSON.stringify(counts) + " in " + (Date.now() - started) + " ms");
    }

    function test_childModeHoldsNoCaseObjects() {
        enterChildMode(1280, 800);
        checkStillChildMode("on entering");
        const houses = item("childHouses");
        verify(houses.byChild, "what the child does is marked as the child's");
        compare(houses.personId, root.amberId);
        compare(houses.childName, "Amber");
        // The house pages hold no case objects either.
        mouseClick(item("openHouse_0"));
        tryCompare(item("houseEditor"), "visible", true);
        checkStillChildMode("in a house");
        // A second enter (say from a stale page) changes nothing.
        ChildMode.enter("someone-else");
        compare(ChildMode.personId, root.amberId);
    }

    function test_escapeRoutesFail() {
        enterChildMode(1280, 800);
        mouseClick(item("openHouse_1"));
        const keys = [[Qt.Key_Escape, Qt.NoModifier], [Qt.Key_Back, Qt.NoModifier], [Qt.Key_F4, Qt.AltModifier], [Qt.Key_Q, Qt.ControlModifier], [Qt.Key_W, Qt.ControlModifier], [Qt.Key_Backspace, Qt.AltModifier], [Qt.Key_Left, Qt.AltModifier], [Qt.Key_Home, Qt.NoModifier]];
        for (const key of keys) {
            keyClick(key[0], key[1]);
            wait(10);
            checkStillChildMode("after key " + key[0] + " with " + key[1]);
        }
        compare(item("houseEditor").visible, true, "the keys did not even go home");

        // Tab and Backtab move focus, if anywhere, only within child mode.
        for (let i = 0; i < 40; ++i) {
            keyClick(i % 2 === 0 ? Qt.Key_Tab : Qt.Key_Backtab);
            checkStillChildMode("after Tab " + i);
        }

        // The window refuses to close.
        root.main.close();
        wait(50);
        checkStillChildMode("after a close request");

        // Swipes in from every edge, as gestures that open drawers or go back would.
        const win = root.main.contentItem;
        const w = root.main.width;
        const h = root.main.height;
        for (const swipe of [[1, h / 2, w / 2, h / 2], [w - 2, h / 2, w / 2, h / 2], [w / 2, 1, w / 2, h / 2], [w / 2, h - 2, w / 2, h / 2]]) {
            const touch = touchEvent(win);
            touch.press(0, win, swipe[0], swipe[1]).commit();
            for (let s = 1; s <= 8; ++s)
                touch.move(0, win, swipe[0] + (swipe[2] - swipe[0]) * s / 8, swipe[1] + (swipe[3] - swipe[1]) * s / 8).commit();
            touch.release(0, win, swipe[2], swipe[3]).commit();
            checkStillChildMode("after a swipe from " + swipe[0] + "," + swipe[1]);
        }

        // Taps everywhere, on whatever each tap opens.
        for (let y = 20; y < h; y += 60) {
            for (let x = 20; x < w; x += 60)
                mouseClick(win, x, y);
            checkStillChildMode("after the taps along y = " + y);
        }
        tryVerify(() => !ChildMode.checking, 10000);
        checkStillChildMode("after all the taps");
    }

    function test_lockInChildModeReturnsToIt() {
        enterChildMode(800, 1280);
        // Idle: the auto-lock still applies in child mode.
        TestSupport.setAutoLockMilliseconds(400);
        tryVerify(() => !Session.unlocked, 5000, "idle child mode locks");
        TestSupport.setAutoLockMilliseconds(5 * 60 * 1000);
        verify(ChildMode.active, "still the child's tablet");
        tryVerify(() => findChild(root.main, "unlockPage") !== null);
        verify(findChild(root.main, "childModeView") === null, "nothing of the child's either");
        verify(findChild(root.main, "childHouses") === null);

        const unlockAgain = () => {
            if (Session.pinAvailable)
                mouseClick(item("usePassphraseButton"));
            typeInto(item("passphraseField"), "test-passphrase");
            mouseClick(item("unlockButton"));
            tryVerify(() => Session.unlocked, 10000);
            waitForChildMode();
            compare(item("pinSetupDialog").visible, false, "no PIN offer over child mode");
            checkStillChildMode("after unlocking");
        };
        unlockAgain();

        // Locked by hand (the window hidden, say): the same.
        Session.lock();
        tryVerify(() => findChild(root.main, "unlockPage") !== null);
        verify(ChildMode.active);
        unlockAgain();
    }

    function test_pinLeavesAndWrongPinStays() {
        enterChildMode(1280, 800);
        verify(Session.setPin("482913"), Session.errorString);
        const lock = item("childModeLock");
        verify(lock.width >= Theme.touchTarget && lock.width < ChildTheme.touchTarget, "small, but a grown-up can hit it");
        // A child's taps on the lock do not open the PIN pad; holding it does.
        for (let i = 0; i < 5; ++i)
            mouseClick(lock);
        wait(1700);
        compare(item("leaveChildMode").visible, false, "taps do not open the PIN pad");
        holdLock();
        const pad = item("pinPad");
        verify(pad.usePin, "a PIN is set today");

        for (const digit of "000000")
            mouseClick(item("pinKey_" + digit));
        mouseClick(item("pinKey_ok"));
        verify(ChildMode.checking, "checking in the background");
        verify(item("pinPadBusy").running, "and showing it");
        tryVerify(() => !ChildMode.checking, 10000);
        verify(ChildMode.leaveError.length > 0, "a wrong PIN says so");
        verify(item("pinPadError").visible);
        compare(item("pinPadError").text, ChildMode.leaveError);
        checkStillChildMode("after a wrong PIN");

        // Closing the pad goes back to drawing.
        mouseClick(item("pinPadClose"));
        compare(item("leaveChildMode").visible, false);
        checkStillChildMode("after closing the PIN pad");

        // A wrong passphrase says so too.
        holdLock();
        compare(ChildMode.leaveError, "", "a fresh pad");
        mouseClick(item("pinPadUsePassphrase"));
        waitForRendering(pad, 500);
        typeInto(item("pinPadPassphrase"), "not the passphrase");
        keyClick(Qt.Key_Return);
        tryVerify(() => !ChildMode.checking && ChildMode.leaveError.length > 0, 10000);
        checkStillChildMode("after a wrong passphrase");
        // Escape in the passphrase field does not leave either.
        keyClick(Qt.Key_Escape);
        checkStillChildMode("after Escape in the passphrase field");

        // The right PIN ends child mode, back on Amber's three houses.
        mouseClick(item("pinPadUsePassphrase"));
        verify(pad.usePin);
        // The keys are laid out again before a finger can find them.
        waitForRendering(pad, 500);
        for (const digit of "482913")
            mouseClick(item("pinKey_" + digit));
        mouseClick(item("pinKey_ok"));
        tryVerify(() => !ChildMode.checking, 10000);
        tryVerify(() => !ChildMode.active, 10000, "the right PIN leaves: " + ChildMode.leaveError);
        verify(Session.unlocked);
        const page = waitForPage("threeHousesPage");
        compare(page.personId, root.amberId, "back where the practitioner handed over");
        verify(findChild(root.main, "childModeView") === null);
        goBack("threeHousesBackButton");
        waitForPage("familyPage");
    }

    function screens(width, height, familyName, memberIndex) {
        enterChildMode(width, height, familyName, memberIndex);
        const size = width + "x" + height;
        const drawings = [
            // Worries: rain from a cloud, and a sad face.
            {
                "ink": 5,
                "brush": 1,
                "lines": [[[0.15, 0.1], [0.12, 0.22]], [[0.25, 0.1], [0.22, 0.22]], [[0.35, 0.1], [0.32, 0.22]], [[0.7, 0.12], [0.67, 0.24]], [[0.8, 0.12], [0.77, 0.24]]],
                "stickers": [["sad", 0.2, 0.8], ["cloud", 0.82, 0.45]]
            },
            // Good things: a sun and a flower garden.
            {
                "ink": 3,
                "brush": 2,
                "lines": [[[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.2], [0.1, 0.1]], [[0.15, 0.05], [0.15, 0.0]], [[0.25, 0.15], [0.3, 0.15]]],
                "stickers": [["heart", 0.8, 0.2], ["dog", 0.2, 0.82], ["happy", 0.8, 0.82]]
            },
            // Dreams: a purple path to the stars.
            {
                "ink": 6,
                "brush": 1,
                "lines": [[[0.1, 0.95], [0.3, 0.85], [0.5, 0.92], [0.7, 0.84], [0.9, 0.94]], [[0.1, 0.3], [0.3, 0.1], [0.5, 0.25]]],
                "stickers": [["star", 0.82, 0.15], ["ball", 0.2, 0.8]]
            }
        ];
        for (let k = 0; k < 3; ++k) {
            mouseClick(item("openHouse_" + k));
            tryCompare(item("houseEditor"), "visible", true);
            const square = item("houseSquare");
            compare(square.width, square.height, "the drawing is square");
            const drawing = drawings[k];
            mouseClick(item("ink_" + drawing.ink));
            mouseClick(item("brush_" + drawing.brush));
            for (const line of drawing.lines)
                touchPath(item("houseCanvas"), line);
            mouseClick(item("ink_0"));
            mouseClick(item("brush_0"));
            touchPath(item("houseCanvas"), [[0.45, 0.45], [0.55, 0.45], [0.55, 0.55], [0.45, 0.55], [0.45, 0.45]]);
            for (const sticker of drawing.stickers)
                placeSticker(sticker[0], sticker[1], sticker[2]);
            if (k === 1)
                mouseClick(item("shareYes"));
            save(size + "-child-house-" + k);
            mouseClick(item("homeButton"));
        }
        tryCompare(item("housePicker"), "visible", true);
        save(size + "-child-home");

        mouseClick(item("openHouse_0"));
        mouseClick(item("wordsButton"));
        for (const letter of "I WORRY ABOUT")
            mouseClick(item(letter === " " ? "key_space" : "key_" + letter));
        save(size + "-child-keyboard");
        mouseClick(item("key_cancel"));

        mouseClick(item("symbolButton"));
        save(size + "-child-symbols");
        mouseClick(item("symbolChooserClose"));

        // With a PIN today the pad shows its digits (the random run, sorted first, is over).
        if (!Session.pinAvailable)
            verify(Session.setPin("482913"), Session.errorString);
        holdLock();
        for (const digit of "12")
            mouseClick(item("pinKey_" + digit));
        save(size + "-child-pin-pad");
        mouseClick(item("pinPadClose"));
        checkStillChildMode("after the screens");
    }

    // Children the other tests leave alone, so the pictures show only what is drawn here:
    // Rio Carrow (16) in landscape, Jan Brightwell (11) in portrait.
    function test_screensLandscape() {
        screens(1280, 800, "Carrow", 1);
    }

    function test_screensPortrait() {
        screens(800, 1280, "Brightwell", 1);
    }
}
