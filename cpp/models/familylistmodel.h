#pragma once

#include "domain/family.h"
#include "models/session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// The practitioner's families for the caseload list, filtered by a name search.
class FamilyListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        FamilyNameRole,
        PostcodeRole,
        LanguageRole,
        InterpreterNeededRole,
    };
    Q_ENUM(Role)

    explicit FamilyListModel(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString search() const { return m_search; }
    void setSearch(const QString &search);
    int count() const { return int(m_families.size()); }
    QString errorString() const { return m_errorString; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void sessionChanged();
    void searchChanged();
    void countChanged();
    void errorChanged();

private:
    QPointer<Session> m_session;
    QString m_search;
    QList<Family> m_families;
    QString m_errorString;
};

} // namespace doorstep
