#pragma once

#include "client/syncclient.h"
#include "models/session.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>
#include <memory>

namespace doorstep
{

/// The audit viewer (issue 8) for a supervisor: who wrote, read or shared a family's
/// records, when and on which tablet, as the server at the centre holds it (the tablets'
/// own audits reach it with each sync). It is read from the server, so it needs a
/// connection; nothing of it is kept on the tablet.
class FamilyAuditController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    /// Each entry, newest first: { whenText, who, device, actionText, what, detail }.
    Q_PROPERTY(QVariantList entries READ entries NOTIFY entriesChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY entriesChanged)

public:
    explicit FamilyAuditController(QObject *parent = nullptr);
    ~FamilyAuditController() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    QVariantList entries() const { return m_entries; }
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_errorString; }

    /// What an audit action means, in words ("Changed", "Received by sync", ...).
    static QString actionText(const QString &action);

    /// Asks the server again.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void entriesChanged();
    void loadingChanged();

private:
    void setLoading(bool loading);

    QPointer<Session> m_session;
    QString m_familyId;
    std::unique_ptr<SyncClient> m_client;
    QVariantList m_entries;
    bool m_loading = false;
    QString m_errorString;
    /// Replies to an earlier request (another family, a lock) are dropped.
    int m_request = 0;
};

} // namespace doorstep
