#include "store/storewrite.h"

namespace doorstep
{

Result<Store::Write> Store::Write::begin(Store &store)
{
    auto transaction = Transaction::begin(store.m_db);
    if (!transaction)
        return transaction.error();
    return Write(store, std::move(*transaction));
}

Store::Write::Write(Store &store, Transaction transaction)
    : m_store(&store)
    , m_transaction(std::move(transaction))
    , m_opSeqBefore(store.m_nextOpSeq)
    , m_clockBefore(store.m_clock.last())
{
}

Store::Write::Write(Write &&other) noexcept
    : m_store(std::exchange(other.m_store, nullptr))
    , m_transaction(std::move(other.m_transaction))
    , m_opSeqBefore(other.m_opSeqBefore)
    , m_clockBefore(other.m_clockBefore)
    , m_committed(other.m_committed)
{
}

Store::Write::~Write()
{
    if (!m_store)
        return;
    resetStatements();
    if (!m_committed) {
        m_store->m_nextOpSeq = m_opSeqBefore;
        m_store->m_clock = HybridLogicalClock(m_store->m_options.clock, m_clockBefore);
    }
}

Result<void> Store::Write::commit()
{
    if (auto saved = m_store->saveMeta(); !saved)
        return saved.error();
    resetStatements();
    if (auto committed = m_transaction.commit(); !committed)
        return committed.error();
    m_committed = true;
    return {};
}

void Store::Write::resetStatements()
{
    for (auto &entry : m_store->m_statements)
        entry.second.reset();
}

} // namespace doorstep
