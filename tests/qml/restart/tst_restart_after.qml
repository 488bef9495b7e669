import QtQuick
import Doorstep.Models
import DoorstepTest
import ".."

// The second half of the restart test: a new process on the store the first half left,
// finding everything as it was left.
AppTestCase {
    id: root

    name: "RestartAfter"

    function init() {
        if (!TestSupport.storeKept)
            skip("runs only as the second half of the restart test (DOORSTEP_TEST_STORE)");
    }

    function visitAsLeft(family) {
        const visits = findChild(family, "familyController").visits;
        tryVerify(() => visits.count >= 1, 3000, "the visit is on the family's timeline");
        tap(findChild(family, "visitRepeater").itemAt(0));
        waitForPage("visitPage");
        const visit = item("visitController");
        verify(visit.isFinal, "the visit is still final");
        compare(visit.location, "Family home");
        compare(visit.worries, "Rent arrears letter");
        verify(visit.children[0].seen && visit.children[0].seenAlone);
        compare(visit.amendments.length, 1);
        compare(visit.amendments[0].body, "Housing officer called");
        verify(item("worriesFieldInput").readOnly);
        goBack("visitBackButton");
    }

    function consentAsLeft() {
        tap(item("consentButton"));
        waitForPage("consentPage");
        tryCompare(item("consentController").consents, "count", 1);
        const record = item("consentRepeater").itemAt(0);
        compare(record.personName, "Amber Ashdown");
        compare(record.consentState, ConsentListModel.Withdrawn);
        compare(record.agenciesText, "School");
        compare(record.purpose, "School attendance");
        compare(record.signature.length, 1, "the signature's stroke");
        verify(record.signature[0].length > 5, "the stroke holds its points");
        verify(!findChild(record, "withdrawButton").visible);
        const amber = item("consentPeopleRepeater").itemAt(0);
        verify(amber.consentText.startsWith("Consent withdrawn on "), amber.consentText);
        goBack("consentBackButton");
    }

    function planAsLeft() {
        tap(item("openPlanButton"));
        waitForPage("planPage");
        const plan = item("planController");
        tryCompare(plan, "found", true);
        verify(plan.goalsAgreedOnText.length > 0, "the goals are still agreed");
        const amber = item("goalGroupRepeater").itemAt(0);
        const goals = findChild(amber, "goalRepeater");
        compare(goals.count, 1);
        compare(findChild(goals.itemAt(0), "goalWordsFieldInput").text, "I want my mum to stop worrying about the rent");
        const reviews = item("reviewRepeater");
        compare(reviews.count, 1);
        compare(reviews.itemAt(0).attendees, "Mum, Amber, housing officer");
        compare(findChild(reviews.itemAt(0), "reviewOutcome").text, "Outcome: Repayment plan agreed with housing");
        goBack("planBackButton");
    }

    function closureAsLeft() {
        tap(item("openClosureButton"));
        waitForPage("closurePage");
        const closure = item("closureController");
        tryCompare(closure, "found", true);
        compare(closure.stage, ClosureController.Maintenance);
        compare(closure.closures.length, 1);
        compare(closure.closures[0].reason, "Rent is being repaid; Amber is settled");
        compare(item("warningSignsFieldInput").text, "Another arrears letter");
        compare(item("whatToDoFieldInput").text, "Ring the housing officer that week");
        compare(item("whoToCallFieldInput").text, "Family Hub 0300 123 4567");
        goBack("closureBackButton");
    }

    function test_everythingAsLeft() {
        startApp(800, 1280);
        unlockWithPassphrase();

        const family = openFamily("Ashdown");
        verify(item("closureDetailValue").text.startsWith("In maintenance since "), item("closureDetailValue").text);
        visitAsLeft(family);
        consentAsLeft();
        planAsLeft();
        closureAsLeft();
    }
}
