import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// Records a home visit by typing and tapping, finalises it, amends it, and finds it all
// again after the store is locked and reopened.
TestCase {
    id: root

    name: "Visit"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    property Item page: null

    Component {
        id: visitComponent

        VisitPage {
            width: root.width
            height: root.height
        }
    }

    Component {
        id: controllerComponent

        VisitController {
            session: Session
        }
    }

    function unlock() {
        if (Session.unlocked)
            return;
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
    }

    function saveScreenshot(name) {
        if (TestSupport.screenshotFolder.length > 0)
            grabImage(root.page).save(TestSupport.screenshotFolder + "/" + name + ".png");
    }

    function typeInto(objectName, text) {
        const input = findChild(root.page, objectName + "Input");
        verify(input, objectName);
        mouseClick(input);
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    function openVisit(familyId, visitId) {
        root.page = createTemporaryObject(visitComponent, root, {
            "familyId": familyId,
            "visitId": visitId
        });
        verify(root.page);
        waitForRendering(root.page);
    }

    function test_recordFinaliseAmendAndReopen() {
        unlock();
        const familyId = TestSupport.familyId("Ashdown");
        openVisit(familyId, "");

        typeInto("locationField", "Family home");
        typeInto("worriesField", "Rent arrears letter");
        typeInto("workingWellField", "Mum walks them to school");
        // Amber was seen, alone.
        mouseClick(findChild(root.page, "childSeen0"));
        mouseClick(findChild(root.page, "childAlone0"));
        tryCompare(findChild(root.page, "saveState"), "text", "Saved", 3000);

        const finalise = findChild(root.page, "finaliseButton");
        verify(finalise.enabled, "a saved draft can be finalised");
        saveScreenshot("visit-draft");

        mouseClick(finalise);
        const dialog = findChild(root.page, "finaliseDialog");
        tryCompare(dialog, "opened", true);
        dialog.accept();
        tryCompare(findChild(root.page, "finaliseButton"), "visible", false);
        verify(findChild(root.page, "worriesFieldInput").readOnly, "final records are read-only");

        typeInto("amendmentField", "Housing officer called after the visit");
        mouseClick(findChild(root.page, "addAmendmentButton"));
        saveScreenshot("visit-final-amended");

        // Restart: lock (closing the store), unlock, and load the visit in a new controller.
        const reopenedId = findChild(root.page, "visitController").visitId;
        verify(reopenedId.length > 0);
        root.page.destroy();
        root.page = null;
        Session.lock();
        verify(!Session.unlocked);
        unlock();
        const again = createTemporaryObject(controllerComponent, root, {
            "familyId": familyId
        });
        verify(again);
        compare(again.visitId, "");
        again.visitId = reopenedId;
        compare(again.worries, "Rent arrears letter");
        compare(again.location, "Family home");
        compare(again.workingWell, "Mum walks them to school");
        verify(again.isFinal);
        compare(again.amendments.length, 1);
        compare(again.amendments[0].body, "Housing officer called after the visit");
        compare(again.children.length, 1);
        verify(again.children[0].seen);
        verify(again.children[0].seenAlone);
        again.worries = "changed after finalising";
        compare(again.worries, "Rent arrears letter", "a final record does not change");
    }
}
