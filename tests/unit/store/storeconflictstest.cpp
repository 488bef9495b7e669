#include "storetesthelpers.h"

using namespace doorstep;
using namespace doorstep::test;

namespace
{

const QString Visit = QStringLiteral("visit");
const QString Worries = QStringLiteral("worries");

/// Two tablets and a relay between them that works as the server does: each pull brings
/// what the other tablet pushed since the last one.
struct TwoTablets {
    QTemporaryDir dir;
    ManualClock leadClock;
    ManualClock schoolClock;
    std::unique_ptr<Store> lead = makeStore(dir.filePath(QStringLiteral("lead")), &leadClock);
    std::unique_ptr<Store> school = makeStore(dir.filePath(QStringLiteral("school")), &schoolClock);
    qint64 schoolCursor = 0;
    qint64 leadCursor = 0;

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
    void exchange()
    {
        relay(*lead, *school, schoolCursor);
        relay(*school, *lead, leadCursor);
    }

    /// A visit made on the lead's tablet and synced to the school's.
    QString sharedVisit()
    {
        const QString family = createFamily(*lead, QStringLiteral("Okafor"));
        auto id = lead->apply(Change::create(Visit,
            { { QStringLiteral("family_id"), family },
                { QStringLiteral("visit_at"), QStringLiteral("2026-03-04T10:30:00Z") },
                { Worries, QStringLiteral("Rent arrears") } }));
        REQUIRE(id.ok());
        exchange();
        return *id;
    }

    /// Both tablets change the visit's worries before either syncs; the school's edit is
    /// a second later.
    void editBoth(const QString &visit)
    {
        update(*lead, visit, Worries, QStringLiteral("Rent arrears; eviction letter"));
        schoolClock.now = leadClock.now + 1000;
        update(*school, visit, Worries, QStringLiteral("Rent arrears; Jan late to school"));
    }

    static void update(
        Store &store, const QString &visit, const QString &field, const QString &text)
    {
        auto updated = store.apply(Change::update(Visit, visit, { { field, text } }));
        INFO((updated ? QString() : updated.error().message).toStdString());
        REQUIRE(updated.ok());
    }
};

QString textOf(Store &store, const QString &sql, const QString &id)
{
    auto query = store.query(sql);
    REQUIRE(query.ok());
    query->bind(1, id);
    auto row = query->step();
    REQUIRE(row.ok());
    return *row ? query->text(0) : QString();
}

QString worriesOf(Store &store, const QString &visit)
{
    return textOf(store, QStringLiteral("SELECT worries FROM visits WHERE id = ?"), visit);
}

qint64 countOf(Store &store, const QString &sql)
{
    auto query = store.query(sql);
    REQUIRE(query.ok());
    REQUIRE(query->step().ok());
    return query->integer(0);
}

QList<Store::FieldConflict> conflictsOf(Store &store, const QString &visit)
{
    auto found = store.conflicts(Visit, visit);
    INFO((found ? QString() : found.error().message).toStdString());
    REQUIRE(found.ok());
    return *found;
}

} // namespace

TEST_CASE("Both versions of text edited on two tablets are listed with where and when", "[store]")
{
    TwoTablets t;
    const QString visit = t.sharedVisit();
    t.editBoth(visit);
    t.exchange();

    for (Store *store : { t.lead.get(), t.school.get() }) {
        const QList<Store::FieldConflict> found = conflictsOf(*store, visit);
        REQUIRE(found.size() == 1);
        const Store::FieldConflict &conflict = found.first();
        CHECK(conflict.kind == Visit);
        CHECK(conflict.field == Worries);
        CHECK_FALSE(conflict.sealed);
        CHECK(conflict.current.value == QStringLiteral("Rent arrears; Jan late to school"));
        CHECK(conflict.current.deviceId == t.school->deviceId());
        CHECK(conflict.current.writtenAt
            == QDateTime::fromMSecsSinceEpoch(t.schoolClock.now, Qt::UTC));
        REQUIRE(conflict.versions.size() == 1);
        CHECK(conflict.versions.first().value == QStringLiteral("Rent arrears; eviction letter"));
        CHECK(conflict.versions.first().deviceId == t.lead->deviceId());
    }
    const Store::FieldConflict onLead = conflictsOf(*t.lead, visit).first();
    CHECK(onLead.versions.first().thisDevice);
    CHECK(onLead.versions.first().authorId == QStringLiteral("practitioner-1"));
    CHECK_FALSE(onLead.current.thisDevice);
    CHECK(onLead.current.authorId.isEmpty());

    auto counts = t.lead->conflictCounts();
    REQUIRE(counts.ok());
    CHECK(counts->size() == 1);
    CHECK(counts->value(onLead.familyId) == 1);
    auto family = t.lead->familyConflicts(onLead.familyId);
    REQUIRE(family.ok());
    CHECK(family->size() == 1);
    auto other = t.lead->familyConflicts(createFamily(*t.lead, QStringLiteral("Brightwell")));
    REQUIRE(other.ok());
    CHECK(other->isEmpty());
}

