#include "cli/cli.h"
#include "integrationhelpers.h"

#include <QRegularExpression>
#include <QStandardPaths>

using namespace doorstep;
using namespace doorstep::test;

namespace
{

const QString NoteMarker = QStringLiteral("MARKER-7c1f-ZEBRA-QUOKKA");
const QString FamilyMarker = QStringLiteral("Zebraquokka-Familyname-3e9a");
const QString PersonMarker = QStringLiteral("Quokkazebra-Givenname-b41d");

QStringList markers()
{
    return { NoteMarker, FamilyMarker, PersonMarker };
}

/// Fails, naming each file and marker, if any marker is in any file under roots.
void requireNoMarkers(const QStringList &roots, const char *when)
{
    const QStringList files = filesUnder(roots);
    INFO(when << ": scanned\n" << files.join(QLatin1Char('\n')).toStdString());
    const QStringList found = filesContaining(roots, markers());
    INFO(found.join(QLatin1Char('\n')).toStdString());
    CHECK(found.isEmpty());
}

} // namespace

TEST_CASE("The marker search finds markers in plain UTF-8 and UTF-16LE files", "[integration]")
{
    // Without this, a search that never matched would make the tests below pass.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QByteArray utf8 = "header ";
    QByteArray utf16;
    for (const QString &marker : markers()) {
        utf8 += marker.toUtf8() + ' ';
        utf16 += encodings(marker).at(1) + QByteArray(2, '\0');
    }
    writeAll(dir.filePath(QStringLiteral("plain.txt")), utf8);
    QDir(dir.path()).mkpath(QStringLiteral("sub/.hidden"));
    writeAll(dir.filePath(QStringLiteral("sub/.hidden/wide.bin")), utf16);
    CHECK(filesContaining({ dir.path() }, markers()).size() == 2 * markers().size());
    CHECK(filesContaining({ dir.path() }, { QStringLiteral("absent-3f2a") }).isEmpty());
}

TEST_CASE("Names and notes are in no store or temporary file, while open or after", "[integration]")
{
    CliStore store;
    store.init();
    const QString familyId = store.addFamily(FamilyMarker);
    store.ok({ QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--family"),
        familyId, QStringLiteral("--given"), PersonMarker });
    const QString visitId = store.ok({ QStringLiteral("visit"), QStringLiteral("add"),
        QStringLiteral("--family"), familyId, QStringLiteral("--at"),
        QStringLiteral("2026-03-04T10:30:00Z"), QStringLiteral("--notes"),
        QStringLiteral("Seen at home with mum. %1 Next visit in two weeks.").arg(NoteMarker) });
    // The markers really are in the store: the search below has something to miss.
    CHECK(store.ok({ QStringLiteral("visit"), QStringLiteral("show"), visitId })
              .contains(NoteMarker));
    CHECK(store
              .ok({ QStringLiteral("person"), QStringLiteral("list"), QStringLiteral("--family"),
                  familyId })
              .contains(PersonMarker));

    const StorePaths paths = store.paths();
    const QStringList roots { store.parent.path(), store.childTmp.path() };
    REQUIRE(filesUnder(roots).contains(paths.database()));
    REQUIRE(filesUnder(roots).contains(paths.keySlot()));
    requireNoMarkers(roots, "after the commands exited");

    SECTION("while a writer holds the store open with its WAL")
    {
        QProcess holder;
        holder.setProcessEnvironment(store.environment(store.passphrase));
        holder.start(storeHolderProgram(),
            { store.folder(), FamilyMarker + QStringLiteral(" Two"),
                QStringLiteral("Second visit. %1").arg(NoteMarker) });
        REQUIRE(holder.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (
            !holder.canReadLine() && holder.state() == QProcess::Running && timer.elapsed() < 30000)
            holder.waitForReadyRead(100);
        const QByteArray line = holder.readLine();
        INFO("storeholder said: " << line.toStdString()
                                  << holder.readAllStandardError().toStdString());
        REQUIRE(line.startsWith("ready "));

        REQUIRE(QFileInfo::exists(paths.wal()));
        CHECK(QFileInfo(paths.wal()).size() > 32);
        requireNoMarkers(roots, "while storeholder has the store open");

        holder.closeWriteChannel();
        REQUIRE(holder.waitForFinished(30000));
        CHECK(holder.exitStatus() == QProcess::NormalExit);
        CHECK(holder.exitCode() == 0);
        // The last connection to close checkpoints and removes the WAL.
        CHECK_FALSE(QFileInfo::exists(paths.wal()));
        requireNoMarkers(roots, "after storeholder closed the store");

        const QString visits = store.ok({ QStringLiteral("visit"), QStringLiteral("list"),
            QStringLiteral("--family"), QString::fromUtf8(line.mid(6).trimmed()) });
        CHECK(visits.count(QLatin1Char('\n')) == 0); // one visit in the holder's family
        CHECK_FALSE(visits.isEmpty());
    }

    SECTION("the sqlite3 program cannot read the database")
    {
        const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        REQUIRE_FALSE(sqlite3.isEmpty());
        const ProcessRun run = runProcess(sqlite3,
            { paths.database(), QStringLiteral("SELECT count(*) FROM sqlite_master;") },
            store.environment({}));
        INFO(run.describe());
        CHECK((run.exitCode != 0 || run.err.contains(QLatin1String("file is not a database"))
            || run.err.contains(QLatin1String("file is encrypted"))));
        CHECK_FALSE(run.out.trimmed().contains(QRegularExpression(QStringLiteral("^\\d+$"))));
        // Looking did not harm the store.
        CHECK(store.ok({ QStringLiteral("verify") }).contains(QLatin1String("consistent")));
    }

    SECTION("a wrong passphrase is refused with exit code 3 and a plain message")
    {
        const ProcessRun run = store.cliWith(QStringLiteral("not the passphrase"),
            { QStringLiteral("family"), QStringLiteral("list") });
        INFO(run.describe());
        CHECK_FALSE(run.crashed());
        CHECK(run.exitCode == Cli::WrongPassphrase);
        CHECK(run.err.contains(QLatin1String("passphrase is not correct")));
        CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);
        CHECK_FALSE(run.out.contains(FamilyMarker));
        // The right one still opens it.
        CHECK(
            store.ok({ QStringLiteral("family"), QStringLiteral("list") }).contains(FamilyMarker));
    }
}

