#include "models/childmode.h"

#include "models/session.h"

#include <QQmlEngine>

namespace doorstep
{

ChildMode::ChildMode(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(m_session, &Session::secretChecked, this, &ChildMode::checked);
}

void ChildMode::enter(const QString &personId)
{
    if (personId.isEmpty() || !m_session->isUnlocked() || m_personId == personId)
        return;
    m_personId = personId;
    clearLeaveError();
    Q_EMIT activeChanged();
}

void ChildMode::leave(const QString &secret)
{
    if (!isActive() || m_checking)
        return;
    if (secret.isEmpty()) {
        m_leaveError = tr("Type your PIN to leave.");
        Q_EMIT leaveErrorChanged();
        return;
    }
    m_checking = true;
    Q_EMIT checkingChanged();
    m_session->checkSecret(secret);
}

void ChildMode::checked(bool accepted, const QString &message)
{
    // Another page's check (there is none in child mode today) is not this one's answer.
    if (!m_checking)
        return;
    m_checking = false;
    Q_EMIT checkingChanged();
    if (accepted) {
        clearLeaveError();
        m_personId.clear();
        Q_EMIT activeChanged();
    } else {
        m_leaveError = message;
        Q_EMIT leaveErrorChanged();
    }
}

void ChildMode::clearLeaveError()
{
    if (m_leaveError.isEmpty())
        return;
    m_leaveError.clear();
    Q_EMIT leaveErrorChanged();
}

ChildMode *ChildMode::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT_X(s_instance, "ChildMode::create", "main() must call ChildMode::setInstance first");
    QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
    return s_instance;
}

void ChildMode::setInstance(ChildMode *childMode)
{
    s_instance = childMode;
}

} // namespace doorstep
