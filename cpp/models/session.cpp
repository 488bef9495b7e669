#include "models/session.h"

#include "client/syncclient.h"
#include "security/pinaccess.h"
#include "security/storeaccess.h"

#include <QQmlEngine>
#include <QtConcurrent/QtConcurrentRun>

namespace doorstep
{

namespace
{

Store::Options storeOptions(const std::function<QDateTime()> &clock)
{
    Store::Options options;
    options.clock = [clock] { return clock().toMSecsSinceEpoch(); };
    options.integrity = Store::Options::Integrity::Deferred;
    return options;
}

} // namespace

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
            Q_EMIT pinChanged(); // too many wrong PINs switch the PIN off
            return;
        }
        m_store = std::move(result->store);
        m_key = std::move(result->key);
        setError(-1, {});
        startIntegrityCheck();
        readTeamView();
        Q_EMIT unlockedChanged();
    });
    m_checkDelay.setSingleShot(true);
    m_checkDelay.setInterval(IntegrityCheckDelayMs);
    connect(&m_checkDelay, &QTimer::timeout, this, &Session::runIntegrityCheck);
}

Session::~Session()
{
    // An unlock still deriving its key must finish before the session can go.
    if (m_busy)
        m_watcher.waitForFinished();
    stopIntegrityCheck();
}

void Session::unlock(const QString &passphrase)
{
    auto secret = SecureBytes::fromString(passphrase);
    if (!secret) {
        setError(int(secret.error().code), secret.error().message);
        return;
    }
    startUnlock([folder = m_storeFolder, options = storeOptions(m_clock),
                    secret = std::make_shared<SecureBytes>(std::move(*secret))] {
        return StoreAccess::openKeepingKey(folder, *secret, options);
    });
}

void Session::unlockWithPin(const QString &pin)
{
    auto secret = SecureBytes::fromString(pin);
    if (!secret) {
        setError(int(secret.error().code), secret.error().message);
        return;
    }
    startUnlock([folder = m_storeFolder, options = storeOptions(m_clock), today = today(),
                    secret = std::make_shared<SecureBytes>(
                        std::move(*secret))]() -> Result<StoreAccess::Unlocked> {
        auto store = PinAccess::open(folder, *secret, today, options);
        if (!store)
            return store.error();
        // A PIN unlock does not hand back the key: a new PIN needs the passphrase.
        return StoreAccess::Unlocked { std::move(*store), SecureBytes() };
    });
}

void Session::startUnlock(std::function<Result<StoreAccess::Unlocked>()> work)
{
    if (m_busy || m_store)
        return;
    m_busy = true;
    Q_EMIT busyChanged();
    m_watcher.setFuture(QtConcurrent::run(std::move(work)));
}

void Session::checkSecret(const QString &secret)
{
    auto bytes = SecureBytes::fromString(secret);
    if (!bytes) {
        Q_EMIT secretChecked(false, bytes.error().message);
        return;
    }
    const bool asPin
        = isPinAvailable() && PinAccess::checkPin(*bytes).ok(); // digits of a PIN's length
    auto check = QtConcurrent::run([folder = m_storeFolder, today = today(), asPin,
                                       bytes = std::make_shared<SecureBytes>(std::move(*bytes))] {
        return asPin ? PinAccess::verify(folder, *bytes, today)
                     : StoreAccess::verifyPassphrase(folder, *bytes);
    });
    check.then(this, [this, asPin](const Result<void> &checked) {
        // Too many wrong PINs switch the PIN off: the unlock page must ask for the passphrase.
        if (asPin && !checked.ok())
            Q_EMIT pinChanged();
        Q_EMIT secretChecked(checked.ok(), checked.ok() ? QString() : checked.error().message);
    });
}

