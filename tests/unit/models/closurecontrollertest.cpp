#include "models/closurecontroller.h"

#include "models/caseloadmodel.h"
#include "models/familycontroller.h"
#include "modeltesthelpers.h"
#include "store/closurerepository.h"

#include <QTest>

using namespace doorstep;

namespace
{

struct Family {
    QString id;
    QString bola;
};

// A case 150 days old with a complete plan; one of Bola's goals is achieved.
Family makeFamily(test::SessionFixture &fixture)
{
    Family f;
    f.id = fixture.family(QStringLiteral("Okafor"), 150);
    f.bola = fixture.add("person",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("given_name"), QStringLiteral("Bola") },
            { QStringLiteral("role"), QStringLiteral("child") } });
    const QString plan = fixture.add("plan",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("status"), QStringLiteral("complete") },
            { QStringLiteral("started_on"), fixture.today().addDays(-140) },
            { QStringLiteral("goals_agreed_on"), fixture.today().addDays(-130) },
            { QStringLiteral("completed_on"), fixture.today().addDays(-110) } });
    fixture.add("goal",
        { { QStringLiteral("plan_id"), plan }, { QStringLiteral("person_id"), f.bola },
            { QStringLiteral("words"), QStringLiteral("I go to school every day") },
            { QStringLiteral("status"), QStringLiteral("achieved") } });
    fixture.add("goal",
        { { QStringLiteral("plan_id"), plan },
            { QStringLiteral("words"), QStringLiteral("We shout less") },
            { QStringLiteral("status"), QStringLiteral("open") } });
    return f;
}

} // namespace

TEST_CASE("Closing needs an outcome and a reason, and warns without a crisis card", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    ClosureController closure;
    closure.setSession(fixture.session.get());
    closure.setFamilyId(f.id);

    REQUIRE(closure.isFound());
    CHECK(closure.stage() == ClosureController::Stage::Open);
    CHECK(closure.stageText() == QStringLiteral("Open"));
    CHECK(closure.outcomeChoices().size() == 4);
    CHECK_FALSE(closure.canClose());
    CHECK(closure.closeHint() == QStringLiteral("Choose how the case ends."));
    CHECK_FALSE(closure.crisisCardWarning().isEmpty());
    CHECK_FALSE(closure.close());

    closure.setOutcome(QStringLiteral("stepped_down"));
    CHECK(closure.closeHint() == QStringLiteral("Write the reason for closing the case."));
    closure.setReason(QStringLiteral("   "));
    CHECK_FALSE(closure.canClose());

    closure.setWhoToCall(QStringLiteral("Gran: 07700 900123"));
    CHECK(closure.crisisCardWarning().isEmpty());
    closure.setReason(QStringLiteral("Goals met; school will keep an eye"));
    CHECK(closure.canClose());
    REQUIRE(closure.close());
    CHECK(closure.stage() == ClosureController::Stage::Closed);
    CHECK(
        closure.stageText() == QStringLiteral("Stepped down to universal services on 12 Mar 2026"));
    CHECK(closure.outcomeChoices().isEmpty());
    CHECK_FALSE(closure.canClose());
    CHECK(closure.closeHint().isEmpty());
    CHECK(closure.crisisCardWarning().isEmpty());
    REQUIRE(closure.closures().size() == 1);
    CHECK(closure.closures().at(0).toMap().value(QStringLiteral("reason")).toString()
        == QStringLiteral("Goals met; school will keep an eye"));

    auto stored = ClosureRepository(*fixture.session->store()).closures(f.id);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 1);
    CHECK(stored->at(0).outcome == QStringLiteral("stepped_down"));
    CHECK(stored->at(0).closedOn == fixture.today());
    // The crisis card was saved before the case closed.
    auto card = ClosureRepository(*fixture.session->store()).crisisCard(f.id);
    REQUIRE(card.ok());
    REQUIRE(card->has_value());
    CHECK((*card)->whoToCall == QStringLiteral("Gran: 07700 900123"));
}

