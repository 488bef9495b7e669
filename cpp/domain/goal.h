#pragma once

#include <QDate>
#include <QString>

namespace doorstep
{

/// One goal of a My Family Plan, for one family member (or the whole family) and in the
/// family's own words.
struct Goal {
    QString id;
    QString planId;
    QString personId; ///< empty for a goal of the whole family
    QString words;
    QDate agreedOn; ///< invalid until agreed
    QString status; ///< open, achieved, not_achieved or withdrawn
};

} // namespace doorstep
