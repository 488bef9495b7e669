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
    // An unlock is the practitioner's passphrase or PIN, checked by the unlock page's own
    // rules: child mode's count of wrong tries starts again.
    connect(m_session, &Session::unlockedChanged, this, [this] {
        if (m_session->isUnlocked())
            m_wrongTries = 0;
    });
}

void ChildMode::enter(const QString &personId)
{
    if (personId.isEmpty() || !m_session->isUnlocked() || isActive())
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
        setLeaveError(tr("Type your PIN to leave."));
        return;
    }
    if (m_wrongTries >= MaxWrongTries) {
        setLeaveError(tr("Too many wrong tries. Lock the tablet, unlock it with your "
                         "passphrase, then leave child mode."));
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
        m_wrongTries = 0;
        clearLeaveError();
        m_personId.clear();
        Q_EMIT activeChanged();
        return;
    }
    ++m_wrongTries;
    setLeaveError(m_wrongTries >= MaxWrongTries
            ? tr("%1 Too many wrong tries: lock the tablet, unlock it with your passphrase, "
                 "then leave child mode.")
                  .arg(message)
            : message);
}

void ChildMode::setLeaveError(const QString &message)
{
    if (m_leaveError == message)
        return;
    m_leaveError = message;
    Q_EMIT leaveErrorChanged();
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
