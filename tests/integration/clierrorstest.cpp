#include "cli/cli.h"
#include "integrationhelpers.h"
#include "security/vault.h"

using namespace doorstep;
using namespace doorstep::test;

namespace
{

/// A failed command says what went wrong in one line on stderr, prints nothing else and
/// exits normally with exitCode.
void requireOneLineError(const ProcessRun &run, int exitCode, const QString &says)
{
    INFO(run.describe());
    REQUIRE_FALSE(run.crashed());
    CHECK(run.exitCode == exitCode);
    CHECK(run.err.startsWith(QLatin1String("doorstep-cli: ")));
    CHECK(run.err.endsWith(QLatin1Char('\n')));
    CHECK(run.err.count(QLatin1Char('\n')) == 1);
    CHECK(run.err.contains(says, Qt::CaseInsensitive));
    CHECK(run.out.isEmpty());
}

} // namespace

TEST_CASE("A store folder that does not exist is reported and not created", "[integration]")
{
    CliStore store;
    for (const char *command : { "verify", "family list" }) {
        const ProcessRun run = store.cli(QString::fromLatin1(command).split(QLatin1Char(' ')));
        requireOneLineError(run, Cli::NotFound, QStringLiteral("There is no Doorstep store"));
        CHECK_FALSE(QFileInfo::exists(store.folder()));
    }
    CHECK(filesUnder({ store.parent.path() }).isEmpty());
    CHECK(
        QDir(store.parent.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

TEST_CASE("A passphrase on the command line is refused without being echoed", "[integration]")
{
    CliStore store;
    store.init();
    const QString secret = QStringLiteral("visible-in-ps-9b1c");
    const QList<QStringList> attempts {
        { QStringLiteral("--passphrase"), secret, QStringLiteral("family"),
            QStringLiteral("list") },
        { QStringLiteral("family"), QStringLiteral("list"),
            QStringLiteral("--passphrase=") + secret },
        { QStringLiteral("passwd"), QStringLiteral("--new-passphrase"), secret },
    };
    for (const QStringList &arguments : attempts) {
        const ProcessRun run = store.cli(arguments);
        requireOneLineError(run, Cli::Usage, QStringLiteral("never given on the command line"));
        CHECK_FALSE(run.err.contains(secret));
    }
    // Refused before the key slot was touched: no attempt was counted.
    CHECK(Vault(store.paths().keySlot()).failedAttempts() == 0);
}

TEST_CASE("An empty passphrase file is refused and counts no attempt", "[integration]")
{
    CliStore store;
    store.init();
    for (const QByteArray &contents : { QByteArray(), QByteArray("\n"), QByteArray("\r\n") }) {
        const QString file = store.childTmp.filePath(QStringLiteral("passphrase.txt"));
        writeAll(file, contents);
        const ProcessRun run = runCli(
            { QStringLiteral("--store"), store.folder(), QStringLiteral("--passphrase-file"), file,
                QStringLiteral("family"), QStringLiteral("list") },
            store.environment({}));
        requireOneLineError(run, Cli::Usage, QStringLiteral("is empty"));
        CHECK(Vault(store.paths().keySlot()).failedAttempts() == 0);
    }
    // The same file with the passphrase in it works: the refusal was about emptiness.
    const QString file = store.childTmp.filePath(QStringLiteral("passphrase.txt"));
    writeAll(file, store.passphrase.toUtf8() + '\n');
    const ProcessRun run
        = runCli({ QStringLiteral("--store"), store.folder(), QStringLiteral("--passphrase-file"),
                     file, QStringLiteral("verify") },
            store.environment({}));
    INFO(run.describe());
    CHECK(run.exitCode == 0);
}

TEST_CASE(
    "init refuses a folder that already holds files and leaves them untouched", "[integration]")
{
    CliStore store;
    REQUIRE(QDir().mkpath(store.folder()));
    const QString notes = QDir(store.folder()).filePath(QStringLiteral("notes.txt"));
    writeAll(notes, "Someone else's file.\n");
    const QStringList before = filesUnder({ store.parent.path() });

    const ProcessRun run = store.cli({ QStringLiteral("init"), QStringLiteral("--user"),
        QStringLiteral("u1"), QStringLiteral("--kdf-memory-mib"), QStringLiteral("8"),
        QStringLiteral("--kdf-iterations"), QStringLiteral("1") });
    requireOneLineError(run, Cli::AlreadyExists, QStringLiteral("already holds files"));
    CHECK(readAll(notes) == "Someone else's file.\n");
    CHECK(filesUnder({ store.parent.path() }) == before);
    CHECK(
        QDir(store.parent.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
        == QStringList { QStringLiteral("store") });
}

TEST_CASE("person add with an invalid NHS number is refused and adds nothing", "[integration]")
{
    CliStore store;
    store.init();
    const QString familyId = store.addFamily(QStringLiteral("Okafor"));
    const QByteArray databaseBefore = sha256(store.paths().database());
    // 943 476 5919 is valid; changing its last digit breaks the check digit.
    const ProcessRun run = store.cli({ QStringLiteral("person"), QStringLiteral("add"),
        QStringLiteral("--family"), familyId, QStringLiteral("--given"), QStringLiteral("Amara"),
        QStringLiteral("--nhs"), QStringLiteral("943 476 5910") });
    requireOneLineError(run, Cli::Usage, QStringLiteral("NHS number"));
    CHECK(store
              .ok({ QStringLiteral("person"), QStringLiteral("list"), QStringLiteral("--family"),
                  familyId })
              .isEmpty());
    CHECK(sha256(store.paths().database()) == databaseBefore);

    // The same command with the valid number works, so the refusal was the number's.
    CHECK_FALSE(
        store
            .ok({ QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--family"),
                familyId, QStringLiteral("--given"), QStringLiteral("Amara"),
                QStringLiteral("--nhs"), QStringLiteral("943 476 5919") })
            .isEmpty());
}

TEST_CASE("An unknown command is a usage error", "[integration]")
{
    CliStore store;
    store.init();
    const ProcessRun run = store.cli({ QStringLiteral("frobnicate") });
    INFO(run.describe());
    REQUIRE_FALSE(run.crashed());
    CHECK(run.exitCode == Cli::Usage);
    CHECK(run.err.trimmed()
        == QStringLiteral("doorstep-cli: Unknown command \"frobnicate\". Run doorstep-cli "
                          "--help for the commands."));
    CHECK(run.out.isEmpty());
}

TEST_CASE(
    "A cut-short key slot is reported as damaged, and the database left alone", "[integration]")
{
    CliStore store;
    store.init();
    store.addFamily(QStringLiteral("Okafor"));
    const StorePaths paths = store.paths();
    const QByteArray slot = readAll(paths.keySlot());
    const QByteArray databaseBefore = sha256(paths.database());

    for (const qsizetype length :
        { qsizetype(0), qsizetype(9), slot.size() / 2, slot.size() - 1 }) {
        INFO("slot cut to " << length << " bytes");
        writeAll(paths.keySlot(), slot.left(length));
        const ProcessRun run = store.cli({ QStringLiteral("family"), QStringLiteral("list") });
        requireOneLineError(
            run, Cli::Damaged, QStringLiteral("key file on this device is damaged"));
        CHECK(sha256(paths.database()) == databaseBefore);
        CHECK(
            QDir(store.folder()).entryList({ QStringLiteral("damaged-*") }, QDir::Dirs).isEmpty());
    }
    // Put back whole, it opens: nothing else was harmed.
    writeAll(paths.keySlot(), slot);
    CHECK(store.ok({ QStringLiteral("family"), QStringLiteral("list") })
              .contains(QLatin1String("Okafor")));
}
