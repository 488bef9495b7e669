import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// A test that drives the whole app (Main.qml) as a practitioner would: by taps and
// typing, finding items by objectName.
TestCase {
    id: root

    property ApplicationWindow main: null

    width: 400
    height: 300
    visible: true
    when: windowShown

    Component {
        id: mainComponent

        Main {}
    }

    function startApp(width, height) {
        root.main = createTemporaryObject(mainComponent, root, {
            "width": width,
            "height": height
        });
        verify(root.main);
        wait(40);
    }

    // The whole window, with any open dialog in its overlay.
    function windowRoot() {
        return root.main.contentItem.parent ? root.main.contentItem.parent : root.main.contentItem;
    }

    function item(objectName) {
        const found = findChild(root.main, objectName) || findChild(windowRoot(), objectName);
        verify(found, objectName + " is on the screen");
        return found;
    }

    function waitForPage(objectName) {
        tryVerify(() => findChild(root.main, objectName) !== null, 5000, objectName);
        const stack = findChild(root.main, "pageStack");
        if (stack)
            tryVerify(() => !stack.busy, 3000);
        wait(40);
        return findChild(root.main, objectName);
    }

    // Taps an item, first scrolling the page so it is on the screen, as a finger would.
    function tap(target) {
        let flick = target.parent;
        while (flick && (flick.contentY === undefined || flick.contentItem === undefined))
            flick = flick.parent;
        if (flick) {
            const at = target.mapToItem(flick.contentItem, 0, 0);
            if (at.y < flick.contentY || at.y + target.height > flick.contentY + flick.height) {
                flick.contentY = Math.max(0, Math.min(at.y - 24, flick.contentHeight - flick.height));
                wait(40);
            }
        }
        mouseClick(target);
    }

    // Taps a field (scrolled onto the screen first) and types into it.
    function typeInto(input, text) {
        tap(input);
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    // Unlocks with the start-of-day passphrase, declining the PIN offer.
    function unlockWithPassphrase() {
        if (Session.pinAvailable)
            mouseClick(item("usePassphraseButton"));
        typeInto(item("passphraseField"), "test-passphrase");
        mouseClick(item("unlockButton"));
        tryVerify(() => Session.unlocked, 10000);
        const pinDialog = item("pinSetupDialog");
        if (pinDialog.visible) {
            tryCompare(pinDialog, "opened", true);
            mouseClick(item("skipPinButton"));
            tryCompare(pinDialog, "visible", false);
        }
        waitForPage("caseloadPage");
    }

    // Finds a family on the caseload by searching for its name, and opens it.
    function openFamily(name) {
        const search = item("searchField");
        typeInto(search, name);
        tryVerify(() => item("familyList").count === 1, 3000, "one family found");
        mouseClick(item("family_" + TestSupport.familyId(name)));
        const page = waitForPage("familyPage");
        tryCompare(findChild(page, "familyController"), "found", true);
        return page;
    }

    function goBack(backButton) {
        mouseClick(item(backButton));
        const stack = item("pageStack");
        tryVerify(() => !stack.busy, 3000);
    }
}
