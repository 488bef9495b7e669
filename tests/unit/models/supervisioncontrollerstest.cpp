#include "client/syncclient.h"
#include "models/exitquestionnairecontroller.h"
#include "models/plandecisioncontroller.h"
#include "models/supervisionnotescontroller.h"
#include "models/teamcaseloadmodel.h"
#include "modeltesthelpers.h"

using namespace doorstep;

// The supervisor's sign-off of a plan and case supervision notes, through the session.

namespace
{

/// A family with a complete plan, on a tablet whose user the server named as a supervisor
/// (or, with supervisor false, as a practitioner).
struct DecisionFixture : test::SessionFixture {
    QString familyId = family(QStringLiteral("Okafor"), 60);
    QString planId = add("plan",
        { { QStringLiteral("family_id"), familyId },
            { QStringLiteral("status"), QStringLiteral("complete") },
            { QStringLiteral("goals_agreed_on"), today().addDays(-40) },
            { QStringLiteral("completed_on"), today().addDays(-20) } });

    explicit DecisionFixture(bool supervisor = true)
    {
        TeamView view;
        view.role = supervisor ? TeamView::Role::Supervisor : TeamView::Role::Practitioner;
        view.team = QStringLiteral("North");
        view.members
            = { { session->store()->userId(), QStringLiteral("Priya Shah"), view.role, {} } };
        REQUIRE(session->store()->saveTeamView(view).ok());
        session->announceChanges({ SyncClient::TeamViewKind });
    }

    QString planStatus()
    {
        auto query
            = session->store()->query(QStringLiteral("SELECT status FROM plans WHERE id = ?"));
        REQUIRE(query.ok());
        query->bind(1, planId);
        REQUIRE(query->step().ok());
        return query->text(0);
    }

    int count(const char *table)
    {
        auto query = session->store()->query(
            QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table)));
        REQUIRE(query.ok());
        REQUIRE(query->step().ok());
        return int(query->integer(0));
    }
};

} // namespace

TEST_CASE("A supervisor returns a plan with comments, then signs it off once completed again",
    "[models][supervision]")
{
    DecisionFixture fixture;
    PlanDecisionController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(fixture.familyId);
    REQUIRE(controller.canDecide());
    CHECK(controller.decisions().isEmpty());

    // Returning needs a word on what must change; nothing is written without it.
    CHECK_FALSE(controller.returnPlan(QStringLiteral("   ")));
    CHECK(controller.errorString()
        == QStringLiteral("Say what needs to change before returning the plan."));
    CHECK(fixture.count("plan_decisions") == 0);

    REQUIRE(controller.returnPlan(QStringLiteral("Add who takes Rio to school.")));
    CHECK(controller.errorString().isEmpty());
    CHECK(fixture.planStatus() == QStringLiteral("returned"));
    CHECK_FALSE(controller.canDecide());
    CHECK(controller.decideHint().startsWith(
        QStringLiteral("The plan is back with the practitioner")));
    REQUIRE(controller.decisions().size() == 1);
    const QVariantMap returned = controller.decisions().constFirst().toMap();
    CHECK(returned.value(QStringLiteral("decision")) == QStringLiteral("returned"));
    CHECK(returned.value(QStringLiteral("title")) == QStringLiteral("Returned by Priya Shah"));
    CHECK(returned.value(QStringLiteral("comments"))
        == QStringLiteral("Add who takes Rio to school."));

    // The practitioner completes it again; the supervisor signs it off.
    REQUIRE(fixture.session
                ->apply(Change::update(QStringLiteral("plan"), fixture.planId,
                    { { QStringLiteral("status"), QStringLiteral("complete") } }))
                .ok());
    REQUIRE(controller.canDecide());
    REQUIRE(controller.signOff({}));
    CHECK(fixture.planStatus() == QStringLiteral("signed_off"));
    REQUIRE(controller.decisions().size() == 2);
    CHECK(controller.decisions().constFirst().toMap().value(QStringLiteral("decision"))
        == QStringLiteral("signed_off"));

    // A decision, once written, is never changed.
    auto decisionId = fixture.session->store()->query(
        QStringLiteral("SELECT id FROM plan_decisions WHERE decision = 'returned'"));
    REQUIRE(decisionId.ok());
    REQUIRE(decisionId->step().ok());
    auto edited = fixture.session->apply(Change::update(QStringLiteral("plan_decision"),
        decisionId->text(0), { { QStringLiteral("comments"), QStringLiteral("Fine after all") } }));
    CHECK_FALSE(edited.ok());
}

TEST_CASE("A practitioner sees the decisions but cannot make one", "[models][supervision]")
{
    DecisionFixture fixture(false);
    PlanDecisionController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(fixture.familyId);
    CHECK_FALSE(controller.canDecide());
    CHECK(controller.decideHint().isEmpty());
    CHECK_FALSE(controller.signOff({}));
    CHECK(controller.errorString() == QStringLiteral("Only a supervisor can sign off a plan."));
    CHECK(fixture.count("plan_decisions") == 0);
    CHECK(fixture.planStatus() == QStringLiteral("complete"));
}

