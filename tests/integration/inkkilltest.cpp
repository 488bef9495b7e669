#include "integrationhelpers.h"
#include "security/storeaccess.h"
#include "store/strokerepository.h"
#include "store/threehouseschanges.h"
#include "store/threehousesrepository.h"

using namespace doorstep;
using namespace doorstep::test;

namespace
{

// Starts housedrawer, waits for its pen to be down in the middle of a stroke, SIGKILLs it
// and returns how many strokes it said were stored.
int drawAndKill(const QString &folder, const QString &personId, const QString &tmpDir, int strokes)
{
    QProcess drawer;
    QProcessEnvironment environment = childEnvironment(tmpDir);
    environment.insert(QStringLiteral("STROKES"), QString::number(strokes));
    drawer.setProcessEnvironment(environment);
    drawer.setStandardInputFile(QProcess::nullDevice());
    drawer.start(QStringLiteral(DOORSTEP_HOUSEDRAWER), { folder, personId });
    REQUIRE(drawer.waitForStarted(30000));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (!output.contains("drawing\n") && drawer.state() == QProcess::Running
        && timer.elapsed() < 60000) {
        drawer.waitForReadyRead(100);
        output += drawer.readAllStandardOutput();
    }
    INFO(QString::fromUtf8(drawer.readAllStandardError()).toStdString());
    REQUIRE(output.contains("drawing\n"));
    drawer.kill(); // SIGKILL, pen down
    drawer.waitForFinished(30000);
    CHECK(drawer.exitStatus() == QProcess::CrashExit);
    return int(output.count("stored "));
}

} // namespace

TEST_CASE("Strokes survive a SIGKILL mid-stroke and a restart; only the stroke in progress is lost",
    "[integration][ink]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("store"));
    auto passphrase = SecureBytes::fromString(QStringLiteral("test-passphrase"));
    QString personId;
    {
        auto store = StoreAccess::create(
            folder, *passphrase, QStringLiteral("practitioner-1"), KdfParams::minimum());
        REQUIRE(store.ok());
        auto family = (*store)->apply(Change::create(QStringLiteral("family"),
            { { QStringLiteral("family_name"), QStringLiteral("Ashdown") } }));
        REQUIRE(family.ok());
        auto person = (*store)->apply(Change::create(QStringLiteral("person"),
            { { QStringLiteral("family_id"), *family },
                { QStringLiteral("given_name"), QStringLiteral("Mia") },
                { QStringLiteral("family_name"), QStringLiteral("Ashdown") },
                { QStringLiteral("role"), QStringLiteral("child") } }));
        REQUIRE(person.ok());
        personId = *person;
    }

    const auto liveStrokes = [&] {
        auto store = StoreAccess::open(folder, *passphrase);
        REQUIRE(store.ok());
        auto houses = ThreeHousesRepository(**store).forChild(personId);
        REQUIRE(houses.ok());
        const House *worries = houses->house(House::Kind::Worries);
        REQUIRE(worries);
        auto verified = (*store)->verify();
        REQUIRE(verified.ok());
        CHECK(verified->ok());
        return int(worries->strokes.size());
    };

    const int first = drawAndKill(folder, personId, dir.path(), 7);
    CHECK(first == 7);
    CHECK(liveStrokes() == 7);
    // Restarted, the app shows the 7 and draws on: the next run's ids follow on from them.
    const int second = drawAndKill(folder, personId, dir.path(), 5);
    CHECK(second == 5);
    CHECK(liveStrokes() == 12);
}
