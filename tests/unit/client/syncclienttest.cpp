#include "client/syncclient.h"

#include "localsyncserver.h"
#include "store/threehouseschanges.h"
#include "store/threehousesrepository.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>
#include <optional>

using namespace doorstep;
using namespace doorstep::test;

namespace
{

/// A real doorstep-server in this process (SQLCipher storage, TLS with a council CA made for
/// the test, a free loopback port) and one enrolled tablet's store.
struct Fixture : LocalSyncServer {
    std::unique_ptr<Store> store;

    Fixture()
    {
        INFO(problem.toStdString());
        REQUIRE(storage);
        REQUIRE(serve().ok());

        auto created = Store::create(dir.filePath(QStringLiteral("tablet")),
            QByteArray(Database::KeyBytes, 'k'), QStringLiteral("practitioner-1"));
        REQUIRE(created.ok());
        store = std::move(*created);
        enrol(*store);
    }

    std::unique_ptr<Store> secondTablet()
    {
        auto created = Store::create(dir.filePath(QStringLiteral("second")),
            QByteArray(Database::KeyBytes, 'k'), QStringLiteral("practitioner-1"));
        REQUIRE(created.ok());
        enrol(**created);
        return std::move(*created);
    }

    /// A tablet of another practitioner in the same team.
    std::unique_ptr<Store> colleaguesTablet()
    {
        const QString colleague = QStringLiteral("practitioner-2");
        REQUIRE(storage
                    ->createUser({ colleague, QStringLiteral("Sam Hale"),
                        server::User::Role::Practitioner, QStringLiteral("north") })
                    .ok());
        auto created = Store::create(dir.filePath(QStringLiteral("colleague")),
            QByteArray(Database::KeyBytes, 'k'), colleague);
        REQUIRE(created.ok());
        enrol(**created, colleague);
        return std::move(*created);
    }

    void enrol(Store &tablet, const QString &userId = QStringLiteral("practitioner-1"))
    {
        auto code = storage->createEnrolmentCode(userId, 3600);
        REQUIRE(code.ok());
        SyncClient client(tablet, QStringLiteral(DOORSTEP_VERSION));
        std::optional<SyncClient::Outcome> outcome;
        client.enrol(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)), ca.certificatePem,
            *code, QStringLiteral("Test tablet"),
            [&](SyncClient::Outcome given) { outcome = given; });
        REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
        INFO(outcome->message.toStdString());
        REQUIRE(outcome->ok);
    }

    SyncClient::Outcome sync() { return syncStore(*store); }

    SyncClient::Outcome syncStore(Store &tablet)
    {
        SyncClient client(tablet, QStringLiteral(DOORSTEP_VERSION));
        std::optional<SyncClient::Outcome> outcome;
        client.sync([&](SyncClient::Outcome given) { outcome = given; });
        REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 30000));
        INFO(outcome->message.toStdString());
        REQUIRE(outcome->ok);
        return *outcome;
    }

    void addFamilies(int count)
    {
        QList<Change> changes;
        for (int i = 0; i < count; ++i)
            changes << Change::create(QStringLiteral("family"),
                { { QStringLiteral("family_name"), QStringLiteral("Family %1").arg(i) } });
        REQUIRE(store->apply(changes).ok());
    }
};

} // namespace

TEST_CASE("A sync with changes is one request: the push brings back the pull's answer", "[sync]")
{
    Fixture fixture;
    auto second = fixture.secondTablet();
    fixture.addFamilies(1);
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.pushRequests == 1);
    CHECK(outcome.pullRequests == 0);
    CHECK(outcome.requests() == 1);
    // The other tablet's change comes back in the answer to this one's push.
    REQUIRE(second
                ->apply(Change::create(QStringLiteral("family"),
                    { { QStringLiteral("family_name"), QStringLiteral("Ashdown") } }))
                .ok());
    const SyncClient::Outcome sent = fixture.syncStore(*second);
    CHECK(sent.requests() == 1);
    CHECK(sent.pulled > 0); // the first tablet's family
    fixture.addFamilies(1);
    const SyncClient::Outcome both = fixture.sync();
    CHECK(both.requests() == 1);
    CHECK(both.pushed > 0);
    CHECK(both.pulled > 0); // the second tablet's family, in the push's answer
    CHECK(outcome.bodyBytesSent > 0);
    CHECK(outcome.bodyBytesReceived > 0);
}

