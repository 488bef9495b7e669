#include "store/walcheck.h"

#include "storetesthelpers.h"

#include <QDir>
#include <QFile>

using namespace doorstep;

namespace
{

// Leaves a store whose WAL holds several committed transactions: the store stays open
// (no checkpoint on close) by copying its files while it is still open.
QString storeWithWal(const QTemporaryDir &source, const QTemporaryDir &copy)
{
    auto store = test::makeStore(source.path());
    for (int i = 0; i < 5; ++i)
        test::createFamily(*store, QStringLiteral("Family %1").arg(i));
    const StorePaths from { source.path() };
    const StorePaths to { copy.path() };
    REQUIRE(QFile::copy(from.database(), to.database()));
    REQUIRE(QFile::copy(from.wal(), to.wal()));
    return copy.path();
}

void flipByte(const QString &path, qint64 offset)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek(offset));
    char byte = 0;
    REQUIRE(file.getChar(&byte));
    REQUIRE(file.seek(offset));
    REQUIRE(file.putChar(char(byte ^ 0x5a)));
}

} // namespace

TEST_CASE("An intact WAL passes", "[store]")
{
    QTemporaryDir source, copy;
    const StorePaths paths { storeWithWal(source, copy) };
    CHECK(QFileInfo(paths.wal()).size() > 32);
    CHECK(WalCheck::check(paths.wal()).ok());
}

TEST_CASE("A missing or empty WAL passes", "[store]")
{
    QTemporaryDir dir;
    CHECK(WalCheck::check(dir.filePath(QStringLiteral("none-wal"))).ok());
}

TEST_CASE("A corrupt frame before later commits is damage", "[store]")
{
    QTemporaryDir source, copy;
    const StorePaths paths { storeWithWal(source, copy) };
    // Inside the data of the first frame, well before the last transaction.
    flipByte(paths.wal(), 32 + 24 + 100);
    auto checked = WalCheck::check(paths.wal());
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().code == Error::Code::Damaged);
}

TEST_CASE("A corrupt WAL header is damage", "[store]")
{
    QTemporaryDir source, copy;
    const StorePaths paths { storeWithWal(source, copy) };
    flipByte(paths.wal(), 12);
    CHECK(WalCheck::check(paths.wal()).error().code == Error::Code::Damaged);
}

TEST_CASE("Opening a store with a damaged WAL moves its files aside and keeps them", "[store]")
{
    QTemporaryDir source, copy;
    const StorePaths paths { storeWithWal(source, copy) };
    const qint64 walSize = QFileInfo(paths.wal()).size();
    flipByte(paths.wal(), 32 + 24 + 100);
    auto store = Store::open(paths.folder, test::testKey());
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code == Error::Code::Damaged);
    CHECK(store.error().message.contains(QStringLiteral("damaged")));
    CHECK_FALSE(QFile::exists(paths.database()));
    const QStringList aside
        = QDir(paths.folder).entryList({ QStringLiteral("damaged-*") }, QDir::Dirs);
    REQUIRE(aside.size() == 1);
    const QDir kept(QDir(paths.folder).filePath(aside.first()));
    CHECK(QFileInfo(kept.filePath(QStringLiteral("doorstep.db-wal"))).size() == walSize);
    CHECK(QFile::exists(kept.filePath(QStringLiteral("doorstep.db"))));

    // A second open does not quietly make a new, empty store.
    auto again = Store::open(paths.folder, test::testKey());
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Error::Code::NotFound);
    CHECK_FALSE(QFile::exists(paths.database()));
}

TEST_CASE("Flipped bytes in the database file are reported as damage", "[store]")
{
    QTemporaryDir dir;
    {
        auto store = test::makeStore(dir.path());
        for (int i = 0; i < 50; ++i)
            test::createFamily(*store, QStringLiteral("Family %1").arg(i));
    }
    const StorePaths paths { dir.path() };
    REQUIRE_FALSE(QFile::exists(paths.wal())); // closed cleanly: all in the main file
    const qint64 size = QFileInfo(paths.database()).size();
    for (qint64 offset : { qint64(100), size / 2, size - 200 }) {
        QTemporaryDir copy;
        const StorePaths target { copy.path() };
        REQUIRE(QFile::copy(paths.database(), target.database()));
        QFile::setPermissions(target.database(), QFile::ReadOwner | QFile::WriteOwner);
        flipByte(target.database(), offset);
        auto store = Store::open(copy.path(), test::testKey());
        INFO("offset " << offset);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().code == Error::Code::Damaged);
    }
}
