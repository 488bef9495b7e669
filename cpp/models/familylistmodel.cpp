#include "models/familylistmodel.h"

#include "models/session.h"
#include "store/familyrepository.h"

namespace doorstep
{

FamilyListModel::FamilyListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void FamilyListModel::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::unlockedChanged, this, &FamilyListModel::reload);
    Q_EMIT sessionChanged();
    reload();
}

void FamilyListModel::setSearch(const QString &search)
{
    if (m_search == search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    reload();
}

void FamilyListModel::reload()
{
    QList<Family> families;
    QString error;
    if (m_session && m_session->store()) {
        auto listed = FamilyRepository(*m_session->store()).list(m_search);
        if (listed)
            families = std::move(*listed);
        else
            error = listed.error().message;
    }
    // Nothing of the case data stays in the model once the session is locked.
    beginResetModel();
    m_families = std::move(families);
    endResetModel();
    Q_EMIT countChanged();
    if (error != m_errorString) {
        m_errorString = error;
        Q_EMIT errorChanged();
    }
}

int FamilyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_families.size());
}

QVariant FamilyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Family &family = m_families.at(index.row());
    switch (role) {
    case IdRole:
        return family.id;
    case Qt::DisplayRole:
    case FamilyNameRole:
        return family.familyName;
    case PostcodeRole:
        return family.postcode;
    case LanguageRole:
        return family.language;
    case InterpreterNeededRole:
        return family.interpreterNeeded;
    default:
        return {};
    }
}

QHash<int, QByteArray> FamilyListModel::roleNames() const
{
    return { { IdRole, "familyId" }, { FamilyNameRole, "familyName" }, { PostcodeRole, "postcode" },
        { LanguageRole, "language" }, { InterpreterNeededRole, "interpreterNeeded" } };
}

} // namespace doorstep
