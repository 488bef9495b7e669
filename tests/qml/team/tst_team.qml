import QtQuick
import QtTest
import Doorstep.Models
import DoorstepTest
import ".."

// The supervisor's team, end to end: the test store's user supervises team North at a real
// doorstep-server, where two practitioners have synced their caseloads from their own
// tablets. The supervisor enrols by taps, syncs, and works the team page by touch. Its own
// program (and store and server): the other test files enrol the store as a practitioner.
AppTestCase {
    id: root

    name: "Team"

    function init() {
        if (!TestSupport.teamProgram)
            skip("runs only in a program of its own (DOORSTEP_TEST_TEAM): its store's user is a supervisor");
    }

    function enrolAsSupervisor() {
        const given = TestSyncServer.supervisorEnrolment();
        verify(given.code, "the test server started with the team's caseloads");
        startApp(1280, 800);
        unlockWithPassphrase();
        verify(!item("teamButton").visible, "not a supervisor before the server says so");
        mouseClick(item("setUpSyncButton"));
        const dialog = item("enrolDialog");
        tryCompare(dialog, "opened", true);
        typeInto(item("enrolAddressFieldInput"), given.address);
        typeInto(item("enrolCertificateFieldInput"), given.caFile);
        typeInto(item("enrolCodeFieldInput"), given.code);
        mouseClick(item("enrolButton"));
        tryCompare(dialog, "visible", false, 10000);
        tryVerify(() => item("syncStatus").text.startsWith("Synced at"), 20000, "the first sync ran: " + item("syncStatus").text);
        tryVerify(() => item("teamButton").visible && item("teamButton").height > 0, 5000, "the sync said this is a supervisor");
        wait(40);
    }

    // Picks the choice with this text from a FormComboBox, by touch.
    function choose(objectName, text) {
        const box = item(objectName + "Input");
        tap(box);
        tryCompare(box.popup, "opened", true);
        const index = box.find(text);
        verify(index >= 0, text + " is offered by " + objectName);
        const list = box.popup.contentItem;
        list.positionViewAtIndex(index, ListView.Contain);
        wait(40);
        const choice = list.itemAtIndex(index);
        verify(choice, text + " is shown");
        mouseClick(choice);
        tryCompare(box, "currentText", text);
        tryCompare(box.popup, "visible", false);
    }

    function shownFamilies() {
        const list = item("teamFamilyList");
        const names = [];
        for (let i = 0; i < list.count; ++i) {
            list.positionViewAtIndex(i, ListView.Contain);
            names.push(list.itemAtIndex(i).familyName);
        }
        list.positionViewAtBeginning();
        return names;
    }

    function screenshot(name) {
        if (TestSupport.screenshotFolder.length === 0)
            return;
        wait(100);
        const image = grabImage(root.main.contentItem);
        image.save(TestSupport.screenshotFolder + "/" + name + ".png");
    }

    function test_aSupervisorWatchesTheTeam() {
        enrolAsSupervisor();
        mouseClick(item("teamButton"));
        const page = waitForPage("teamPage");
        verify(page);
        const team = item("teamCaseload");
        // The two practitioners' five families (and those this tablet made itself).
        tryVerify(() => team.totalCount >= 5, 5000);
        const all = shownFamilies();
        for (const family of ["Fenwick", "Garside", "Holloway", "Ingram", "Jessop"])
            verify(all.indexOf(family) >= 0, family + " is on the team caseload");
        screenshot("team-caseload");

        // Most overdue first: Ingram, seven months without a review, before Jessop.
        choose("practitionerFilter", "Tom Hughes");
        compare(shownFamilies(), ["Ingram", "Jessop"]);
        compare(findChild(item("teamFamilyList").itemAtIndex(0), "teamFamilyStatus").text, "Drifting");
        choose("practitionerFilter", "Amara Osei");
        choose("checkFilter", "Goals set within 28 days");
        choose("statusFilter", "Due soon or drifting");
        compare(shownFamilies(), ["Garside", "Holloway"]);
        choose("statusFilter", "Drifting");
        compare(shownFamilies(), ["Garside"]);
        compare(item("teamFamilyCount").text, "Showing 1 of " + team.totalCount + " families");
        screenshot("team-caseload-filtered");

        mouseClick(item("clearFiltersButton"));
        tryCompare(team, "count", team.totalCount);
        choose("practitionerFilter", "Amara Osei");
        choose("sortBy", "Family name");
        compare(shownFamilies(), ["Fenwick", "Garside", "Holloway"]);
        choose("sortBy", "Weeks open, longest first");
        compare(shownFamilies(), ["Garside", "Holloway", "Fenwick"]);

        // The practitioners: caseloads against 20-35 and their tablets' last syncs.
        mouseClick(item("practitionersTab"));
        const people = item("practitionerList");
        tryCompare(people, "visible", true);
        tryVerify(() => people.height > 0 && findChild(people, "practitioner_tom") !== null);
        const amara = findChild(people, "practitioner_amara");
        verify(amara);
        compare(amara.caseload, 3);
        compare(amara.rangeText, "17 below the usual 20–35");
        verify(amara.lastSyncText.startsWith("Synced today at"), amara.lastSyncText);
        compare(amara.redChecks, 3);
        screenshot("team-practitioners");

        // Tapping a practitioner shows their families.
        const tom = findChild(people, "practitioner_tom");
        tryVerify(() => tom.width > 0 && people.height > 0, 3000, "the list is laid out");
        mouseClick(tom);
        tryCompare(item("familiesView"), "visible", true);
        compare(item("practitionerFilterInput").currentText, "Tom Hughes");
        compare(shownFamilies().sort(), ["Ingram", "Jessop"]);

        // And a family opens its page, where the supervisor sees the same drift.
        mouseClick(findChild(item("teamFamilyList"), "teamFamily_" + item("teamFamilyList").itemAtIndex(0).familyId));
        const family = waitForPage("familyPage");
        verify(family);
        tryVerify(() => findChild(family, "drift_4") !== null, 5000, "the no-progress check is listed");
        compare(findChild(family, "drift_4").modelData.rag, "red");
        // Case supervision, recorded on the family page.
        const card = findChild(family, "supervisionCard");
        verify(card);
        tap(findChild(card, "recordSupervisionButton"));
        const dialog = item("supervisionDialog");
        tryCompare(dialog, "opened", true);
        typeInto(item("supervisionDiscussionFieldInput"), "School attendance is slipping");
        typeInto(item("supervisionActionsFieldInput"), "Tom to meet the school");
        screenshot("team-supervision-dialog");
        mouseClick(item("saveSupervisionButton"));
        tryCompare(dialog, "visible", false);
        tryVerify(() => findChild(card, "supervisionRepeater").count === 1);

        // The plan: returned with comments, an immutable decision the practitioner sees.
        tap(item("openPlanButton"));
        const plan = waitForPage("planPage");
        verify(plan);
        const decisionCard = findChild(plan, "planDecisionCard");
        tryVerify(() => findChild(decisionCard, "returnPlanButton").visible, 5000, "the complete plan can be decided on");
        mouseClick(findChild(decisionCard, "returnPlanButton"));
        tryVerify(() => findChild(decisionCard, "planDecisionError").text.startsWith("Say what needs to change"));
        compare(findChild(decisionCard, "planDecisionRepeater").count, 0);
        typeInto(findChild(decisionCard, "planDecisionCommentsField"), "Say who takes the children to school");
        mouseClick(findChild(decisionCard, "returnPlanButton"));
        tryCompare(findChild(decisionCard, "planDecisionRepeater"), "count", 1);
        verify(!findChild(decisionCard, "returnPlanButton").visible);
        screenshot("team-plan-returned");

        // After the supervisor's sync, Tom's own tablet syncs and holds it all.
        const sync = findChild(root.main, "syncController");
        tryVerify(() => !sync.syncing, 20000);
        sync.syncNow();
        tryVerify(() => !sync.syncing && sync.statusText.startsWith("Synced at"), 20000, sync.statusText);
        tryVerify(() => {
            const seen = TestSyncServer.syncPractitioner("tom");
            return seen.decisions === 1 && seen.notes === 1;
        }, 20000, "the practitioner's tablet received the decision and the note");
        const seen = TestSyncServer.syncPractitioner("tom");
        compare(seen.planStatus, "returned");
        compare(seen.comments, "Say who takes the children to school");
        compare(seen.families, ["Ingram", "Jessop"]);

        // Reallocation: the family moves from Tom to Amara at the next syncs.
        goBack("planBackButton");
        const allocationCard = findChild(family, "allocationCard");
        verify(allocationCard.visible, "a supervisor may allocate");
        choose("allocateTo", "Amara Osei");
        tap(findChild(allocationCard, "allocateButton"));
        tryCompare(findChild(family, "familyController"), "leadPractitionerName", "Amara Osei");
        tryVerify(() => findChild(allocationCard, "allocationHint").text.startsWith("The family moves"));
        screenshot("team-allocation");
        sync.syncNow();
        tryVerify(() => !sync.syncing && sync.statusText.startsWith("Synced at"), 20000, sync.statusText);
        tryVerify(() => TestSyncServer.syncPractitioner("amara").families.indexOf("Ingram") >= 0, 20000, "Amara's tablet received Ingram");
        tryVerify(() => TestSyncServer.syncPractitioner("tom").families.indexOf("Ingram") < 0, 20000, "Tom's tablet let Ingram go");

        // The audit viewer: what the centre holds of the family's records, read by a tap.
        tap(findChild(allocationCard, "openAuditButton"));
        const auditPage = waitForPage("familyAuditPage");
        verify(auditPage);
        const auditList = findChild(auditPage, "auditList");
        tryVerify(() => auditList.count > 0, 10000, "the audit arrived: " + item("auditSummary").text);
        const actions = [];
        for (let i = 0; i < auditList.count; ++i) {
            auditList.positionViewAtIndex(i, ListView.Contain);
            actions.push(auditList.itemAtIndex(i).modelData.actionText + " by " + auditList.itemAtIndex(i).modelData.who);
        }
        verify(actions.indexOf("Allocated by Priya Shah") >= 0, actions.join("; "));
        verify(actions.indexOf("Sent to the centre by Tom Hughes") >= 0, actions.join("; "));
        // Opening the family's page is on record too, from the supervisor's tablet.
        verify(actions.indexOf("Opened on a tablet by Priya Shah") >= 0, actions.join("; "));
        auditList.positionViewAtBeginning();
        screenshot("team-audit");
        goBack("familyAuditBackButton");
        waitForPage("familyPage");

        // The exit questionnaire, answered on the closure page by taps, totalled for the team.
        tap(item("openClosureButton"));
        const closure = waitForPage("closurePage");
        verify(closure);
        for (const answer of ["exitAnswer_assessment_easy_yes", "exitAnswer_assessment_fair_partly", "exitAnswer_plan_clear_yes"]) {
            // Each answer is saved at once and the questions read again: wait for it to show.
            tap(item(answer));
            tryVerify(() => item(answer).checked, 3000, answer);
            wait(40);
        }
        screenshot("team-exit-questionnaire");
        goBack("closureBackButton");
        goBack("familyBackButton");
        waitForPage("teamPage");
        mouseClick(item("feedbackTab"));
        tryVerify(() => item("feedbackView").visible && item("feedbackView").height > 0);
        tryCompare(item("feedbackSummary"), "text", "Exit questionnaires answered by 1 family of the team.");
        compare(findChild(item("feedbackQuestion_0"), "feedbackCounts").text, "Yes 1 · Partly 0 · No 0");
        compare(findChild(item("feedbackQuestion_1"), "feedbackCounts").text, "Yes 0 · Partly 1 · No 0");
        screenshot("team-feedback");
    }
}
