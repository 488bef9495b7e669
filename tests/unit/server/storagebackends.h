#pragma once

#include "server/postgresconnection.h"
#include "server/postgresstorage.h"
#include "server/sqlcipherstorage.h"

#include <QTemporaryDir>
#include <QUuid>
#include <catch2/catch.hpp>
#include <cstdio>

// The two databases the server's storage runs on, for tests that run every case against
// both (TEMPLATE_TEST_CASE over SqlCipherBackend and PostgresBackend). Each object is one
// fresh, empty server database; open() may be called again for a second connection or to
// reopen it.

namespace doorstep::test
{

/// A SQLCipher file in a temporary folder.
struct SqlCipherBackend {
    QTemporaryDir dir;

    static bool ready() { return true; }
    QString path() const { return dir.filePath(QStringLiteral("server.db")); }
    std::unique_ptr<server::ServerStorage> open(std::function<QDateTime()> clock = {}) const
    {
        auto storage = server::SqlCipherStorage::open(path(), QByteArray(32, 's'), clock);
        INFO((storage ? QString() : storage.error().message).toStdString());
        REQUIRE(storage.ok());
        return std::move(storage.value());
    }
};

/// A schema of its own in the PostgreSQL server libpq's environment names (PGHOST, PGPORT,
/// PGUSER, PGPASSWORD, PGDATABASE: what pg_virtualenv exports), dropped afterwards: CTest
/// runs tests in parallel against one cluster.
struct PostgresBackend {
    std::unique_ptr<server::PostgresConnection> admin;
    QString schema
        = QStringLiteral("doorstep_test_%1").arg(QUuid::createUuid().toString(QUuid::Id128));

    /// Whether a PostgreSQL server is reachable. When it is not, a test fails if CI is set (a
    /// silent skip would hide a broken backend) and is skipped with a warning otherwise.
    static bool ready()
    {
        static const QString unreachable = [] {
            auto connection = server::PostgresConnection::open({});
            return connection ? QString() : connection.error().message;
        }();
        if (unreachable.isEmpty())
            return true;
        if (qEnvironmentVariableIsSet("CI"))
            FAIL("PostgreSQL is not reachable, and CI is set, so the PostgreSQL backend's "
                 "tests fail rather than skip. Run the tests under pg_virtualenv. "
                << unreachable.toStdString());
        static bool warned = false;
        if (!std::exchange(warned, true))
            std::fprintf(stderr,
                "WARNING: PostgreSQL is not reachable, so the PostgreSQL backend's tests are "
                "skipped (run them under pg_virtualenv): %s\n",
                qPrintable(unreachable));
        WARN("PostgreSQL is not reachable: this test was skipped for the PostgreSQL backend.");
        return false;
    }

    PostgresBackend()
    {
        auto connection = server::PostgresConnection::open({});
        INFO((connection ? QString() : connection.error().message).toStdString());
        REQUIRE(connection.ok());
        admin = std::move(*connection);
        auto made = admin->exec(QStringLiteral("CREATE SCHEMA %1").arg(schema));
        INFO((made ? QString() : made.error().message).toStdString());
        REQUIRE(made.ok());
    }
    ~PostgresBackend()
    {
        if (admin)
            (void)admin->exec(QStringLiteral("DROP SCHEMA %1 CASCADE").arg(schema));
    }
    PostgresBackend(const PostgresBackend &) = delete;
    PostgresBackend &operator=(const PostgresBackend &) = delete;

    /// The connection string doorstep-server would be given: the environment's server, with
    /// this test's schema first in the search path.
    QString conninfo() const { return QStringLiteral("options='-csearch_path=%1'").arg(schema); }
    std::unique_ptr<server::ServerStorage> open(std::function<QDateTime()> clock = {}) const
    {
        auto storage = server::PostgresStorage::open(conninfo(), clock);
        INFO((storage ? QString() : storage.error().message).toStdString());
        REQUIRE(storage.ok());
        return std::move(storage.value());
    }
};

} // namespace doorstep::test

/// A test case run once against each database. Its body starts with SKIP_WITHOUT_BACKEND().
#define STORAGE_TEST_CASE(name, tags)                                                              \
    TEMPLATE_TEST_CASE(name, tags, SqlCipherBackend, PostgresBackend)
/// Ends a STORAGE_TEST_CASE whose database is not there (see PostgresBackend::ready).
#define SKIP_WITHOUT_BACKEND()                                                                     \
    if (!TestType::ready())                                                                        \
    return
