import QtQuick
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// Unlocks the real encrypted store by touch and keyboard, searches the caseload, locks.
TestCase {
    id: root

    name: "Unlock"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    property Item page: null

    Component {
        id: unlockComponent

        UnlockPage {
            width: root.width
            height: root.height
        }
    }

    Component {
        id: caseloadComponent

        CaseloadPage {
            width: root.width
            height: root.height
        }
    }

    SignalSpy {
        id: unlockedSpy

        target: Session
        signalName: "unlockedChanged"
    }

    function saveScreenshot(name) {
        if (TestSupport.screenshotFolder.length > 0)
            grabImage(root.page).save(TestSupport.screenshotFolder + "/" + name + ".png");
    }

    function cleanup() {
        if (root.page)
            root.page.destroy();
        root.page = null;
        Session.lock();
        unlockedSpy.clear();
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    function test_wrongPassphraseShowsAnError() {
        root.page = createTemporaryObject(unlockComponent, root);
        const field = findChild(root.page, "passphraseField");
        const button = findChild(root.page, "unlockButton");
        mouseClick(field);
        typeText("not-the-passphrase");
        mouseClick(button);
        tryVerify(() => !Session.busy && Session.errorString.length > 0, 10000);
        verify(!Session.unlocked);
        compare(findChild(root.page, "unlockError").visible, true);
        verify(Session.errorString.indexOf("not correct") >= 0, Session.errorString);
        compare(field.text, "", "the passphrase does not linger in the field");
        saveScreenshot("unlock-wrong-passphrase");
    }

    function test_rightPassphraseUnlocksAndListsFamilies() {
        root.page = createTemporaryObject(unlockComponent, root);
        saveScreenshot("unlock");
        const field = findChild(root.page, "passphraseField");
        const button = findChild(root.page, "unlockButton");
        compare(button.enabled, false, "nothing to unlock with yet");
        mouseClick(field);
        typeText("test-passphrase");
        mouseClick(button);
        unlockedSpy.wait(10000);
        verify(Session.unlocked);

        root.page.destroy();
        root.page = createTemporaryObject(caseloadComponent, root);
        const list = findChild(root.page, "familyList");
        tryCompare(list, "count", 3);
        waitForRendering(root.page);
        saveScreenshot("caseload");

        mouseClick(findChild(root.page, "searchField"));
        typeText("bright");
        tryCompare(list, "count", 1);

        mouseClick(findChild(root.page, "lockButton"));
        verify(!Session.unlocked);
        compare(list.count, 0, "no case data is left in the model once locked");
    }
}
