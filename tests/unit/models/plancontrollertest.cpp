#include "models/plancontroller.h"

#include "models/familycontroller.h"
#include "modeltesthelpers.h"
#include "store/caseloadrepository.h"
#include "store/planrepository.h"
#include "store/threehouseschanges.h"
#include "store/threehousesrepository.h"
#include "unit/documents/pdfinspector.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace doorstep;

namespace
{

struct Family {
    QString id;
    QString ada;
    QString bola;
};

// Today is Thursday 12 March 2026; the case was allocated ten days ago.
Family makeFamily(test::SessionFixture &fixture)
{
    Family f;
    f.id = fixture.family(QStringLiteral("Okafor"), 10);
    f.ada = fixture.add("person",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("given_name"), QStringLiteral("Ada") },
            { QStringLiteral("date_of_birth"), QDate(1990, 3, 13) },
            { QStringLiteral("role"), QStringLiteral("parent") } });
    f.bola = fixture.add("person",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("given_name"), QStringLiteral("Bola") },
            { QStringLiteral("date_of_birth"), QDate(2015, 1, 12) },
            { QStringLiteral("role"), QStringLiteral("child") } });
    return f;
}

GoalListModel *goalsOf(PlanController &controller, const QString &personId)
{
    GoalGroupListModel &groups = *controller.goalGroups();
    for (int row = 0; row < groups.rowCount(); ++row) {
        const QModelIndex index = groups.index(row);
        if (groups.data(index, GoalGroupListModel::PersonIdRole).toString() == personId)
            return qobject_cast<GoalListModel *>(
                groups.data(index, GoalGroupListModel::GoalsRole).value<QObject *>());
    }
    FAIL("no goal group for " << personId.toStdString());
    return nullptr;
}

QVariant cell(const QAbstractListModel &model, int row, int role)
{
    return model.data(model.index(row), role);
}

std::optional<Deadline> nextDue(test::SessionFixture &fixture, const QString &family)
{
    auto calendar = WorkingCalendar::englandAndWales();
    REQUIRE(calendar.ok());
    auto entry
        = CaseloadRepository(*fixture.session->store(), Timescales(*calendar)).forFamily(family);
    REQUIRE(entry.ok());
    REQUIRE(entry->has_value());
    return (*entry)->nextDue;
}

} // namespace

