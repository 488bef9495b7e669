#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace doorstep
{

/// A supervisor's decision on a My Family Plan (issue 8): signed off, or returned to the
/// practitioner with comments. Never changed once written; a later decision is a new one.
struct PlanDecision {
    QString id;
    QString familyId;
    QString planId;
    QString decision; ///< signed_off or returned
    QString comments;
    QString decidedBy; ///< the supervisor's user id
    QString decidedByName;
    QDateTime decidedAt; ///< UTC

    bool isSignOff() const { return decision == QLatin1String("signed_off"); }
};

/// A case supervision (issue 8): a dated discussion of a family between its practitioner and
/// their supervisor, what was decided and what is to be done. Written by the supervisor,
/// read by both.
struct SupervisionNote {
    QString id;
    QString familyId;
    QDate heldOn;
    QString discussion;
    QString decisions;
    QString actions;
    QString authorId;
    QString authorName;
};

} // namespace doorstep
