#include "cli/cli.h"
#include "integrationhelpers.h"

#include <QtEndian>
#include <memory>
#include <vector>

using namespace doorstep;
using namespace doorstep::test;

namespace
{

constexpr qint64 PageBytes = 4096;
// SQLCipher 3 reserves 48 bytes at the end of each page: a 16-byte IV and a 20-byte
// HMAC-SHA1, padded to a multiple of 16. The HMAC covers the page up to its own start, so
// the last 12 bytes are padding nothing checks and nothing reads: changing them changes no
// data, and no store can report it.
constexpr qint64 AuthenticatedPageBytes = PageBytes - 12;
constexpr qint64 WalHeaderBytes = 32;
constexpr qint64 WalFrameHeaderBytes = 24;

QStringList damagedFolders(const QString &folder)
{
    return QDir(folder).entryList({ QStringLiteral("damaged-*") }, QDir::Dirs | QDir::Hidden);
}

/// verify on a store with flipped bytes: exit 5, every file kept aside exactly as it was,
/// and nothing left in place for the next run to open or re-create.
void requireDamageReported(const CliStore &store, const QMap<QString, QByteArray> &expected)
{
    const StorePaths paths = store.paths();
    const ProcessRun run = store.cli({ QStringLiteral("verify") });
    INFO(run.describe());
    REQUIRE_FALSE(run.crashed());
    CHECK(run.exitCode == Cli::Damaged);
    CHECK(run.err.contains(QLatin1String("damaged")));

    const QStringList aside = damagedFolders(store.folder());
    REQUIRE(aside.size() == 1);
    const QDir kept(QDir(store.folder()).filePath(aside.first()));
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        INFO(it.key().toStdString());
        const QByteArray keptBytes = readAll(kept.filePath(it.key()));
        CHECK(keptBytes.size() == it.value().size());
        CHECK((keptBytes == it.value()));
        CHECK_FALSE(QFileInfo::exists(QDir(store.folder()).filePath(it.key())));
    }
    CHECK(QFileInfo::exists(paths.keySlot()));

    const ProcessRun again = store.cli({ QStringLiteral("verify") });
    INFO(again.describe());
    CHECK_FALSE(again.crashed());
    CHECK(again.exitCode == Cli::NotFound);
    CHECK_FALSE(QFileInfo::exists(paths.database()));
    CHECK_FALSE(QFileInfo::exists(paths.wal()));
    CHECK(damagedFolders(store.folder()) == aside);
}

/// Stores (database, WAL and key slot) copied from one that storeholder keeps open after
/// committing two transactions: what a power cut could leave, with commits only in the WAL.
std::vector<std::unique_ptr<CliStore>> storesWithWal(int count)
{
    CliStore original;
    original.init();
    const StorePaths from = original.paths();
    QProcess holder;
    holder.setProcessEnvironment(original.environment(original.passphrase));
    holder.start(storeHolderProgram(),
        { original.folder(), QStringLiteral("Nguyen"), QStringLiteral("Seen at home.") });
    REQUIRE(holder.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    while (!holder.canReadLine() && holder.state() == QProcess::Running && timer.elapsed() < 30000)
        holder.waitForReadyRead(100);
    const QByteArray ready = holder.readLine();
    INFO("storeholder: " << ready.toStdString() << holder.readAllStandardError().toStdString());
    REQUIRE(ready.startsWith("ready "));

    std::vector<std::unique_ptr<CliStore>> copies;
    for (int i = 0; i < count; ++i) {
        auto copy = std::make_unique<CliStore>();
        REQUIRE(QDir().mkpath(copy->folder()));
        const StorePaths to = copy->paths();
        REQUIRE(QFile::copy(from.database(), to.database()));
        REQUIRE(QFile::copy(from.wal(), to.wal()));
        REQUIRE(QFile::copy(from.keySlot(), to.keySlot()));
        copies.push_back(std::move(copy));
    }
    holder.closeWriteChannel();
    REQUIRE(holder.waitForFinished(30000));
    CHECK(holder.exitCode() == 0);
    return copies;
}

struct WalLayout {
    qint64 frameBytes = 0;
    qint64 frames = 0;
    int commitsAfterFirstFrame = 0;
};

WalLayout walLayout(const QString &path)
{
    const QByteArray wal = readAll(path);
    REQUIRE(wal.size() > WalHeaderBytes);
    WalLayout layout;
    layout.frameBytes = WalFrameHeaderBytes + qFromBigEndian<quint32>(wal.constData() + 8);
    layout.frames = (wal.size() - WalHeaderBytes) / layout.frameBytes;
    // A frame header's second word is non-zero in the last frame of a transaction.
    for (qint64 frame = 1; frame < layout.frames; ++frame) {
        if (qFromBigEndian<quint32>(
                wal.constData() + WalHeaderBytes + frame * layout.frameBytes + 4))
            ++layout.commitsAfterFirstFrame;
    }
    return layout;
}

void requireWalDamageReported(const CliStore &store)
{
    requireDamageReported(store,
        { { QStringLiteral("doorstep.db"), readAll(store.paths().database()) },
            { QStringLiteral("doorstep.db-wal"), readAll(store.paths().wal()) } });
}

} // namespace

