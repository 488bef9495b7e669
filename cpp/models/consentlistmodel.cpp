#include "models/consentlistmodel.h"

namespace doorstep
{

bool ConsentListModel::Row::operator==(const Row &other) const
{
    return consentId == other.consentId && personId == other.personId
        && personName == other.personName && state == other.state && statusText == other.statusText
        && agenciesText == other.agenciesText && purpose == other.purpose
        && signedOnText == other.signedOnText && expiresOnText == other.expiresOnText
        && givenByText == other.givenByText && canWithdraw == other.canWithdraw
        && signature == other.signature && formState == other.formState
        && formText == other.formText;
}

ConsentListModel::ConsentListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

ConsentListModel::State ConsentListModel::stateOf(ConsentStatus::State state)
{
    switch (state) {
    case ConsentStatus::State::None:
        return State::None;
    case ConsentStatus::State::Valid:
        return State::Valid;
    case ConsentStatus::State::Expiring:
        return State::Expiring;
    case ConsentStatus::State::Expired:
        return State::Expired;
    case ConsentStatus::State::Withdrawn:
        return State::Withdrawn;
    }
    return State::None;
}

void ConsentListModel::setRows(QList<Row> rows)
{
    const int before = m_rows.size();
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

const ConsentListModel::Row *ConsentListModel::find(const QString &consentId) const
{
    for (const Row &row : m_rows.rows()) {
        if (row.consentId == consentId)
            return &row;
    }
    return nullptr;
}

int ConsentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant ConsentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case ConsentIdRole:
        return row.consentId;
    case PersonIdRole:
        return row.personId;
    case Qt::DisplayRole:
    case PersonNameRole:
        return row.personName;
    case StateRole:
        return int(row.state);
    case StatusTextRole:
        return row.statusText;
    case AgenciesTextRole:
        return row.agenciesText;
    case PurposeRole:
        return row.purpose;
    case SignedOnTextRole:
        return row.signedOnText;
    case ExpiresOnTextRole:
        return row.expiresOnText;
    case GivenByTextRole:
        return row.givenByText;
    case CanWithdrawRole:
        return row.canWithdraw;
    case SignatureRole:
        return row.signature;
    case FormStateRole:
        return int(row.formState);
    case FormTextRole:
        return row.formText;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConsentListModel::roleNames() const
{
    return { { ConsentIdRole, "consentId" }, { PersonIdRole, "personId" },
        { PersonNameRole, "personName" }, { StateRole, "consentState" },
        { StatusTextRole, "statusText" }, { AgenciesTextRole, "agenciesText" },
        { PurposeRole, "purpose" }, { SignedOnTextRole, "signedOnText" },
        { ExpiresOnTextRole, "expiresOnText" }, { GivenByTextRole, "givenByText" },
        { CanWithdrawRole, "canWithdraw" }, { SignatureRole, "signature" },
        { FormStateRole, "formState" }, { FormTextRole, "formText" } };
}

} // namespace doorstep
