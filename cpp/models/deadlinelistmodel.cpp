#include "models/deadlinelistmodel.h"

#include "models/casetext.h"

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

DeadlineListModel::Row DeadlineListModel::rowFor(const Deadline &deadline, QDate today)
{
    Row row;
    row.id = QStringLiteral("%1-%2").arg(int(deadline.kind)).arg(deadline.maintenanceMonth);
    row.name = CaseText::deadlineName(deadline);
    row.sentence = CaseText::deadlineSentence(deadline, today);
    const Deadline::Status status = deadline.status(today);
    switch (status) {
    case Deadline::Status::NotYetDue:
        row.status = Status::NotYetDue;
        break;
    case Deadline::Status::Due:
        row.status = Status::Due;
        break;
    case Deadline::Status::Overdue:
        row.status = Status::Overdue;
        break;
    case Deadline::Status::Met:
        row.status = Status::Met;
        break;
    case Deadline::Status::MetLate:
        row.status = Status::MetLate;
        break;
    }
    row.statusText = CaseText::statusName(status);
    return row;
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
