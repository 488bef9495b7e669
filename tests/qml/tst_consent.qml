import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// Consent to share on the real store: reached from the family page; a signed consent
// recorded with a signature drawn by synthesised mouse and touch strokes, after refusals
// that keep what was entered; its signed form saved as a PDF; withdrawn; and sharing with
// an agency refused until everyone has consented.
TestCase {
    id: root

    name: "Consent"
    width: 1280
    height: 1280
    visible: true
    when: windowShown

    property Item page: null

    Component {
        id: familyComponent

        FamilyPage {
        }
    }

    Component {
        id: consentComponent

        ConsentPage {
        }
    }

    SignalSpy {
        id: consentSpy

        signalName: "consentChosen"
    }

    function initTestCase() {
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
    }

    function cleanupTestCase() {
        Session.lock();
    }

    function openConsent(familyName) {
        root.page = createTemporaryObject(consentComponent, root, {
            "familyId": TestSupport.familyId(familyName),
            "width": 1280,
            "height": 800
        });
        verify(root.page);
        const controller = findChild(root.page, "consentController");
        tryCompare(controller, "found", true);
        waitForRendering(root.page);
        return controller;
    }

    function saveScreenshot(name) {
        if (TestSupport.screenshotFolder.length === 0)
            return;
        waitForRendering(root.page);
        grabImage(root.page).save(TestSupport.screenshotFolder + "/" + name + ".png");
    }

    // Both orientations of the tablet, then back to landscape.
    function saveBothScreenshots(name) {
        saveScreenshot(name + "-landscape");
        root.page.width = 800;
        root.page.height = 1280;
        saveScreenshot(name + "-portrait");
        root.page.width = 1280;
        root.page.height = 800;
        waitForRendering(root.page);
    }

    // A dialog's content is in the window's overlay; its header and footer are found
    // through the dialog, its QObject parent.
    function inOverlay(objectName) {
        let item = findChild(Overlay.overlay, objectName);
        if (!item)
            item = findChild(root.page, objectName);
        verify(item, objectName);
        return item;
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    function personRow(name) {
        const repeater = findChild(root.page, "consentPeopleRepeater");
        for (let i = 0; i < repeater.count; ++i) {
            if (repeater.itemAt(i).name === name)
                return repeater.itemAt(i);
        }
        return null;
    }

    // A signature of two strokes: one with the mouse, one with a finger.
    function sign(pad) {
        const w = pad.width;
        const h = pad.height;
        mousePress(pad, w * 0.1, h * 0.6);
        for (let i = 1; i <= 12; ++i)
            mouseMove(pad, w * (0.1 + i * 0.03), h * (0.6 - 0.25 * Math.sin(i / 2)), -1, Qt.LeftButton);
        mouseRelease(pad, w * 0.46, h * 0.55);
        compare(pad.strokeCount, 1, "the mouse drew a stroke");

        const touch = touchEvent(pad);
        touch.press(0, pad, w * 0.5, h * 0.7).commit();
        // Qt Quick merges the moves of a touch that arrive within one frame, as a finger's
        // do: a frame passes between these, as it would on a tablet.
        for (let i = 1; i <= 10; ++i) {
            touch.move(0, pad, w * (0.5 + i * 0.035), h * (0.7 - i * 0.03)).commit();
            wait(20);
        }
        touch.release(0, pad, w * 0.85, h * 0.4).commit();
        compare(pad.strokeCount, 2, "the finger drew a second stroke");
        verify(pad.strokes[0].length > 5 && pad.strokes[1].length > 5, "strokes hold their points");
    }

    function test_a_theFamilyPageLeadsToConsent() {
        root.page = createTemporaryObject(familyComponent, root, {
            "familyId": TestSupport.familyId("Carrow"),
            "width": 1280,
            "height": 800
        });
        tryCompare(findChild(root.page, "familyController"), "found", true);
        consentSpy.target = root.page;
        consentSpy.clear();
        mouseClick(findChild(root.page, "consentButton"));
        compare(consentSpy.count, 1);
    }

    function test_b_recordASignedConsentThenWithdrawIt() {
        const controller = openConsent("Carrow");
        compare(controller.people.count, 2);
        compare(controller.consents.count, 0);
        // Another family's consent is in the store from the start.
        const consents = TestSupport.liveRecords("consent");
        const drawings = TestSupport.liveRecords("drawing");
        const strokes = TestSupport.liveRecords("stroke");
        const documents = TestSupport.liveRecords("document");
        const rio = personRow("Rio Carrow");
        verify(rio, "Rio is listed");
        compare(rio.consentText, "No consent recorded");

        mouseClick(findChild(rio, "recordConsent_" + rio.personId));
        const dialog = findChild(root.page, "consentDialog");
        tryCompare(dialog, "opened", true);
        // Let the dialog lay itself out for its width before tapping into it.
        waitForRendering(root.page);
        compare(inOverlay("consentPersonInput").currentText, "Rio Carrow");
        verify(inOverlay("givenBySelfButton").checked, "a young person signs for themselves");
        verify(!inOverlay("givenOnBehalfButton").checked);
        compare(inOverlay("consentExpiryFieldInput").text, controller.defaultExpiryText);

        // Nothing chosen: every problem is named and nothing is saved.
        mouseClick(inOverlay("saveConsentButton"));
        const error = inOverlay("recordConsentError");
        tryCompare(error, "visible", true);
        verify(error.text.indexOf("Tick at least one agency") >= 0, error.text);
        verify(error.text.indexOf("Write what the information will be shared for.") >= 0, error.text);
        verify(error.text.indexOf("Ask Rio Carrow to sign in the box.") >= 0, error.text);
        verify(dialog.opened, "the dialog stays open");

        mouseClick(inOverlay("agency_school"));
        mouseClick(inOverlay("agency_health"));
        verify(inOverlay("agency_school").checked);
        const purpose = inOverlay("consentPurposeInput");
        mouseClick(purpose);
        typeText("School attendance and health");
        mouseClick(inOverlay("saveConsentButton"));
        tryCompare(error, "text", "Ask Rio Carrow to sign in the box.");
        verify(inOverlay("agency_school").checked, "the agencies stay chosen");
        verify(inOverlay("agency_health").checked);
        compare(purpose.text, "School attendance and health");
        compare(TestSupport.liveRecords("consent"), consents, "nothing was saved");
        saveBothScreenshots("consent-refused");

        const pad = inOverlay("signaturePad");
        sign(pad);
        // A slip of the pen is taken back with undo, and the rest of the signature stays.
        mousePress(pad, pad.width * 0.6, pad.height * 0.2);
        mouseMove(pad, pad.width * 0.7, pad.height * 0.3, -1, Qt.LeftButton);
        mouseMove(pad, pad.width * 0.72, pad.height * 0.32, -1, Qt.LeftButton);
        mouseRelease(pad, pad.width * 0.75, pad.height * 0.35);
        compare(pad.strokeCount, 3, "the slip drew a third stroke");
        mouseClick(inOverlay("undoStrokeButton"));
        compare(pad.strokeCount, 2, "undo took back the slip only");
        compare(error.text, "Ask Rio Carrow to sign in the box.", "the message stays until saved");
        saveScreenshot("consent-signing");
        mouseClick(inOverlay("saveConsentButton"));
        tryCompare(dialog, "opened", false);
        compare(controller.recordError, "");

        // Listed as valid, with the signature drawn again from the stored strokes.
        tryCompare(controller.consents, "count", 1);
        const record = findChild(root.page, "consentRepeater").itemAt(0);
        compare(record.personName, "Rio Carrow");
        compare(record.consentState, ConsentListModel.Valid);
        verify(record.statusText.startsWith("Valid until "), record.statusText);
        compare(record.agenciesText, "School, Health");
        compare(record.purpose, "School attendance and health");
        compare(record.givenByText, "Rio Carrow, their own consent");
        compare(record.signature.length, 2);
        verify(findChild(record, "consentSignature").visible);
        verify(findChild(record, "withdrawButton").visible);
        verify(rio.consentText.startsWith("Consent valid until "), rio.consentText);
        compare(TestSupport.liveRecords("consent"), consents + 1);
        compare(TestSupport.liveRecords("drawing"), drawings + 1);
        compare(TestSupport.liveRecords("stroke"), strokes + 2);

        // The form as signed is kept with it, and saved as a PDF into a folder chosen here.
        compare(TestSupport.liveRecords("document"), documents + 1);
        compare(record.formState, ConsentListModel.Here);
        verify(!findChild(record, "consentFormNote").visible, "nothing to explain");
        const saveForm = findChild(record, "saveFormButton");
        verify(saveForm.visible);
        const folder = TestSupport.makeFolder("forms");
        verify(folder.length > 0);
        const folderInput = findChild(root.page, "consentFormsFolderFieldInput");
        verify(folderInput.visible);
        compare(folderInput.text, controller.defaultExportFolder);
        mouseClick(folderInput);
        folderInput.selectAll();
        typeText(folder);
        compare(folderInput.text, folder);
        mouseClick(saveForm);
        const saved = findChild(record, "consentFormResult");
        tryCompare(saved, "visible", true);
        const path = folder + "/Carrow consent form Rio Carrow " + Qt.formatDate(new Date(), "yyyy-MM-dd") + ".pdf";
        compare(saved.text, "Saved as " + path);
        compare(saved.color, Theme.success);
        verify(TestSupport.fileSize(path) > 1000, "the form is written whole");
        saveBothScreenshots("consent-valid");

        // Withdraw, after confirming: a new record dated today.
        mouseClick(findChild(record, "withdrawButton"));
        const withdraw = findChild(root.page, "withdrawConsentDialog");
        tryCompare(withdraw, "opened", true);
        waitForRendering(root.page);
        const question = inOverlay("withdrawQuestion").text;
        verify(question.indexOf("Rio Carrow") >= 0 && question.indexOf(controller.todayText) >= 0, question);
        saveScreenshot("consent-withdraw-question");
        mouseClick(inOverlay("confirmWithdrawButton"));
        tryCompare(withdraw, "opened", false);
        tryCompare(record, "consentState", ConsentListModel.Withdrawn);
        compare(record.statusText, "Withdrawn on " + controller.todayText);
        verify(!findChild(record, "withdrawButton").visible, "a withdrawn consent cannot be withdrawn again");
        compare(rio.consentText, "Consent withdrawn on " + controller.todayText);
        compare(TestSupport.liveRecords("consent"), consents + 2, "the grant and its withdrawal");
        compare(TestSupport.liveRecords("stroke"), strokes + 2);
        saveBothScreenshots("consent-withdrawn");

        // Read back from the store by a page made afresh.
        const firstStroke = record.signature[0].length;
        root.page.destroy();
        const again = openConsent("Carrow");
        compare(again.consents.count, 1);
        const reread = findChild(root.page, "consentRepeater").itemAt(0);
        compare(reread.consentState, ConsentListModel.Withdrawn);
        compare(reread.signature.length, 2);
        compare(reread.signature[0].length, firstStroke);
    }

    function test_c_sharingIsRefusedUntilEveryoneHasConsented() {
        const controller = openConsent("Carrow");
        mouseClick(findChild(root.page, "openShareButton"));
        const dialog = findChild(root.page, "shareDialog");
        tryCompare(dialog, "opened", true);
        waitForRendering(root.page);
        const agency = inOverlay("shareAgencyFieldInput");
        agency.forceActiveFocus();
        keyClick(Qt.Key_Down);
        compare(agency.currentText, "School");
        const check = inOverlay("shareCheck");
        tryVerify(() => check.text.startsWith("Nothing can be shared with School until everyone"), 2000, check.text);

        const folder = TestSupport.makeFolder("shares");
        verify(folder.length > 0);
        const folderInput = inOverlay("shareFolderFieldInput");
        mouseClick(folderInput);
        folderInput.selectAll();
        typeText(folder);
        compare(folderInput.text, folder);

        mouseClick(inOverlay("shareButton"));
        const result = inOverlay("shareResult");
        tryCompare(result, "visible", true);
        verify(result.text.startsWith("Nothing was shared with School, because not everyone in the family has valid consent:"), result.text);
        verify(result.text.indexOf("Dee Carrow has never given consent to share with School.") >= 0, result.text);
        saveBothScreenshots("share-refused");

        // Dee and Rio sign for the school; then the share is written.
        const people = findChild(root.page, "consentPeopleRepeater");
        const strokes = [[Qt.point(0.1, 0.5), Qt.point(0.4, 0.45)]];
        for (let i = 0; i < people.count; ++i)
            verify(controller.recordConsent(people.itemAt(i).personId, ["school"], "School attendance", true, controller.defaultExpiryText, strokes), controller.recordError);
        tryCompare(check, "text", "Everyone in the family has valid consent to share with School.");
        mouseClick(inOverlay("shareButton"));
        tryVerify(() => result.text.startsWith("Saved for sharing as " + folder + "/carrow-school-"), 2000, result.text);
        saveBothScreenshots("share-written");
        mouseClick(inOverlay("closeShareButton"));
        tryCompare(dialog, "opened", false);
    }
}
