#include "models/goalgrouplistmodel.h"

namespace doorstep
{

bool GoalGroupListModel::Row::operator==(const Row &other) const
{
    return personId == other.personId && name == other.name && detail == other.detail
        && goals == other.goals;
}

GoalGroupListModel::GoalGroupListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void GoalGroupListModel::setRows(QList<Row> rows)
{
    const int before = m_rows.size();
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

int GoalGroupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant GoalGroupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case PersonIdRole:
        return row.personId;
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case DetailRole:
        return row.detail;
    case GoalsRole:
        return QVariant::fromValue<QObject *>(row.goals.data());
    default:
        return {};
    }
}

QHash<int, QByteArray> GoalGroupListModel::roleNames() const
{
    return { { PersonIdRole, "personId" }, { NameRole, "name" }, { DetailRole, "detail" },
        { GoalsRole, "goals" } };
}

} // namespace doorstep
