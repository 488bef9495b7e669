import QtQuick
import Doorstep.Models
import DoorstepTest
import ".."

// The first half of a practitioner's day, on a store that outlives this process: the
// second half (tst_restart_after.qml, run as a new process) must find it all as left.
AppTestCase {
    id: root

    name: "RestartBefore"

    function init() {
        if (!TestSupport.storeKept)
            skip("runs only as the first half of the restart test (DOORSTEP_TEST_STORE)");
    }

    function test_dayBeforeRestart() {
        startApp(1280, 800);
        root.main.requestActivate();
        tryVerify(() => item("passphraseField").activeFocus, 3000, "typing goes straight into the passphrase");
        unlockWithPassphrase();

        // A home visit, typed, finalised, then amended.
        openFamily("Ashdown");
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

        goBack("familyBackButton");
        mouseClick(item("lockButton"));
        tryVerify(() => !Session.unlocked);
    }
}