TEST_CASE("A merge made on one tablet resolves the conflict on both after a sync", "[store]")
{
    TwoTablets t;
    const QString visit = t.sharedVisit();
    t.editBoth(visit);
    t.exchange();
    REQUIRE(conflictsOf(*t.lead, visit).size() == 1);
    REQUIRE(conflictsOf(*t.school, visit).size() == 1);

    const QString merged = QStringLiteral("Rent arrears; eviction letter; Jan late to school");
    t.leadClock.now += 60'000;
    auto done = t.lead->mergeConflict(Visit, visit, Worries, merged);
    INFO((done ? QString() : done.error().message).toStdString());
    REQUIRE(done.ok());
    CHECK(conflictsOf(*t.lead, visit).isEmpty());
    CHECK(worriesOf(*t.lead, visit) == merged);

    // One op, in the outbox, naming both versions it resolves.
    auto outbox = t.lead->outbox(100);
    REQUIRE(outbox.ok());
    REQUIRE(outbox->size() == 1);
    const Op &op = outbox->first();
    CHECK(op.field == Worries);
    CHECK(op.value == merged);
    CHECK(op.replaces.size() == 2);
    CHECK(countOf(*t.lead,
              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'merge' AND fields = "
                             "'worries' AND origin = 'local'"))
        == 1);

    t.exchange();
    for (Store *store : { t.lead.get(), t.school.get() }) {
        CHECK(conflictsOf(*store, visit).isEmpty());
        CHECK(worriesOf(*store, visit) == merged);
        CHECK(countOf(*store, QStringLiteral("SELECT count(*) FROM conflict_versions")) == 0);
        auto counts = store->conflictCounts();
        REQUIRE(counts.ok());
        CHECK(counts->isEmpty());
    }

    // Later edits on either tablet replace the merge alone: no conflict comes back.
    TwoTablets::update(*t.school, visit, Worries, merged + QStringLiteral("; school uniform"));
    t.exchange();
    CHECK(conflictsOf(*t.lead, visit).isEmpty());
    CHECK(worriesOf(*t.lead, visit) == merged + QStringLiteral("; school uniform"));
}

