import QtQuick
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// The caseload on the real store: most urgent first with overdue badges, narrowed by a
// typed search, and a tap on a family chooses it.
TestCase {
    id: root

    name: "Caseload"
    width: 1280
    height: 1280
    visible: true
    when: windowShown

    property Item page: null

    Component {
        id: caseloadComponent

        CaseloadPage {
        }
    }

    SignalSpy {
        id: chosenSpy

        signalName: "familyChosen"
    }

    function initTestCase() {
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
    }

    function cleanupTestCase() {
        Session.lock();
    }

    function init() {
        root.page = createTemporaryObject(caseloadComponent, root, {
                "width": 1280,
                "height": 800
            });
        chosenSpy.target = root.page;
        chosenSpy.clear();
        const list = findChild(root.page, "familyList");
        tryCompare(list, "count", 3);
        tryVerify(() => list.itemAtIndex(2) !== null, 5000, "the delegates are laid out");
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

    function row(familyName) {
        return findChild(root.page, "family_" + TestSupport.familyId(familyName));
    }

    function test_mostUrgentFirstWithOverdueBadges() {
        const list = findChild(root.page, "familyList");
        compare(list.itemAtIndex(0).familyName, "Brightwell", "goals were due longest ago");
        compare(list.itemAtIndex(1).familyName, "Ashdown");
        compare(list.itemAtIndex(2).familyName, "Carrow", "its review is not due yet");
        const brightwell = row("Brightwell");
        verify(brightwell.nextDueText.startsWith("Goals overdue since "), brightwell.nextDueText);
        compare(brightwell.overdueBadges, ["Goals overdue", "Plan overdue"]);
        compare(brightwell.childCount, 2);
        verify(brightwell.Accessible.name.indexOf("Goals overdue, Plan overdue") >= 0, brightwell.Accessible.name);
        const ashdown = row("Ashdown");
        verify(ashdown.nextDueText.startsWith("First contact overdue since "), ashdown.nextDueText);
        compare(ashdown.overdueBadges, ["First contact overdue"]);
        const carrow = row("Carrow");
        verify(carrow.nextDueText.startsWith("Review due from "), carrow.nextDueText);
        compare(carrow.overdueBadges.length, 0);
        compare(carrow.childCount, 1);
        verify(carrow.height >= Theme.touchTarget);
        saveScreenshot("caseload-landscape");
        root.page.width = 800;
        root.page.height = 1280;
        saveScreenshot("caseload-portrait");
    }

    function test_searchNarrowsTheList() {
        const list = findChild(root.page, "familyList");
        mouseClick(findChild(root.page, "searchField"));
        typeText("CARR");
        tryCompare(list, "count", 1);
        tryVerify(() => list.itemAtIndex(0) && list.itemAtIndex(0).familyName === "Carrow");
        compare(findChild(root.page, "familyCount").text, "1 family");
        typeText("x");
        tryCompare(list, "count", 0);
        const empty = findChild(root.page, "emptyCaseload");
        verify(empty.visible);
        compare(empty.text, "No family's name contains “CARRx”.");
        saveScreenshot("caseload-no-match");
        keyClick(Qt.Key_Backspace);
        tryCompare(list, "count", 1);
        mouseClick(findChild(root.page, "clearSearchButton"));
        compare(findChild(root.page, "searchField").text, "");
        tryCompare(list, "count", 3);
        verify(!empty.visible);
    }

    function test_enterSearchesAtOnce() {
        const list = findChild(root.page, "familyList");
        mouseClick(findChild(root.page, "searchField"));
        typeText("brig");
        keyClick(Qt.Key_Return);
        compare(list.count, 1, "no pause after Enter");
        compare(findChild(root.page, "familyCount").text, "1 family");
    }

    function test_tappingAFamilyChoosesIt() {
        const ashdown = row("Ashdown");
        mouseClick(ashdown);
        compare(chosenSpy.count, 1);
        compare(chosenSpy.signalArguments[0][0], TestSupport.familyId("Ashdown"));
    }

    function test_aNewChildUpdatesTheRowInPlace() {
        const ashdown = row("Ashdown");
        const children = ashdown.childCount;
        const controller = createTemporaryQmlObject("import Doorstep.Models; FamilyController { session: Session }", root);
        controller.familyId = TestSupport.familyId("Ashdown");
        verify(controller.addMember("Sky", "Ashdown", "02/03/2020", "", "", "child", ""), controller.addMemberError);
        tryCompare(ashdown, "childCount", children + 1);
        compare(row("Ashdown"), ashdown, "the same delegate: the row changed, nothing was reset");
    }
}
