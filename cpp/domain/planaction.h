#pragma once

#include <QDate>
#include <QString>

namespace doorstep
{

/// One action of a My Family Plan: what is to be done, by whom and by when.
struct PlanAction {
    QString id;
    QString planId;
    QString goalId; ///< the goal it works toward; empty when it serves the whole plan
    QString description;
    QString who;
    QDate dueOn; ///< invalid when no date was agreed
    QDate doneOn; ///< invalid until done
};

} // namespace doorstep
