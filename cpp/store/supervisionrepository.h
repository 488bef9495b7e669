#pragma once

#include "domain/result.h"
#include "domain/supervision.h"

#include <QList>
#include <QString>

namespace doorstep
{

class Store;

/// Reads a supervisor's records of a case: decisions on its plans and case supervision notes.
class SupervisionRepository
{
public:
    explicit SupervisionRepository(Store &store)
        : m_store(store)
    {
    }

    /// The live decisions on a plan, newest first.
    Result<QList<PlanDecision>> decisions(const QString &planId) const;
    /// A family's live case supervision notes, newest first.
    Result<QList<SupervisionNote>> notes(const QString &familyId) const;

private:
    Store &m_store;
};

} // namespace doorstep
