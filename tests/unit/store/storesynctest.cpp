#include "storetesthelpers.h"

using namespace doorstep;
using namespace doorstep::test;

namespace
{

/// Two devices' stores and the ops that pass between them, as the server would relay them.
struct TwoDevices {
    QTemporaryDir dir;
    ManualClock leadClock;
    ManualClock schoolClock;
    std::unique_ptr<Store> lead = makeStore(dir.filePath(QStringLiteral("lead")), &leadClock);
    std::unique_ptr<Store> school = makeStore(dir.filePath(QStringLiteral("school")), &schoolClock);
    qint64 schoolCursor = 0;
    qint64 leadCursor = 0;

    TwoDevices() { schoolClock.now += 3 * 24 * 3600 * 1000LL; } // a tablet three days fast

    /// Everything `from` has not yet had acknowledged, applied on `to`.
    SyncApplied relay(Store &from, Store &to, qint64 &cursor)
    {
        auto ops = from.outbox(1000);
        REQUIRE(ops.ok());
        cursor += ops->size();
        auto applied = to.applyPulled(*ops, cursor);
        INFO((applied ? QString() : applied.error().message).toStdString());
        REQUIRE(applied.ok());
        if (!ops->isEmpty())
            REQUIRE(from.acknowledge(opSequence(ops->last().id)).ok());
        return *applied;
    }
    SyncApplied leadToSchool() { return relay(*lead, *school, schoolCursor); }
    SyncApplied schoolToLead() { return relay(*school, *lead, leadCursor); }
};

QString visitOf(Store &store, const QString &familyId)
{
    auto id = store.apply(Change::create(QStringLiteral("visit"),
        { { QStringLiteral("family_id"), familyId },
            { QStringLiteral("visit_at"), QStringLiteral("2026-03-04T10:30:00Z") },
            { QStringLiteral("worries"), QStringLiteral("Rent arrears") } }));
    REQUIRE(id.ok());
    return *id;
}

QString textOf(Store &store, const char *sql, const QString &id)
{
    auto query = store.query(QString::fromLatin1(sql));
    REQUIRE(query.ok());
    query->bind(1, id);
    auto row = query->step();
    REQUIRE(row.ok());
    return *row ? query->text(0) : QString();
}

qint64 countOf(Store &store, const QString &sql)
{
    auto query = store.query(sql);
    REQUIRE(query.ok());
    REQUIRE(query->step().ok());
    return query->integer(0);
}

} // namespace

TEST_CASE("A family made on one device arrives whole on another, once", "[store]")
{
    TwoDevices d;
    const QString family = createFamily(*d.lead, QStringLiteral("Okafor"));
    const QString visit = visitOf(*d.lead, family);

    const SyncApplied applied = d.leadToSchool();
    CHECK(applied.newOps > 0);
    CHECK(applied.heldBack == 0);
    CHECK(applied.kinds == QStringList { QStringLiteral("family"), QStringLiteral("visit") });
    CHECK(textOf(*d.school, "SELECT family_name FROM families WHERE id = ?", family)
        == QStringLiteral("Okafor"));
    CHECK(textOf(*d.school, "SELECT worries FROM visits WHERE id = ?", visit)
        == QStringLiteral("Rent arrears"));
    CHECK(d.school->pullCursor() == d.schoolCursor);
    CHECK(countOf(*d.school, QStringLiteral("SELECT count(*) FROM audit_log WHERE origin = 'sync'"))
        == 2);
    // The school's own outbox holds only what the school wrote.
    auto outbox = d.school->outbox(100);
    REQUIRE(outbox.ok());
    CHECK(outbox->isEmpty());

    // The same batch again changes nothing.
    auto ops = d.lead->outbox(100);
    REQUIRE(ops.ok());
    CHECK(ops->isEmpty());
    auto again = d.school->applyPulled({}, d.schoolCursor);
    REQUIRE(again.ok());
    CHECK(again->newOps == 0);
}

