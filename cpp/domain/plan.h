#pragma once

#include <QDate>
#include <QString>

namespace doorstep
{

/// A family's My Family Plan: its status and the dates its timescales are measured by.
struct Plan {
    QString id;
    QString familyId;
    QString status; ///< draft, complete, signed_off or returned
    QDate startedOn;
    QDate goalsAgreedOn; ///< invalid until the family agrees its goals
    QDate completedOn; ///< invalid until the plan is complete
};

} // namespace doorstep
