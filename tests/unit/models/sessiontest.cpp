#include "modeltesthelpers.h"
#include "unit/store/storetesthelpers.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace doorstep;
using namespace doorstep::test;

namespace
{

void addNotes(SessionFixture &fixture, int count)
{
    const QString familyId = fixture.family(QStringLiteral("Nguyen"), 3);
    QList<Change> notes;
    for (int i = 0; i < count; ++i) {
        notes << Change::create(QStringLiteral("note"),
            { { QStringLiteral("family_id"), familyId },
                { QStringLiteral("written_at"), fixture.session->now() },
                { QStringLiteral("body"), QStringLiteral("Seen at home. ").repeated(80) } });
    }
    REQUIRE(fixture.session->apply(notes).ok());
}

} // namespace

TEST_CASE("A store found damaged after unlocking is locked, set aside and explained", "[models]")
{
    SessionFixture fixture;
    addNotes(fixture, 300);
    Session &session = *fixture.session;
    const QString folder = session.storeFolder();
    session.lock();
    damageMiddlePage(folder);

    // Unlocking does not wait for the check, so the store opens first...
    QSignalSpy unlocked(&session, &Session::unlockedChanged);
    session.unlock(QStringLiteral("test-passphrase"));
    REQUIRE(unlocked.wait(10000));
    CHECK(session.isUnlocked());
    // ...and then the check in the background finds the damage and locks again.
    REQUIRE((session.isUnlocked() ? unlocked.wait(10000) : true));
    CHECK_FALSE(session.isUnlocked());
    CHECK(session.errorCode() == int(Error::Code::Damaged));
    INFO(session.errorString().toStdString());
    CHECK(session.errorString().startsWith(
        QLatin1String("The database failed its integrity check. The damaged files were moved to")));
    CHECK_FALSE(QFile::exists(StorePaths { folder }.database()));
    CHECK(QDir(folder).entryList({ QStringLiteral("damaged-*") }, QDir::Dirs).size() == 1);
}

TEST_CASE("Locking before the integrity check has run stops it without calling the store damaged",
    "[models]")
{
    SessionFixture fixture;
    addNotes(fixture, 300);
    Session &session = *fixture.session;
    session.lock();
    damageMiddlePage(session.storeFolder());

    QSignalSpy unlocked(&session, &Session::unlockedChanged);
    session.unlock(QStringLiteral("test-passphrase"));
    REQUIRE(unlocked.wait(10000));
    REQUIRE(session.isUnlocked());
    // Locked before the check has begun: it never runs, here or after the next unlock.
    session.lock();
    CHECK_FALSE(session.isUnlocked());
    QTest::qWait(Session::IntegrityCheckDelayMs + 500);
    CHECK(session.errorString().isEmpty());
    CHECK(QFile::exists(StorePaths { session.storeFolder() }.database()));
}

TEST_CASE("A sound store stays unlocked after its integrity check", "[models]")
{
    SessionFixture fixture;
    addNotes(fixture, 50);
    Session &session = *fixture.session;
    session.lock();
    fixture.unlock();
    QTest::qWait(Session::IntegrityCheckDelayMs + 1000);
    CHECK(session.isUnlocked());
    CHECK(session.errorString().isEmpty());
}
