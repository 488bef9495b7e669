import QtQuick
import Doorstep.Models
import DoorstepTest
import ".."

// The first half of a practitioner's day, on a store that outlives this process: the
// second half (tst_restart_after.qml, run as a new process) must find it all as left.
// Every step is a tap or a key press on the real app.
AppTestCase {
    id: root

    name: "RestartBefore"

    function init() {
        if (!TestSupport.storeKept)
            skip("runs only as the first half of the restart test (DOORSTEP_TEST_STORE)");
    }

    // A signature of one stroke drawn with the mouse.
    function sign(pad) {
        mousePress(pad, pad.width * 0.1, pad.height * 0.6);
        for (let i = 1; i <= 12; ++i)
            mouseMove(pad, pad.width * (0.1 + i * 0.06), pad.height * (0.6 - 0.25 * Math.sin(i / 2)), -1, Qt.LeftButton);
        mouseRelease(pad, pad.width * 0.82, pad.height * 0.5);
        compare(pad.strokeCount, 1, "the signature is drawn");
    }

    function recordVisit() {
        mouseClick(item("recordVisitButton"));
        waitForPage("visitPage");
        typeInto(item("locationFieldInput"), "Family home");
        typeInto(item("worriesFieldInput"), "Rent arrears letter");
        mouseClick(item("childSeen0"));
        mouseClick(item("childAlone0"));
        tryCompare(item("saveState"), "text", "Saved", 3000);
        mouseClick(item("finaliseButton"));
        tryCompare(item("finaliseDialog"), "opened", true);
        mouseClick(item("confirmFinaliseButton"));
        tryCompare(item("finaliseButton"), "visible", false);
        typeInto(item("amendmentFieldInput"), "Housing officer called");
        mouseClick(item("addAmendmentButton"));
        tryCompare(item("visitController").amendments, "length", 1);
        goBack("visitBackButton");
    }

    // Amber's mother signs for her; the consent is then withdrawn.
    function consentThenWithdraw() {
        tap(item("consentButton"));
        waitForPage("consentPage");
        const amber = item("consentPeopleRepeater").itemAt(0);
        compare(amber.name, "Amber Ashdown");
        mouseClick(findChild(amber, "recordConsent_" + amber.personId));
        tryCompare(item("consentDialog"), "opened", true);
        wait(40);
        mouseClick(item("agency_school"));
        typeInto(item("consentPurposeInput"), "School attendance");
        sign(item("signaturePad"));
        mouseClick(item("saveConsentButton"));
        tryCompare(item("consentDialog"), "opened", false);
        const consents = item("consentController").consents;
        tryCompare(consents, "count", 1);
        const record = item("consentRepeater").itemAt(0);
        compare(record.consentState, ConsentListModel.Valid);

        tap(findChild(record, "withdrawButton"));
        tryCompare(item("withdrawConsentDialog"), "opened", true);
        wait(40);
        mouseClick(item("confirmWithdrawButton"));
        tryCompare(record, "consentState", ConsentListModel.Withdrawn);
        goBack("consentBackButton");
    }

    // A goal in Amber's words, agreed with the family, and a review meeting.
    function goalsAndReview() {
        tap(item("openPlanButton"));
        waitForPage("planPage");
        const amber = item("goalGroupRepeater").itemAt(0);
        compare(amber.name, "Amber Ashdown");
        tap(findChild(amber, "addGoalButton"));
        const goal = findChild(amber, "goalRepeater").itemAt(0);
        const words = findChild(goal, "goalWordsFieldInput");
        typeInto(words, "I want my mum to stop worrying about the rent");
        tryCompare(item("planSaveState"), "text", "Saved", 3000);
        tap(item("agreeGoalsButton"));
        tryVerify(() => item("planController").goalsAgreedOnText.length > 0, 3000, "the goals are agreed");

        tap(item("recordReviewButton"));
        const dialog = item("reviewDialog");
        tryCompare(dialog, "opened", true);
        wait(40);
        typeInto(findChild(dialog, "reviewAttendeesFieldInput"), "Mum, Amber, housing officer");
        typeInto(findChild(dialog, "reviewOutcomeFieldInput"), "Repayment plan agreed with housing");
        tryCompare(findChild(dialog, "reviewSaveState"), "text", "Saved", 3000);
        mouseClick(findChild(dialog, "reviewDoneButton"));
        tryCompare(dialog, "opened", false);
        goBack("planBackButton");
    }

    // Into maintenance, with a crisis card made with the family.
    function closeWithACrisisCard() {
        tap(item("openClosureButton"));
        waitForPage("closurePage");
        tap(item("outcome_maintenance"));
        typeInto(item("closureReasonFieldInput"), "Rent is being repaid; Amber is settled");
        typeInto(item("warningSignsFieldInput"), "Another arrears letter");
        typeInto(item("whatToDoFieldInput"), "Ring the housing officer that week");
        typeInto(item("whoToCallFieldInput"), "Family Hub 0300 123 4567");
        tryCompare(item("closureSaveState"), "text", "Saved", 3000);
        tap(item("closeCaseButton"));
        const dialog = item("closeCaseDialog");
        tryCompare(dialog, "opened", true);
        wait(40);
        mouseClick(findChild(dialog.footer, "confirmCloseButton"));
        tryCompare(dialog, "opened", false);
        compare(item("closureController").stage, ClosureController.Maintenance);
        goBack("closureBackButton");
    }

    function test_dayBeforeRestart() {
        startApp(1280, 800);
        root.main.requestActivate();
        tryVerify(() => item("passphraseField").activeFocus, 3000, "typing goes straight into the passphrase");
        unlockWithPassphrase();

        openFamily("Ashdown");
        recordVisit();
        consentThenWithdraw();
        goalsAndReview();
        closeWithACrisisCard();

        goBack("familyBackButton");
        mouseClick(item("lockButton"));
        tryVerify(() => !Session.unlocked);
    }
}
