#include "protocol/recordschema.h"
#include "store/familyrepository.h"
#include "storetesthelpers.h"

using namespace doorstep;
using test::createFamily;
using test::makeStore;

namespace
{

qint64 countRows(Store &store, const QString &sql, const QString &bound = {})
{
    auto query = store.query(sql);
    REQUIRE(query.ok());
    if (!bound.isNull())
        query->bind(1, bound);
    auto row = query->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return query->integer(0);
}

Change person(const QString &familyId, const QString &given, const QVariant &nhs = {})
{
    return Change::create(QStringLiteral("person"),
        { { QStringLiteral("family_id"), familyId }, { QStringLiteral("given_name"), given },
            { QStringLiteral("nhs_number"), nhs } });
}

} // namespace

TEST_CASE("Applying a change writes the record, its journal entries and an audit entry", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    const QString id = createFamily(*store, QStringLiteral("Okafor"));

    CHECK(countRows(*store, QStringLiteral("SELECT count(*) FROM families WHERE id = ?"), id) == 1);
    // family_name and the causal length
    CHECK(countRows(
              *store, QStringLiteral("SELECT count(*) FROM change_journal WHERE record_id = ?"), id)
        == 2);
    CHECK(countRows(*store,
              QStringLiteral("SELECT count(*) FROM audit_log WHERE record_id = ? AND "
                             "action = 'create' AND actor_id = 'practitioner-1'"),
              id)
        == 1);
    auto journal = store->query(QStringLiteral(
        "SELECT op_id, device_id, hlc, value FROM change_journal WHERE field = 'family_name'"));
    REQUIRE(journal.ok());
    REQUIRE(*journal->step());
    CHECK(journal->text(0).startsWith(store->deviceId() + QLatin1Char(':')));
    CHECK(journal->text(1) == store->deviceId());
    CHECK(journal->integer(2) > 0);
    CHECK(journal->text(3) == QStringLiteral("Okafor"));
}

TEST_CASE("The audit log records field names but never values", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    createFamily(*store, QStringLiteral("Marker-Surname"));
    CHECK(countRows(
              *store, QStringLiteral("SELECT count(*) FROM audit_log WHERE fields LIKE '%Marker%'"))
        == 0);
    CHECK(countRows(
              *store, QStringLiteral("SELECT count(*) FROM audit_log WHERE fields = 'family_name'"))
        == 1);
}

TEST_CASE("An invalid NHS number is refused with a clear message and nothing is written", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    const QString family = createFamily(*store, QStringLiteral("Shah"));
    auto result
        = store->apply(person(family, QStringLiteral("Amira"), QStringLiteral("9434765918")));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::InvalidArgument);
    CHECK(result.error().message.contains(QStringLiteral("NHS number")));
    CHECK(countRows(*store, QStringLiteral("SELECT count(*) FROM people")) == 0);
}

TEST_CASE("A valid NHS number is stored as ten digits", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    const QString family = createFamily(*store, QStringLiteral("Shah"));
    auto id = store->apply(person(family, QStringLiteral("Amira"), QStringLiteral("943 476 5919")));
    REQUIRE(id.ok());
    auto query = store->query(QStringLiteral("SELECT nhs_number FROM people WHERE id = ?"));
    REQUIRE(query.ok());
    query->bind(1, *id);
    REQUIRE(*query->step());
    CHECK(query->text(0) == QStringLiteral("9434765919"));
}

TEST_CASE("A batch of changes is applied whole or not at all", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    const QString family = createFamily(*store, QStringLiteral("Shah"));
    const qint64 journalBefore
        = countRows(*store, QStringLiteral("SELECT count(*) FROM change_journal"));
    auto result = store->apply({ person(family, QStringLiteral("Amira")),
        person(family, QString()) }); // no given name: refused
    REQUIRE_FALSE(result.ok());
    CHECK(countRows(*store, QStringLiteral("SELECT count(*) FROM people")) == 0);
    CHECK(
        countRows(*store, QStringLiteral("SELECT count(*) FROM change_journal")) == journalBefore);

    // The op counter did not advance for the failed batch: the next op ids continue.
    auto ok = store->apply(person(family, QStringLiteral("Amira")));
    REQUIRE(ok.ok());
    REQUIRE(store->verify()->ok());
}

TEST_CASE("A reference to a missing record is refused", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    auto result = store->apply(
        person(QStringLiteral("4b7c1c1e-0000-4000-8000-000000000000"), QStringLiteral("Amira")));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::InvalidArgument);
    CHECK(result.error().message.contains(QStringLiteral("does not exist")));
}

TEST_CASE("Unknown kinds and fields are refused", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    CHECK(store->apply(Change::create(QStringLiteral("spaceship"), {})).error().code
        == Error::Code::InvalidArgument);
    auto badField = store->apply(Change::create(QStringLiteral("family"),
        { { QStringLiteral("family_name"), QStringLiteral("A") },
            { QStringLiteral("id; DROP TABLE families"), QStringLiteral("x") } }));
    REQUIRE_FALSE(badField.ok());
    CHECK(badField.error().message.contains(QStringLiteral("no field")));
}

