#pragma once

#include "store/store.h"
#include "store/transaction.h"

namespace doorstep
{

/// One write that journals ops: a transaction that, unless committed, rolls back and leaves
/// the device's op sequence and clock as they were, so a failed write uses up no op ids or
/// timestamps. Cached statements are reset before the commit and on every way out: one left
/// on a row keeps the connection's read snapshot open, and no checkpoint copies the WAL past
/// a snapshot in use, so the WAL would grow for as long as the store stays open.
class Store::Write
{
public:
    static Result<Write> begin(Store &store);
    Write(Write &&other) noexcept;
    ~Write();
    Write &operator=(Write &&) = delete;
    Write(const Write &) = delete;
    Write &operator=(const Write &) = delete;

    /// Saves the counters with the write and commits it; on failure nothing is kept.
    Result<void> commit();

private:
    Write(Store &store, Transaction transaction);
    void resetStatements();

    Store *m_store;
    Transaction m_transaction;
    qint64 m_opSeqBefore;
    Hlc m_clockBefore;
    bool m_committed = false;
};

} // namespace doorstep
