#pragma once

#include "domain/closure.h"
#include "domain/crisiscard.h"
#include "domain/endingletter.h"
#include "domain/result.h"

#include <QDate>
#include <QList>
#include <optional>

namespace doorstep
{

class Store;

/// Reads how a family's case ended: its closures, its crisis card and its ending letter.
///
/// Each takes `since`, the day the current case was allocated (an invalid date for any),
/// so a family referred again is not shown the ending of its earlier case.
class ClosureRepository
{
public:
    explicit ClosureRepository(Store &store)
        : m_store(store)
    {
    }

    /// Live closures, oldest first: into maintenance, then perhaps closed for good.
    Result<QList<Closure>> closures(const QString &familyId, QDate since = {}) const;
    /// The latest live crisis card.
    Result<std::optional<CrisisCard>> crisisCard(const QString &familyId, QDate since = {}) const;
    /// The latest live ending letter.
    Result<std::optional<EndingLetter>> endingLetter(
        const QString &familyId, QDate since = {}) const;

private:
    Store &m_store;
};

} // namespace doorstep
