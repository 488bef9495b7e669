#include "models/synccontroller.h"

#include "localsyncserver.h"
#include "modeltesthelpers.h"

#include <QTest>

using namespace doorstep;
using namespace doorstep::test;

namespace
{

/// A real doorstep-server in this process, serving.
struct LocalServer : LocalSyncServer {
    LocalServer()
    {
        INFO(problem.toStdString());
        REQUIRE(storage);
        auto served = serve();
        INFO((served ? QString() : served.error().message).toStdString());
        REQUIRE(served.ok());
    }
};

void enrol(Session &session, LocalServer &server)
{
    auto code = server.storage->createEnrolmentCode(QStringLiteral("practitioner-1"), 3600);
    REQUIRE(code.ok());
    SyncClient client(*session.store(), QStringLiteral(DOORSTEP_VERSION));
    std::optional<SyncClient::Outcome> outcome;
    client.enrol(server.url(), server.ca.certificatePem, *code, QStringLiteral("Test tablet"),
        [&](SyncClient::Outcome given) { outcome = given; });
    REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
    INFO(outcome->message.toStdString());
    REQUIRE(outcome->ok);
}

} // namespace

TEST_CASE("The app syncs on demand, says when it last did, and why it could not", "[models]")
{
    SessionFixture fixture;
    LocalServer server;
    SyncController sync;
    sync.setSession(fixture.session.get());
    CHECK_FALSE(sync.isEnrolled());
    CHECK(sync.statusText() == QStringLiteral("Not set up to sync"));

    enrol(*fixture.session, server);
    fixture.family(QStringLiteral("Okafor"), 3);
    fixture.session->lock();
    fixture.unlock(); // the enrolment is read when the store opens
    CHECK(sync.isEnrolled());
    CHECK(sync.statusText() == QStringLiteral("Not synced yet"));

    QSignalSpy progress(&sync, &SyncController::progressChanged);
    sync.syncNow();
    CHECK(sync.isSyncing());
    CHECK(sync.statusText() == QStringLiteral("Syncing: 0 sent, 0 received"));
    REQUIRE(QTest::qWaitFor([&] { return !sync.isSyncing(); }, 10000));
    INFO(sync.problemText().toStdString());
    CHECK(sync.problemText().isEmpty());
    CHECK(sync.pushed() > 0);
    CHECK(progress.count() >= 2);
    CHECK(sync.statusText().startsWith(QLatin1String("Synced at ")));

    // The server goes away: the practitioner is told, and when the last good sync was.
    server.service.reset();
    fixture.add("family", { { QStringLiteral("family_name"), QStringLiteral("Osei") } });
    sync.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return !sync.isSyncing(); }, 40000));
    CHECK(sync.problemText().startsWith(QLatin1String("No connection to the server.")));
    INFO(sync.statusText().toStdString() << " problem: " << sync.problemText().toStdString());
    CHECK(sync.statusText().startsWith(QLatin1String("Last synced at ")));
}

TEST_CASE(
    "After a sync finds no connection the app tries again sooner, then less often", "[models]")
{
    SessionFixture fixture;
    LocalServer server;
    SyncController sync;
    sync.setSession(fixture.session.get());
    enrol(*fixture.session, server);
    fixture.session->lock();
    fixture.unlock();
    sync.setActive(true);
    CHECK(sync.nextSyncInMs() == SyncController::AfterUnlockMs);
    const auto syncAndWait = [&] {
        sync.syncNow();
        REQUIRE(QTest::qWaitFor([&] { return !sync.isSyncing(); }, 40000));
    };
    syncAndWait();
    CHECK(sync.problemText().isEmpty());
    CHECK(sync.nextSyncInMs() == SyncController::IntervalMs);

    // No signal at the kitchen table: 30 s, then 1, 2 and 4 minutes, never more than the
    // usual five.
    server.service.reset();
    QList<int> waits;
    for (int attempt = 0; attempt < 5; ++attempt) {
        syncAndWait();
        CHECK_FALSE(sync.problemText().isEmpty());
        waits << sync.nextSyncInMs();
    }
    CHECK(waits == QList<int> { 30'000, 60'000, 120'000, 240'000, SyncController::IntervalMs });

    // Back in signal: the next sync works and the usual interval returns.
    REQUIRE(server.serve().ok());
    syncAndWait();
    INFO(sync.problemText().toStdString());
    CHECK(sync.problemText().isEmpty());
    CHECK(sync.nextSyncInMs() == SyncController::IntervalMs);
}

