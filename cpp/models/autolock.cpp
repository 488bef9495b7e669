#include "models/autolock.h"

#include "models/session.h"

#include <QEvent>
#include <QGuiApplication>

namespace doorstep
{

AutoLock::AutoLock(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_idleMinutes * 60 * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_session)
            m_session->lock();
    });
    connect(session, &Session::unlockedChanged, this, [this] {
        if (m_session && m_session->isUnlocked())
            restart();
        else
            m_idle.stop();
    });
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        app->installEventFilter(this);
        connect(app, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) {
                // Hidden or suspended: the app is off screen (switched away, screen off).
                if (m_session
                    && (state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended))
                    m_session->lock();
            });
    }
}

void AutoLock::setIdleMinutes(int minutes)
{
    if (minutes < 1 || minutes == m_idleMinutes)
        return;
    m_idleMinutes = minutes;
    m_idle.setInterval(minutes * 60 * 1000);
    restart();
    Q_EMIT idleMinutesChanged();
}

void AutoLock::setIdleMilliseconds(int milliseconds)
{
    m_idle.setInterval(milliseconds);
    restart();
}

bool AutoLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
        restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void AutoLock::restart()
{
    if (m_session && m_session->isUnlocked())
        m_idle.start();
}

} // namespace doorstep
