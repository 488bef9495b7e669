#include "models/deadlinelistmodel.h"

namespace doorstep
{

bool DeadlineListModel::Row::operator==(const Row &other) const
{
    return id == other.id && name == other.name && sentence == other.sentence
        && status == other.status && statusText == other.statusText;
}

DeadlineListModel::DeadlineListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void DeadlineListModel::setRows(QList<Row> rows)
{
    const int before = m_rows.size();
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

int DeadlineListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant DeadlineListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case SentenceRole:
        return row.sentence;
    case StatusRole:
        return int(row.status);
    case StatusTextRole:
        return row.statusText;
    default:
        return {};
    }
}

QHash<int, QByteArray> DeadlineListModel::roleNames() const
{
    return { { NameRole, "name" }, { SentenceRole, "sentence" }, { StatusRole, "status" },
        { StatusTextRole, "statusText" } };
}

} // namespace doorstep