TEST_CASE("An update journals only the fields whose value changes", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    const QString id = createFamily(*store, QStringLiteral("Okafor"));
    const QString sql = QStringLiteral("SELECT count(*) FROM change_journal WHERE record_id = ?");
    const qint64 before = countRows(*store, sql, id);
    REQUIRE(store
                ->apply(Change::update(QStringLiteral("family"), id,
                    { { QStringLiteral("family_name"), QStringLiteral("Okafor") },
                        { QStringLiteral("postcode"), QStringLiteral("TS1 2AB") } }))
                .ok());
    CHECK(countRows(*store, sql, id) == before + 1);
    REQUIRE(store
                ->apply(Change::update(QStringLiteral("family"), id,
                    { { QStringLiteral("postcode"), QStringLiteral("TS1 2AB") } }))
                .ok());
    CHECK(countRows(*store, sql, id) == before + 1);
}

TEST_CASE("A finalised visit cannot be changed", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    const QString family = createFamily(*store, QStringLiteral("Okafor"));
    auto visit = store->apply(Change::create(QStringLiteral("visit"),
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("visit_at"), QStringLiteral("2026-01-05T10:00:00Z") },
            { QStringLiteral("worries"), QStringLiteral("School attendance") } }));
    REQUIRE(visit.ok());
    REQUIRE(store
                ->apply(Change::update(QStringLiteral("visit"), *visit,
                    { { QStringLiteral("status"), QStringLiteral("final") } }))
                .ok());
    auto edit = store->apply(Change::update(
        QStringLiteral("visit"), *visit, { { QStringLiteral("worries"), QStringLiteral("x") } }));
    REQUIRE_FALSE(edit.ok());
    CHECK(edit.error().code == Error::Code::Immutable);
    CHECK(store->apply(Change::remove(QStringLiteral("visit"), *visit)).error().code
        == Error::Code::Immutable);
}

TEST_CASE("A delete is a tombstone that can be restored", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    const QString id = createFamily(*store, QStringLiteral("Okafor"));
    FamilyRepository families(*store);
    REQUIRE(store->apply(Change::remove(QStringLiteral("family"), id)).ok());
    CHECK(families.list()->isEmpty());
    CHECK(countRows(*store, QStringLiteral("SELECT causal_length FROM families WHERE id = ?"), id)
        == 2);
    REQUIRE(store->apply(Change::restore(QStringLiteral("family"), id)).ok());
    CHECK(families.list()->size() == 1);
    CHECK(countRows(*store, QStringLiteral("SELECT causal_length FROM families WHERE id = ?"), id)
        == 3);
    CHECK(store->verify()->ok());
}

TEST_CASE("Repositories may not write", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    auto write = store->query(QStringLiteral("DELETE FROM families"));
    REQUIRE_FALSE(write.ok());
    CHECK(write.error().message.contains(QStringLiteral("Store::apply")));
}

TEST_CASE("A reopened store keeps its data, identity and clock", "[store]")
{
    QTemporaryDir dir;
    test::ManualClock clock;
    QString deviceId;
    Hlc last;
    {
        auto store = makeStore(dir.path(), &clock);
        createFamily(*store, QStringLiteral("Okafor"));
        deviceId = store->deviceId();
        last = store->lastHlc();
    }
    clock.now -= 60'000; // the tablet's clock was set back a minute
    Store::Options options;
    options.clock = clock.function();
    auto reopened = Store::open(dir.path(), test::testKey(), options);
    REQUIRE(reopened.ok());
    CHECK((*reopened)->deviceId() == deviceId);
    CHECK(FamilyRepository(**reopened).list()->size() == 1);
    createFamily(**reopened, QStringLiteral("Shah"));
    CHECK((*reopened)->lastHlc() > last);
    auto report = (*reopened)->verify();
    REQUIRE(report.ok());
    CHECK(report->ok());
}

TEST_CASE("Every kind in the schema can be created through the write path", "[store]")
{
    QTemporaryDir dir;
    auto store = makeStore(dir.path());
    for (const RecordKindSpec &kind : RecordSchema::kinds()) {
        auto query = store->query(QStringLiteral("SELECT count(*) FROM %1").arg(kind.table));
        INFO(kind.table.toStdString());
        CHECK(query.ok());
    }
}

TEST_CASE("Verify finds a record changed behind the write path", "[store]")
{
    QTemporaryDir dir;
    {
        auto store = makeStore(dir.path());
        createFamily(*store, QStringLiteral("Okafor"));
        REQUIRE(store->verify()->ok());
    }
    {
        auto db = Database::open(
            StorePaths { dir.path() }.database(), test::testKey(), Database::Mode::OpenExisting);
        REQUIRE(db.ok());
        REQUIRE(db->exec(QStringLiteral("UPDATE families SET family_name = 'Tampered'")).ok());
    }
    auto store = Store::open(dir.path(), test::testKey());
    REQUIRE(store.ok());
    auto report = (*store)->verify();
    REQUIRE(report.ok());
    REQUIRE_FALSE(report->ok());
    CHECK(report->problems.join(QLatin1Char(' ')).contains(QStringLiteral("family_name")));
}
