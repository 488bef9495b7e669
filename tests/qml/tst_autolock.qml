import QtQuick
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// The session locks itself after idle time, stays open while someone is using it, and a
// PIN set today unlocks it again.
TestCase {
    id: root

    name: "AutoLock"
    width: 800
    height: 1280
    visible: true
    when: windowShown

    Component {
        id: unlockComponent

        UnlockPage {
            width: root.width
            height: root.height
        }
    }

    function unlockWithPassphrase() {
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
    }

    function cleanup() {
        TestSupport.setAutoLockMilliseconds(5 * 60 * 1000);
        Session.lock();
    }

    function test_idleLocksAndInputKeepsOpen() {
        unlockWithPassphrase();
        TestSupport.setAutoLockMilliseconds(400);
        // Input within the idle time keeps the session open.
        for (let i = 0; i < 6; ++i) {
            wait(150);
            mouseMove(root, 10 + i, 10);
        }
        verify(Session.unlocked, "in use, so still unlocked");
        tryVerify(() => !Session.unlocked, 3000, "idle, so locked");
    }

    function test_pinUnlocksLaterInTheDay() {
        unlockWithPassphrase();
        verify(!Session.setPin("12"), "too short");
        verify(Session.errorString.indexOf("4 to 8 digits") >= 0, Session.errorString);
        verify(Session.setPin("482913"));
        Session.lock();
        verify(Session.pinAvailable);

        const page = createTemporaryObject(unlockComponent, root);
        waitForRendering(page);
        if (TestSupport.screenshotFolder.length > 0)
            grabImage(page).save(TestSupport.screenshotFolder + "/unlock-pin-portrait.png");
        const field = findChild(page, "passphraseField");
        compare(field.placeholderText, "PIN");
        mouseClick(field);
        for (const digit of "000000")
            keyClick(digit);
        mouseClick(findChild(page, "unlockButton"));
        tryVerify(() => !Session.busy && Session.errorString.indexOf("PIN is not correct") >= 0, 10000);
        verify(!Session.unlocked);

        mouseClick(field);
        for (const digit of "482913")
            keyClick(digit);
        mouseClick(findChild(page, "unlockButton"));
        tryVerify(() => Session.unlocked, 10000);
    }
}