TEST_CASE("Goals typed for two members are saved with the plan they start", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    PlanController controller;
    QAbstractItemModelTester groups(
        controller.goalGroups(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);

    REQUIRE(controller.isFound());
    CHECK_FALSE(controller.hasPlan());
    CHECK(controller.statusText() == QStringLiteral("Not started"));
    REQUIRE(controller.goalGroups()->count() == 3);
    CHECK(cell(*controller.goalGroups(), 0, GoalGroupListModel::NameRole).toString()
        == QStringLiteral("Ada"));
    CHECK(cell(*controller.goalGroups(), 2, GoalGroupListModel::NameRole).toString()
        == QStringLiteral("The whole family"));

    GoalListModel *bolas = goalsOf(controller, f.bola);
    QAbstractItemModelTester goalTester(
        bolas, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QString bolaGoal = controller.addGoal(f.bola);
    REQUIRE(bolas->count() == 1);
    CHECK_FALSE(cell(*bolas, 0, GoalListModel::SavedRole).toBool());

    controller.setGoalWords(bolaGoal, QStringLiteral("I want to go to school every day"));
    CHECK(controller.saveState() == QStringLiteral("Saving…"));
    // Saved within half a second of the last keystroke, with nothing else done.
    REQUIRE(
        QTest::qWaitFor([&] { return controller.saveState() == QStringLiteral("Saved"); }, 2000));
    CHECK(controller.hasPlan());
    CHECK(controller.status() == QStringLiteral("draft"));
    CHECK(controller.startedOnText() == QStringLiteral("12 Mar 2026"));
    CHECK(cell(*bolas, 0, GoalListModel::SavedRole).toBool());
    CHECK(cell(*bolas, 0, GoalListModel::GoalIdRole).toString() == bolaGoal);

    const QString adaGoal = controller.addGoal(f.ada);
    controller.setGoalWords(adaGoal, QStringLiteral("Find work I can do in school hours"));
    // A goal added but never written is not a goal.
    controller.addGoal(QString());
    CHECK(controller.saveNow());

    auto plan = PlanRepository(*fixture.session->store()).current(f.id);
    REQUIRE(plan.ok());
    REQUIRE(plan->has_value());
    CHECK((*plan)->startedOn == fixture.today());
    auto goals = PlanRepository(*fixture.session->store()).goals((*plan)->id);
    REQUIRE(goals.ok());
    REQUIRE(goals->size() == 2);
    CHECK(goals->at(0).personId == f.bola);
    CHECK(goals->at(0).words == QStringLiteral("I want to go to school every day"));
    CHECK(goals->at(0).status == QStringLiteral("open"));
    CHECK(goals->at(1).personId == f.ada);

    PlanController fresh;
    fresh.setSession(fixture.session.get());
    fresh.setFamilyId(f.id);
    CHECK(goalsOf(fresh, f.bola)->count() == 1);
    CHECK(goalsOf(fresh, f.ada)->count() == 1);
    CHECK(goalsOf(fresh, QString())->count() == 0);
    CHECK(cell(*goalsOf(fresh, f.ada), 0, GoalListModel::WordsRole).toString()
        == QStringLiteral("Find work I can do in school hours"));
}

TEST_CASE("Typing into a goal changes its row in place", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    PlanController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    GoalListModel *goals = goalsOf(controller, f.bola);
    const QString goal = controller.addGoal(f.bola);

    QSignalSpy removed(goals, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(goals, &QAbstractItemModel::modelReset);
    QSignalSpy changed(goals, &QAbstractItemModel::dataChanged);
    controller.setGoalWords(goal, QStringLiteral("I"));
    REQUIRE(controller.saveNow());
    controller.setGoalWords(goal, QStringLiteral("I sleep in my own bed"));
    REQUIRE(controller.saveNow());
    CHECK(removed.isEmpty());
    CHECK(reset.isEmpty());
    CHECK(changed.count() >= 2);
    CHECK(cell(*goals, 0, GoalListModel::GoalIdRole).toString() == goal);

    // Emptied, the goal keeps its words in the store and says what to do instead.
    controller.setGoalWords(goal, QString());
    CHECK_FALSE(controller.saveNow());
    CHECK(controller.errorString().contains(QStringLiteral("withdrawn")));
    auto stored = PlanRepository(*fixture.session->store())
                      .goals(PlanRepository(*fixture.session->store()).current(f.id)->value().id);
    REQUIRE(stored.ok());
    CHECK(stored->at(0).words == QStringLiteral("I sleep in my own bed"));

    // Withdrawn instead, it keeps the words it had.
    CHECK(controller.setGoalStatus(goal, QStringLiteral("withdrawn")));
    CHECK(controller.errorString().isEmpty());
    CHECK(cell(*goals, 0, GoalListModel::StatusTextRole).toString() == QStringLiteral("Withdrawn"));
    CHECK(cell(*goals, 0, GoalListModel::WordsRole).toString()
        == QStringLiteral("I sleep in my own bed"));
}

TEST_CASE("Agreeing goals and completing the plan move the case's timescales", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    PlanController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    FamilyController family;
    family.setSession(fixture.session.get());
    family.setFamilyId(f.id);

    CHECK_FALSE(controller.canAgreeGoals());
    CHECK_FALSE(controller.agreeGoalsHint().isEmpty());
    REQUIRE(nextDue(fixture, f.id)->kind == Deadline::Kind::FirstContact);
    REQUIRE(
        controller.deadlines()->count() == 2); // goals and plan; first contact is not the plan's
    CHECK(cell(*controller.deadlines(), 0, DeadlineListModel::StatusRole).toInt()
        == int(DeadlineListModel::Status::Due));

    const QString goal = controller.addGoal(f.bola);
    controller.setGoalWords(goal, QStringLiteral("I go to school every day"));
    REQUIRE(controller.saveNow());
    CHECK(controller.canAgreeGoals());
    CHECK_FALSE(controller.canCompletePlan());
    CHECK(controller.completePlanHint().contains(QStringLiteral("agreed its goals")));

    REQUIRE(controller.agreeGoals());
    CHECK(controller.goalsAgreedOnText() == QStringLiteral("12 Mar 2026"));
    CHECK_FALSE(controller.canAgreeGoals());
    CHECK(cell(*goalsOf(controller, f.bola), 0, GoalListModel::AgreedTextRole).toString()
        == QStringLiteral("Agreed on 12 Mar 2026"));
    CHECK(cell(*controller.deadlines(), 0, DeadlineListModel::SentenceRole).toString()
        == QStringLiteral("Goals agreed on 12 Mar"));
    CHECK(cell(*controller.deadlines(), 0, DeadlineListModel::StatusRole).toInt()
        == int(DeadlineListModel::Status::Met));

    CHECK_FALSE(controller.canCompletePlan());
    CHECK(controller.completePlanHint().contains(QStringLiteral("who does what")));
    const QString action = controller.addAction(goal);
    controller.setActionDescription(action, QStringLiteral("Walk Bola to school"));
    controller.setActionWho(action, QStringLiteral("Ada"));
    controller.setActionDueText(action, QStringLiteral("26/03/2026"));
    REQUIRE(controller.saveNow());
    REQUIRE(controller.canCompletePlan());
    REQUIRE(controller.completePlan());
    CHECK(controller.status() == QStringLiteral("complete"));
    CHECK(controller.statusText() == QStringLiteral("Complete"));
    CHECK(controller.completedOnText() == QStringLiteral("12 Mar 2026"));
    CHECK_FALSE(controller.canCompletePlan());
    CHECK(controller.completePlanHint().isEmpty());

    // Complete, the plan's next timescale is its first review, 4 to 6 weeks on.
    REQUIRE(controller.deadlines()->count() == 3);
    CHECK(cell(*controller.deadlines(), 2, DeadlineListModel::NameRole).toString()
        == QStringLiteral("Review"));
    CHECK(cell(*controller.deadlines(), 2, DeadlineListModel::SentenceRole).toString()
        == QStringLiteral("Review due from Thu 9 Apr to Thu 23 Apr"));
    // The family page and the caseload read the same dates (first contact is still open).
    CHECK(family.deadlines()->count() == 4);
    fixture.add("visit",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("visit_at"), QDateTime(fixture.today(), QTime(9, 0)) } });
    const auto next = nextDue(fixture, f.id);
    REQUIRE(next);
    CHECK(next->kind == Deadline::Kind::Review);
    CHECK(next->dueFrom == fixture.today().addDays(28));

    auto document = controller.familyPlan();
    REQUIRE(document);
    CHECK(document->familyName == QStringLiteral("Okafor"));
    CHECK(document->members.size() == 2);
    CHECK(document->goals.size() == 1);
    REQUIRE(document->actions.size() == 1);
    CHECK(document->actions.at(0).who == QStringLiteral("Ada"));
    CHECK(document->plan.completedOn == fixture.today());
}

TEST_CASE("An action's date is checked when typing pauses; overdue is worked out", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    PlanController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    PlanActionListModel &actions = *controller.actions();
    QAbstractItemModelTester tester(
        &actions, QAbstractItemModelTester::FailureReportingMode::Fatal);

    const QString action = controller.addAction(QString());
    controller.setActionDueText(action, QStringLiteral("31/02/2026"));
    controller.setActionDescription(action, QStringLiteral("Ring the housing officer"));
    CHECK_FALSE(controller.saveNow());
    CHECK(cell(actions, 0, PlanActionListModel::DueTextRole).toString()
        == QStringLiteral("31/02/2026"));
    CHECK(cell(actions, 0, PlanActionListModel::DueProblemRole)
              .toString()
              .startsWith(QStringLiteral("\"31/02/2026\" is not a date.")));
    CHECK(cell(actions, 0, PlanActionListModel::SavedRole).toBool());
    CHECK(cell(actions, 0, PlanActionListModel::StatusTextRole).toString()
        == QStringLiteral("No date agreed"));
    auto stored = PlanRepository(*fixture.session->store())
                      .actions(PlanRepository(*fixture.session->store()).current(f.id)->value().id);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 1);
    CHECK_FALSE(stored->at(0).dueOn.isValid());

    controller.setActionDueText(action, QStringLiteral("5/3/2026"));
    CHECK(controller.saveNow());
    CHECK(cell(actions, 0, PlanActionListModel::DueProblemRole).toString().isEmpty());
    CHECK(cell(actions, 0, PlanActionListModel::DueTextRole).toString()
        == QStringLiteral("5/3/2026"));
    CHECK(cell(actions, 0, PlanActionListModel::OverdueRole).toBool());
    CHECK(cell(actions, 0, PlanActionListModel::StatusTextRole).toString()
        == QStringLiteral("Overdue since 5 Mar"));

    REQUIRE(controller.setActionDone(action, true));
    CHECK_FALSE(cell(actions, 0, PlanActionListModel::OverdueRole).toBool());
    CHECK(cell(actions, 0, PlanActionListModel::StatusTextRole).toString()
        == QStringLiteral("Done on 12 Mar"));
    stored = PlanRepository(*fixture.session->store()).actions(stored->at(0).planId);
    REQUIRE(stored.ok());
    CHECK(stored->at(0).dueOn == QDate(2026, 3, 5));
    CHECK(stored->at(0).doneOn == fixture.today());
}