TEST_CASE(
    "Changing the passphrase re-wraps the key and leaves the database bytes alone", "[integration]")
{
    CliStore store;
    store.init();
    store.addFamily(QStringLiteral("Okafor"));
    store.addFamily(QStringLiteral("Nguyen"));
    const QString before
        = store.ok({ QStringLiteral("--json"), QStringLiteral("family"), QStringLiteral("list") });
    REQUIRE(before.contains(QLatin1String("Okafor")));
    REQUIRE(before.contains(QLatin1String("Nguyen")));

    const StorePaths paths = store.paths();
    // doorstep-cli closes the store before it exits, and closing checkpoints: the database
    // file alone holds the data, so its hash is the data's.
    REQUIRE_FALSE(QFileInfo::exists(paths.wal()));
    const QByteArray databaseHash = sha256(paths.database());
    const QByteArray slotBefore = readAll(paths.keySlot());

    const QString newPassphrase = QStringLiteral("a different passphrase");
    const ProcessRun changed
        = runCli({ QStringLiteral("--store"), store.folder(), QStringLiteral("passwd") },
            store.environment(store.passphrase, newPassphrase));
    INFO(changed.describe());
    REQUIRE(changed.exitCode == 0);
    CHECK(changed.out.contains(QLatin1String("passphrase was changed")));

    CHECK(sha256(paths.database()) == databaseHash);
    CHECK_FALSE(QFileInfo::exists(paths.wal()));
    CHECK(readAll(paths.keySlot()) != slotBefore);

    const ProcessRun old
        = store.cliWith(store.passphrase, { QStringLiteral("family"), QStringLiteral("list") });
    INFO(old.describe());
    CHECK(old.exitCode == Cli::WrongPassphrase);
    CHECK(old.err.contains(QLatin1String("passphrase is not correct")));

    const ProcessRun after = store.cliWith(newPassphrase,
        { QStringLiteral("--json"), QStringLiteral("family"), QStringLiteral("list") });
    INFO(after.describe());
    CHECK(after.exitCode == 0);
    CHECK(after.out.trimmed() == before);

    const ProcessRun verified = store.cliWith(newPassphrase, { QStringLiteral("verify") });
    INFO(verified.describe());
    CHECK(verified.exitCode == 0);
    CHECK(verified.out.contains(QLatin1String("The store is consistent.")));
    CHECK(sha256(paths.database()) == databaseHash);
}
