#include "models/reviewlistmodel.h"

namespace doorstep
{

bool ReviewListModel::Row::operator==(const Row &other) const
{
    return reviewId == other.reviewId && heldOnText == other.heldOnText && kind == other.kind
        && kindText == other.kindText && attendees == other.attendees && outcome == other.outcome;
}

ReviewListModel::ReviewListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ReviewListModel::setRows(QList<Row> rows)
{
    const int before = m_rows.size();
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

int ReviewListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant ReviewListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case ReviewIdRole:
        return row.reviewId;
    case Qt::DisplayRole:
    case HeldOnTextRole:
        return row.heldOnText;
    case KindRole:
        return row.kind;
    case KindTextRole:
        return row.kindText;
    case AttendeesRole:
        return row.attendees;
    case OutcomeRole:
        return row.outcome;
    default:
        return {};
    }
}

QHash<int, QByteArray> ReviewListModel::roleNames() const
{
    return { { ReviewIdRole, "reviewId" }, { HeldOnTextRole, "heldOnText" }, { KindRole, "kind" },
        { KindTextRole, "kindText" }, { AttendeesRole, "attendees" }, { OutcomeRole, "outcome" } };
}

} // namespace doorstep
