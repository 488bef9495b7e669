#pragma once

#include "domain/result.h"

namespace doorstep::server
{

class SqlConnection;

/// A write transaction that rolls back unless commit() succeeds.
class SqlTransaction
{
public:
    static Result<SqlTransaction> begin(SqlConnection &connection);
    ~SqlTransaction();
    SqlTransaction(SqlTransaction &&other) noexcept;
    SqlTransaction &operator=(SqlTransaction &&) = delete;
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    Result<void> commit();

private:
    explicit SqlTransaction(SqlConnection *connection)
        : m_connection(connection)
    {
    }
    SqlConnection *m_connection = nullptr;
};

} // namespace doorstep::server
