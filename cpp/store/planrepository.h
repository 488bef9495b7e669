#pragma once

#include "domain/goal.h"
#include "domain/plan.h"
#include "domain/planaction.h"
#include "domain/result.h"

#include <QDate>
#include <QList>
#include <optional>

namespace doorstep
{

class Store;

/// Reads My Family Plans, their goals and their actions from the store.
class PlanRepository
{
public:
    explicit PlanRepository(Store &store)
        : m_store(store)
    {
    }

    /// The family's latest live plan started on or after `since` (the day the current case
    /// was allocated; an invalid date for any), or nothing when the case has none yet.
    Result<std::optional<Plan>> current(const QString &familyId, QDate since = {}) const;
    Result<std::optional<Plan>> find(const QString &id) const;
    /// The plan's live goals in the order they were added on this tablet.
    Result<QList<Goal>> goals(const QString &planId) const;
    /// The plan's live actions in the order they were added on this tablet.
    Result<QList<PlanAction>> actions(const QString &planId) const;

private:
    Store &m_store;
};

} // namespace doorstep