TEST_CASE("Notes edited on two devices at once keep both texts", "[store]")
{
    TwoDevices d;
    const QString visit = visitOf(*d.lead, createFamily(*d.lead, QStringLiteral("Okafor")));
    d.leadToSchool();

    REQUIRE(
        d.lead
            ->apply(Change::update(QStringLiteral("visit"), visit,
                { { QStringLiteral("worries"), QStringLiteral("Rent arrears; eviction letter") } }))
            .ok());
    d.schoolClock.now += 1000;
    REQUIRE(d.school
                ->apply(Change::update(QStringLiteral("visit"), visit,
                    { { QStringLiteral("worries"),
                        QStringLiteral("Rent arrears; Jan late to school") } }))
                .ok());
    d.leadToSchool();
    d.schoolToLead();

    // The school's tablet is days fast, so its edit wins the field; the lead's is kept.
    for (Store *store : { d.lead.get(), d.school.get() }) {
        CHECK(textOf(*store, "SELECT worries FROM visits WHERE id = ?", visit)
            == QStringLiteral("Rent arrears; Jan late to school"));
        CHECK(textOf(*store,
                  "SELECT j.value FROM conflict_versions c JOIN change_journal j ON j.op_id = "
                  "c.op_id WHERE c.record_id = ? AND c.field = 'worries'",
                  visit)
            == QStringLiteral("Rent arrears; eviction letter"));
    }
}

TEST_CASE("A visit that arrives before its family waits for it", "[store]")
{
    TwoDevices d;
    const QString family = createFamily(*d.lead, QStringLiteral("Okafor"));
    const QString visit = visitOf(*d.lead, family);
    auto ops = d.lead->outbox(1000);
    REQUIRE(ops.ok());
    QList<Op> familyOps;
    QList<Op> visitOps;
    for (const Op &op : *ops)
        (op.kind == QLatin1String("family") ? familyOps : visitOps) << op;

    auto first = d.school->applyPulled(visitOps, 1);
    REQUIRE(first.ok());
    CHECK(first->heldBack == 1);
    CHECK(textOf(*d.school, "SELECT id FROM visits WHERE id = ?", visit).isEmpty());
    // Waiting is a state sync expects, not damage.
    auto waiting = d.school->verify();
    REQUIRE(waiting.ok());
    CHECK(waiting->problems.isEmpty());

    auto second = d.school->applyPulled(familyOps, 2);
    REQUIRE(second.ok());
    CHECK(second->heldBack == 0);
    CHECK(textOf(*d.school, "SELECT worries FROM visits WHERE id = ?", visit)
        == QStringLiteral("Rent arrears"));
}

TEST_CASE("A finalised visit keeps an edit made elsewhere afterwards as a conflict", "[store]")
{
    TwoDevices d;
    const QString visit = visitOf(*d.lead, createFamily(*d.lead, QStringLiteral("Okafor")));
    d.leadToSchool();
    d.leadClock.now += 10LL * 24 * 3600 * 1000; // the lead finalises after the school's edit
    REQUIRE(d.school
                ->apply(Change::update(QStringLiteral("visit"), visit,
                    { { QStringLiteral("worries"), QStringLiteral("Uniform grant refused") } }))
                .ok());
    REQUIRE(d.lead
                ->apply(Change::update(QStringLiteral("visit"), visit,
                    { { QStringLiteral("status"), QStringLiteral("final") } }))
                .ok());
    d.schoolClock.now += 20LL * 24 * 3600 * 1000;
    REQUIRE(
        d.school
            ->apply(Change::update(QStringLiteral("visit"), visit,
                { { QStringLiteral("worries"), QStringLiteral("Written after it was final") } }))
            .ok());
    d.leadToSchool();
    d.schoolToLead();

    for (Store *store : { d.lead.get(), d.school.get() }) {
        CHECK(textOf(*store, "SELECT status FROM visits WHERE id = ?", visit)
            == QStringLiteral("final"));
        CHECK(textOf(*store, "SELECT worries FROM visits WHERE id = ?", visit)
            == QStringLiteral("Uniform grant refused"));
        CHECK(textOf(*store,
                  "SELECT j.value FROM conflict_versions c JOIN change_journal j ON j.op_id = "
                  "c.op_id WHERE c.record_id = ? AND c.field = 'worries'",
                  visit)
            == QStringLiteral("Written after it was final"));
        // Only the late edit: nothing written with the seal itself.
        CHECK(countOf(*store, QStringLiteral("SELECT count(*) FROM conflict_versions")) == 1);
    }
}

