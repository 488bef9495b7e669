#include "models/synccontroller.h"

#include "models/session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkInformation>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUrl>

namespace doorstep
{

SyncController::SyncController(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncController::syncNow);
    // Where the platform reports the network (Android, NetworkManager), a signal coming back
    // starts a sync; elsewhere the retries after a failed sync find it.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability != QNetworkInformation::Reachability::Disconnected
                    && reachability != QNetworkInformation::Reachability::Unknown)
                    networkReachable();
            });
    }
}

void SyncController::networkReachable()
{
    if (m_active && m_enrolled && !m_syncing && m_retryMs > 0)
        m_timer.start(AfterReachableMs);
}

SyncController::~SyncController() = default;

void SyncController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        m_session->disconnect(this);
    storeClosing();
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::aboutToLock, this, &SyncController::storeClosing);
        connect(m_session, &Session::unlockedChanged, this, [this] {
            if (m_session->isUnlocked())
                storeOpened();
        });
        if (m_session->isUnlocked())
            storeOpened();
    }
    Q_EMIT sessionChanged();
}

void SyncController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (m_active && m_enrolled && !m_syncing)
        m_timer.start(AfterUnlockMs);
    else if (!m_active)
        m_timer.stop();
    Q_EMIT activeChanged();
}

void SyncController::storeOpened()
{
    if (!m_session || !m_session->store())
        return;
    m_client = std::make_unique<SyncClient>(*m_session->store(), QStringLiteral(DOORSTEP_VERSION));
    connect(m_client.get(), &SyncClient::progress, this, [this](int pushed, int pulled) {
        m_pushed = pushed;
        m_pulled = pulled;
        Q_EMIT progressChanged();
    });
    readEnrolment();
    if (m_active && m_enrolled)
        m_timer.start(AfterUnlockMs);
}

void SyncController::storeClosing()
{
    // Before the store closes: a sync or enrolment must not outlive it.
    m_timer.stop();
    m_client.reset();
    if (m_syncing || m_enrolling) {
        m_syncing = false;
        m_enrolling = false;
        Q_EMIT stateChanged();
    }
}

void SyncController::readEnrolment()
{
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store)
        return;
    auto endpoint = store->syncEndpoint();
    auto last = store->lastSyncedAt();
    m_enrolled = endpoint && endpoint->isEnrolled();
    m_lastSynced = last ? *last : QDateTime();
    Q_EMIT stateChanged();
}

void SyncController::syncNow()
{
    if (!m_client || m_syncing)
        return;
    m_syncing = true;
    m_pushed = 0;
    m_pulled = 0;
    m_problem.clear();
    Q_EMIT progressChanged();
    Q_EMIT stateChanged();
    m_client->sync([this](SyncClient::Outcome outcome) {
        m_syncing = false;
        if (outcome.ok) {
            m_problem.clear();
            if (m_session)
                m_session->announceChanges(outcome.changedKinds);
        } else {
            m_problem = outcome.message;
            if (outcome.problem == SyncClient::Outcome::Problem::Revoked && m_session) {
                // Not from inside the client's own callback: wiping closes the store, which
                // deletes the client.
                QMetaObject::invokeMethod(
                    m_session, [session = m_session] { session->wipeRevoked(); },
                    Qt::QueuedConnection);
            }
        }
        const bool noConnection
            = !outcome.ok && outcome.problem == SyncClient::Outcome::Problem::NoConnection;
        m_retryMs
            = noConnection ? std::min(IntervalMs, m_retryMs > 0 ? 2 * m_retryMs : RetryFirstMs) : 0;
        readEnrolment();
        if (m_active && m_enrolled)
            m_timer.start(m_retryMs > 0 ? m_retryMs : IntervalMs);
        Q_EMIT stateChanged();
    });
}

