#include "server/postgresstorage.h"

#include "server/postgresconnection.h"

namespace doorstep::server
{

Result<std::unique_ptr<PostgresStorage>> PostgresStorage::open(
    const QString &conninfo, std::function<QDateTime()> clock)
{
    auto connection = PostgresConnection::open(conninfo);
    if (!connection)
        return connection.error();
    if (auto ready = setUp(**connection); !ready)
        return ready.error();
    return std::unique_ptr<PostgresStorage>(
        new PostgresStorage(std::move(*connection), std::move(clock)));
}

} // namespace doorstep::server