TEST_CASE("Keeping one version as it is resolves the conflict everywhere", "[store]")
{
    TwoTablets t;
    const QString visit = t.sharedVisit();
    t.editBoth(visit);
    t.exchange();
    const Store::FieldConflict conflict = conflictsOf(*t.school, visit).first();
    // The school keeps the lead's version, the one that lost the field.
    REQUIRE(
        t.school->keepConflictVersion(Visit, visit, Worries, conflict.versions.first().opId).ok());
    CHECK(worriesOf(*t.school, visit) == QStringLiteral("Rent arrears; eviction letter"));
    CHECK(countOf(*t.school,
              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'keep_version'"))
        == 1);
    t.exchange();
    for (Store *store : { t.lead.get(), t.school.get() }) {
        CHECK(conflictsOf(*store, visit).isEmpty());
        CHECK(worriesOf(*store, visit) == QStringLiteral("Rent arrears; eviction letter"));
    }
}

TEST_CASE("Keeping the current version still syncs, so the other tablet drops its conflict too",
    "[store]")
{
    TwoTablets t;
    const QString visit = t.sharedVisit();
    t.editBoth(visit);
    t.exchange();
    const Store::FieldConflict conflict = conflictsOf(*t.lead, visit).first();
    REQUIRE(t.lead->keepConflictVersion(Visit, visit, Worries, conflict.current.opId).ok());
    auto outbox = t.lead->outbox(100);
    REQUIRE(outbox.ok());
    CHECK(outbox->size() == 1);
    t.exchange();
    CHECK(conflictsOf(*t.school, visit).isEmpty());
    CHECK(worriesOf(*t.school, visit) == QStringLiteral("Rent arrears; Jan late to school"));
}

TEST_CASE("Two tablets merging at once leave one conflict between the two merges", "[store]")
{
    TwoTablets t;
    const QString visit = t.sharedVisit();
    t.editBoth(visit);
    t.exchange();
    REQUIRE(t.lead->mergeConflict(Visit, visit, Worries, QStringLiteral("Lead's merge")).ok());
    REQUIRE(t.school->mergeConflict(Visit, visit, Worries, QStringLiteral("School's merge")).ok());
    t.exchange();
    for (Store *store : { t.lead.get(), t.school.get() }) {
        const QList<Store::FieldConflict> found = conflictsOf(*store, visit);
        REQUIRE(found.size() == 1);
        REQUIRE(found.first().versions.size() == 1);
        // Neither merge is lost; the originals they both resolved are gone.
        QStringList texts { found.first().current.value.toString(),
            found.first().versions.first().value.toString() };
        texts.sort();
        CHECK(texts
            == QStringList { QStringLiteral("Lead's merge"), QStringLiteral("School's merge") });
    }
}

TEST_CASE("A merge of versions other than those compared saves nothing", "[store]")
{
    TwoTablets t;
    const QString visit = t.sharedVisit();
    t.editBoth(visit);
    t.exchange();
    const Store::FieldConflict conflict = conflictsOf(*t.lead, visit).first();
    const QStringList seen { conflict.current.opId, conflict.versions.first().opId };

    auto stale = t.lead->mergeConflict(
        Visit, visit, Worries, QStringLiteral("merged"), { conflict.current.opId });
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().message.contains(QStringLiteral("Compare them again")));
    CHECK(conflictsOf(*t.lead, visit).size() == 1);
    auto outbox = t.lead->outbox(100);
    REQUIRE(outbox.ok());
    CHECK(outbox->isEmpty());

    REQUIRE(t.lead->mergeConflict(Visit, visit, Worries, QStringLiteral("merged"), seen).ok());
    auto again = t.lead->mergeConflict(Visit, visit, Worries, QStringLiteral("again"));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Error::Code::NotFound);
}

TEST_CASE("A merge survives reopening the store, and the journal stays consistent", "[store]")
{
    TwoTablets t;
    const QString visit = t.sharedVisit();
    t.editBoth(visit);
    t.exchange();
    REQUIRE(t.lead->mergeConflict(Visit, visit, Worries, QStringLiteral("merged")).ok());
    const QString folder = t.lead->paths().folder;
    t.lead.reset();
    auto reopened = Store::open(folder, testKey());
    REQUIRE(reopened.ok());
    CHECK(conflictsOf(**reopened, visit).isEmpty());
    CHECK(worriesOf(**reopened, visit) == QStringLiteral("merged"));
    auto report = (*reopened)->verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(report->ok());
}

namespace
{

/// A visit finalised on the lead's tablet while the school's, not yet synced, changed it.
QString finalisedWithLateEdit(TwoTablets &t)
{
    const QString visit = t.sharedVisit();
    t.leadClock.now += 10LL * 24 * 3600 * 1000;
    TwoTablets::update(*t.lead, visit, QStringLiteral("status"), QStringLiteral("final"));
    t.schoolClock.now = t.leadClock.now + 20LL * 24 * 3600 * 1000;
    TwoTablets::update(*t.school, visit, Worries, QStringLiteral("Written after it was final"));
    t.exchange();
    return visit;
}

} // namespace

TEST_CASE("A change that missed a finalised visit is shown but cannot be merged into it", "[store]")
{
    TwoTablets t;
    const QString visit = finalisedWithLateEdit(t);
    for (Store *store : { t.lead.get(), t.school.get() }) {
        const QList<Store::FieldConflict> found = conflictsOf(*store, visit);
        REQUIRE(found.size() == 1);
        CHECK(found.first().sealed);
        CHECK(found.first().current.value == QStringLiteral("Rent arrears"));
        CHECK(found.first().versions.first().value == QStringLiteral("Written after it was final"));

        auto merge = store->mergeConflict(Visit, visit, Worries, QStringLiteral("merged"));
        REQUIRE_FALSE(merge.ok());
        CHECK(merge.error().code == Error::Code::Immutable);
        auto keep = store->keepConflictVersion(
            Visit, visit, Worries, found.first().versions.first().opId);
        REQUIRE_FALSE(keep.ok());
        CHECK(keep.error().code == Error::Code::Immutable);
        CHECK(worriesOf(*store, visit) == QStringLiteral("Rent arrears"));
    }
}

