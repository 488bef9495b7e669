#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

class Session;

/// Locks the session after a spell without touch, pen, mouse or key input (5 minutes
/// unless configured), and at once when the app is hidden or suspended, so an unattended
/// tablet never shows a family's record.
class AutoLock : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int idleMinutes READ idleMinutes WRITE setIdleMinutes NOTIFY idleMinutesChanged)

public:
    static constexpr int DefaultIdleMinutes = 5;

    /// Watches the whole application's input; session must outlive this object.
    explicit AutoLock(Session *session, QObject *parent = nullptr);

    int idleMinutes() const { return m_idleMinutes; }
    void setIdleMinutes(int minutes);
    /// For tests: the idle time in milliseconds, below a minute.
    void setIdleMilliseconds(int milliseconds);

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void idleMinutesChanged();

private:
    void restart();

    QPointer<Session> m_session;
    int m_idleMinutes = DefaultIdleMinutes;
    QTimer m_idle;
};

} // namespace doorstep
