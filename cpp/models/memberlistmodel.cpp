#include "models/memberlistmodel.h"

namespace doorstep
{

bool MemberListModel::Row::operator==(const Row &other) const
{
    return personId == other.personId && name == other.name && ageText == other.ageText
        && dateOfBirthText == other.dateOfBirthText && nhsNumber == other.nhsNumber
        && nhsNumberChecked == other.nhsNumberChecked && school == other.school
        && roleText == other.roleText && consent == other.consent
        && consentText == other.consentText && age == other.age;
}

MemberListModel::MemberListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

MemberListModel::ConsentStatus MemberListModel::consentStatusOf(
    doorstep::ConsentStatus::State state)
{
    using State = doorstep::ConsentStatus::State;
    switch (state) {
    case State::None:
        return ConsentStatus::None;
    case State::Valid:
        return ConsentStatus::Valid;
    case State::Expiring:
        return ConsentStatus::Expiring;
    case State::Expired:
        return ConsentStatus::Expired;
    case State::Withdrawn:
        return ConsentStatus::Withdrawn;
    }
    return ConsentStatus::None;
}

void MemberListModel::setRows(QList<Row> rows)
{
    const int before = m_rows.size();
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
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
    case AgeTextRole:
        return row.ageText;
    case AgeRole:
        return row.age;
    case DateOfBirthTextRole:
        return row.dateOfBirthText;
    case NhsNumberRole:
        return row.nhsNumber;
    case NhsNumberCheckedRole:
        return row.nhsNumberChecked;
    case SchoolRole:
        return row.school;
    case RoleTextRole:
        return row.roleText;
    case ConsentStatusRole:
        return int(row.consent);
    case ConsentTextRole:
        return row.consentText;
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    return { { PersonIdRole, "personId" }, { NameRole, "name" }, { AgeTextRole, "ageText" },
        { AgeRole, "age" }, { DateOfBirthTextRole, "dateOfBirthText" },
        { NhsNumberRole, "nhsNumber" }, { NhsNumberCheckedRole, "nhsNumberChecked" },
        { SchoolRole, "school" }, { RoleTextRole, "roleText" },
        { ConsentStatusRole, "consentStatus" }, { ConsentTextRole, "consentText" } };
}

} // namespace doorstep
