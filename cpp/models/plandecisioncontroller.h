#pragma once

#include "domain/plan.h"
#include "models/session.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>
#include <optional>

namespace doorstep
{

/// The supervisor's sign-off of a family's My Family Plan (issue 8), on the plan page. A
/// supervisor reads the plan and signs it off, or returns it with comments saying what must
/// change; each decision is an immutable record (a plan_decision) written with the plan's
/// new status in one transaction, and syncs. The practitioner sees every decision, newest
/// first, after their next sync; a returned plan goes back to them to complete again.
class PlanDecisionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    /// Read the store only while the page is shown.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /// This tablet's user may decide now: a supervisor, with the plan complete.
    Q_PROPERTY(bool canDecide READ canDecide NOTIFY decisionsChanged)
    /// Why not, in a sentence, when a supervisor cannot; empty for a practitioner.
    Q_PROPERTY(QString decideHint READ decideHint NOTIFY decisionsChanged)
    /// Each decision on the current plan, newest first: { decision, title, byText, comments }.
    Q_PROPERTY(QVariantList decisions READ decisions NOTIFY decisionsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)

public:
    explicit PlanDecisionController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    bool isActive() const { return m_active; }
    void setActive(bool active);
    bool canDecide() const;
    QString decideHint() const;
    QVariantList decisions() const { return m_decisions; }
    QString errorString() const { return m_errorString; }

    /// Signs the plan off, with optional comments. False (with errorString) if refused.
    Q_INVOKABLE bool signOff(const QString &comments);
    /// Returns the plan to the practitioner; comments saying what must change are needed.
    Q_INVOKABLE bool returnPlan(const QString &comments);
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void activeChanged();
    void decisionsChanged();
    void errorChanged();

private:
    bool decide(const QString &decision, const QString &comments);
    void onRecordsChanged(const QStringList &kinds);
    void setError(const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    bool m_active = true;
    bool m_stale = false;
    std::optional<Plan> m_plan;
    QVariantList m_decisions;
    QString m_errorString;
};

} // namespace doorstep
