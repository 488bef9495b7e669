#pragma once

#include "domain/result.h"
#include "domain/review.h"

#include <QDate>
#include <QList>
#include <optional>

namespace doorstep
{

class Store;

/// Reads review meetings (casework and maintenance reviews) from the store.
class ReviewRepository
{
public:
    explicit ReviewRepository(Store &store)
        : m_store(store)
    {
    }

    /// The family's live reviews held on or after `since` (an invalid date for all), newest
    /// first.
    Result<QList<Review>> forFamily(const QString &familyId, QDate since = {}) const;
    Result<std::optional<Review>> find(const QString &id) const;

private:
    Store &m_store;
};

} // namespace doorstep
