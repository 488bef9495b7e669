#pragma once

#include "server/sqlserverstorage.h"

#include <QDateTime>
#include <QString>
#include <functional>
#include <memory>

namespace doorstep::server
{

/// The ServerStorage in a PostgreSQL database the council runs: the same tables and
/// behaviour as the embedded one, for servers that must live in the council's database.
class PostgresStorage final : public SqlServerStorage
{
public:
    /// Connects with a libpq connection string of `key=value` words (empty: libpq's
    /// environment, PGHOST, PGPORT, PGUSER, PGDATABASE, and the password from PGPASSWORD or
    /// ~/.pgpass), creates the tables in the first schema of the search path if there are
    /// none and brings them up to date. Time comes from clock (UTC now if empty).
    static Result<std::unique_ptr<PostgresStorage>> open(
        const QString &conninfo, std::function<QDateTime()> clock = {});

private:
    using SqlServerStorage::SqlServerStorage;
};

} // namespace doorstep::server