TEST_CASE("A supervisor records a case supervision; a bad date or no discussion is refused",
    "[models][supervision]")
{
    DecisionFixture fixture;
    SupervisionNotesController notes;
    notes.setSession(fixture.session.get());
    notes.setFamilyId(fixture.familyId);
    REQUIRE(notes.canRecord());
    CHECK(notes.todayText() == QStringLiteral("12/03/2026"));

    CHECK_FALSE(notes.record(QStringLiteral("31/02/2026"), QStringLiteral("x"), {}, {}));
    CHECK(notes.errorString().startsWith(QStringLiteral("Write the date as day/month/year")));
    CHECK_FALSE(notes.record(QStringLiteral("13/03/2026"), QStringLiteral("x"), {}, {}));
    CHECK(notes.errorString().contains(QStringLiteral("cannot be after today")));
    CHECK_FALSE(notes.record(QStringLiteral("12/03/2026"), QStringLiteral("  "), {}, {}));
    CHECK(notes.errorString() == QStringLiteral("Write what was discussed."));
    CHECK(fixture.count("supervision_notes") == 0);

    REQUIRE(notes.record(QStringLiteral("10/03/2026"), QStringLiteral("School attendance"),
        QStringLiteral("Ask the school for a plan"), QStringLiteral("Amara to call the school")));
    REQUIRE(notes.record(QStringLiteral("12/03/2026"), QStringLiteral("Housing"), {}, {}));
    REQUIRE(notes.notes().size() == 2);
    const QVariantMap newest = notes.notes().constFirst().toMap();
    CHECK(newest.value(QStringLiteral("discussion")) == QStringLiteral("Housing"));
    CHECK(newest.value(QStringLiteral("byText")) == QStringLiteral("Priya Shah"));
    const QVariantMap older = notes.notes().at(1).toMap();
    CHECK(older.value(QStringLiteral("heldOnText")) == QStringLiteral("10 Mar 2026"));
    CHECK(older.value(QStringLiteral("actions")) == QStringLiteral("Amara to call the school"));

    DecisionFixture practitioner(false);
    SupervisionNotesController theirs;
    theirs.setSession(practitioner.session.get());
    theirs.setFamilyId(practitioner.familyId);
    CHECK_FALSE(theirs.canRecord());
    CHECK_FALSE(theirs.record(QStringLiteral("12/03/2026"), QStringLiteral("x"), {}, {}));
}

TEST_CASE("The exit questionnaire keeps each answer as given, and the team page totals them",
    "[models][supervision]")
{
    DecisionFixture fixture;
    ExitQuestionnaireController questionnaire;
    questionnaire.setSession(fixture.session.get());
    questionnaire.setFamilyId(fixture.familyId);
    CHECK(questionnaire.answeredOnText().isEmpty());
    REQUIRE(questionnaire.questions().size() == 3);
    CHECK(questionnaire.questions().constFirst().toMap().value(QStringLiteral("text"))
        == QStringLiteral("Was the assessment easy to understand?"));

    REQUIRE(questionnaire.answer(QStringLiteral("assessment_easy"), QStringLiteral("yes")));
    REQUIRE(questionnaire.answer(QStringLiteral("plan_clear"), QStringLiteral("partly")));
    CHECK(questionnaire.answeredOnText() == QStringLiteral("Answered on 12 Mar 2026"));
    CHECK(fixture.count("exit_questionnaires") == 1);
    // An answer that is not one of the three is refused in words, and nothing changes.
    CHECK_FALSE(questionnaire.answer(QStringLiteral("plan_clear"), QStringLiteral("maybe")));
    CHECK_FALSE(questionnaire.errorString().isEmpty());
    CHECK_FALSE(questionnaire.answer(QStringLiteral("favourite_colour"), QStringLiteral("yes")));
    // Comments are kept once typing stops, or at once when asked.
    questionnaire.setComments(QStringLiteral("Sam listened to us"));
    REQUIRE(questionnaire.saveNow());

    ExitQuestionnaireController again;
    again.setSession(fixture.session.get());
    again.setFamilyId(fixture.familyId);
    const QVariantList questions = again.questions();
    CHECK(questions.at(0).toMap().value(QStringLiteral("answer")) == QStringLiteral("yes"));
    CHECK(questions.at(1).toMap().value(QStringLiteral("answer")).toString().isEmpty());
    CHECK(questions.at(2).toMap().value(QStringLiteral("answer")) == QStringLiteral("partly"));
    CHECK(again.comments() == QStringLiteral("Sam listened to us"));

    // A second family answers; the team totals count each family once.
    const QString second = fixture.family(QStringLiteral("Shah"), 30);
    again.setFamilyId(second);
    REQUIRE(again.answer(QStringLiteral("assessment_easy"), QStringLiteral("no")));
    REQUIRE(again.answer(QStringLiteral("plan_clear"), QStringLiteral("partly")));
    TeamCaseloadModel team;
    team.setSession(fixture.session.get());
    CHECK(team.feedbackFamilies() == 2);
    const QVariantMap easy = team.feedback().at(0).toMap();
    CHECK(easy.value(QStringLiteral("yes")) == 1);
    CHECK(easy.value(QStringLiteral("no")) == 1);
    CHECK(easy.value(QStringLiteral("partly")) == 0);
    const QVariantMap clear = team.feedback().at(2).toMap();
    CHECK(clear.value(QStringLiteral("question"))
        == QStringLiteral("Was the plan clear about who does what?"));
    CHECK(clear.value(QStringLiteral("partly")) == 2);
}
