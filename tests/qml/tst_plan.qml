import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// The My Family Plan on the real store, driven by taps and typing: goals for two members
// in their own words, an action with who and by when, agreeing the goals, completing the
// plan and recording a review; then the timescales on the plan, family and caseload pages,
// and what a fresh page reads back after the store is locked and reopened.
TestCase {
    id: root

    name: "Plan"
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
            properties.familyId = TestSupport.familyId("Brightwell");
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

    // Taps a field (scrolled into view first) and types into it.
    function typeInto(parentItem, objectName, text) {
        const input = findChild(parentItem, objectName + "Input");
        verify(input, objectName);
        reveal(input);
        mouseClick(input);
        verify(input.activeFocus, objectName + " has the keyboard");
        typeText(text);
        return input;
    }

    // Scrolls the page's Flickable so the item is on screen, as a finger would.
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

    function group(name) {
        const repeater = findChild(root.page, "goalGroupRepeater");
        for (let i = 0; i < repeater.count; ++i) {
            if (repeater.itemAt(i).name === name)
                return repeater.itemAt(i);
        }
        return null;
    }

    function dateText(daysFromToday) {
        const day = new Date();
        day.setDate(day.getDate() + daysFromToday);
        return Qt.formatDate(day, "dd/MM/yyyy");
    }

    function test_goalsActionsAgreementAndReview() {
        openPage(planComponent);
        const plan = findChild(root.page, "planController");
        tryCompare(plan, "found", true);
        compare(findChild(root.page, "planStatusDetailValue").text, "Draft");
        compare(findChild(root.page, "goalsAgreedDetailValue").text, "Not yet");
        const deadlines = findChild(root.page, "planDeadlineRepeater");
        compare(deadlines.count, 2, "goals and plan");
        verify(deadlines.itemAt(0).sentence.startsWith("Goals overdue since "), deadlines.itemAt(0).sentence);
        verify(deadlines.itemAt(1).sentence.startsWith("Plan overdue since "), deadlines.itemAt(1).sentence);
        verify(!findChild(root.page, "agreeGoalsButton").visible, "no goals to agree yet");

        // Jan's goal, then Kasia's, each typed into the box its button opens.
        const jan = group("Jan Brightwell");
        tap(findChild(jan, "addGoalButton"));
        const janGoals = findChild(jan, "goalRepeater");
        compare(janGoals.count, 1);
        typeInto(janGoals.itemAt(0), "goalWordsField", "I want to go to school every day");
        const kasia = group("Kasia Brightwell");
        tap(findChild(kasia, "addGoalButton"));
        typeInto(findChild(kasia, "goalRepeater").itemAt(0), "goalWordsField", "Sort out the rent arrears with housing");
        tryCompare(findChild(root.page, "planSaveState"), "text", "Saved", 3000);
        compare(findChild(jan, "goalAgreed").text, "Not agreed yet");

        // An action with who and by when, working toward Jan's goal.
        tap(findChild(root.page, "addActionButton"));
        const actions = findChild(root.page, "actionRepeater");
        compare(actions.count, 1);
        const action = actions.itemAt(0);
        typeInto(action, "actionDescriptionField", "Walk Jan to school each morning");
        typeInto(action, "actionWhoField", "Kasia");
        typeInto(action, "actionDueField", "31/02");
        tryCompare(findChild(action, "actionDueProblem"), "visible", true, 3000);
        const due = findChild(action, "actionDueFieldInput");
        mouseClick(due);
        keyClick(Qt.Key_A, Qt.ControlModifier);
        typeText(dateText(14));
        tryCompare(findChild(action, "actionDueProblem"), "visible", false, 3000);
        tryCompare(findChild(root.page, "planSaveState"), "text", "Saved", 3000);
        tap(findChild(action, "actionGoalButton"));
        const janChoice = findChild(Overlay.overlay, "goalChoice_1");
        verify(janChoice, "the goal menu lists the goals");
        compare(janChoice.text, "Jan: I want to go to school every day");
        mouseClick(janChoice);
        tryCompare(action, "goalText", "Jan: I want to go to school every day");
        verify(findChild(action, "actionStatus").text.startsWith("Due by "));

        // The family agree their goals, and the plan is complete: both dated today.
        const today = new Date().toLocaleDateString(Qt.locale(), "d MMM yyyy");
        tap(findChild(root.page, "agreeGoalsButton"));
        compare(findChild(root.page, "goalsAgreedDetailValue").text, today);
        compare(findChild(jan, "goalAgreed").text, "Agreed on " + today);
        compare(deadlines.itemAt(0).statusText, "Met late");
        tap(findChild(root.page, "completePlanButton"));
        compare(findChild(root.page, "planStatusDetailValue").text, "Complete");
        compare(findChild(root.page, "planCompletedDetailValue").text, today);
        compare(deadlines.count, 3);
        verify(deadlines.itemAt(2).sentence.startsWith("Review due from "), deadlines.itemAt(2).sentence);
        compare(deadlines.itemAt(2).statusText, "Not yet due");
        saveScreenshot("plan-landscape");
        root.page.width = 800;
        root.page.height = 1280;
        saveScreenshot("plan-portrait");
        reveal(findChild(root.page, "planActionsCard"));
        saveScreenshot("plan-portrait-actions");
        root.page.width = 1280;
        root.page.height = 800;
        saveScreenshot("plan-back-to-landscape");

        // A review with who attended and what was decided.
        tap(findChild(root.page, "recordReviewButton"));
        const dialog = findChild(root.page, "reviewDialog");
        tryCompare(dialog, "opened", true);
        waitForRendering(dialog.contentItem);
        compare(findChild(dialog, "reviewDateFieldInput").text, dateText(0));
        compare(findChild(dialog, "reviewKindBox").currentText, "Review");
        typeInto(dialog, "reviewAttendeesField", "Kasia, Jan, Mrs Patel (school)");
        typeInto(dialog, "reviewOutcomeField", "Jan was in school every day this week");
        tryCompare(findChild(dialog, "reviewSaveState"), "text", "Saved", 3000);
        if (TestSupport.screenshotFolder.length > 0)
            grabImage(root).save(TestSupport.screenshotFolder + "/plan-review-dialog.png");
        mouseClick(findChild(dialog, "reviewDoneButton"));
        tryCompare(dialog, "opened", false);
        const reviews = findChild(root.page, "reviewRepeater");
        compare(reviews.count, 1);
        compare(reviews.itemAt(0).attendees, "Kasia, Jan, Mrs Patel (school)");
        compare(findChild(reviews.itemAt(0), "reviewOutcome").text, "Outcome: Jan was in school every day this week");
        // The next review is now counted from today: 4 to 6 weeks on.
        const nextFrom = new Date();
        nextFrom.setDate(nextFrom.getDate() + 28);
        compare(deadlines.itemAt(2).sentence.indexOf(nextFrom.toLocaleDateString(Qt.locale(), "ddd d MMM")), "Review due from ".length, deadlines.itemAt(2).sentence);
        const nextDue = deadlines.itemAt(2).sentence;
        saveScreenshot("plan-after-review");

        // The store has it all: lock, unlock, and read it back on fresh pages.
        root.page.destroy();
        root.page = null;
        Session.lock();
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
        openPage(planComponent);
        tryCompare(findChild(root.page, "planController"), "found", true);
        compare(findChild(root.page, "planStatusDetailValue").text, "Complete");
        compare(findChild(findChild(group("Jan Brightwell"), "goalRepeater").itemAt(0), "goalWordsFieldInput").text, "I want to go to school every day");
        compare(findChild(findChild(group("Kasia Brightwell"), "goalRepeater").itemAt(0), "goalWordsFieldInput").text, "Sort out the rent arrears with housing");
        compare(findChild(group("Ola Brightwell"), "goalRepeater").count, 0);
        saveScreenshot("plan-reopened");
        const saved = findChild(root.page, "actionRepeater").itemAt(0);
        compare(saved.description, "Walk Jan to school each morning");
        compare(saved.who, "Kasia");
        compare(saved.dueText, dateText(14));
        compare(saved.goalText, "Jan: I want to go to school every day");
        compare(findChild(root.page, "reviewRepeater").count, 1);
        compare(findChild(root.page, "planDeadlineRepeater").itemAt(2).sentence, nextDue);

        // The family page and the caseload count from the same dates.
        openPage(familyComponent);
        tryCompare(findChild(root.page, "familyController"), "found", true);
        verify(findChild(root.page, "planDetailValue").text.startsWith("Complete, started "));
        const familyDeadlines = findChild(root.page, "deadlineRepeater");
        compare(familyDeadlines.count, 4, "first contact, goals, plan and the next review");
        compare(familyDeadlines.itemAt(3).sentence, nextDue);
        openPage(caseloadComponent);
        const list = findChild(root.page, "familyList");
        tryCompare(list, "count", 3);
        const brightwell = findChild(root.page, "family_" + TestSupport.familyId("Brightwell"));
        verify(brightwell);
        compare(brightwell.nextDueText, nextDue);
        compare(brightwell.overdueBadges.length, 0, "nothing is overdue any more");
        compare(list.itemAtIndex(2).familyName, "Brightwell", "the least urgent case is last");
    }
}
