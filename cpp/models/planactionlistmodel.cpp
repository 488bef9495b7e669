#include "models/planactionlistmodel.h"

namespace doorstep
{

bool PlanActionListModel::Row::operator==(const Row &other) const
{
    return actionId == other.actionId && description == other.description && who == other.who
        && dueText == other.dueText && dueProblem == other.dueProblem && done == other.done
        && statusText == other.statusText && overdue == other.overdue && goalId == other.goalId
        && goalText == other.goalText && saved == other.saved;
}

PlanActionListModel::PlanActionListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PlanActionListModel::setRows(QList<Row> rows)
{
    const int before = m_rows.size();
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

int PlanActionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant PlanActionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case ActionIdRole:
        return row.actionId;
    case Qt::DisplayRole:
    case DescriptionRole:
        return row.description;
    case WhoRole:
        return row.who;
    case DueTextRole:
        return row.dueText;
    case DueProblemRole:
        return row.dueProblem;
    case DoneRole:
        return row.done;
    case StatusTextRole:
        return row.statusText;
    case OverdueRole:
        return row.overdue;
    case GoalIdRole:
        return row.goalId;
    case GoalTextRole:
        return row.goalText;
    case SavedRole:
        return row.saved;
    default:
        return {};
    }
}

QHash<int, QByteArray> PlanActionListModel::roleNames() const
{
    return { { ActionIdRole, "actionId" }, { DescriptionRole, "description" }, { WhoRole, "who" },
        { DueTextRole, "dueText" }, { DueProblemRole, "dueProblem" }, { DoneRole, "done" },
        { StatusTextRole, "statusText" }, { OverdueRole, "overdue" }, { GoalIdRole, "goalId" },
        { GoalTextRole, "goalText" }, { SavedRole, "saved" } };
}

} // namespace doorstep