TEST_CASE("Typed goals are saved before the store locks, then forgotten", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    PlanController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    const QString goal = controller.addGoal(f.ada);
    controller.setGoalWords(goal, QStringLiteral("Get to the GP about my back"));

    fixture.session->lock();
    CHECK_FALSE(controller.isFound());
    CHECK(controller.goalGroups()->count() == 0);
    CHECK(controller.actions()->count() == 0);

    fixture.unlock();
    CHECK(controller.isFound());
    REQUIRE(goalsOf(controller, f.ada)->count() == 1);
    CHECK(cell(*goalsOf(controller, f.ada), 0, GoalListModel::WordsRole).toString()
        == QStringLiteral("Get to the GP about my back"));
}

TEST_CASE(
    "The plan's PDF carries the words of a child's shared house, not of a private one", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    const QDateTime at(fixture.today(), QTime(9, 30));
    const QString goodThings = ThreeHousesChanges::houseId(f.bola, House::Kind::GoodThings);
    const QString worries = ThreeHousesChanges::houseId(f.bola, House::Kind::Worries);
    const QString shared = QStringLiteral("SHAREDKITE246 flying my kite with Mum");
    const QString kept = QStringLiteral("PRIVATENOISE135 when the shouting starts");
    REQUIRE(fixture.session
                ->apply(ThreeHousesChanges::start(
                    f.id, f.bola, { House::Kind::Worries, House::Kind::GoodThings }, at))
                .ok());
    REQUIRE(fixture.session
                ->apply(QList<Change> {
                    ThreeHousesChanges::words(goodThings, shared, HouseWords::WrittenBy::Child,
                        QStringLiteral("What makes you happy?"), at),
                    ThreeHousesChanges::share(goodThings, true),
                    ThreeHousesChanges::words(
                        worries, kept, HouseWords::WrittenBy::PractitionerScribing, {}, at),
                    ThreeHousesChanges::rename(worries, QStringLiteral("PRIVATENAME975")) })
                .ok());

    PlanController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    controller.setGoalWords(
        controller.addGoal(f.bola), QStringLiteral("I want to go to school every day"));
    test::DocumentFolder folder;
    const QString path = controller.exportPlanPdf(folder.path());
    INFO(controller.errorString().toStdString());
    REQUIRE_FALSE(path.isEmpty());
    CHECK(controller.errorString().isEmpty());

    // Ada's houses were never started, and reading them for the plan started none.
    auto adas = ThreeHousesRepository(*fixture.session->store()).forChild(f.ada);
    REQUIRE(adas.ok());
    CHECK(adas->houses.isEmpty());

    test::PdfInspector pdf(path);
    REQUIRE(pdf.isPdf());
    const auto text = pdf.text();
    if (!text) {
        WARN("pdftotext is missing: the plan's words are not checked");
        return;
    }
    // pdftotext gives ligatures as one letter, "ﬂ" for "fl".
    const QString words = text->normalized(QString::NormalizationForm_KC).simplified();
    INFO(words.toStdString());
    CHECK(words.contains(QStringLiteral("In Bola's own words")));
    // Born 12 January 2015; today is 12 March 2026.
    CHECK(words.contains(QStringLiteral("Bola, age 11")));
    CHECK(words.contains(QStringLiteral("House of good things")));
    CHECK(words.contains(QStringLiteral("What makes you happy?")));
    CHECK(words.contains(shared));
    CHECK_FALSE(words.contains(QStringLiteral("PRIVATENOISE135")));
    CHECK_FALSE(words.contains(QStringLiteral("shouting")));
    CHECK_FALSE(words.contains(QStringLiteral("PRIVATENAME975")));
    CHECK_FALSE(words.contains(QStringLiteral("House of worries")));
    CHECK_FALSE(words.contains(QStringLiteral("Written down by")));
}
