#pragma once

#include "models/session.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

namespace doorstep
{

/// Allocation and reallocation from the app (issue 8), on the family page of a supervisor's
/// tablet: the family's open allocations are ended today and a new one names the chosen
/// practitioner of the team, in one transaction. At the next sync the server moves the
/// family to them (sync/PROTOCOL.md, "Allocation from a tablet"): their tablets receive it
/// whole, the last practitioner's remove it once their work on it is sent.
class AllocationController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    /// This tablet's user is a supervisor, who allocates.
    Q_PROPERTY(bool canAllocate READ canAllocate NOTIFY choicesChanged)
    /// The team's practitioners, as the server named them: [{ value, text }].
    Q_PROPERTY(QVariantList choices READ choices NOTIFY choicesChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)

public:
    explicit AllocationController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    bool canAllocate() const { return m_session && m_session->isSupervisor(); }
    QVariantList choices() const;
    QString errorString() const { return m_errorString; }

    /// Allocates the family to the practitioner from today, ending any open allocation.
    /// False (with errorString, nothing written) if refused.
    Q_INVOKABLE bool allocate(const QString &practitionerId);

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void choicesChanged();
    void errorChanged();

private:
    void setError(const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    QString m_errorString;
};

} // namespace doorstep