TEST_CASE("A sync with nothing to send and nothing to receive is one pull request", "[sync]")
{
    Fixture fixture;
    fixture.addFamilies(1);
    fixture.sync();
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.pushed == 0);
    CHECK(outcome.pulled == 0);
    CHECK(outcome.pushRequests == 0);
    CHECK(outcome.pullRequests == 1);
}

TEST_CASE("An outbox of thousands of ops goes in few pushes", "[sync]")
{
    Fixture fixture;
    fixture.addFamilies(3000); // two ops each (name and life): 6,000 ops
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.pushed == 6000);
    CHECK(outcome.pushRequests == 2);
    CHECK(fixture.store->outbox(10).value().isEmpty());
}

TEST_CASE("A push is split when its body would be too large", "[sync]")
{
    Fixture fixture;
    QList<Change> changes;
    const QString address(100'000, QLatin1Char('a'));
    for (int i = 0; i < 30; ++i)
        changes << Change::create(QStringLiteral("family"),
            { { QStringLiteral("family_name"), QStringLiteral("Family %1").arg(i) },
                { QStringLiteral("address"), address } });
    REQUIRE(fixture.store->apply(changes).ok());
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.pushRequests >= 2);
    CHECK(outcome.bodyBytesSent > 3'000'000);
    CHECK(fixture.store->outbox(10).value().isEmpty());
}

TEST_CASE("A new tablet pulls thousands of ops in few requests", "[sync]")
{
    Fixture fixture;
    fixture.addFamilies(3000);
    fixture.sync();
    auto second = fixture.secondTablet();
    const SyncClient::Outcome outcome = fixture.syncStore(*second);
    CHECK(outcome.pulled == 6000);
    // The first pull asks for FirstPullBatch; small ops then let the next ask for the most.
    CHECK(outcome.pullRequests == 2);
}

TEST_CASE("A family allocated to someone else leaves the tablet at its next sync", "[sync]")
{
    Fixture fixture;
    REQUIRE(fixture.storage
                ->createUser({ QStringLiteral("practitioner-2"), QStringLiteral("Sam Hale"),
                    server::User::Role::Practitioner, QStringLiteral("north") })
                .ok());
    auto moving = fixture.store->apply(Change::create(
        QStringLiteral("family"), { { QStringLiteral("family_name"), QStringLiteral("Okafor") } }));
    REQUIRE(moving.ok());
    auto visit = fixture.store->apply(Change::create(QStringLiteral("visit"),
        { { QStringLiteral("family_id"), *moving },
            { QStringLiteral("visit_at"), QStringLiteral("2026-03-04T10:30:00Z") } }));
    REQUIRE(visit.ok());
    fixture.addFamilies(1);
    fixture.sync();

    REQUIRE(fixture.storage->allocate(*moving, QStringLiteral("practitioner-2")).ok());
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.familiesRemoved == 1);
    CHECK(outcome.message.contains(QLatin1String("1 family allocated to someone else")));
    CHECK(outcome.changedKinds.contains(QStringLiteral("visit")));
    auto families = fixture.store->query(QStringLiteral("SELECT count(*) FROM families"));
    REQUIRE(families.ok());
    REQUIRE(families->step().ok());
    CHECK(families->integer(0) == 1); // the other family stays

    // The server keeps saying so; the tablet has nothing left to remove.
    CHECK(fixture.sync().familiesRemoved == 0);
}

