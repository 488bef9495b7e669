#pragma once

#include <QDate>
#include <QString>

namespace doorstep
{

/// A review meeting with the family: a casework review of the plan or, after closure into
/// maintenance, a maintenance review.
struct Review {
    QString id;
    QString familyId;
    QString planId; ///< the plan reviewed; empty when there was none
    QString kind; ///< review or maintenance
    QDate heldOn;
    QString attendees;
    QString outcome;
    /// The review found the family making progress; false also when it was not asked.
    bool progress = false;
};

} // namespace doorstep
