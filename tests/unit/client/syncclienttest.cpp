#include "client/syncclient.h"

#include "localsyncserver.h"

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

    void enrol(Store &tablet)
    {
        auto code = storage->createEnrolmentCode(QStringLiteral("practitioner-1"), 3600);
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

TEST_CASE("A sync says how many requests it made and the bytes of their bodies", "[sync]")
{
    Fixture fixture;
    fixture.addFamilies(1);
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.pushRequests == 1);
    CHECK(outcome.pullRequests == 1);
    CHECK(outcome.requests() == 2);
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