TEST_CASE("Closing into maintenance makes maintenance reviews due", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    ClosureController closure;
    closure.setSession(fixture.session.get());
    closure.setFamilyId(f.id);
    FamilyController family;
    family.setSession(fixture.session.get());
    family.setFamilyId(f.id);
    CaseloadModel caseload;
    caseload.setSession(fixture.session.get());
    REQUIRE(caseload.rowCount() == 1);
    CHECK(caseload.data(caseload.index(0), CaseloadModel::NextDueTextRole)
              .toString()
              .startsWith(QStringLiteral("First contact overdue")));
    CHECK(family.closureText().isEmpty());

    closure.setOutcome(QStringLiteral("maintenance"));
    closure.setReason(QStringLiteral("Plan goals met; light touch for a year"));
    REQUIRE(closure.close());
    CHECK(closure.stage() == ClosureController::Stage::Maintenance);
    CHECK(closure.stageText() == QStringLiteral("In maintenance since 12 Mar 2026"));
    // From maintenance the case can still step up, step down or close, but not re-enter it.
    CHECK(closure.outcomeChoices().size() == 3);

    CHECK(family.closureText() == QStringLiteral("In maintenance since 12 Mar 2026"));
    REQUIRE(family.deadlines()->count() >= 4);
    const QModelIndex last = family.deadlines()->index(family.deadlines()->count() - 1);
    CHECK(family.deadlines()->data(last, DeadlineListModel::NameRole).toString()
        == QStringLiteral("12-month maintenance review"));
    CHECK(caseload.data(caseload.index(0), CaseloadModel::NextDueTextRole).toString()
        == QStringLiteral("1-month maintenance review due from Sun 12 Apr to Sun 26 Apr"));
    CHECK(caseload.data(caseload.index(0), CaseloadModel::CaseStageTextRole).toString()
        == QStringLiteral("In maintenance since 12 Mar 2026"));
    CHECK(caseload.data(caseload.index(0), CaseloadModel::OverdueBadgesRole)
              .toStringList()
              .isEmpty());
}

TEST_CASE("The crisis card and letter are saved as typed; the letter starts from achievements",
    "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    ClosureController closure;
    closure.setSession(fixture.session.get());
    closure.setFamilyId(f.id);

    CHECK(closure.achievedGoals()
        == QStringList { QStringLiteral("Bola: I go to school every day") });
    CHECK(closure.canUseAchievedGoals());
    closure.useAchievedGoals();
    CHECK(closure.progress()
        == QStringLiteral("What you have achieved together:\n• Bola: I go to school every day"));
    CHECK_FALSE(closure.canUseAchievedGoals());
    closure.setAddressedTo(QStringLiteral("Ada and Bola"));
    closure.setWarningSigns(QStringLiteral("Bola stops eating breakfast"));
    closure.setWhatToDo(QStringLiteral("Talk to Mrs Patel at school"));
    CHECK(closure.crisisCardMadeOnText().isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return closure.saveState() == QStringLiteral("Saved"); }, 2000));
    CHECK(closure.crisisCardMadeOnText() == QStringLiteral("Made on 12 Mar 2026"));
    CHECK(closure.letterWrittenOnText() == QStringLiteral("Written on 12 Mar 2026"));

    // Typed, then locked before the pause: saved all the same.
    closure.setWhereToGetHelp(QStringLiteral("Family Hub, Mon to Fri"));
    fixture.session->lock();
    CHECK(closure.progress().isEmpty());
    fixture.unlock();

    ClosureController again;
    again.setSession(fixture.session.get());
    again.setFamilyId(f.id);
    CHECK(again.warningSigns() == QStringLiteral("Bola stops eating breakfast"));
    CHECK(again.whatToDo() == QStringLiteral("Talk to Mrs Patel at school"));
    CHECK(again.whoToCall().isEmpty());
    CHECK(again.addressedTo() == QStringLiteral("Ada and Bola"));
    CHECK(again.whereToGetHelp() == QStringLiteral("Family Hub, Mon to Fri"));
    const auto letter = again.endingLetter();
    REQUIRE(letter);
    CHECK(letter->writtenOn == fixture.today());
    CHECK(letter->authorId == QStringLiteral("practitioner-1"));
    CHECK(letter->progress.startsWith(QStringLiteral("What you have achieved together:")));
    const auto card = again.crisisCard();
    REQUIRE(card);
    CHECK(card->madeOn == fixture.today());
}