TEST_CASE("A change that missed a finalised visit can be dismissed after reading, and stays so",
    "[store]")
{
    TwoTablets t;
    const QString visit = finalisedWithLateEdit(t);
    const Store::FieldConflict conflict = conflictsOf(*t.lead, visit).first();
    REQUIRE(
        t.lead->dismissConflictVersion(Visit, visit, Worries, conflict.versions.first().opId).ok());
    CHECK(conflictsOf(*t.lead, visit).isEmpty());
    CHECK(countOf(*t.lead,
              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'dismiss_version'"))
        == 1);
    // Still in the journal: read, not deleted.
    CHECK(countOf(*t.lead,
              QStringLiteral("SELECT count(*) FROM change_journal WHERE value = 'Written after "
                             "it was final'"))
        == 1);

    // Another late change to the record, from a third tablet, re-runs the merge rules: the
    // read one stays read, the new one shows.
    const Op late { QStringLiteral("tablet-3:1"), Visit, visit, QStringLiteral("notes"),
        QStringLiteral("Late note"), Hlc(t.leadClock.now + 5000, 0), QStringLiteral("tablet-3"),
        {} };
    REQUIRE(t.lead->applyPulled({ late }, t.leadCursor + 1).ok());
    const QList<Store::FieldConflict> after = conflictsOf(*t.lead, visit);
    REQUIRE(after.size() == 1);
    CHECK(after.first().field == QStringLiteral("notes"));
}

TEST_CASE("A mergeable version cannot be dismissed", "[store]")
{
    TwoTablets t;
    const QString visit = t.sharedVisit();
    t.editBoth(visit);
    t.exchange();
    const Store::FieldConflict conflict = conflictsOf(*t.lead, visit).first();
    auto dismissed
        = t.lead->dismissConflictVersion(Visit, visit, Worries, conflict.versions.first().opId);
    REQUIRE_FALSE(dismissed.ok());
    CHECK(conflictsOf(*t.lead, visit).size() == 1);
}

TEST_CASE("A change that missed a finalised visit can become a dated amendment", "[store]")
{
    TwoTablets t;
    const QString visit = finalisedWithLateEdit(t);
    const Store::FieldConflict conflict = conflictsOf(*t.school, visit).first();
    auto note = t.school->amendWithConflictVersion(visit, Worries, conflict.versions.first().opId,
        QStringLiteral("Written after it was final (amended)"));
    INFO((note ? QString() : note.error().message).toStdString());
    REQUIRE(note.ok());
    CHECK(conflictsOf(*t.school, visit).isEmpty());
    CHECK(textOf(*t.school, QStringLiteral("SELECT visit_id FROM notes WHERE id = ?"), *note)
        == visit);
    CHECK(textOf(*t.school, QStringLiteral("SELECT body FROM notes WHERE id = ?"), *note)
        == QStringLiteral("Written after it was final (amended)"));
    CHECK(countOf(*t.school,
              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'amend_from_version'"))
        == 1);
    // The amendment syncs like any other.
    t.exchange();
    CHECK(textOf(*t.lead, QStringLiteral("SELECT body FROM notes WHERE id = ?"), *note)
        == QStringLiteral("Written after it was final (amended)"));
}

TEST_CASE("A late change to a field a finalised visit never had is listed", "[store]")
{
    TwoTablets t;
    const QString family = createFamily(*t.lead, QStringLiteral("Okafor"));
    auto visit = t.lead->apply(Change::create(Visit,
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("visit_at"), QStringLiteral("2026-03-04T10:30:00Z") } }));
    REQUIRE(visit.ok());
    TwoTablets::update(*t.lead, *visit, QStringLiteral("status"), QStringLiteral("final"));
    const Op late { QStringLiteral("tablet-3:1"), Visit, *visit, Worries,
        QStringLiteral("Late worries"), Hlc(t.leadClock.now + 5000, 0), QStringLiteral("tablet-3"),
        {} };
    auto applied = t.lead->applyPulled({ late }, 1);
    REQUIRE(applied.ok());
    // No value changed, but the pages must re-read the visit to show the late version.
    CHECK(applied->kinds == QStringList { Visit });
    const QList<Store::FieldConflict> found = conflictsOf(*t.lead, *visit);
    REQUIRE(found.size() == 1);
    CHECK(found.first().sealed);
    CHECK(found.first().current.opId.isEmpty());
    CHECK(found.first().versions.first().value == QStringLiteral("Late worries"));
}
