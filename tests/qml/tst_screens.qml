import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// A tour of every screen of the app, in landscape (1280×800) and portrait (800×1280),
// driven by taps and typing like a practitioner's day. With DOORSTEP_SCREENSHOT_DIR set it
// saves each screen as PNG; ScreenCheck.mode "pseudo" fails on text that skipped qsTr or
// is cut short under a longer pseudo-translation, and "rtl" fails on layouts that do not
// mirror for right-to-left languages.
AppTestCase {
    id: root

    name: "Screens"

    property string sizeName: ""
    property var problems: []

    function cleanup() {
        // A failure inside child mode: the passphrase ends it, so the next tour starts clean.
        if (ChildMode.active) {
            tryVerify(() => !ChildMode.checking, 10000);
            ChildMode.leave("test-passphrase");
            tryVerify(() => !ChildMode.active, 10000, "child mode ends with the passphrase");
        }
        if (root.main) {
            root.main.destroy();
            root.main = null;
        }
        ScreenCheck.setPseudoTranslation(false);
        Session.lock();
    }

    // waitForRendering would sit out its whole timeout on a screen that is already still.
    function settle() {
        wait(40);
    }

    function screen(name) {
        // StackView transitions and popups must have finished before a picture is fair.
        const stack = findChild(root.main, "pageStack");
        if (stack)
            tryVerify(() => !stack.busy, 3000);
        settle();
        const view = windowRoot();
        // Layouts finish over a few polish passes: wait until nothing moves.
        let before = JSON.stringify(ScreenCheck.geometry(view));
        for (let i = 0; i < 20; ++i) {
            settle();
            const now = JSON.stringify(ScreenCheck.geometry(view));
            if (now === before)
                break;
            before = now;
        }
        const mode = ScreenCheck.mode;
        if (mode === "pseudo") {
            const texts = ScreenCheck.untranslatedTexts(view);
            const clipped = ScreenCheck.clippedTexts(view);
            for (const t of texts)
                root.problems.push(root.sizeName + " " + name + ": untranslated " + t);
            for (const c of clipped)
                root.problems.push(root.sizeName + " " + name + ": " + c);
        } else if (mode === "rtl") {
            const plain = ScreenCheck.geometry(view);
            Theme.rightToLeft = true;
            settle();
            const mirrored = ScreenCheck.geometry(view);
            for (const m of ScreenCheck.mirrorMismatches(plain, mirrored, view.width))
                root.problems.push(root.sizeName + " " + name + ": not mirrored " + m);
            save(name);
            Theme.rightToLeft = false;
            settle();
            return;
        }
        save(name);
    }

    function save(name) {
        if (TestSupport.screenshotFolder.length === 0)
            return;
        const suffix = ScreenCheck.mode.length > 0 ? "-" + ScreenCheck.mode : "";
        grabImage(windowRoot()).save(TestSupport.screenshotFolder + "/" + root.sizeName + "-"
                                     + name + suffix + ".png");
    }

    // A finger drawn through points given as fractions of the canvas's side.
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

    // From the family page: the family tree, a person chosen on it, the dialog that adds a
    // relative, and the ecomap with its links; back on the family page.
    function genogram() {
        tap(item("openGenogramButton"));
        waitForPage("genogramPage");
        const controller = item("genogramController");
        tryCompare(controller, "found", true);
        screen("genogram");
        const view = item("genogramView");
        const first = controller.people[0].id;
        const at = view.toItem(controller.scene.positionOf(first));
        mouseClick(view, at.x, at.y);
        tryCompare(view, "selectedPersonId", first);
        screen("genogram-person");
        tap(item("add_parent"));
        const dialog = item("addRelativeDialog");
        tryCompare(dialog, "opened", true);
        screen("genogram-add-relative");
        mouseClick(item("cancelRelativeButton"));
        tryCompare(dialog, "visible", false);
        mouseClick(item("ecomapTab"));
        tryCompare(view, "showEcomap", true);
        screen("ecomap");
        goBack("genogramBackButton");
    }

    // From the family page: a child's three houses as the practitioner sees them, the
    // letter's preview and a house open; then child mode, handed over and drawn in, with its
    // keyboard, symbols and PIN pad, and the PIN that ends it, back on the family page.
    function threeHouses() {
        const members = item("memberRepeater");
        tryVerify(() => members.count > 0);
        let button = null;
        for (let i = 0; i < members.count && !button; ++i) {
            const member = members.itemAt(i);
            const found = findChild(member, "threeHouses_" + member.personId);
            if (found && found.visible)
                button = found;
        }
        verify(button, "a child in the family has a Three houses button");
        tap(button);
        waitForPage("threeHousesPage");
        tryCompare(item("threeHousesController"), "found", true);
        screen("three-houses");

        typeInto(item("letterMessageInput"), "Dear Jan, thank you for showing me your houses.");
        tap(item("previewLetterButton"));
        const preview = item("letterPreviewDialog");
        tryCompare(preview, "opened", true);
        tryVerify(() => item("letterPages").count > 0, 10000, "the letter has pages");
        tryCompare(item("letterPage_0"), "status", Image.Ready);
        screen("three-houses-letter");
        mouseClick(item("closeLetterPreviewButton"));
        tryCompare(preview, "visible", false);

        tap(item("openHouseButton_0"));
        tryCompare(item("openHouse"), "visible", true);
        screen("three-houses-open");
        mouseClick(item("threeHousesBackButton"));
        tryCompare(item("pageFlick"), "visible", true);

        // Child mode: a house drawn in, with a sticker, then the three houses.
        tap(item("handToChildButton"));
        tryVerify(() => ChildMode.active);
        tryVerify(() => findChild(root.main, "childModeView") !== null, 5000, "child mode is shown");
        tryCompare(item("childHouses"), "found", true);
        // The new view takes a frame before a finger's touches reach it.
        settle();
        mouseClick(item("openHouse_1"));
        tryCompare(item("houseEditor"), "visible", true);
        mouseClick(item("ink_4"));
        mouseClick(item("brush_2"));
        touchPath(item("houseCanvas"), [[0.1, 0.9], [0.3, 0.8], [0.5, 0.88], [0.7, 0.8], [0.9, 0.9]]);
        tryVerify(() => item("childHouses").houses[1].strokeCount > 0, 3000, "a line drawn");
        mouseClick(item("sticker_sun"));
        const square = item("houseSquare");
        mouseClick(square, square.width * 0.8, square.height * 0.2);
        tryVerify(() => item("childHouses").houses[1].stickers.length > 0, 3000, "a sticker placed");
        screen("child-house");
        mouseClick(item("homeButton"));
        tryCompare(item("housePicker"), "visible", true);
        screen("child-home");

        // The child's keyboard, with a few of its letters typed (the child's words are case
        // data to the check).
        mouseClick(item("openHouse_0"));
        tryCompare(item("houseEditor"), "visible", true);
        mouseClick(item("wordsButton"));
        tryCompare(item("wordsOverlay"), "visible", true);
        const keyboard = item("childKeyboard");
        for (const letter of keyboard.letters.slice(0, 3))
            mouseClick(item("key_" + letter));
        mouseClick(item("key_space"));
        for (const letter of keyboard.letters.slice(9, 12))
            mouseClick(item("key_" + letter));
        ScreenCheck.addDataTexts([keyboard.text]);
        // A key shows one piece of the alphabet a translation gives, too short to carry the
        // pseudo-translation's marks: the alphabet must come from qsTr, and its keys are let
        // through as the words typed are.
        if (ScreenCheck.mode === "pseudo") {
            verify(keyboard.letters.join("").indexOf("\u27e6") >= 0, "the keyboard's letters are translated");
            ScreenCheck.addDataTexts(keyboard.letters);
        }
        screen("child-keyboard");
        mouseClick(item("key_cancel"));
        tryCompare(item("wordsOverlay"), "visible", false);

        mouseClick(item("symbolButton"));
        tryCompare(item("symbolChooser"), "visible", true);
        screen("child-symbols");
        mouseClick(item("symbolChooserClose"));
        tryCompare(item("symbolChooser"), "visible", false);

        // The grown-up's way out: the lock held down, then the PIN set this morning.
        const lock = item("childModeLock");
        mousePress(lock);
        wait(1700);
        mouseRelease(lock);
        tryCompare(item("leaveChildMode"), "visible", true);
        verify(item("pinPad").usePin, "a PIN is set today");
        for (const digit of "48")
            mouseClick(item("pinKey_" + digit));
        screen("child-pin-pad");
        for (const digit of "2913")
            mouseClick(item("pinKey_" + digit));
        mouseClick(item("pinKey_ok"));
        tryVerify(() => !ChildMode.checking, 10000);
        tryVerify(() => !ChildMode.active, 10000, "the PIN ends child mode: " + ChildMode.leaveError);
        waitForPage("threeHousesPage");
        goBack("threeHousesBackButton");
        waitForPage("familyPage");
    }

    function tour(width, height) {
        root.sizeName = width + "x" + height;
        root.problems = [];
        if (ScreenCheck.mode === "pseudo")
            ScreenCheck.setPseudoTranslation(true);
        startApp(width, height);
        screen("unlock");

        // A PIN set earlier today: the start-of-day passphrase is still one tap away.
        if (Session.pinAvailable)
            mouseClick(item("usePassphraseButton"));
        typeInto(item("passphraseField"), "test-passphrase");
        mouseClick(item("unlockButton"));
        tryVerify(() => Session.unlocked, 10000);
        const pinDialog = item("pinSetupDialog");
        if (!pinDialog.visible)
            pinDialog.open();
        tryCompare(pinDialog, "opened", true);
        screen("pin-setup");
        typeInto(item("pinField"), "482913");
        mouseClick(item("setPinButton"));
        tryCompare(pinDialog, "visible", false);

        tryVerify(() => item("familyList").count === 3);
        screen("caseload");

        // A supervisor's team: its families with their checks, then its practitioners.
        verify(TestSupport.becomeSupervisor());
        ScreenCheck.addDataTexts(["Amara Osei", "Sam Okoye", "North"]);
        // Shown once the layout has made room for it.
        tryVerify(() => item("teamButton").visible && item("teamButton").height > 0);
        wait(40);
        mouseClick(item("teamButton"));
        waitForPage("teamPage");
        tryVerify(() => item("teamFamilyList").count === 3);
        screen("team");
        mouseClick(item("practitionersTab"));
        tryVerify(() => item("practitionerList").visible);
        screen("team-practitioners");
        goBack("teamBackButton");
        mouseClick(item("setUpSyncButton"));
        const enrol = item("enrolDialog");
        tryCompare(enrol, "opened", true);
        screen("enrol");
        mouseClick(item("cancelEnrolButton"));
        tryCompare(enrol, "visible", false);
        typeInto(item("searchField"), "Bri");
        tryVerify(() => item("familyList").count === 1);
        screen("caseload-search");

        mouseClick(item("family_" + TestSupport.familyId("Brightwell")));
        tryVerify(() => findChild(root.main, "familyPage") !== null);
        tryCompare(findChild(root.main, "familyController"), "found", true);
        screen("family");

        mouseClick(item("addMemberButton"));
        const addMember = item("addMemberDialog");
        tryCompare(addMember, "opened", true);
        screen("family-add-member");
        mouseClick(item("cancelAddMemberButton"));
        tryCompare(addMember, "visible", false);

        // Consent: each person's status, then recording one.
        mouseClick(item("consentButton"));
        waitForPage("consentPage");
        screen("consent");
        const people = item("consentPeopleRepeater");
        tryVerify(() => people.count > 0);
        const person = people.itemAt(0);
        mouseClick(findChild(person, "recordConsent_" + person.personId));
        const consentDialog = item("consentDialog");
        tryCompare(consentDialog, "opened", true);
        screen("consent-record");
        mouseClick(item("cancelConsentButton"));
        tryCompare(consentDialog, "visible", false);
        mouseClick(item("openShareButton"));
        const shareDialog = item("shareDialog");
        tryCompare(shareDialog, "opened", true);
        screen("consent-share");
        shareDialog.close();
        tryCompare(shareDialog, "visible", false);
        goBack("consentBackButton");

        // My Family Plan and a review meeting.
        mouseClick(item("openPlanButton"));
        waitForPage("planPage");
        screen("plan");
        tap(item("recordReviewButton"));
        const reviewDialog = item("reviewDialog");
        tryCompare(reviewDialog, "opened", true);
        screen("plan-review");
        reviewDialog.close();
        tryCompare(reviewDialog, "visible", false);
        goBack("planBackButton");

        // Closure: outcome, crisis card and ending letter.
        mouseClick(item("openClosureButton"));
        waitForPage("closurePage");
        screen("closure");
        goBack("closureBackButton");

        genogram();
        threeHouses();

        mouseClick(item("recordVisitButton"));
        tryVerify(() => findChild(root.main, "visitPage") !== null);
        screen("visit-new");

        Session.lock();
        tryVerify(() => findChild(root.main, "unlockPage") !== null);
        screen("unlock-pin");

        if (root.problems.length > 0)
            fail(root.problems.length + " problems:\n" + root.problems.join("\n"));
    }

    function test_landscape() {
        tour(1280, 800);
    }

    function test_portrait() {
        tour(800, 1280);
    }
}
