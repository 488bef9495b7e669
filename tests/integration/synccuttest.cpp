#include "serverprocess.h"
#include "tcprelay.h"

#include <QJsonArray>
#include <array>

// A connection that drops mid-sync, at any byte and in either direction, loses nothing:
// tablets sync through a relay that cuts the TLS stream at random offsets, each sync that
// was cut fails cleanly, and the next one resumes until every store holds the same records.

using namespace doorstep;
using namespace doorstep::test;

TEST_CASE("Syncs cut at random bytes in either direction resume and converge", "[integration]")
{
    const quint32 seed = testSeed();
    INFO("seed " << seed << " (DOORSTEP_TEST_SEED replays it)");
    std::mt19937 random(seed);

    ServerProcess server;
    server.init();
    server.serve();
    TcpRelay relay(server.port);
    REQUIRE(relay.port() != 0);
    const QString viaRelay = QStringLiteral("https://127.0.0.1:%1").arg(relay.port());

    std::array<CliStore, 2> tablets;
    for (CliStore &tablet : tablets) {
        tablet.init();
        tablet.ok(
            { QStringLiteral("enrol"), QStringLiteral("--server"), viaRelay, QStringLiteral("--ca"),
                server.caFile(), QStringLiteral("--code"), server.enrolmentCode() });
    }

    DemoFamilies families;

    // Offsets are drawn from the bytes a whole sync of similar size moved each way, so
    // cuts fall in the handshake, in requests and in replies alike.
    std::array<qint64, 2> syncBytes { 4000, 4000 };
    int failed = 0;
    for (int round = 0; round < 40; ++round) {
        INFO("round " << round);
        const CliStore &tablet = tablets.at(random() % tablets.size());
        families.add(tablet, 1 + int(random() % 3));
        const auto direction
            = random() % 2 ? TcpRelay::Direction::ToServer : TcpRelay::Direction::ToClient;
        const int way = int(direction);
        relay.cutAfter(direction, std::uniform_int_distribution<qint64>(0, syncBytes[way])(random));

        const qint64 before[2] = { relay.bytes(TcpRelay::Direction::ToServer),
            relay.bytes(TcpRelay::Direction::ToClient) };
        const ProcessRun run = tablet.cli({ QStringLiteral("sync") });
        INFO(run.describe());
        REQUIRE_FALSE(run.crashed());
        if (relay.armed()) {
            // The sync ended before the cut: it must have worked, and it shows how long
            // a sync is.
            REQUIRE(run.exitCode == 0);
            syncBytes[0] = relay.bytes(TcpRelay::Direction::ToServer) - before[0];
            syncBytes[1] = relay.bytes(TcpRelay::Direction::ToClient) - before[1];
        } else if (run.exitCode != 0) {
            ++failed;
            // A cut is a lost connection, said in plain words, never damage.
            CHECK(run.err.contains(QLatin1String("connection"), Qt::CaseInsensitive));
        }
        relay.cutAfter(direction, -1);
        if (round % 8 == 7) {
            for (const CliStore &each : tablets)
                each.ok({ QStringLiteral("verify") });
        }
    }
    // Qt resends a request cut before any reply arrived (push and pull are idempotent), so
    // not every cut fails a sync; those that did were said as lost connections.
    CHECK(relay.cuts() >= 30);
    CHECK(failed > 0);

    REQUIRE(syncUntilSettled(tablets));
    for (const CliStore &tablet : tablets)
        tablet.ok({ QStringLiteral("verify") });
    const QJsonObject first = exportedRecords(tablets[0]);
    CHECK(first == exportedRecords(tablets[1]));
    CHECK(first.value(QLatin1String("family")).toArray().size() == families.written);
}
