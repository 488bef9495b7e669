import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// Closing a case on the real store, driven by taps and typing: a goal marked achieved, a
// crisis card made with the family, an ending letter started from the achieved goal, and
// the case closed into maintenance with a reason. Then the family page and the caseload
// show it, maintenance reviews fall due, and a maintenance review moves them on.
TestCase {
    id: root

    name: "Closure"
    width: 1280
    height: 1280
    visible: true
    when: windowShown

    property Item page: null

    Component {
        id: planComponent

        PlanPage {
        }
    }

    Component {
        id: closureComponent

        ClosurePage {
        }
    }

    Component {
        id: familyComponent

        FamilyPage {
        }
    }

    Component {
        id: caseloadComponent

        CaseloadPage {
        }
    }

    function initTestCase() {
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
    }

    function cleanupTestCase() {
        Session.lock();
    }

    function openPage(component) {
        const properties = {
            "width": 1280,
            "height": 800
        };
        if (component !== caseloadComponent)
            properties.familyId = TestSupport.familyId("Carrow");
        root.page = createTemporaryObject(component, root, properties);
        verify(root.page);
        waitForRendering(root.page);
        return root.page;
    }

    function saveScreenshot(name) {
        if (TestSupport.screenshotFolder.length === 0)
            return;
        waitForRendering(root.page);
        grabImage(root.page).save(TestSupport.screenshotFolder + "/" + name + ".png");
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    // Scrolls the page so the item is on screen, as a finger would.
    function reveal(item) {
        const flick = findChild(root.page, "pageFlick");
        if (!flick)
            return;
        const y = item.mapToItem(flick.contentItem, 0, 0).y;
        if (y < flick.contentY || y + item.height > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(y - 100, flick.contentHeight - flick.height));
        waitForRendering(root.page);
    }

    function tap(item) {
        verify(item);
        reveal(item);
        mouseClick(item);
    }

    function typeInto(parentItem, objectName, text) {
        const input = findChild(parentItem, objectName + "Input");
        verify(input, objectName);
        tap(input);
        verify(input.activeFocus, objectName + " has the keyboard");
        typeText(text);
        return input;
    }

    function todayText() {
        return new Date().toLocaleDateString(Qt.locale(), "d MMM yyyy");
    }

    function markRiosGoalAchieved() {
        openPage(planComponent);
        tryCompare(findChild(root.page, "planController"), "found", true);
        const groups = findChild(root.page, "goalGroupRepeater");
        let rio = null;
        for (let i = 0; i < groups.count; ++i) {
            if (groups.itemAt(i).name === "Rio Carrow")
                rio = groups.itemAt(i);
        }
        verify(rio);
        tap(findChild(rio, "addGoalButton"));
        const goal = findChild(rio, "goalRepeater").itemAt(0);
        typeInto(goal, "goalWordsField", "I get to college on time");
        tryCompare(findChild(root.page, "planSaveState"), "text", "Saved", 3000);
        const status = findChild(goal, "goalStatusBox");
        tryCompare(status, "enabled", true);
        compare(status.currentText, "Open");
        tap(status);
        tryCompare(status.popup, "opened", true);
        const achieved = findChild(status.popup.contentItem, "goalStatusChoice_achieved");
        verify(achieved, "the status list offers Achieved");
        mouseClick(achieved);
        tryCompare(status, "currentText", "Achieved");
        tryCompare(goal, "status", "achieved");
    }

    function test_closeIntoMaintenanceWithACrisisCard() {
        markRiosGoalAchieved();

        openPage(closureComponent);
        const ending = findChild(root.page, "closureController");
        tryCompare(ending, "found", true);
        compare(findChild(root.page, "caseStageDetailValue").text, "Open");
        const warning = findChild(root.page, "crisisCardWarning");
        verify(warning.visible, "no crisis card yet");
        const close = findChild(root.page, "closeCaseButton");
        verify(!close.enabled);
        compare(findChild(root.page, "closeHint").text, "Choose how the case ends.");

        tap(findChild(root.page, "outcome_maintenance"));
        compare(ending.outcome, "maintenance");
        compare(findChild(root.page, "closeHint").text, "Write the reason for closing the case.");
        typeInto(root.page, "closureReasonField", "Rio is settled at college; Dee asked for a light touch for a year");
        verify(close.enabled, "an outcome and a reason are enough to close");
        verify(warning.visible, "but the missing crisis card is still flagged");

        // The crisis card, made with the family.
        typeInto(root.page, "warningSignsField", "Rio stops going in; Dee not sleeping");
        typeInto(root.page, "whatToDoField", "Talk it through with Gran the same day");
        typeInto(root.page, "whoToCallField", "Gran 07700 900123; Family Hub 0300 123 4567");
        tryCompare(warning, "visible", false);

        // The ending letter starts from what the family achieved.
        typeInto(root.page, "letterAddressedToField", "Dee and Rio");
        tap(findChild(root.page, "useAchievedGoalsButton"));
        const progress = findChild(root.page, "letterProgressFieldInput");
        compare(progress.text, "What you have achieved together:\n• Rio: I get to college on time");
        verify(!findChild(root.page, "useAchievedGoalsButton").visible);
        tap(progress);
        keyClick(Qt.Key_End, Qt.ControlModifier);
        keyClick(Qt.Key_Return);
        typeText("You kept going when it was hard.");
        typeInto(root.page, "letterHelpField", "Family Hub, weekdays 9 to 5");
        tryCompare(findChild(root.page, "closureSaveState"), "text", "Saved", 3000);
        compare(findChild(root.page, "crisisCardMadeOn").text, "Made on " + todayText());
        findChild(root.page, "pageFlick").contentY = 0;
        saveScreenshot("closure-landscape");
        root.page.width = 800;
        root.page.height = 1280;
        saveScreenshot("closure-portrait");
        root.page.width = 1280;
        root.page.height = 800;

        // The family's copies, saved as PDF into the folder typed in; never over each other.
        const folder = TestSupport.makeFolder("closure-copies");
        const folderField = findChild(root.page, "familyCopiesFolderFieldInput");
        reveal(folderField);
        folderField.text = folder;
        const result = findChild(root.page, "familyCopiesResult");
        tap(findChild(root.page, "saveCrisisCardPdfButton"));
        const cardPath = result.text.replace("Saved as ", "");
        verify(/^.*\/closure-copies\/Carrow crisis card \d{4}-\d\d-\d\d\.pdf$/.test(cardPath), cardPath);
        compare(TestSupport.fileSize(cardPath) > 1000, true, "a whole PDF is there");
        tap(findChild(root.page, "saveCrisisCardPdfButton"));
        compare(result.text, "Saved as " + cardPath.replace(".pdf", " (2).pdf"), "the first is kept");
        verify(TestSupport.fileSize(cardPath.replace(".pdf", " (2).pdf")) > 1000);
        tap(findChild(root.page, "saveEndingLetterPdfButton"));
        const letterPath = result.text.replace("Saved as ", "");
        verify(letterPath.indexOf("/Carrow ending letter ") > 0, letterPath);
        verify(TestSupport.fileSize(letterPath) > 1000);
        saveScreenshot("closure-copies-saved");
        folderField.text = folder + "/missing";
        tap(findChild(root.page, "saveEndingLetterPdfButton"));
        compare(result.text, "Nothing was saved: the folder " + folder + "/missing does not exist.");
        compare(result.color, Theme.danger);
        folderField.text = folder;

        // Close: the dialog names the outcome and what follows; confirming closes it today.
        tap(close);
        const dialog = findChild(root.page, "closeCaseDialog");
        tryCompare(dialog, "opened", true);
        compare(findChild(dialog.contentItem, "confirmOutcome").text, "Into maintenance");
        if (TestSupport.screenshotFolder.length > 0)
            grabImage(root).save(TestSupport.screenshotFolder + "/closure-confirm.png");
        // Laid out before the tap, so the tap lands on the button.
        waitForRendering(dialog.footer);
        mouseClick(findChild(dialog.footer, "confirmCloseButton"));
        tryCompare(dialog, "opened", false);
        compare(findChild(root.page, "caseStageDetailValue").text, "In maintenance since " + todayText());
        verify(findChild(root.page, "outcome_maintenance") === null, "maintenance is not offered again");
        verify(findChild(root.page, "outcome_stepped_down"), "it can still close for good later");
        compare(findChild(root.page, "closureReasonFieldInput").text, "", "the next decision starts empty");
        findChild(root.page, "pageFlick").contentY = 0;
        saveScreenshot("closure-in-maintenance");

        // The family page and the caseload show it, with maintenance reviews due.
        openPage(familyComponent);
        tryCompare(findChild(root.page, "familyController"), "found", true);
        compare(findChild(root.page, "closureDetailValue").text, "In maintenance since " + todayText());
        const deadlines = findChild(root.page, "deadlineRepeater");
        compare(deadlines.count, 7, "three met casework timescales and four maintenance reviews");
        compare(deadlines.itemAt(3).name, "1-month maintenance review");
        compare(deadlines.itemAt(3).statusText, "Not yet due");
        compare(deadlines.itemAt(6).name, "12-month maintenance review");
        for (let i = 0; i < deadlines.count; ++i)
            verify(deadlines.itemAt(i).name !== "Review", "casework reviews stop");
        saveScreenshot("closure-family-page");
        openPage(caseloadComponent);
        tryCompare(findChild(root.page, "familyList"), "count", 3);
        const carrow = findChild(root.page, "family_" + TestSupport.familyId("Carrow"));
        verify(carrow.nextDueText.startsWith("1-month maintenance review due from "), carrow.nextDueText);
        compare(carrow.caseStageText, "In maintenance since " + todayText());
        verify(findChild(carrow, "caseStage").visible);
        saveScreenshot("closure-caseload");

        // A maintenance review held today: the 1-month one is met, the 3-month one is next.
        openPage(planComponent);
        tryCompare(findChild(root.page, "planController"), "found", true);
        tap(findChild(root.page, "recordReviewButton"));
        const review = findChild(root.page, "reviewDialog");
        tryCompare(review, "opened", true);
        waitForRendering(review.contentItem);
        compare(findChild(review, "reviewKindBox").currentText, "Maintenance review");
        typeInto(review, "reviewAttendeesField", "Dee, Rio");
        tryCompare(findChild(review, "reviewSaveState"), "text", "Saved", 3000);
        mouseClick(findChild(review, "reviewDoneButton"));
        tryCompare(review, "opened", false);
        openPage(caseloadComponent);
        tryCompare(findChild(root.page, "familyList"), "count", 3);
        const again = findChild(root.page, "family_" + TestSupport.familyId("Carrow"));
        verify(again.nextDueText.startsWith("3-month maintenance review due from "), again.nextDueText);

        // In the store: lock, unlock, and read the ending back on a fresh page.
        root.page.destroy();
        root.page = null;
        Session.lock();
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
        openPage(closureComponent);
        const fresh = findChild(root.page, "closureController");
        tryCompare(fresh, "found", true);
        compare(fresh.stage, ClosureController.Maintenance);
        compare(fresh.warningSigns, "Rio stops going in; Dee not sleeping");
        compare(fresh.whatToDo, "Talk it through with Gran the same day");
        compare(fresh.whoToCall, "Gran 07700 900123; Family Hub 0300 123 4567");
        compare(fresh.addressedTo, "Dee and Rio");
        compare(fresh.progress, "What you have achieved together:\n• Rio: I get to college on time\nYou kept going when it was hard.");
        compare(fresh.whereToGetHelp, "Family Hub, weekdays 9 to 5");
        compare(fresh.closures.length, 1);
        compare(fresh.closures[0].reason, "Rio is settled at college; Dee asked for a light touch for a year");
        compare(findChild(root.page, "letterWrittenOn").text, "Written on " + todayText());
    }
}
