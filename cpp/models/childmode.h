#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace doorstep
{

class Session;

/// Child mode: the tablet handed to a child, who may reach only their three houses. It is
/// kept in memory for the app's life, so the auto-lock, and the unlock after it, return to
/// child mode rather than to the practitioner's pages. Leaving needs the practitioner's
/// PIN (or passphrase when no PIN is set today), checked as an unlock would check it,
/// wrong tries counted. A child may find the PIN pad: after MaxWrongTries wrong answers
/// child mode checks no more until the tablet has been locked and unlocked with the
/// passphrase, so a child's guessing can never use up the key slot's own limit (after which
/// the store could not be opened) or switch the PIN off.
class ChildMode : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(QString personId READ personId NOTIFY activeChanged)
    /// The PIN or passphrase is being checked (about half a second).
    Q_PROPERTY(bool checking READ isChecking NOTIFY checkingChanged)
    Q_PROPERTY(QString leaveError READ leaveError NOTIFY leaveErrorChanged)

public:
    /// Below the PIN's own limit (PinAccess::MaxAttempts) and far below the passphrase's.
    static constexpr int MaxWrongTries = 3;

    explicit ChildMode(Session *session, QObject *parent = nullptr);

    bool isActive() const { return !m_personId.isEmpty(); }
    QString personId() const { return m_personId; }
    bool isChecking() const { return m_checking; }
    QString leaveError() const { return m_leaveError; }

    /// Hands the tablet to the child: only that child's three houses are reachable now.
    /// Refused while child mode is on (for this child or another): leave first.
    Q_INVOKABLE void enter(const QString &personId);
    /// Leaves child mode if secret is the practitioner's PIN or passphrase (checked in the
    /// background); otherwise leaveError says so and child mode stays.
    Q_INVOKABLE void leave(const QString &secret);
    Q_INVOKABLE void clearLeaveError();

    static ChildMode *create(QQmlEngine *, QJSEngine *);
    static void setInstance(ChildMode *childMode);

Q_SIGNALS:
    void activeChanged();
    void checkingChanged();
    void leaveErrorChanged();

private:
    void checked(bool accepted, const QString &message);
    void setLeaveError(const QString &message);

    Session *m_session;
    QString m_personId;
    bool m_checking = false;
    int m_wrongTries = 0;
    QString m_leaveError;
    static inline ChildMode *s_instance = nullptr;
};

} // namespace doorstep
