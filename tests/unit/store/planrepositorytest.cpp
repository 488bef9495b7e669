#include "store/planrepository.h"

#include "storetesthelpers.h"

using namespace doorstep;

namespace
{

QString add(Store &store, const char *kind, QList<FieldValue> fields)
{
    auto id = store.apply(Change::create(QString::fromLatin1(kind), std::move(fields)));
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    return *id;
}

QString plan(Store &store, const QString &family, QDate startedOn)
{
    return add(store, "plan",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("status"), QStringLiteral("draft") },
            { QStringLiteral("started_on"), startedOn } });
}

} // namespace

TEST_CASE("The current plan is the latest started in the current case", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    PlanRepository plans(*store);

    auto none = plans.current(family);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());

    const QString earlier = plan(*store, family, QDate(2025, 3, 1));
    const QString later = plan(*store, family, QDate(2026, 1, 10));
    auto current = plans.current(family);
    REQUIRE(current.ok());
    REQUIRE(current->has_value());
    CHECK((*current)->id == later);
    CHECK((*current)->status == QStringLiteral("draft"));
    CHECK((*current)->startedOn == QDate(2026, 1, 10));
    CHECK_FALSE((*current)->goalsAgreedOn.isValid());

    // A case allocated after the last plan started has no plan of its own yet.
    auto fresh = plans.current(family, QDate(2026, 2, 1));
    REQUIRE(fresh.ok());
    CHECK_FALSE(fresh->has_value());

    REQUIRE(store->apply(Change::remove(QStringLiteral("plan"), later)).ok());
    current = plans.current(family);
    REQUIRE(current.ok());
    REQUIRE(current->has_value());
    CHECK((*current)->id == earlier);

    auto found = plans.find(earlier);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->startedOn == QDate(2025, 3, 1));
    auto gone = plans.find(later);
    REQUIRE(gone.ok());
    CHECK_FALSE(gone->has_value());
}

TEST_CASE("A plan's goals and actions read back in the order they were added", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    const QString jan = add(*store, "person",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("given_name"), QStringLiteral("Jan") } });
    const QString planId = plan(*store, family, QDate(2026, 1, 10));
    const QString other = plan(*store, family, QDate(2025, 1, 10));

    // UUIDs sort at random; these two would come out the other way round by id.
    const QString first = QStringLiteral("ffffffff-0000-4000-8000-000000000001");
    const QString second = QStringLiteral("00000000-0000-4000-8000-000000000002");
    REQUIRE(store
                ->apply(Change::create(QStringLiteral("goal"),
                    { { QStringLiteral("plan_id"), planId }, { QStringLiteral("person_id"), jan },
                        { QStringLiteral("words"), QStringLiteral("I go to school every day") },
                        { QStringLiteral("status"), QStringLiteral("open") } },
                    first))
                .ok());
    REQUIRE(store
                ->apply(Change::create(QStringLiteral("goal"),
                    { { QStringLiteral("plan_id"), planId },
                        { QStringLiteral("words"), QStringLiteral("We eat together") },
                        { QStringLiteral("agreed_on"), QDate(2026, 1, 20) },
                        { QStringLiteral("status"), QStringLiteral("achieved") } },
                    second))
                .ok());
    add(*store, "goal",
        { { QStringLiteral("plan_id"), other },
            { QStringLiteral("words"), QStringLiteral("Old goal") } });
    add(*store, "action",
        { { QStringLiteral("plan_id"), planId }, { QStringLiteral("goal_id"), first },
            { QStringLiteral("description"), QStringLiteral("Walk Jan to school") },
            { QStringLiteral("who"), QStringLiteral("Mum") },
            { QStringLiteral("due_on"), QDate(2026, 2, 1) } });
    const QString removed = add(*store, "action",
        { { QStringLiteral("plan_id"), planId },
            { QStringLiteral("description"), QStringLiteral("Gone") } });
    REQUIRE(store->apply(Change::remove(QStringLiteral("action"), removed)).ok());
    add(*store, "action",
        { { QStringLiteral("plan_id"), planId },
            { QStringLiteral("description"), QStringLiteral("Call housing") },
            { QStringLiteral("done_on"), QDate(2026, 1, 15) } });

    PlanRepository plans(*store);
    auto goals = plans.goals(planId);
    REQUIRE(goals.ok());
    REQUIRE(goals->size() == 2);
    CHECK(goals->at(0).id == first);
    CHECK(goals->at(0).personId == jan);
    CHECK(goals->at(0).words == QStringLiteral("I go to school every day"));
    CHECK_FALSE(goals->at(0).agreedOn.isValid());
    CHECK(goals->at(1).id == second);
    CHECK(goals->at(1).personId.isEmpty());
    CHECK(goals->at(1).agreedOn == QDate(2026, 1, 20));
    CHECK(goals->at(1).status == QStringLiteral("achieved"));

    auto actions = plans.actions(planId);
    REQUIRE(actions.ok());
    REQUIRE(actions->size() == 2);
    CHECK(actions->at(0).description == QStringLiteral("Walk Jan to school"));
    CHECK(actions->at(0).goalId == first);
    CHECK(actions->at(0).who == QStringLiteral("Mum"));
    CHECK(actions->at(0).dueOn == QDate(2026, 2, 1));
    CHECK_FALSE(actions->at(0).doneOn.isValid());
    CHECK(actions->at(1).description == QStringLiteral("Call housing"));
    CHECK(actions->at(1).goalId.isEmpty());
    CHECK_FALSE(actions->at(1).dueOn.isValid());
    CHECK(actions->at(1).doneOn == QDate(2026, 1, 15));
}
