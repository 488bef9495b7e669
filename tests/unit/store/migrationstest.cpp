#include "store/migrations.h"

#include "store/familyrepository.h"
#include "store/personrepository.h"
#include "store/visitrepository.h"
#include "storetesthelpers.h"

#include <QDir>
#include <QFile>

using namespace doorstep;

namespace
{

// Copies the committed version-1 fixture into a fresh folder so the test never
// upgrades the fixture itself.
QString copyFixture(const QTemporaryDir &dir)
{
    const QString source = QStringLiteral(DOORSTEP_FIXTURES_DIR "/store-v1/doorstep.db");
    REQUIRE(QFile::exists(source));
    const StorePaths paths { dir.path() };
    REQUIRE(QFile::copy(source, paths.database()));
    QFile::setPermissions(paths.database(), QFile::ReadOwner | QFile::WriteOwner);
    return dir.path();
}

} // namespace

TEST_CASE("The version-1 fixture is at schema version 1", "[store]")
{
    QTemporaryDir dir;
    const StorePaths paths { copyFixture(dir) };
    auto db = Database::open(paths.database(), test::testKey(), Database::Mode::OpenExisting);
    REQUIRE(db.ok());
    CHECK(*Migrations::currentVersion(*db) == 1);
}

TEST_CASE("A version-1 store upgrades to the latest schema and keeps its data", "[store]")
{
    QTemporaryDir dir;
    auto store = Store::open(copyFixture(dir), test::testKey());
    INFO((store ? QString() : store.error().message).toStdString());
    REQUIRE(store.ok());

    auto families = FamilyRepository(**store).list();
    REQUIRE(families.ok());
    REQUIRE(families->size() == 1);
    CHECK(families->first().familyName == QStringLiteral("Fixture-Family"));
    CHECK(families->first().postcode == QStringLiteral("TS1 1AA"));

    auto people = PersonRepository(**store).forFamily(families->first().id);
    REQUIRE(people->size() == 1);
    CHECK(people->first().nhsNumber == QStringLiteral("9434765919"));
    CHECK(people->first().dateOfBirth == QDate(2015, 3, 14));

    auto visits = VisitRepository(**store).forFamily(families->first().id);
    REQUIRE(visits->size() == 1);
    CHECK(visits->first().worries == QStringLiteral("Fixture worry note"));

    CHECK((*store)->deviceId() == QStringLiteral("fixture-device"));

    // Version 2 derived each field's clock from the version-1 journal.
    auto clocks = (*store)->query(QStringLiteral("SELECT count(*) FROM field_clock"));
    REQUIRE(*clocks->step());
    CHECK(clocks->integer(0) == 13);

    auto report = (*store)->verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(report->ok());

    // The upgraded store takes new kinds of record through the same write path.
    auto plan = (*store)->apply(Change::create(
        QStringLiteral("plan"), { { QStringLiteral("family_id"), families->first().id } }));
    CHECK(plan.ok());
}

TEST_CASE("A store from a newer Doorstep is refused, not guessed at", "[store]")
{
    QTemporaryDir dir;
    {
        auto store = test::makeStore(dir.path());
    }
    {
        auto db = Database::open(
            StorePaths { dir.path() }.database(), test::testKey(), Database::Mode::OpenExisting);
        REQUIRE(db.ok());
        REQUIRE(db->exec(QStringLiteral("PRAGMA user_version = 99")).ok());
    }
    auto store = Store::open(dir.path(), test::testKey());
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code == Error::Code::Unsupported);
    CHECK(store.error().message.contains(QStringLiteral("newer version")));
}
