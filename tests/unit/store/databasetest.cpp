#include "store/database.h"

#include "store/statement.h"
#include "store/transaction.h"
#include "storetesthelpers.h"

#include <QFile>

using namespace doorstep;

namespace
{

Database openNew(
    const QTemporaryDir &dir, Database::Protection protection = Database::Protection::Encrypted)
{
    auto db = Database::open(dir.filePath(QStringLiteral("t.db")), test::testKey(),
        Database::Mode::CreateNew, protection);
    REQUIRE(db.ok());
    return std::move(db.value());
}

} // namespace

TEST_CASE("An encrypted database reads back every setting it requires", "[store]")
{
    QTemporaryDir dir;
    Database db = openNew(dir);
    CHECK(*db.queryText(QStringLiteral("PRAGMA cipher_page_size")) == QStringLiteral("4096"));
    CHECK(*db.queryText(QStringLiteral("PRAGMA cipher_use_hmac")) == QStringLiteral("1"));
    CHECK(*db.queryText(QStringLiteral("PRAGMA journal_mode")) == QStringLiteral("wal"));
    CHECK(*db.queryText(QStringLiteral("PRAGMA synchronous")) == QStringLiteral("2"));
    CHECK(*db.queryText(QStringLiteral("PRAGMA foreign_keys")) == QStringLiteral("1"));
    CHECK(*db.queryText(QStringLiteral("PRAGMA temp_store")) == QStringLiteral("2"));
    CHECK(*db.queryText(QStringLiteral("PRAGMA secure_delete")) == QStringLiteral("1"));
    CHECK_FALSE(db.queryText(QStringLiteral("PRAGMA cipher_version"))->isEmpty());
}

TEST_CASE("The plain system SQLite library is not loaded", "[store]")
{
    CHECK_FALSE(plainSqliteLoaded());
}

TEST_CASE("A key of the wrong length is refused", "[store]")
{
    QTemporaryDir dir;
    auto db = Database::open(
        dir.filePath(QStringLiteral("t.db")), QByteArray(16, 'x'), Database::Mode::CreateNew);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == Error::Code::InvalidArgument);
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("t.db"))));
}

TEST_CASE("Opening a missing database does not create one", "[store]")
{
    QTemporaryDir dir;
    auto db = Database::open(
        dir.filePath(QStringLiteral("missing.db")), test::testKey(), Database::Mode::OpenExisting);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == Error::Code::NotFound);
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("missing.db"))));
}

TEST_CASE("Creating over an existing database is refused", "[store]")
{
    QTemporaryDir dir;
    {
        Database db = openNew(dir);
    }
    auto again = Database::open(
        dir.filePath(QStringLiteral("t.db")), test::testKey(), Database::Mode::CreateNew);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Error::Code::AlreadyExists);
}

TEST_CASE("The wrong key cannot read the database", "[store]")
{
    QTemporaryDir dir;
    {
        Database db = openNew(dir);
        REQUIRE(db.exec(QStringLiteral("CREATE TABLE t (x)")).ok());
    }
    auto other = Database::open(
        dir.filePath(QStringLiteral("t.db")), test::testKey('z'), Database::Mode::OpenExisting);
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().code == Error::Code::Damaged);
}

TEST_CASE("A transaction rolls back unless committed", "[store]")
{
    QTemporaryDir dir;
    Database db = openNew(dir);
    REQUIRE(db.exec(QStringLiteral("CREATE TABLE t (x)")).ok());
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.ok());
        REQUIRE(db.exec(QStringLiteral("INSERT INTO t VALUES (1)")).ok());
    }
    CHECK(*db.queryText(QStringLiteral("SELECT count(*) FROM t")) == QStringLiteral("0"));
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.ok());
        REQUIRE(db.exec(QStringLiteral("INSERT INTO t VALUES (1)")).ok());
        REQUIRE(tx->commit().ok());
    }
    CHECK(*db.queryText(QStringLiteral("SELECT count(*) FROM t")) == QStringLiteral("1"));
}

TEST_CASE("Statements bind values instead of splicing them into SQL", "[store]")
{
    QTemporaryDir dir;
    Database db = openNew(dir);
    REQUIRE(db.exec(QStringLiteral("CREATE TABLE t (x)")).ok());
    auto insert = db.prepare(QStringLiteral("INSERT INTO t VALUES (?)"));
    REQUIRE(insert.ok());
    const QString hostile = QStringLiteral("'); DROP TABLE t; --");
    REQUIRE(insert->bind(1, hostile).run().ok());
    auto select = db.prepare(QStringLiteral("SELECT x FROM t"));
    REQUIRE(select.ok());
    REQUIRE(*select->step());
    CHECK(select->text(0) == hostile);
}
