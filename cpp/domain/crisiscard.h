#pragma once

#include <QDate>
#include <QString>

namespace doorstep
{

/// The crisis card made with the family before the case ends: how to spot trouble early,
/// what to do, and who to call.
struct CrisisCard {
    QString id;
    QString familyId;
    QDate madeOn;
    QString warningSigns;
    QString whatToDo;
    QString whoToCall;
};

} // namespace doorstep
