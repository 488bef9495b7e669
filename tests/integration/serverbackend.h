#pragma once

#include "integrationhelpers.h"

#include <QStandardPaths>
#include <QUuid>
#include <cstdio>
#include <memory>

// Where a test's doorstep-server keeps its data: the embedded SQLCipher file, or PostgreSQL
// (`init --postgres`) in the server libpq's environment names (PGHOST, PGPORT, PGUSER,
// PGPASSWORD, PGDATABASE: what pg_virtualenv exports), each server in a schema of its own.

namespace doorstep::test
{

enum class ServerBackend { SqlCipher, PostgreSql };

/// The types a SERVER_TEST_CASE runs over: TestType::backend is the one of the run.
struct SqlCipherServer {
    static constexpr ServerBackend backend = ServerBackend::SqlCipher;
};
struct PostgresServer {
    static constexpr ServerBackend backend = ServerBackend::PostgreSql;
};

/// psql with the environment's connection settings, stopping at the first error.
inline ProcessRun psql(const QString &sql)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (program.isEmpty()) {
        ProcessRun run;
        run.err = QStringLiteral("psql is not installed");
        return run;
    }
    return runProcess(program,
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql },
        QProcessEnvironment::systemEnvironment(), 30000);
}

/// Whether the backend can run here. Without a PostgreSQL server, a test fails if CI is set
/// (a silent skip would hide a broken backend) and is skipped with a warning otherwise.
inline bool serverBackendReady(ServerBackend backend)
{
    if (backend == ServerBackend::SqlCipher)
        return true;
    static const ProcessRun probe = psql(QStringLiteral("SELECT 1"));
    if (probe.exitCode == 0)
        return true;
    if (qEnvironmentVariableIsSet("CI"))
        FAIL("PostgreSQL is not reachable, and CI is set, so the PostgreSQL server tests fail "
             "rather than skip. Run the tests under pg_virtualenv.\n"
            << probe.describe());
    static bool warned = false;
    if (!std::exchange(warned, true))
        std::fprintf(stderr,
            "WARNING: PostgreSQL is not reachable, so the doorstep-server tests on PostgreSQL "
            "are skipped (run them under pg_virtualenv): %s\n",
            qPrintable(probe.err.trimmed()));
    WARN("PostgreSQL is not reachable: this test was skipped for PostgreSQL.");
    return false;
}

/// A PostgreSQL schema for one doorstep-server, dropped afterwards: CTest runs tests in
/// parallel against one cluster.
struct PostgresSchema {
    QString name = QStringLiteral("doorstep_it_%1").arg(QUuid::createUuid().toString(QUuid::Id128));

    PostgresSchema()
    {
        const ProcessRun made = psql(QStringLiteral("CREATE SCHEMA %1").arg(name));
        INFO(made.describe());
        REQUIRE(made.exitCode == 0);
    }
    ~PostgresSchema()
    {
        (void)psql(
            QStringLiteral("SET client_min_messages = warning; DROP SCHEMA %1 CASCADE").arg(name));
    }
    PostgresSchema(const PostgresSchema &) = delete;
    PostgresSchema &operator=(const PostgresSchema &) = delete;

    /// What `doorstep-server init --postgres` is given: the environment's server, with this
    /// schema first in the search path.
    QString conninfo() const { return QStringLiteral("options='-csearch_path=%1'").arg(name); }
};

} // namespace doorstep::test

/// An integration test run once with each server backend. Its body starts with
/// `if (!serverBackendReady(TestType::backend)) return;` and makes
/// `ServerProcess server(TestType::backend);`.
#define SERVER_TEST_CASE(name, tags) TEMPLATE_TEST_CASE(name, tags, SqlCipherServer, PostgresServer)
