#pragma once

#include "domain/family.h"
#include "domain/result.h"

#include <QList>
#include <optional>

namespace doorstep
{

class Store;

/// Reads families from the store.
class FamilyRepository
{
public:
    explicit FamilyRepository(Store &store)
        : m_store(store)
    {
    }

    /// Live families whose name contains search (case-insensitive), by name.
    Result<QList<Family>> list(const QString &search = {}) const;
    Result<std::optional<Family>> find(const QString &id) const;

private:
    Store &m_store;
};

} // namespace doorstep
