#include "storetesthelpers.h"

#include <QDateTime>
#include <QFile>

using namespace doorstep;
using namespace doorstep::test;

namespace
{

/// A store big enough that its middle pages hold only notes, which opening never reads.
QString makeStoreWithNotes(const QTemporaryDir &dir)
{
    const QString folder = dir.filePath(QStringLiteral("store"));
    auto store = makeStore(folder);
    const QString familyId = createFamily(*store, QStringLiteral("Nguyen"));
    QList<Change> notes;
    for (int i = 0; i < 300; ++i) {
        notes << Change::create(QStringLiteral("note"),
            { { QStringLiteral("family_id"), familyId },
                { QStringLiteral("written_at"),
                    QDateTime(QDate(2026, 3, 4), QTime(10, 30), Qt::UTC) },
                { QStringLiteral("body"), QStringLiteral("Seen at home. ").repeated(80) } });
    }
    REQUIRE(store->apply(notes).ok());
    return folder; // the store closes here, checkpointing the WAL into the database
}

Store::Options deferred()
{
    Store::Options options;
    options.integrity = Store::Options::Integrity::Deferred;
    return options;
}

} // namespace

TEST_CASE("A deferred integrity check passes on a sound store while the store is in use", "[store]")
{
    QTemporaryDir dir;
    const QString folder = makeStoreWithNotes(dir);
    auto store = Store::open(folder, testKey(), deferred());
    REQUIRE(store.ok());
    auto check = (*store)->takeIntegrityCheck();
    REQUIRE(check);
    CHECK_FALSE((*store)->takeIntegrityCheck());

    // A write on the store's own connection does not upset the check's snapshot.
    createFamily(**store, QStringLiteral("Osei"));
    auto outcome = check->run();
    REQUIRE(outcome.ok());
    CHECK(*outcome == IntegrityCheck::Outcome::Passed);
}

TEST_CASE("Opening with the check at open leaves no check to take", "[store]")
{
    QTemporaryDir dir;
    const QString folder = makeStoreWithNotes(dir);
    auto store = Store::open(folder, testKey());
    REQUIRE(store.ok());
    CHECK_FALSE((*store)->takeIntegrityCheck());
}

TEST_CASE("A damaged page that opening does not read is found by the deferred check", "[store]")
{
    QTemporaryDir dir;
    const QString folder = makeStoreWithNotes(dir);
    damageMiddlePage(folder);

    auto store = Store::open(folder, testKey(), deferred());
    REQUIRE(store.ok());
    auto check = (*store)->takeIntegrityCheck();
    REQUIRE(check);
    auto outcome = check->run();
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().code == Error::Code::Damaged);
    CHECK(outcome.error().message == QLatin1String("The database failed its integrity check."));

    // Checked at open, the same damage refuses the store and sets it aside.
    store->reset();
    auto atOpen = Store::open(folder, testKey());
    REQUIRE_FALSE(atOpen.ok());
    CHECK(atOpen.error().code == Error::Code::Damaged);
    CHECK(atOpen.error().message.contains(QLatin1String("moved to")));
    CHECK_FALSE(QFile::exists(StorePaths { folder }.database()));
}

TEST_CASE("An interrupted check reports that, not damage", "[store]")
{
    QTemporaryDir dir;
    const QString folder = makeStoreWithNotes(dir);
    damageMiddlePage(folder);
    auto store = Store::open(folder, testKey(), deferred());
    REQUIRE(store.ok());
    auto check = (*store)->takeIntegrityCheck();
    REQUIRE(check);
    check->interrupt();
    auto outcome = check->run();
    REQUIRE(outcome.ok());
    CHECK(*outcome == IntegrityCheck::Outcome::Interrupted);
    // Interrupting a finished check is harmless.
    check->interrupt();
}
