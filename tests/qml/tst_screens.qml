import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Models
import DoorstepTest

// A tour of every screen of the app, in landscape (1280×800) and portrait (800×1280),
// driven by taps and typing like a practitioner's day. With DOORSTEP_SCREENSHOT_DIR set it
// saves each screen as PNG; ScreenCheck.mode "pseudo" fails on text that skipped qsTr or
// is cut short under a longer pseudo-translation, and "rtl" fails on layouts that do not
// mirror for right-to-left languages.
AppTestCase {
    id: root

    name: "Screens"

    property string sizeName: ""
    property var problems: []

    function cleanup() {
        if (root.main) {
            root.main.destroy();
            root.main = null;
        }
        ScreenCheck.setPseudoTranslation(false);
        Session.lock();
    }

    // waitForRendering would sit out its whole timeout on a screen that is already still.
    function settle() {
        wait(40);
    }

    function screen(name) {
        // StackView transitions and popups must have finished before a picture is fair.
        const stack = findChild(root.main, "pageStack");
        if (stack)
            tryVerify(() => !stack.busy, 3000);
        settle();
        const view = windowRoot();
        // Layouts finish over a few polish passes: wait until nothing moves.
        let before = JSON.stringify(ScreenCheck.geometry(view));
        for (let i = 0; i < 20; ++i) {
            settle();
            const now = JSON.stringify(ScreenCheck.geometry(view));
            if (now === before)
                break;
            before = now;
        }
        const mode = ScreenCheck.mode;
        if (mode === "pseudo") {
            const texts = ScreenCheck.untranslatedTexts(view);
            const clipped = ScreenCheck.clippedTexts(view);
            for (const t of texts)
                root.problems.push(root.sizeName + " " + name + ": untranslated " + t);
            for (const c of clipped)
                root.problems.push(root.sizeName + " " + name + ": " + c);
        } else if (mode === "rtl") {
            const plain = ScreenCheck.geometry(view);
            Theme.rightToLeft = true;
            settle();
            const mirrored = ScreenCheck.geometry(view);
            for (const m of ScreenCheck.mirrorMismatches(plain, mirrored, view.width))
                root.problems.push(root.sizeName + " " + name + ": not mirrored " + m);
            save(name);
            Theme.rightToLeft = false;
            settle();
            return;
        }
        save(name);
    }

    function save(name) {
        if (TestSupport.screenshotFolder.length === 0)
            return;
        const suffix = ScreenCheck.mode.length > 0 ? "-" + ScreenCheck.mode : "";
        grabImage(windowRoot()).save(TestSupport.screenshotFolder + "/" + root.sizeName + "-"
                                     + name + suffix + ".png");
    }

    function tour(width, height) {
        root.sizeName = width + "x" + height;
        root.problems = [];
        if (ScreenCheck.mode === "pseudo")
            ScreenCheck.setPseudoTranslation(true);
        startApp(width, height);
        screen("unlock");

        // A PIN set earlier today: the start-of-day passphrase is still one tap away.
        if (Session.pinAvailable)
            mouseClick(item("usePassphraseButton"));
        typeInto(item("passphraseField"), "test-passphrase");
        mouseClick(item("unlockButton"));
        tryVerify(() => Session.unlocked, 10000);
        const pinDialog = item("pinSetupDialog");
        if (!pinDialog.visible)
            pinDialog.open();
        tryCompare(pinDialog, "opened", true);
        screen("pin-setup");
        typeInto(item("pinField"), "482913");
        mouseClick(item("setPinButton"));
        tryCompare(pinDialog, "visible", false);

        tryVerify(() => item("familyList").count === 3);
        screen("caseload");
        mouseClick(item("setUpSyncButton"));
        const enrol = item("enrolDialog");
        tryCompare(enrol, "opened", true);
        screen("enrol");
        mouseClick(item("cancelEnrolButton"));
        tryCompare(enrol, "visible", false);
        typeInto(item("searchField"), "Bri");
        tryVerify(() => item("familyList").count === 1);
        screen("caseload-search");

        mouseClick(item("family_" + TestSupport.familyId("Brightwell")));
        tryVerify(() => findChild(root.main, "familyPage") !== null);
        tryCompare(findChild(root.main, "familyController"), "found", true);
        screen("family");

        mouseClick(item("addMemberButton"));
        const addMember = item("addMemberDialog");
        tryCompare(addMember, "opened", true);
        screen("family-add-member");
        mouseClick(item("cancelAddMemberButton"));
        tryCompare(addMember, "visible", false);

        // Consent: each person's status, then recording one.
        mouseClick(item("consentButton"));
        waitForPage("consentPage");
        screen("consent");
        const people = item("consentPeopleRepeater");
        tryVerify(() => people.count > 0);
        const person = people.itemAt(0);
        mouseClick(findChild(person, "recordConsent_" + person.personId));
        const consentDialog = item("consentDialog");
        tryCompare(consentDialog, "opened", true);
        screen("consent-record");
        mouseClick(item("cancelConsentButton"));
        tryCompare(consentDialog, "visible", false);
        mouseClick(item("openShareButton"));
        const shareDialog = item("shareDialog");
        tryCompare(shareDialog, "opened", true);
        screen("consent-share");
        shareDialog.close();
        tryCompare(shareDialog, "visible", false);
        goBack("consentBackButton");

        // My Family Plan and a review meeting.
        mouseClick(item("openPlanButton"));
        waitForPage("planPage");
        screen("plan");
        tap(item("recordReviewButton"));
        const reviewDialog = item("reviewDialog");
        tryCompare(reviewDialog, "opened", true);
        screen("plan-review");
        reviewDialog.close();
        tryCompare(reviewDialog, "visible", false);
        goBack("planBackButton");

        // Closure: outcome, crisis card and ending letter.
        mouseClick(item("openClosureButton"));
        waitForPage("closurePage");
        screen("closure");
        goBack("closureBackButton");

        mouseClick(item("recordVisitButton"));
        tryVerify(() => findChild(root.main, "visitPage") !== null);
        screen("visit-new");

        Session.lock();
        tryVerify(() => findChild(root.main, "unlockPage") !== null);
        screen("unlock-pin");

        if (root.problems.length > 0)
            fail(root.problems.length + " problems:\n" + root.problems.join("\n"));
    }

    function test_landscape() {
        tour(1280, 800);
    }

    function test_portrait() {
        tour(800, 1280);
    }
}