TEST_CASE("Fields written with a seal are part of it, not late edits", "[store]")
{
    TwoDevices d;
    const QString family = createFamily(*d.lead, QStringLiteral("Okafor"));
    // A visit recorded as final at once, and one finalised later together with a field.
    auto direct = d.lead->apply(Change::create(QStringLiteral("visit"),
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("visit_at"), QStringLiteral("2026-03-04T10:30:00Z") },
            { QStringLiteral("status"), QStringLiteral("final") },
            { QStringLiteral("worries"), QStringLiteral("Rent arrears") } }));
    REQUIRE(direct.ok());
    const QString later = visitOf(*d.lead, family);
    REQUIRE(d.lead
                ->apply(Change::update(QStringLiteral("visit"), later,
                    { { QStringLiteral("status"), QStringLiteral("final") },
                        { QStringLiteral("needs_to_happen"), QStringLiteral("Uniform grant") } }))
                .ok());
    d.leadToSchool();
    d.schoolToLead();
    for (Store *store : { d.lead.get(), d.school.get() }) {
        CHECK(countOf(*store, QStringLiteral("SELECT count(*) FROM conflict_versions")) == 0);
        CHECK(textOf(*store, "SELECT needs_to_happen FROM visits WHERE id = ?", later)
            == QStringLiteral("Uniform grant"));
        CHECK(textOf(*store, "SELECT status FROM visits WHERE id = ?", *direct)
            == QStringLiteral("final"));
    }
}

TEST_CASE("A pulled batch with one bad op is refused whole", "[store]")
{
    TwoDevices d;
    createFamily(*d.lead, QStringLiteral("Okafor"));
    auto ops = d.lead->outbox(1000);
    REQUIRE(ops.ok());
    QList<Op> batch = *ops;
    Op bad = batch.first();
    bad.id = bad.deviceId + QStringLiteral(":999");
    bad.field = QStringLiteral("shoe_size");
    batch << bad;
    auto applied = d.school->applyPulled(batch, 5);
    REQUIRE_FALSE(applied.ok());
    CHECK(applied.error().code == Error::Code::InvalidArgument);
    CHECK(
        applied.error().message.contains(QLatin1String("names a field the family does not have")));
    CHECK(d.school->pullCursor() == 0);
    CHECK(countOf(*d.school, QStringLiteral("SELECT count(*) FROM families")) == 0);

    auto backwards = d.school->applyPulled(*ops, 4);
    REQUIRE(backwards.ok());
    auto back = d.school->applyPulled({}, 3);
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().message.contains(QLatin1String("went backwards")));
}

TEST_CASE("The outbox shrinks as the server acknowledges it", "[store]")
{
    TwoDevices d;
    createFamily(*d.lead, QStringLiteral("Okafor"));
    createFamily(*d.lead, QStringLiteral("Osei"));
    auto ops = d.lead->outbox(1000);
    REQUIRE(ops.ok());
    REQUIRE(ops->size() == 4); // a name and a life each
    REQUIRE(d.lead->acknowledge(opSequence(ops->at(1).id)).ok());
    auto rest = d.lead->outbox(1000);
    REQUIRE(rest.ok());
    CHECK(rest->size() == 2);
    CHECK(rest->first().id == ops->at(2).id);
    CHECK(d.lead->acknowledge(1).ok()); // an old acknowledgement changes nothing
    CHECK(d.lead->acknowledgedThrough() == opSequence(ops->at(1).id));
    auto beyond = d.lead->acknowledge(1000);
    REQUIRE_FALSE(beyond.ok());
}