namespace
{

qint64 countOf(Store &tablet, const QString &sql, const QString &id)
{
    auto query = tablet.query(sql);
    REQUIRE(query.ok());
    query->bind(1, id);
    auto row = query->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return query->integer(0);
}

} // namespace

TEST_CASE("A family allocated to a tablet that has synced past its history arrives whole", "[sync]")
{
    Fixture fixture;
    std::unique_ptr<Store> colleague = fixture.colleaguesTablet();
    auto moving = fixture.store->apply(Change::create(
        QStringLiteral("family"), { { QStringLiteral("family_name"), QStringLiteral("Okafor") } }));
    REQUIRE(moving.ok());
    for (const char *at : { "2026-03-04T10:30:00Z", "2026-03-11T10:30:00Z" }) {
        REQUIRE(fixture.store
                    ->apply(Change::create(QStringLiteral("visit"),
                        { { QStringLiteral("family_id"), *moving },
                            { QStringLiteral("visit_at"), QString::fromLatin1(at) } }))
                    .ok());
    }
    fixture.sync();
    // The colleague's tablet syncs after: its cursor passes the Okafor family's ops, which
    // it may not see yet.
    fixture.syncStore(*colleague);
    const QString visits = QStringLiteral("SELECT count(*) FROM visits WHERE family_id = ?");
    const QString families = QStringLiteral("SELECT count(*) FROM families WHERE id = ?");
    REQUIRE(countOf(*colleague, families, *moving) == 0);

    REQUIRE(fixture.storage->allocate(*moving, QStringLiteral("practitioner-2")).ok());
    const SyncClient::Outcome arrived = fixture.syncStore(*colleague);
    CHECK(arrived.changedKinds.contains(QStringLiteral("visit")));
    CHECK(countOf(*colleague, families, *moving) == 1);
    CHECK(countOf(*colleague, visits, *moving) == 2);
    CHECK(fixture.sync().familiesRemoved == 1);
    CHECK(countOf(*fixture.store, visits, *moving) == 0);

    // The colleague writes; the family comes back to its first practitioner, whose tablet
    // removed it meanwhile, and gets it whole with the colleague's visit.
    REQUIRE(colleague
                ->apply(Change::create(QStringLiteral("visit"),
                    { { QStringLiteral("family_id"), *moving },
                        { QStringLiteral("visit_at"), QStringLiteral("2026-03-18T10:30:00Z") } }))
                .ok());
    fixture.syncStore(*colleague);
    REQUIRE(fixture.storage->allocate(*moving, QStringLiteral("practitioner-1")).ok());
    fixture.sync();
    CHECK(countOf(*fixture.store, families, *moving) == 1);
    CHECK(countOf(*fixture.store, visits, *moving) == 3);
    for (Store *tablet : { fixture.store.get(), colleague.get() }) {
        auto verified = tablet->verify();
        REQUIRE(verified.ok());
        CHECK(verified->problems.join(QLatin1Char('\n')).toStdString() == "");
    }
}

TEST_CASE("What was done on the tablet reaches the server's audit, once", "[sync]")
{
    Fixture fixture;
    auto family = fixture.store->apply(Change::create(
        QStringLiteral("family"), { { QStringLiteral("family_name"), QStringLiteral("Okafor") } }));
    REQUIRE(family.ok());
    REQUIRE(fixture.store
                ->apply(Change::update(QStringLiteral("family"), *family,
                    { { QStringLiteral("postcode"), QStringLiteral("LS9 8AB") } }))
                .ok());
    // One push carries the changes and their audit.
    const SyncClient::Outcome first = fixture.sync();
    CHECK(first.pushRequests == 1);

    auto audit = fixture.storage->audit(50);
    REQUIRE(audit.ok());
    QStringList fromTablet;
    for (const server::ServerStorage::AuditEntry &entry : *audit) {
        if (!entry.action.startsWith(QLatin1String("device ")))
            continue;
        CHECK(entry.deviceId == fixture.store->deviceId());
        CHECK(entry.userId == QStringLiteral("practitioner-1"));
        CHECK(entry.recordId == *family);
        CHECK_FALSE(entry.detail.contains(QLatin1String("Okafor"))); // names of fields only
        fromTablet.prepend(entry.action);
    }
    CHECK(fromTablet
        == QStringList { QStringLiteral("device create"), QStringLiteral("device update") });

    // Nothing new: the next sync is one pull again.
    const SyncClient::Outcome second = fixture.sync();
    CHECK(second.requests() == 1);
}

