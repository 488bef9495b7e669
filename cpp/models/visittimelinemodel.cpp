#include "models/visittimelinemodel.h"

namespace doorstep
{

bool VisitTimelineModel::Row::operator==(const Row &other) const
{
    return visitId == other.visitId && whenText == other.whenText && location == other.location
        && isFinal == other.isFinal && statusText == other.statusText;
}

VisitTimelineModel::VisitTimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void VisitTimelineModel::setRows(QList<Row> rows)
{
    const int before = m_rows.size();
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

int VisitTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant VisitTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case VisitIdRole:
        return row.visitId;
    case Qt::DisplayRole:
    case WhenTextRole:
        return row.whenText;
    case LocationRole:
        return row.location;
    case IsFinalRole:
        return row.isFinal;
    case StatusTextRole:
        return row.statusText;
    default:
        return {};
    }
}

QHash<int, QByteArray> VisitTimelineModel::roleNames() const
{
    return { { VisitIdRole, "visitId" }, { WhenTextRole, "whenText" }, { LocationRole, "location" },
        { IsFinalRole, "isFinal" }, { StatusTextRole, "statusText" } };
}

} // namespace doorstep
