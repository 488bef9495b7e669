#include "server/sqlconnection.h"

#include "server/sqltransaction.h"

#include <utility>

namespace doorstep::server
{

Result<SqlStatement *> SqlConnection::cached(const QString &sql)
{
    auto found = m_statements.find(sql);
    if (found != m_statements.end()) {
        found->second->reset();
        return found->second.get();
    }
    auto prepared = prepare(sql);
    if (!prepared)
        return prepared.error();
    auto [inserted, _] = m_statements.emplace(sql, std::move(*prepared));
    return inserted->second.get();
}

void SqlConnection::resetStatements()
{
    for (auto &entry : m_statements)
        entry.second->reset();
}

Result<SqlTransaction> SqlTransaction::begin(SqlConnection &connection)
{
    if (auto begun = connection.begin(); !begun)
        return begun.error();
    return SqlTransaction(&connection);
}

SqlTransaction::~SqlTransaction()
{
    if (m_connection) {
        // A statement still on a row would keep the rolled-back transaction's reads open.
        m_connection->resetStatements();
        m_connection->rollback();
    }
}

SqlTransaction::SqlTransaction(SqlTransaction &&other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
{
}

Result<void> SqlTransaction::commit()
{
    if (!m_connection)
        return makeError(Error::Code::Internal, QStringLiteral("The transaction has ended."));
    m_connection->resetStatements();
    auto committed = m_connection->commit();
    if (committed)
        m_connection = nullptr;
    return committed;
}

} // namespace doorstep::server
