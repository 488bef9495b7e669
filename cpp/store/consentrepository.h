#pragma once

#include "domain/consent.h"
#include "domain/result.h"

#include <QList>
#include <optional>

namespace doorstep
{

class Store;

/// Reads consent grants and withdrawals from the store.
class ConsentRepository
{
public:
    explicit ConsentRepository(Store &store)
        : m_store(store)
    {
    }

    /// Every live consent record of a family, grants and withdrawals, oldest first.
    Result<QList<Consent>> forFamily(const QString &familyId) const;
    /// Every live consent record about one person, oldest first.
    Result<QList<Consent>> forPerson(const QString &personId) const;
    Result<std::optional<Consent>> find(const QString &id) const;

private:
    Result<QList<Consent>> list(const QString &where, const QString &id) const;

    Store &m_store;
};

} // namespace doorstep