TEST_CASE("A flipped byte in a database page is reported as damage and the file kept aside",
    "[integration]")
{
    const quint32 seed = testSeed();
    INFO("seed " << seed << " (DOORSTEP_TEST_SEED replays it)");
    std::mt19937 random(seed);

    CliStore store;
    store.init();
    const QString familyId = store.addFamily(QStringLiteral("Okafor"));
    store.ok({ QStringLiteral("visit"), QStringLiteral("add"), QStringLiteral("--family"), familyId,
        QStringLiteral("--at"), QStringLiteral("2026-03-04T10:30:00Z"), QStringLiteral("--notes"),
        QStringLiteral("Seen at home.") });
    const StorePaths paths = store.paths();
    REQUIRE_FALSE(QFileInfo::exists(paths.wal()));
    const qint64 pages = QFileInfo(paths.database()).size() / PageBytes;
    REQUIRE(pages > 2);

    // Any page but the first (which starts with SQLCipher's salt and SQLite's header).
    const qint64 page = std::uniform_int_distribution<qint64>(1, pages - 1)(random);
    const qint64 offset = page * PageBytes
        + std::uniform_int_distribution<qint64>(0, AuthenticatedPageBytes - 1)(random);
    const auto mask = quint8(1u << std::uniform_int_distribution<int>(0, 7)(random));
    INFO("flipped bit " << int(mask) << " at offset " << offset << " (page " << page << " of "
                        << pages << ")");
    flipByte(paths.database(), offset, mask);

    requireDamageReported(store, { { QStringLiteral("doorstep.db"), readAll(paths.database()) } });
}

TEST_CASE("A flipped byte in an early WAL frame is reported as damage and the files kept aside",
    "[integration]")
{
    const quint32 seed = testSeed();
    INFO("seed " << seed << " (DOORSTEP_TEST_SEED replays it)");
    std::mt19937 random(seed);

    auto stores = storesWithWal(2);
    const CliStore &intact = *stores[0];
    const CliStore &flipped = *stores[1];
    // The copy without the flip is a sound store whose last commits live only in the WAL.
    CHECK(intact.ok({ QStringLiteral("family"), QStringLiteral("list") })
              .contains(QLatin1String("Nguyen")));

    // WalCheck can tell damage from a torn write only when a commit follows the damage.
    const WalLayout layout = walLayout(flipped.paths().wal());
    REQUIRE(layout.commitsAfterFirstFrame >= 1);
    const qint64 offset
        = WalHeaderBytes + std::uniform_int_distribution<qint64>(0, layout.frameBytes - 1)(random);
    const auto mask = quint8(1u << std::uniform_int_distribution<int>(0, 7)(random));
    INFO("flipped bit " << int(mask) << " at WAL offset " << offset << " (in the first of "
                        << layout.frames << " frames)");
    flipByte(flipped.paths().wal(), offset, mask);

    requireWalDamageReported(flipped);
}

TEST_CASE(
    "A flipped checksum in the first WAL frame's header is reported as damage", "[integration]")
{
    // The next frame's checksum is chained from this stored value, so that frame looks bad
    // too: a checker must not take it for the torn end of the log.
    constexpr int ChecksumOffset = 16;
    constexpr int ChecksumBytes = 8;
    auto stores = storesWithWal(ChecksumBytes);
    for (int i = 0; i < ChecksumBytes; ++i) {
        const CliStore &store = *stores[size_t(i)];
        INFO("flipped byte " << ChecksumOffset + i << " of the first frame's header");
        REQUIRE(walLayout(store.paths().wal()).commitsAfterFirstFrame >= 1);
        flipByte(store.paths().wal(), WalHeaderBytes + ChecksumOffset + i, 0x10);
        requireWalDamageReported(store);
    }
}
