#include "serverprocess.h"
#include "tcprelay.h"

#include <QFile>
#include <QJsonArray>
#include <array>

// A connection that drops mid-sync, at any byte and in either direction, loses nothing:
// tablets sync through a relay that cuts the TLS stream at random offsets, each sync that
// was cut fails cleanly, and the next one resumes until every store holds the same records.

using namespace doorstep;
using namespace doorstep::test;

namespace
{

/// A real server, and two CLI tablets enrolled with it through a relay that can cut.
struct Relayed {
    ServerProcess server;
    TcpRelay relay;
    std::array<CliStore, 2> tablets;

    Relayed()
        : relay(started(server))
    {
        REQUIRE(relay.port() != 0);
        const QString viaRelay = QStringLiteral("https://127.0.0.1:%1").arg(relay.port());
        for (CliStore &tablet : tablets) {
            tablet.init();
            tablet.ok({ QStringLiteral("enrol"), QStringLiteral("--server"), viaRelay,
                QStringLiteral("--ca"), server.caFile(), QStringLiteral("--code"),
                server.enrolmentCode() });
        }
    }

    static quint16 started(ServerProcess &process)
    {
        process.init();
        process.serve();
        return process.port;
    }
};

} // namespace

TEST_CASE("Syncs cut at random bytes in either direction resume and converge", "[integration]")
{
    const quint32 seed = testSeed();
    INFO("seed " << seed << " (DOORSTEP_TEST_SEED replays it)");
    std::mt19937 random(seed);

    Relayed world;
    TcpRelay &relay = world.relay;
    auto &tablets = world.tablets;

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

namespace
{

/// Syncs `tablet` once with the relay cut after `offset` bytes going `direction` (none when
/// negative); the bytes that went that way during the sync.
qint64 syncCutAt(TcpRelay &relay, const CliStore &tablet, TcpRelay::Direction direction,
    qint64 offset, bool mustSucceed)
{
    relay.cutAfter(direction, offset);
    const qint64 before = relay.bytes(direction);
    const ProcessRun run = tablet.cli({ QStringLiteral("sync") });
    INFO(run.describe());
    REQUIRE_FALSE(run.crashed());
    const bool cut = offset >= 0 && !relay.armed();
    relay.cutAfter(direction, -1);
    if (mustSucceed)
        REQUIRE(run.exitCode == 0);
    else if (cut && run.exitCode != 0)
        CHECK(run.err.contains(QLatin1String("connection"), Qt::CaseInsensitive));
    return relay.bytes(direction) - before;
}

} // namespace

TEST_CASE(
    "A document cut off mid-blob in either direction resumes where it stopped", "[integration]")
{
    const quint32 seed = testSeed();
    INFO("seed " << seed << " (DOORSTEP_TEST_SEED replays it)");
    std::mt19937 random(seed);

    Relayed world;
    TcpRelay &relay = world.relay;
    auto &tablets = world.tablets;

    // A signed form of three ranges and a bit, scanned on paper: its bytes are random, so
    // nothing on the way can make them smaller.
    QByteArray form = QByteArrayLiteral("%PDF-1.4\n");
    while (form.size() < 3 * 1024 * 1024 + 5'000)
        form.append(char(random() & 0xff));
    const QString formPath = tablets[0].parent.filePath(QStringLiteral("form.pdf"));
    {
        QFile file(formPath);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write(form) == form.size());
    }
    const QString family = tablets[0].addFamily(QStringLiteral("Okafor"));
    const QString document = tablets[0].ok({ QStringLiteral("document"), QStringLiteral("add"),
        QStringLiteral("--family"), family, QStringLiteral("--file"), formPath,
        QStringLiteral("--purpose"), QStringLiteral("signed_consent") });

    constexpr qint64 Range = 1024 * 1024;
    const auto midBlob = [&random] {
        // Past the first range and the records, before the last range: inside the blob.
        return std::uniform_int_distribution<qint64>(Range + 300'000, 2 * Range + 600'000)(random);
    };
    const int cutsBefore = relay.cuts();

    // Sending: cut in the middle, then the rest goes without the ranges already held.
    syncCutAt(relay, tablets[0], TcpRelay::Direction::ToServer, midBlob(), false);
    CHECK(relay.cuts() == cutsBefore + 1);
    const qint64 resumedUp = syncCutAt(relay, tablets[0], TcpRelay::Direction::ToServer, -1, true);
    CHECK(resumedUp < form.size() - Range / 2);

    // Receiving: the same on the other tablet.
    syncCutAt(relay, tablets[1], TcpRelay::Direction::ToClient, midBlob(), false);
    CHECK(relay.cuts() == cutsBefore + 2);
    const qint64 resumedDown
        = syncCutAt(relay, tablets[1], TcpRelay::Direction::ToClient, -1, true);
    CHECK(resumedDown < form.size() - Range / 2);

    const QString copy = tablets[1].parent.filePath(QStringLiteral("copy.pdf"));
    tablets[1].ok({ QStringLiteral("document"), QStringLiteral("save"), document,
        QStringLiteral("--out"), copy });
    QFile saved(copy);
    REQUIRE(saved.open(QIODevice::ReadOnly));
    CHECK(saved.readAll() == form);
    for (const CliStore &tablet : tablets)
        tablet.ok({ QStringLiteral("verify") });
}