TEST_CASE("Locking in the middle of a sync abandons it safely", "[models]")
{
    SessionFixture fixture;
    LocalServer server;
    enrol(*fixture.session, server);
    for (int i = 0; i < 20; ++i)
        fixture.family(QStringLiteral("Family %1").arg(i), 3);
    SyncController sync;
    sync.setSession(fixture.session.get());
    sync.syncNow();
    REQUIRE(sync.isSyncing());
    fixture.session->lock();
    CHECK_FALSE(sync.isSyncing());
    QTest::qWait(300); // any reply still on its way must find nothing to call
    fixture.unlock();
    sync.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return !sync.isSyncing(); }, 10000));
    INFO(sync.problemText().toStdString());
    CHECK(sync.problemText().isEmpty());
    CHECK(fixture.session->store()->outbox(10).value().isEmpty());
}

TEST_CASE("A tablet IT has revoked removes its data at its next sync", "[models]")
{
    SessionFixture fixture;
    LocalServer server;
    enrol(*fixture.session, server);
    fixture.family(QStringLiteral("Okafor"), 3);
    const QString folder = fixture.session->storeFolder();
    const QString deviceId = fixture.session->store()->deviceId();
    REQUIRE(server.storage->revokeDevice(deviceId).ok());

    SyncController sync;
    sync.setSession(fixture.session.get());
    sync.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return !fixture.session->isUnlocked(); }, 10000));
    CHECK(sync.problemText().contains(QLatin1String("revoked")));
    CHECK(fixture.session->errorString().startsWith(
        QLatin1String("IT has revoked this tablet, so the data on it has been removed.")));
    const StorePaths paths { folder };
    CHECK_FALSE(QFileInfo::exists(paths.database()));
    CHECK_FALSE(QFileInfo::exists(paths.keySlot()));
    CHECK_FALSE(QFileInfo::exists(paths.wal()));
}

TEST_CASE("A practitioner enrols the tablet from the app with the code IT gave", "[models]")
{
    SessionFixture fixture;
    LocalServer server;
    fixture.family(QStringLiteral("Okafor"), 3);
    SyncController sync;
    sync.setSession(fixture.session.get());
    QTemporaryDir files;
    const QString caFile = files.filePath(QStringLiteral("council-ca.pem"));
    const QString notCertificate = files.filePath(QStringLiteral("notes.pem"));
    {
        QFile ca(caFile);
        REQUIRE(ca.open(QIODevice::WriteOnly));
        ca.write(server.ca.certificatePem);
        QFile other(notCertificate);
        REQUIRE(other.open(QIODevice::WriteOnly));
        other.write("shopping list");
    }
    auto code = server.storage->createEnrolmentCode(QStringLiteral("practitioner-1"), 3600);
    REQUIRE(code.ok());
    const QString address = QStringLiteral("127.0.0.1:%1").arg(server.port);

    // Each mistake is named, and nothing is enrolled.
    sync.enrol(QStringLiteral("http://127.0.0.1:%1").arg(server.port), caFile, *code);
    CHECK(sync.enrolProblem().startsWith(QLatin1String("The server address should look like")));
    sync.enrol(address, files.filePath(QStringLiteral("missing.pem")), *code);
    CHECK(sync.enrolProblem().startsWith(
        QLatin1String("The council certificate file could not be opened.")));
    sync.enrol(address, notCertificate, *code);
    CHECK(sync.enrolProblem().startsWith(QLatin1String("That file is not a certificate.")));
    sync.enrol(address, caFile, QStringLiteral("  "));
    CHECK(sync.enrolProblem() == QStringLiteral("Type the enrolment code IT gave you."));
    sync.enrol(address, caFile, QStringLiteral("000000000000"));
    REQUIRE(QTest::qWaitFor([&] { return !sync.isEnrolling(); }, 10000));
    CHECK_FALSE(sync.enrolProblem().isEmpty());
    CHECK_FALSE(sync.isEnrolled());

    // Typed as IT reads it out, with spaces: enrolled, and the first sync starts at once.
    QSignalSpy enrolled(&sync, &SyncController::enrolSucceeded);
    QString spaced = *code;
    spaced.insert(4, QLatin1Char(' '));
    sync.enrol(address + QLatin1Char('/'), caFile, spaced);
    CHECK(sync.isEnrolling());
    REQUIRE(QTest::qWaitFor([&] { return !sync.isEnrolling(); }, 10000));
    INFO(sync.enrolProblem().toStdString());
    CHECK(sync.enrolProblem().isEmpty());
    CHECK(sync.isEnrolled());
    CHECK(enrolled.count() == 1);
    REQUIRE(QTest::qWaitFor([&] { return sync.pushed() > 0 && !sync.isSyncing(); }, 10000));
    CHECK(sync.problemText().isEmpty());
    CHECK(fixture.session->store()->outbox(10).value().isEmpty());
}
