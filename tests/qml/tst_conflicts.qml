import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// Conflict versions on the family page: notes changed on this tablet and another at once
// show a marker; tapping it compares both versions side by side; a merged text or one kept
// version becomes the record's text and the marker goes. A change that arrived after a visit
// was finalised is read and added as an amendment instead. With DOORSTEP_SCREENSHOT_DIR set
// the screens are saved.
TestCase {
    id: root

    name: "Conflicts"
    width: 1280
    height: 1280
    visible: true
    when: windowShown

    property Item page: null
    property string sizeName: ""

    readonly property string mine: "Rent arrears: the eviction letter came on Monday."
    readonly property string theirs: "Jan was late to school twice this week."

    Component {
        id: familyComponent

        FamilyPage {
        }
    }

    Component {
        id: visitComponent

        VisitPage {
        }
    }

    function initTestCase() {
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
    }

    function cleanupTestCase() {
        Session.lock();
    }

    function overlay() {
        return root.page.Overlay.overlay;
    }

    function item(objectName) {
        const found = findChild(root.page, objectName) || findChild(overlay(), objectName);
        verify(found, objectName + " is on the screen");
        return found;
    }

    function openFamily(width, height) {
        root.sizeName = width + "x" + height;
        root.page = createTemporaryObject(familyComponent, root, {
                "familyId": TestSupport.familyId("Brightwell"),
                "width": width,
                "height": height
            });
        verify(root.page);
        tryCompare(findChild(root.page, "familyController"), "found", true);
        wait(40);
    }

    // The id of Brightwell's draft or final visit, from the timeline.
    function visitId(isFinal) {
        const visits = item("visitRepeater");
        tryVerify(() => visits.count === 2);
        for (let i = 0; i < visits.count; ++i) {
            if (visits.itemAt(i).isFinal === isFinal)
                return visits.itemAt(i).visitId;
        }
        fail("no such visit");
        return "";
    }

    // Taps an item, first scrolling its page or dialog so it is on the screen.
    function tap(target) {
        let flick = target.parent;
        while (flick && (flick.contentY === undefined || flick.contentItem === undefined))
            flick = flick.parent;
        if (flick) {
            const at = target.mapToItem(flick.contentItem, 0, 0);
            if (at.y < flick.contentY || at.y + target.height > flick.contentY + flick.height) {
                flick.contentY = Math.max(0, Math.min(at.y - 24, flick.contentHeight - flick.height));
                wait(40);
            }
        }
        mouseClick(target);
    }

    function marker() {
        const repeater = item("conflictRepeater");
        tryVerify(() => repeater.count === 1, 3000, "one conflict listed");
        const card = item("conflictsCard");
        tryVerify(() => card.visible && card.width > 0, 3000, "the marker shows");
        // Let the page lay the new row out before it is tapped.
        waitForRendering(card, 500);
        return repeater.itemAt(0);
    }

    function openCompare() {
        const row = marker();
        tap(row);
        const dialog = item("conflictDialog");
        tryCompare(dialog, "opened", true);
        wait(40);
        return dialog;
    }

    // Saves the window when DOORSTEP_SCREENSHOT_DIR is set. (The pseudo-translation and
    // mirroring checks need the whole app around the page: tst_screens.qml.)
    function screen(name) {
        wait(60);
        if (TestSupport.screenshotFolder.length === 0)
            return;
        grabImage(root.page.Window.contentItem).save(TestSupport.screenshotFolder + "/" + root.sizeName + "-" + name + ".png");
    }

    function worriesShownFor(visit) {
        const visitPage = createTemporaryObject(visitComponent, root, {
                "familyId": TestSupport.familyId("Brightwell"),
                "visitId": visit,
                "width": 1280,
                "height": 800
            });
        verify(visitPage);
        const field = findChild(visitPage, "worriesFieldInput");
        verify(field);
        const text = field.text;
        visitPage.destroy();
        return text;
    }

    function test_1_merge() {
        openFamily(1280, 800);
        const visit = visitId(false);
        verify(!item("conflictsCard").visible, "no marker before a conflict");
        verify(TestSupport.editOnAnotherTablet("visit", visit, "worries", root.theirs, root.mine));
        const row = marker();
        verify(item("conflictsCard").visible);
        compare(row.markerText, "Two versions of these notes — compare");
        screen("family-conflict");
        const dialog = openCompare();
        compare(item("versionRepeater").count, 1);
        compare(item("versionText_0").text, root.theirs);
        compare(item("versionText_1").text, root.mine);
        compare(item("mergedTextInput").text, root.theirs + "\n\n" + root.mine);
        screen("conflict-compare");

        // The merged text is typed at the end of both versions, as a practitioner would.
        const merged = item("mergedTextInput");
        tap(merged);
        merged.cursorPosition = merged.length;
        for (const c of " Merged by hand")
            keyClick(c);
        tap(item("saveMergedButton"));
        tryCompare(dialog, "visible", false);
        tryCompare(item("conflictsCard"), "visible", false);
        compare(item("conflictRepeater").count, 0);
        compare(worriesShownFor(visit), root.theirs + "\n\n" + root.mine + " Merged by hand");
    }

    function test_2_keep_one() {
        openFamily(1280, 800);
        const visit = visitId(false);
        verify(TestSupport.editOnAnotherTablet("visit", visit, "notes", root.theirs, root.mine));
        openCompare();
        // Keep this tablet's version, the one that lost the field.
        tap(item("keepVersionButton_1"));
        tryCompare(item("conflictDialog"), "visible", false);
        tryCompare(item("conflictsCard"), "visible", false);
        const visitPage = createTemporaryObject(visitComponent, root, {
                "familyId": TestSupport.familyId("Brightwell"),
                "visitId": visit,
                "width": 1280,
                "height": 800
            });
        compare(findChild(visitPage, "notesFieldInput").text, root.mine);
    }

    function test_3_finalised_portrait() {
        openFamily(800, 1280);
        const visit = visitId(true);
        const notesBefore = TestSupport.liveRecords("note");
        // A late change writes no value, but the sync that brings it says the visit
        // changed, so the open page lists it at once.
        verify(TestSupport.editOnAnotherTablet("visit", visit, "worries", "Seen at school after the visit was finalised."));
        // The fixture's visit was created final in one change: only the late edit is listed.
        const repeater = item("conflictRepeater");
        tryVerify(() => repeater.count === 1, 3000, "the late change listed, and only it");
        const card = item("conflictsCard");
        waitForRendering(card, 500);
        let row = null;
        for (let i = 0; i < repeater.count; ++i) {
            if (repeater.itemAt(i).conflictKey.endsWith("/worries"))
                row = repeater.itemAt(i);
        }
        verify(row, "the late worries are listed");
        const rowsBefore = repeater.count;
        compare(row.markerText, "A change arrived after this visit was finalised — read it");
        screen("family-conflict-final");
        tap(row);
        tryCompare(item("conflictDialog"), "opened", true);
        wait(40);
        verify(item("conflictExplanation").visible);
        verify(!item("saveMergedButton").visible);
        verify(!item("keepVersionButton_0").visible);
        verify(item("markReadButton_1").visible);
        compare(item("amendmentTextInput").text, "Seen at school after the visit was finalised.");
        screen("conflict-final");
        tap(item("conflictAmendmentButton"));
        tryCompare(item("conflictDialog"), "visible", false);
        tryCompare(repeater, "count", rowsBefore - 1);
        compare(TestSupport.liveRecords("note"), notesBefore + 1);
    }
}
