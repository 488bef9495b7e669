#pragma once

#include "domain/result.h"

namespace doorstep
{

class Database;

/// A write transaction (BEGIN IMMEDIATE) that rolls back unless commit() succeeds.
class Transaction
{
public:
    static Result<Transaction> begin(Database &db);
    ~Transaction();
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Result<void> commit();

private:
    explicit Transaction(Database *db)
        : m_db(db)
    {
    }
    Database *m_db = nullptr;
};

} // namespace doorstep
