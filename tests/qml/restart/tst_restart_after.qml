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

    function test_everythingAsLeft() {
        startApp(800, 1280);
        unlockWithPassphrase();

        const family = openFamily("Ashdown");
        const visits = findChild(family, "familyController").visits;
        tryVerify(() => visits.count >= 1, 3000, "the visit is on the family's timeline");
        mouseClick(findChild(family, "visitRepeater").itemAt(0));
        waitForPage("visitPage");
        const visit = item("visitController");
        verify(visit.isFinal, "the visit is still final");
        compare(visit.location, "Family home");
        compare(visit.worries, "Rent arrears letter");
        verify(visit.children[0].seen && visit.children[0].seenAlone);
        compare(visit.amendments.length, 1);
        compare(visit.amendments[0].body, "Housing officer called");
        verify(item("worriesFieldInput").readOnly);
    }
}
