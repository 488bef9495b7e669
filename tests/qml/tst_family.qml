import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// The family page on the real store: members with ages and checked NHS numbers, the case's
// referral, lead practitioner and timescales, the visit timeline, and adding a member by
// typing, including a refused NHS number that keeps what was typed.
TestCase {
    id: root

    name: "Family"
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
        id: mirroredComponent

        Item {
            required property string familyId

            width: 1280
            height: 800
            LayoutMirroring.enabled: true
            LayoutMirroring.childrenInherit: true

            FamilyPage {
                anchors.fill: parent
                familyId: parent.familyId
            }
        }
    }

    Component {
        id: controllerComponent

        FamilyController {
            session: Session
        }
    }

    SignalSpy {
        id: visitSpy

        signalName: "visitChosen"
    }

    SignalSpy {
        id: backSpy

        signalName: "back"
    }

    function initTestCase() {
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
    }

    function cleanupTestCase() {
        Session.lock();
    }

    function openFamily(familyName, width, height) {
        root.page = createTemporaryObject(familyComponent, root, {
                "familyId": TestSupport.familyId(familyName),
                "width": width === undefined ? 1280 : width,
                "height": height === undefined ? 800 : height
            });
        verify(root.page);
        visitSpy.target = root.page;
        visitSpy.clear();
        backSpy.target = root.page;
        backSpy.clear();
        tryCompare(findChild(root.page, "familyController"), "found", true);
        waitForRendering(root.page);
        return findChild(root.page, "familyController");
    }

    function saveScreenshot(name) {
        if (TestSupport.screenshotFolder.length === 0)
            return;
        waitForRendering(root.page);
        grabImage(root.page).save(TestSupport.screenshotFolder + "/" + name + ".png");
    }

    function typeInto(objectName, text) {
        const input = findChild(Overlay.overlay, objectName + "Input");
        verify(input, objectName);
        mouseClick(input);
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
        return input;
    }

    function memberNamed(name) {
        const repeater = findChild(root.page, "memberRepeater");
        for (let i = 0; i < repeater.count; ++i) {
            if (repeater.itemAt(i).name === name)
                return repeater.itemAt(i);
        }
        return null;
    }

    function test_showsTheFamilyAndItsCase() {
        openFamily("Brightwell");
        compare(findChild(root.page, "familyTitle").text, "Brightwell family");
        compare(findChild(root.page, "languageDetailValue").text, "Polish (interpreter needed)");
        verify(findChild(root.page, "referralDetailValue").text.startsWith("Health, on "));
        compare(findChild(root.page, "levelOfNeedDetailValue").text, "Level 3: family casework");
        verify(findChild(root.page, "leadPractitionerDetailValue").text.startsWith("Sam Okoye, Northgate team, since "));
        verify(findChild(root.page, "planDetailValue").text.startsWith("Draft, started "));
        const repeater = findChild(root.page, "memberRepeater");
        compare(repeater.count, 3);
        const kasia = memberNamed("Kasia Brightwell");
        verify(kasia.ageText.endsWith(" years old"), kasia.ageText);
        compare(kasia.nhsNumber, "999 000 0018");
        verify(kasia.nhsNumberChecked);
        compare(findChild(kasia, "memberNhsChecked").text, "✓ checked");
        verify(findChild(kasia, "memberNhsChecked").visible);
        verify(findChild(kasia, "memberConsent").visible, "the family has consent records");
        verify(kasia.consentText.startsWith("Consent valid until "), kasia.consentText);
        const ola = memberNamed("Ola Brightwell");
        compare(ola.ageText, "10 months old");
        verify(ola.consentText.startsWith("Parent's consent until "), ola.consentText);
        compare(memberNamed("Jan Brightwell").school, "Northgate Primary School");
        const controller = findChild(root.page, "familyController");
        compare(controller.deadlines.count, 3, "first contact, goals and plan");
        compare(controller.visits.count, 2);
        saveScreenshot("family-landscape");
        root.page.width = 800;
        root.page.height = 1280;
        saveScreenshot("family-portrait");

        // Right to left, as the window sets it for Arabic or Urdu: the page mirrors.
        root.page = createTemporaryObject(mirroredComponent, root, {
            "familyId": TestSupport.familyId("Brightwell")
        });
        const mirrored = findChild(root.page, "familyPage");
        tryCompare(findChild(mirrored, "familyController"), "found", true);
        waitForRendering(root.page);
        const back = findChild(mirrored, "familyBackButton");
        const record = findChild(mirrored, "recordVisitButton");
        verify(back.mapToItem(mirrored, 0, 0).x > record.mapToItem(mirrored, 0, 0).x);
        const address = findChild(mirrored, "addressDetailValue");
        verify(address.mapToItem(mirrored, 0, 0).x > mirrored.width / 2, "the first column is on the right");
        saveScreenshot("family-right-to-left");
    }

    function test_visitsOpenFromTheTimelineNewestFirst() {
        openFamily("Brightwell");
        const repeater = findChild(root.page, "visitRepeater");
        compare(repeater.count, 2);
        const newest = repeater.itemAt(0);
        compare(newest.isFinal, false);
        compare(newest.location, "Northgate Primary School");
        compare(repeater.itemAt(1).isFinal, true);
        // Scrolled into view first, as a finger would: the timescales above it are long.
        const flick = findChild(root.page, "familyFlick");
        const at = newest.mapToItem(flick.contentItem, 0, 0);
        flick.contentY = Math.max(0, Math.min(at.y - 24, flick.contentHeight - flick.height));
        waitForRendering(root.page);
        mouseClick(newest);
        compare(visitSpy.count, 1);
        compare(visitSpy.signalArguments[0][0], newest.visitId);
        mouseClick(findChild(root.page, "recordVisitButton"));
        compare(visitSpy.count, 2);
        compare(visitSpy.signalArguments[1][0], "", "an empty id records a new visit");
        mouseClick(findChild(root.page, "familyBackButton"));
        compare(backSpy.count, 1);
    }

    function test_addingAMemberWithAWrongNhsNumberKeepsWhatWasTyped() {
        const controller = openFamily("Carrow");
        const before = controller.members.count;
        mouseClick(findChild(root.page, "addMemberButton"));
        const dialog = findChild(root.page, "addMemberDialog");
        tryCompare(dialog, "opened", true);
        typeInto("givenNameField", "Zofia");
        typeInto("dateOfBirthField", "01/02/2019");
        const nhs = typeInto("nhsNumberField", "999 000 0051");
        typeInto("schoolField", "Northgate Nursery");
        mouseClick(findChild(Overlay.overlay, "saveMemberButton"));
        const error = findChild(Overlay.overlay, "addMemberError");
        tryCompare(error, "visible", true);
        verify(error.text.indexOf("check digit") >= 0, error.text);
        verify(dialog.opened, "the dialog stays open to correct the number");
        compare(findChild(Overlay.overlay, "givenNameFieldInput").text, "Zofia");
        compare(findChild(Overlay.overlay, "dateOfBirthFieldInput").text, "01/02/2019");
        compare(findChild(Overlay.overlay, "schoolFieldInput").text, "Northgate Nursery");
        compare(nhs.text, "999 000 0051");
        compare(controller.members.count, before, "nothing was saved");
        saveScreenshot("family-add-member-error");

        // Correct the last digit and save.
        mouseClick(nhs);
        keyClick(Qt.Key_End);
        keyClick(Qt.Key_Backspace);
        keyClick("0");
        mouseClick(findChild(Overlay.overlay, "saveMemberButton"));
        tryCompare(dialog, "opened", false);
        compare(controller.addMemberError, "");
        tryCompare(controller.members, "count", before + 1);
        const zofia = memberNamed("Zofia Carrow");
        verify(zofia, "the new member is listed");
        compare(zofia.nhsNumber, "999 000 0050");
        verify(zofia.nhsNumberChecked);
        compare(zofia.school, "Northgate Nursery");

        // In the store: a fresh controller reads it back.
        const fresh = createTemporaryObject(controllerComponent, root, {
                "familyId": TestSupport.familyId("Carrow")
            });
        compare(fresh.members.count, before + 1);
    }

    function test_lockingForgetsTheFamily() {
        const controller = openFamily("Brightwell");
        verify(controller.members.count > 0);
        Session.lock();
        compare(controller.found, false);
        compare(controller.members.count, 0);
        compare(controller.visits.count, 0);
        compare(controller.familyName, "");
        Session.unlock("test-passphrase");
        tryVerify(() => Session.unlocked, 10000);
        tryCompare(controller, "found", true);
    }
}
