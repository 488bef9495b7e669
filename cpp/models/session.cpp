#include "models/session.h"

#include "security/storeaccess.h"

#include <QQmlEngine>
#include <QtConcurrent/QtConcurrentRun>

namespace doorstep
{

Session::Session(QString storeFolder, QObject *parent)
    : QObject(parent)
    , m_storeFolder(std::move(storeFolder))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_watcher.future().takeResult();
        m_busy = false;
        Q_EMIT busyChanged();
        if (!result) {
            setError(int(result.error().code), result.error().message);
            return;
        }
        m_store = std::move(result.value());
        setError(-1, {});
        Q_EMIT unlockedChanged();
    });
}

Session::~Session()
{
    // An unlock still deriving its key must finish before the session can go.
    if (m_busy)
        m_watcher.waitForFinished();
}

void Session::unlock(const QString &passphrase)
{
    if (m_busy || m_store)
        return;
    auto secret = SecureBytes::fromString(passphrase);
    if (!secret) {
        setError(int(secret.error().code), secret.error().message);
        return;
    }
    m_busy = true;
    Q_EMIT busyChanged();
    Store::Options options;
    options.clock = [clock = m_clock] { return clock().toMSecsSinceEpoch(); };
    m_watcher.setFuture(
        QtConcurrent::run([folder = m_storeFolder, options,
                              secret = std::make_shared<SecureBytes>(std::move(*secret))] {
            return StoreAccess::open(folder, *secret, options);
        }));
}

Result<QStringList> Session::apply(const QList<Change> &changes)
{
    if (!m_store)
        return makeError(
            Error::Code::Internal, QStringLiteral("Doorstep is locked; nothing was saved."));
    auto ids = m_store->apply(changes);
    if (ids) {
        QStringList kinds;
        for (const Change &change : changes) {
            if (!kinds.contains(change.kind))
                kinds << change.kind;
        }
        Q_EMIT recordsChanged(kinds);
    }
    return ids;
}

Result<QString> Session::apply(const Change &change)
{
    auto ids = apply(QList<Change> { change });
    if (!ids)
        return ids.error();
    return ids->constFirst();
}

void Session::lock()
{
    if (!m_store)
        return;
    m_store.reset();
    Q_EMIT unlockedChanged();
}

void Session::setError(int code, const QString &message)
{
    if (m_errorCode == code && m_errorString == message)
        return;
    m_errorCode = code;
    m_errorString = message;
    Q_EMIT errorChanged();
}

Session *Session::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    // The application owns the session; QML must not delete it.
    QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
    return s_instance;
}

void Session::setInstance(Session *session)
{
    s_instance = session;
}

} // namespace doorstep