TEST_CASE("A code made for another practitioner does not enrol the tablet", "[sync]")
{
    Fixture fixture;
    REQUIRE(fixture.storage
                ->createUser({ QStringLiteral("practitioner-2"), QStringLiteral("Sam Hale"),
                    server::User::Role::Practitioner, QStringLiteral("north") })
                .ok());
    auto created = Store::create(fixture.dir.filePath(QStringLiteral("spare")),
        QByteArray(Database::KeyBytes, 'k'), QStringLiteral("practitioner-1"));
    REQUIRE(created.ok());
    auto code = fixture.storage->createEnrolmentCode(QStringLiteral("practitioner-2"), 3600);
    REQUIRE(code.ok());
    SyncClient client(**created, QStringLiteral(DOORSTEP_VERSION));
    std::optional<SyncClient::Outcome> outcome;
    client.enrol(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(fixture.port)),
        fixture.ca.certificatePem, *code, QStringLiteral("Spare tablet"),
        [&](SyncClient::Outcome given) { outcome = given; });
    REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
    CHECK_FALSE(outcome->ok);
    CHECK(outcome->message.contains(QLatin1String("made for practitioner-2")));
    auto endpoint = (*created)->syncEndpoint();
    REQUIRE(endpoint.ok());
    CHECK_FALSE(endpoint->isEnrolled());
}

