import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// A practitioner sets up sync from the caseload with what IT gave them, against a real
// server in this test program: a mistyped address is named and changes nothing; the
// right details connect the tablet, and its first sync sends the caseload.
AppTestCase {
    id: root

    name: "Enrol"

    function cleanup() {
        if (root.main) {
            root.main.destroy();
            root.main = null;
        }
        Session.lock();
    }

    function clearAndType(field, text) {
        const input = item(field + "Input");
        input.selectAll();
        tap(input);
        input.selectAll();
        keyClick(Qt.Key_Delete);
        typeInto(input, text);
    }

    function test_enrol_from_the_caseload() {
        const given = TestSyncServer.enrolment();
        verify(given.code, "the test server started");
        startApp(1280, 800);
        unlockWithPassphrase();
        compare(item("syncStatus").text, "Not set up to sync");
        verify(!item("syncButton").visible);

        mouseClick(item("setUpSyncButton"));
        const dialog = item("enrolDialog");
        tryCompare(dialog, "opened", true);

        // Not https: refused in words, nothing enrolled, the dialog stays with what was typed.
        clearAndType("enrolAddressField", given.address.replace("https:", "http:"));
        clearAndType("enrolCertificateField", given.caFile);
        clearAndType("enrolCodeField", given.code);
        mouseClick(item("enrolButton"));
        tryVerify(() => item("enrolProblem").visible);
        verify(item("enrolProblem").text.startsWith("The server address should look like"));
        verify(dialog.visible);
        compare(item("enrolCodeFieldInput").text, given.code);

        clearAndType("enrolAddressField", given.address);
        mouseClick(item("enrolButton"));
        tryCompare(dialog, "visible", false, 10000);
        verify(!item("setUpSyncButton").visible);
        verify(item("syncButton").visible);
        tryVerify(() => item("syncStatus").text.startsWith("Synced at"), 15000,
                  "the first sync ran: " + item("syncStatus").text);
        compare(item("syncProblem").text, "");
    }
}
