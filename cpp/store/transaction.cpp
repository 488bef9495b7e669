#include "store/transaction.h"

#include "store/database.h"

#include <utility>

namespace doorstep
{

Result<Transaction> Transaction::begin(Database &db)
{
    // IMMEDIATE takes the write lock now, so a busy store fails here, before any work.
    if (auto begun = db.exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun.error();
    return Transaction(&db);
}

Transaction::~Transaction()
{
    if (m_db)
        (void)m_db->exec(QStringLiteral("ROLLBACK"));
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return makeError(Error::Code::Internal, QStringLiteral("The transaction has ended."));
    auto committed = m_db->exec(QStringLiteral("COMMIT"));
    if (committed)
        m_db = nullptr;
    return committed;
}

} // namespace doorstep
