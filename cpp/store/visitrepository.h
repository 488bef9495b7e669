#pragma once

#include "domain/result.h"
#include "domain/visit.h"

#include <QList>
#include <optional>

namespace doorstep
{

class Store;

/// Reads home visit records from the store.
class VisitRepository
{
public:
    explicit VisitRepository(Store &store)
        : m_store(store)
    {
    }

    /// Live visits to a family, newest first.
    Result<QList<Visit>> forFamily(const QString &familyId) const;
    Result<std::optional<Visit>> find(const QString &id) const;

private:
    Store &m_store;
};

} // namespace doorstep