TEST_CASE("A family reallocated away leaves the device once its work is sent", "[store]")
{
    TwoDevices d;
    const QString moving = createFamily(*d.lead, QStringLiteral("Okafor"));
    const QString staying = createFamily(*d.lead, QStringLiteral("Osei"));
    visitOf(*d.lead, moving);
    visitOf(*d.lead, staying);
    auto plan = d.lead->apply(Change::create(QStringLiteral("plan"),
        { { QStringLiteral("family_id"), moving },
            { QStringLiteral("status"), QStringLiteral("draft") } }));
    REQUIRE(plan.ok());
    // A goal belongs to the family through its plan.
    auto goal = d.lead->apply(Change::create(QStringLiteral("goal"),
        { { QStringLiteral("plan_id"), *plan },
            { QStringLiteral("words"), QStringLiteral("Mum gets to work on time") } }));
    REQUIRE(goal.ok());

    // Not yet sent: it stays, whole.
    auto kept = d.lead->removeFamilyFromDevice(moving);
    REQUIRE(kept.ok());
    CHECK_FALSE(kept->removed);
    CHECK(countOf(*d.lead, QStringLiteral("SELECT count(*) FROM goals")) == 1);

    d.leadToSchool(); // sent and acknowledged
    const qint64 journalBefore
        = countOf(*d.lead, QStringLiteral("SELECT count(*) FROM change_journal"));
    auto removed = d.lead->removeFamilyFromDevice(moving);
    REQUIRE(removed.ok());
    CHECK(removed->removed);
    CHECK(removed->records == 4); // family, visit, plan, goal
    CHECK(countOf(*d.lead, QStringLiteral("SELECT count(*) FROM families")) == 1);
    CHECK(countOf(*d.lead, QStringLiteral("SELECT count(*) FROM visits")) == 1);
    CHECK(countOf(*d.lead, QStringLiteral("SELECT count(*) FROM goals")) == 0);
    CHECK(textOf(*d.lead, "SELECT family_name FROM families WHERE id = ?", staying)
        == QStringLiteral("Osei"));
    CHECK(countOf(*d.lead, QStringLiteral("SELECT count(*) FROM change_journal")) < journalBefore);
    CHECK(countOf(*d.lead,
              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'remove' AND "
                             "origin = 'reallocated'"))
        == 4);
    // Nothing to send about it: removal is this device's business, not a deletion.
    CHECK(d.lead->outbox(100).value().isEmpty());
    auto report = d.lead->verify();
    REQUIRE(report.ok());
    CHECK(report->problems.isEmpty());
    // The other device still has all of it.
    CHECK(countOf(*d.school, QStringLiteral("SELECT count(*) FROM goals")) == 1);

    // Asking again, or for a family never held, does nothing.
    auto again = d.lead->removeFamilyFromDevice(moving);
    REQUIRE(again.ok());
    CHECK(again->records == 0);
}

TEST_CASE("A reallocated family's records still waiting for their family go too", "[store]")
{
    TwoDevices d;
    const QString family = createFamily(*d.lead, QStringLiteral("Okafor"));
    visitOf(*d.lead, family);
    auto ops = d.lead->outbox(1000);
    REQUIRE(ops.ok());
    QList<Op> visitOps;
    for (const Op &op : *ops) {
        if (op.kind == QLatin1String("visit"))
            visitOps << op;
    }
    REQUIRE(d.school->applyPulled(visitOps, 1).value().heldBack == 1);
    auto removed = d.school->removeFamilyFromDevice(family);
    REQUIRE(removed.ok());
    CHECK(removed->removed);
    CHECK(countOf(*d.school, QStringLiteral("SELECT count(*) FROM held_records")) == 0);
    CHECK(countOf(*d.school, QStringLiteral("SELECT count(*) FROM change_journal")) == 0);
}