QString SyncController::suggestedCertificateFile() const
{
    QFileInfo newest;
    for (const auto location :
        { QStandardPaths::DownloadLocation, QStandardPaths::DocumentsLocation }) {
        const QString folder = QStandardPaths::writableLocation(location);
        if (folder.isEmpty())
            continue;
        const QFileInfoList files
            = QDir(folder).entryInfoList({ QStringLiteral("*.pem"), QStringLiteral("*.crt") },
                QDir::Files | QDir::Readable, QDir::Time);
        if (!files.isEmpty()
            && (!newest.exists() || files.first().lastModified() > newest.lastModified()))
            newest = files.first();
    }
    return newest.exists() ? newest.absoluteFilePath() : QString();
}

void SyncController::enrol(
    const QString &address, const QString &certificateFile, const QString &code)
{
    if (!m_client || m_enrolling || m_syncing)
        return;
    auto refuse = [this](const QString &problem) {
        m_enrolProblem = problem;
        Q_EMIT stateChanged();
    };
    QString typed = address.trimmed();
    if (!typed.contains(QLatin1String("://")))
        typed.prepend(QLatin1String("https://"));
    QUrl url(typed, QUrl::StrictMode);
    if (url.path() == QLatin1String("/"))
        url.setPath({});
    if (!url.isValid() || url.host().isEmpty() || url.scheme() != QLatin1String("https")
        || !url.path().isEmpty() || url.hasQuery() || url.hasFragment())
        return refuse(tr("The server address should look like https://sync.example.gov.uk:8443 "
                         "— check it with IT."));
    const QString digits = QString(code).remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    if (digits.isEmpty())
        return refuse(tr("Type the enrolment code IT gave you."));
    // A certificate is a few kilobytes: anything much larger is not one.
    constexpr qint64 MaxCertificateBytes = 64 * 1024;
    QFile file(certificateFile.trimmed());
    if (certificateFile.trimmed().isEmpty() || !file.open(QIODevice::ReadOnly))
        return refuse(tr("The council certificate file could not be opened. Check the "
                         "file name, or ask IT to send it again."));
    if (file.size() > MaxCertificateBytes)
        return refuse(tr("That file is too large to be the council certificate."));
    const QByteArray pem = file.readAll();
    if (QSslCertificate::fromData(pem, QSsl::Pem).isEmpty())
        return refuse(tr("That file is not a certificate. IT sends the council certificate "
                         "as a .pem file."));

    m_enrolling = true;
    m_enrolProblem.clear();
    Q_EMIT stateChanged();
    m_client->enrol(
        url, pem, digits, QSysInfo::machineHostName(), [this](SyncClient::Outcome outcome) {
            m_enrolling = false;
            if (!outcome.ok) {
                m_enrolProblem = outcome.message;
                Q_EMIT stateChanged();
                return;
            }
            readEnrolment();
            Q_EMIT enrolSucceeded();
            // The first sync brings the caseload: not a moment later than it must.
            QMetaObject::invokeMethod(this, &SyncController::syncNow, Qt::QueuedConnection);
        });
}

QString SyncController::statusText() const
{
    if (m_syncing)
        return tr("Syncing: %1 sent, %2 received").arg(m_pushed).arg(m_pulled);
    if (!m_enrolled)
        return tr("Not set up to sync");
    if (!m_lastSynced.isValid())
        return m_problem.isEmpty() ? tr("Not synced yet") : tr("Not synced");
    const QDateTime local = m_lastSynced.toLocalTime();
    const QLocale locale;
    const bool today = local.date() == QDate::currentDate();
    const QString when = today ? locale.toString(local.time(), tr("HH:mm", "time format"))
                               : locale.toString(local.date(), tr("d MMM yyyy", "date format"));
    // After a failed attempt, the last good sync is what the practitioner needs to know.
    if (!m_problem.isEmpty())
        return today ? tr("Last synced at %1").arg(when) : tr("Last synced on %1").arg(when);
    return today ? tr("Synced at %1").arg(when) : tr("Synced on %1").arg(when);
}

} // namespace doorstep
