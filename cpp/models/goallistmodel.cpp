#include "models/goallistmodel.h"

namespace doorstep
{

bool GoalListModel::Row::operator==(const Row &other) const
{
    return goalId == other.goalId && words == other.words && status == other.status
        && statusText == other.statusText && agreedText == other.agreedText && saved == other.saved;
}

GoalListModel::GoalListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void GoalListModel::setRows(QList<Row> rows)
{
    const int before = m_rows.size();
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

int GoalListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant GoalListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case GoalIdRole:
        return row.goalId;
    case Qt::DisplayRole:
    case WordsRole:
        return row.words;
    case StatusRole:
        return row.status;
    case StatusTextRole:
        return row.statusText;
    case AgreedTextRole:
        return row.agreedText;
    case SavedRole:
        return row.saved;
    default:
        return {};
    }
}

QHash<int, QByteArray> GoalListModel::roleNames() const
{
    return { { GoalIdRole, "goalId" }, { WordsRole, "words" }, { StatusRole, "status" },
        { StatusTextRole, "statusText" }, { AgreedTextRole, "agreedText" },
        { SavedRole, "saved" } };
}

} // namespace doorstep
