#include "models/conflictlistmodel.h"

namespace doorstep
{

bool ConflictListModel::Row::operator==(const Row &other) const
{
    return conflictKey == other.conflictKey && kind == other.kind && recordId == other.recordId
        && field == other.field && recordTitle == other.recordTitle
        && fieldLabel == other.fieldLabel && markerText == other.markerText
        && sealed == other.sealed && versionCount == other.versionCount;
}

ConflictListModel::ConflictListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ConflictListModel::setRows(QList<Row> rows)
{
    const int before = m_rows.size();
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case ConflictKeyRole:
        return row.conflictKey;
    case KindRole:
        return row.kind;
    case RecordIdRole:
        return row.recordId;
    case FieldRole:
        return row.field;
    case Qt::DisplayRole:
    case RecordTitleRole:
        return row.recordTitle;
    case FieldLabelRole:
        return row.fieldLabel;
    case MarkerTextRole:
        return row.markerText;
    case SealedRole:
        return row.sealed;
    case VersionCountRole:
        return row.versionCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictListModel::roleNames() const
{
    return { { ConflictKeyRole, "conflictKey" }, { KindRole, "kind" }, { RecordIdRole, "recordId" },
        { FieldRole, "field" }, { RecordTitleRole, "recordTitle" },
        { FieldLabelRole, "fieldLabel" }, { MarkerTextRole, "markerText" },
        { SealedRole, "sealed" }, { VersionCountRole, "versionCount" } };
}

} // namespace doorstep