bool Session::setPin(const QString &pin)
{
    if (!m_store || m_key.isEmpty()) {
        setError(
            int(Error::Code::InvalidArgument), tr("Unlock with your passphrase to set a PIN."));
        return false;
    }
    auto secret = SecureBytes::fromString(pin);
    auto set
        = secret ? PinAccess::setPin(m_storeFolder, m_key, *secret) : Result<void>(secret.error());
    if (!set) {
        setError(int(set.error().code), set.error().message);
        return false;
    }
    setError(-1, {});
    Q_EMIT pinChanged();
    return true;
}

bool Session::isPinAvailable() const
{
    return PinAccess::isAvailable(m_storeFolder, today());
}

Result<QStringList> Session::apply(const QList<Change> &changes)
{
    return apply(changes, {});
}

Result<QStringList> Session::apply(const QList<Change> &changes, const QList<QByteArray> &blobs)
{
    if (!m_store)
        return makeError(
            Error::Code::Internal, QStringLiteral("Doorstep is locked; nothing was saved."));
    auto ids = m_store->apply(changes, blobs);
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

void Session::startIntegrityCheck()
{
    m_integrityCheck = m_store->takeIntegrityCheck();
    if (m_integrityCheck)
        m_checkDelay.start();
}

void Session::runIntegrityCheck()
{
    const std::shared_ptr<IntegrityCheck> check = m_integrityCheck;
    if (!check)
        return;
    m_checkRun = QtConcurrent::run([this, check] {
        auto result = check->run();
        // The result names its check, so one that a lock cut short cannot be taken for
        // the check of a later unlock.
        QMetaObject::invokeMethod(
            this, [this, check, result] { integrityChecked(check, result); }, Qt::QueuedConnection);
    });
}

void Session::integrityChecked(
    const std::shared_ptr<IntegrityCheck> &check, const Result<IntegrityCheck::Outcome> &result)
{
    if (check != m_integrityCheck)
        return;
    m_integrityCheck.reset();
    if (result)
        return;
    // Damaged: close the store before its files are moved aside. Whatever was typed
    // since the unlock went into those files, which are kept for IT.
    closeStore();
    const Error aside = Store::setAsideDamaged(check->paths(), now().toUTC(), result.error());
    setError(int(aside.code), aside.message);
}

void Session::stopIntegrityCheck()
{
    m_checkDelay.stop();
    if (!m_integrityCheck)
        return;
    m_integrityCheck->interrupt();
    // Its connection holds decrypted pages: locked means closed, so wait the moment it
    // takes to stop (no time at all if it has not started: its connection closes here).
    m_checkRun.waitForFinished();
    m_integrityCheck.reset();
}

void Session::lock()
{
    closeStore();
}

void Session::wipeRevoked()
{
    closeStore();
    PinAccess::forget(m_storeFolder);
    if (auto wiped = StoreAccess::wipe(m_storeFolder); !wiped) {
        setError(int(wiped.error().code), wiped.error().message);
        return;
    }
    setError(int(Error::Code::LockedOut),
        tr("IT has revoked this tablet, so the data on it has been removed. Ask IT to enrol it "
           "again; everything that was synced is safe on the server."));
    Q_EMIT pinChanged();
}

void Session::announceChanges(const QStringList &kinds)
{
    if (kinds.contains(SyncClient::TeamViewKind))
        readTeamView();
    if (!kinds.isEmpty())
        Q_EMIT recordsChanged(kinds);
}

QString Session::userName() const
{
    if (!m_store || !m_team)
        return {};
    for (const TeamView::Member &member : m_team->members) {
        if (member.userId == m_store->userId())
            return member.name;
    }
    return {};
}

void Session::readTeamView()
{
    std::optional<TeamView> team;
    if (m_store) {
        // A store that cannot say is treated as a practitioner's: the team's pages only
        // ever show what the server sent, so nothing is lost by not offering them.
        if (auto read = m_store->teamView(); read)
            team = *read;
    }
    if (team == m_team)
        return;
    m_team = std::move(team);
    Q_EMIT teamChanged();
}

void Session::closeStore()
{
    if (!m_store)
        return;
    Q_EMIT aboutToLock();
    stopIntegrityCheck();
    m_store.reset();
    m_key.clear();
    readTeamView();
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