TEST_CASE("A document's bytes go to the server and on to the other tablet, in ranges", "[sync]")
{
    Fixture fixture;
    auto second = fixture.secondTablet();
    auto family = fixture.store->apply(Change::create(
        QStringLiteral("family"), { { QStringLiteral("family_name"), QStringLiteral("Okafor") } }));
    REQUIRE(family.ok());
    // Larger than one range, so it takes three each way.
    QByteArray form(2 * sync::MaxBlobRangeBytes + 12'345, Qt::Uninitialized);
    for (qsizetype i = 0; i < form.size(); ++i)
        form[i] = char((i * 7919) >> 3);
    const QString hash = Store::blobSha256(form);
    auto document = fixture.store->apply(
        { Change::create(QStringLiteral("document"),
            { { QStringLiteral("family_id"), *family },
                { QStringLiteral("purpose"), QStringLiteral("signed_consent") },
                { QStringLiteral("media_type"), QStringLiteral("application/pdf") },
                { QStringLiteral("sha256"), hash }, { QStringLiteral("size"), qint64(form.size()) },
                { QStringLiteral("made_at"), QStringLiteral("2026-03-04T10:30:00Z") } }) },
        { form });
    REQUIRE(document.ok());

    const SyncClient::Outcome sent = fixture.sync();
    CHECK(sent.blobsSent == 1);
    // One request asks how far the server has it, then three ranges.
    CHECK(sent.blobRequests == 4);
    CHECK(sent.blobProblems.isEmpty());
    auto toSend = fixture.store->blobsToSend();
    REQUIRE(toSend.ok());
    CHECK(toSend->isEmpty());

    const SyncClient::Outcome received = fixture.syncStore(*second);
    CHECK(received.blobsReceived == 1);
    CHECK(received.blobRequests == 3);
    auto bytes = second->blob(hash);
    REQUIRE(bytes.ok());
    CHECK(*bytes == std::optional<QByteArray>(form));

    // Nothing more to move: the next sync of each is one pull.
    CHECK(fixture.sync().requests() == 1);
    CHECK(fixture.syncStore(*second).requests() == 1);
}

namespace
{

QList<Stroke> worriesStrokes(Store &tablet, const QString &personId)
{
    auto houses = ThreeHousesRepository(tablet).forChild(personId);
    REQUIRE(houses.ok());
    const House *worries = houses->house(House::Kind::Worries);
    REQUIRE(worries);
    return worries->strokes;
}

Change strokeAt(const QString &drawingId, double y)
{
    auto change = ThreeHousesChanges::stroke(drawingId, { QPointF(0.1, y), QPointF(0.9, y) }, {},
        QStringLiteral("#1d3557"), 0.02, true, QDateTime::currentDateTimeUtc());
    REQUIRE(change.ok());
    return *change;
}

QSet<QString> idsOf(const QList<Stroke> &strokes)
{
    QSet<QString> ids;
    for (const Stroke &stroke : strokes)
        ids.insert(stroke.id);
    return ids;
}

} // namespace

TEST_CASE("Two tablets drawing the same house offline merge every stroke, with no conflict",
    "[sync][houses]")
{
    Fixture fixture;
    auto second = fixture.secondTablet();
    auto family = fixture.store->apply(Change::create(QStringLiteral("family"),
        { { QStringLiteral("family_name"), QStringLiteral("Ashdown") } }));
    REQUIRE(family.ok());
    auto mia = fixture.store->apply(Change::create(QStringLiteral("person"),
        { { QStringLiteral("family_id"), *family },
            { QStringLiteral("given_name"), QStringLiteral("Mia") },
            { QStringLiteral("family_name"), QStringLiteral("Ashdown") } }));
    REQUIRE(mia.ok());
    fixture.sync();
    fixture.syncStore(*second);

    // Each tablet starts the houses offline (the same ids on both) and draws in them.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<House::Kind> all { House::Kind::Worries, House::Kind::GoodThings,
        House::Kind::Dreams };
    const QString worries = ThreeHousesChanges::houseId(*mia, House::Kind::Worries);
    for (Store *tablet : { fixture.store.get(), second.get() }) {
        REQUIRE(tablet->apply(ThreeHousesChanges::start(*family, *mia, all, now)).ok());
        for (int i = 0; i < 3; ++i)
            REQUIRE(tablet->apply(strokeAt(worries, 0.1 + 0.1 * i)).ok());
    }
    REQUIRE(
        fixture.store->apply(ThreeHousesChanges::rename(worries, QStringLiteral("Rainy"))).ok());

    fixture.sync();
    fixture.syncStore(*second);
    fixture.sync();
    const QList<Stroke> first = worriesStrokes(*fixture.store, *mia);
    CHECK(first.size() == 6);
    CHECK(idsOf(first) == idsOf(worriesStrokes(*second, *mia)));

    // One erases a stroke the other drew while the other draws another: both kept.
    const QString erased = worriesStrokes(*second, *mia).constFirst().id;
    REQUIRE(second->apply(Change::remove(QStringLiteral("stroke"), erased)).ok());
    REQUIRE(fixture.store->apply(strokeAt(worries, 0.9)).ok());
    fixture.sync();
    fixture.syncStore(*second);
    fixture.sync();
    const QList<Stroke> after = worriesStrokes(*fixture.store, *mia);
    CHECK(after.size() == 6);
    CHECK_FALSE(idsOf(after).contains(erased));
    CHECK(idsOf(after) == idsOf(worriesStrokes(*second, *mia)));
    auto houses = ThreeHousesRepository(*second).forChild(*mia);
    REQUIRE(houses.ok());
    CHECK(houses->house(House::Kind::Worries)->name == QStringLiteral("Rainy"));
    for (Store *tablet : { fixture.store.get(), second.get() }) {
        auto conflicts = tablet->familyConflicts(*family);
        REQUIRE(conflicts.ok());
        CHECK(conflicts->isEmpty());
    }
}
