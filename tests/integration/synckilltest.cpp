#include "serverprocess.h"

#include <QJsonArray>
#include <array>

// Sync must survive power cuts on either side: tablets and the server are sent SIGKILL at
// random points of real syncs over loopback, and afterwards every store converges, passes
// `verify`, and holds everything either tablet ever wrote; on either server database.

using namespace doorstep;
using namespace doorstep::test;

SERVER_TEST_CASE(
    "Tablets and server killed at random points during sync still converge", "[integration][kill]")
{
    if (!serverBackendReady(TestType::backend))
        return;
    const quint32 seed = testSeed();
    INFO("seed " << seed << " (DOORSTEP_TEST_SEED replays it)");
    std::mt19937 random(seed);

    auto syncArguments = [](const CliStore &tablet) {
        return QStringList { QStringLiteral("--store"), tablet.folder(), QStringLiteral("sync") };
    };
    ServerProcess server(TestType::backend);
    server.init();
    server.serve();
    std::array<CliStore, 2> tablets;
    for (CliStore &tablet : tablets) {
        tablet.init();
        const ProcessRun enrolled = enrol(tablet, server, server.enrolmentCode(), server.caFile());
        INFO(enrolled.describe());
        REQUIRE(enrolled.exitCode == 0);
    }

    DemoFamilies families;
    for (const CliStore &tablet : tablets)
        families.add(tablet, 20);

    // Kill delays span the length of the last sync that ran to its end, so kills land
    // anywhere from start-up to the final pull.
    qint64 syncMs = 400;
    auto killDelay
        = [&] { return std::uniform_int_distribution<int>(0, int(syncMs * 6 / 5))(random); };

    int tabletKills = 0;
    int serverKills = 0;
    for (int round = 0; tabletKills + serverKills < 50 && round < 250; ++round) {
        INFO("round " << round);
        const CliStore &tablet = tablets.at(random() % tablets.size());
        if (random() % 2 == 0)
            families.add(tablet, 2);

        if (round % 2 == 0) {
            const ProcessRun run = runAndKill(cliProgram(), syncArguments(tablet),
                tablet.environment(tablet.passphrase), killDelay());
            INFO(run.describe());
            if (run.killed) {
                ++tabletKills;
            } else {
                REQUIRE(run.exitCode == 0);
                syncMs = run.elapsedMs;
            }
        } else {
            QProcess syncing;
            syncing.setProcessEnvironment(tablet.environment(tablet.passphrase));
            syncing.setStandardInputFile(QProcess::nullDevice());
            syncing.start(cliProgram(), syncArguments(tablet));
            REQUIRE(syncing.waitForStarted(10000));
            QElapsedTimer timer;
            timer.start();
            if (!syncing.waitForFinished(killDelay())) {
                server.kill();
                ++serverKills;
            }
            if (syncing.state() != QProcess::NotRunning)
                REQUIRE(syncing.waitForFinished(60000));
            INFO(syncing.readAllStandardError().toStdString());
            // The tablet sees a lost connection, says so and ends by itself.
            REQUIRE(syncing.exitStatus() == QProcess::NormalExit);
            if (server.serving.state() == QProcess::NotRunning)
                server.restart();
            else if (syncing.exitCode() == 0)
                syncMs = timer.elapsed();
        }
        if (round % 10 == 9) {
            for (const CliStore &each : tablets)
                each.ok({ QStringLiteral("verify") });
        }
    }
    CHECK(tabletKills >= 20);
    CHECK(serverKills >= 20);

    // With no more kills, a few syncs bring everything everywhere.
    REQUIRE(syncUntilSettled(tablets));
    for (const CliStore &tablet : tablets)
        tablet.ok({ QStringLiteral("verify") });
    const QJsonObject first = exportedRecords(tablets[0]);
    CHECK(first == exportedRecords(tablets[1]));
    CHECK(first.value(QLatin1String("family")).toArray().size() == families.written);
    // The server's own database opens and passes its check at open after every kill.
    CHECK(server.ok({ QStringLiteral("devices") }).count(QLatin1String("u1")) == 2);
}
