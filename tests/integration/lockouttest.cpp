#include "cli/cli.h"
#include "integrationhelpers.h"
#include "security/vault.h"

#include <QThread>
#include <algorithm>
#include <array>

using namespace doorstep;
using namespace doorstep::test;

namespace
{

/// The memory doorstep-cli holds once started, before any key derivation: measured on one
/// that waits for its passphrase on standard input.
qint64 residentBeforeKdfKib(const CliStore &store)
{
    QProcess cli;
    cli.setProcessEnvironment(store.environment({}));
    cli.start(cliProgram(),
        { QStringLiteral("--store"), store.folder(), QStringLiteral("--passphrase-file"),
            QStringLiteral("-"), QStringLiteral("family"), QStringLiteral("list") });
    REQUIRE(cli.waitForStarted());
    const QString syscall = QStringLiteral("/proc/%1/syscall").arg(cli.processId());
    QElapsedTimer timer;
    timer.start();
    // Blocked in read(0, ...): started, and waiting for the passphrase.
    while (!readAll(syscall).startsWith("0 0x0 ") && timer.elapsed() < 3000)
        QThread::msleep(5);
    const qint64 kib = memoryKib(cli.processId(), "VmHWM");
    cli.kill();
    cli.waitForFinished();
    REQUIRE(kib > 0);
    return kib;
}

} // namespace

TEST_CASE(
    "Ten wrong passphrases lock the store for good, even when attempts are killed", "[integration]")
{
    const quint32 seed = testSeed();
    INFO("seed " << seed << " (DOORSTEP_TEST_SEED replays it)");
    std::mt19937 random(seed);

    // 64 MiB and four passes make one attempt take about 150-200 ms here, so a kill 0-150 ms
    // in lands sometimes in start-up, before the attempt is counted, and mostly in Argon2id.
    constexpr int KdfMib = 64;
    CliStore store;
    store.init(KdfMib, 4);
    const StorePaths paths = store.paths();
    const Vault vault(paths.keySlot());
    REQUIRE(vault.failedAttempts() == 0);
    // Format version 1 keeps the wrapped key (ciphertext and tag) in bytes 80-127.
    const QByteArray wrappedKey = readAll(paths.keySlot()).mid(80, 48);
    REQUIRE(wrappedKey.size() == 48);

    // Five of the first ten attempts are killed, in a random order; later ones never are, so
    // the third attempt that runs to its end always comes before the lock-out. Two of the
    // kills wait until Argon2id is filling its memory, so every run kills at least two
    // attempts mid-check.
    enum class Kill { No, AtRandom, InKdf };
    std::array<Kill, Vault::DefaultMaxAttempts> killPlan {};
    std::fill(killPlan.begin(), killPlan.end(), Kill::No);
    std::fill(killPlan.begin(), killPlan.begin() + 3, Kill::AtRandom);
    std::fill(killPlan.begin() + 3, killPlan.begin() + 5, Kill::InKdf);
    std::shuffle(killPlan.begin(), killPlan.end(), random);
    // Past this much memory doorstep-cli has started Argon2id, which comes after the attempt
    // is counted on disk.
    const qint64 baselineKib = residentBeforeKdfKib(store);
    const qint64 inKdfKib = baselineKib + (KdfMib / 2) * 1024;
    INFO("doorstep-cli holds " << baselineKib << " KiB before Argon2id");

    const QString wrong = QStringLiteral("not the right passphrase");
    const QStringList list { QStringLiteral("--store"), store.folder(), QStringLiteral("family"),
        QStringLiteral("list") };
    int attempts = 0;
    int killed = 0;
    int killedBeforeCounting = 0;
    int killedInKdf = 0;
    int completedWrong = 0;
    qint64 completedMs = 0;
    bool lockedOut = false;
    while (!lockedOut) {
        // Every attempt that runs to its end counts, so at most ten of those are needed.
        REQUIRE(attempts < Vault::DefaultMaxAttempts + killed);
        const Kill kill = attempts < int(killPlan.size()) ? killPlan[size_t(attempts)] : Kill::No;
        const int killAfterMs = kill == Kill::InKdf
            ? std::uniform_int_distribution<int>(0, 20)(random)
            : std::uniform_int_distribution<int>(0, 150)(random);
        ++attempts;
        const int before = vault.failedAttempts();
        const ProcessRun run = kill == Kill::No
            ? runCli(list, store.environment(wrong))
            : runAndKill(cliProgram(), list, store.environment(wrong), killAfterMs,
                kill == Kill::InKdf ? inKdfKib : 0);
        const int after = vault.failedAttempts();
        INFO("attempt " << attempts << ", kill " << int(kill) << " after " << killAfterMs
                        << " ms; peak memory " << run.peakResidentKib << " KiB; count on disk "
                        << before << " -> " << after << "\n"
                        << run.describe());

        if (run.killed) {
            ++killed;
            // The count only ever goes up, by one at most, and never past the limit.
            CHECK(after >= before);
            CHECK(after <= std::min(before + 1, Vault::DefaultMaxAttempts));
            if (after == before)
                ++killedBeforeCounting;
            // Killed while deriving the key: the attempt was already counted, so killing the
            // program gains no free guess.
            if (run.peakResidentKib >= inKdfKib) {
                ++killedInKdf;
                CHECK(after == std::min(before + 1, Vault::DefaultMaxAttempts));
            }
            continue;
        }
        REQUIRE_FALSE(run.crashed());
        completedMs += run.elapsedMs;
        if (run.exitCode == Cli::LockedOut) {
            lockedOut = true;
            CHECK(before >= Vault::DefaultMaxAttempts - 1);
            CHECK(after == Vault::DefaultMaxAttempts);
            CHECK(vault.isDestroyed());
            break;
        }
        REQUIRE(run.exitCode == Cli::WrongPassphrase);
        ++completedWrong;
        CHECK(after == before + 1);
        CHECK(after < Vault::DefaultMaxAttempts);
        CHECK_FALSE(vault.isDestroyed());
        CHECK(run.err.contains(QLatin1String("passphrase is not correct")));
        if (completedWrong == Vault::WarnFromFailure) {
            const int left = Vault::DefaultMaxAttempts - after;
            const QString warning = left == 1
                ? QStringLiteral("You have one attempt left")
                : QStringLiteral("You have %1 attempts left").arg(left);
            CHECK(run.err.contains(warning));
        }
    }
    CHECK(completedWrong >= Vault::WarnFromFailure);
    CHECK(killedInKdf >= 1);
    WARN("lock-out after " << attempts << " attempts, " << killed << " killed (" << killedInKdf
                           << " during Argon2id, " << killedBeforeCounting
                           << " before the count was written); "
                           << "a whole attempt took "
                           << completedMs / std::max(1, attempts - killed) << " ms");

    const ProcessRun right = store.cli({ QStringLiteral("family"), QStringLiteral("list") });
    INFO(right.describe());
    CHECK_FALSE(right.crashed());
    CHECK(right.exitCode == Cli::LockedOut);
    CHECK(right.err.contains(QLatin1String("locked for good")));
    CHECK(right.err.contains(QLatin1String("downloaded again from the server")));
    CHECK(vault.isDestroyed());
    CHECK(vault.failedAttempts() == Vault::DefaultMaxAttempts);

    // No file in the store folder still holds the wrapped key: not the slot, nor a
    // temporary file a killed attempt left behind.
    for (const QString &file : filesUnder({ store.parent.path() })) {
        INFO(file.toStdString());
        CHECK_FALSE(readAll(file).contains(wrappedKey));
    }
}
