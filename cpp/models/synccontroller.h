#pragma once

#include "client/syncclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <memory>

namespace doorstep
{

class Session;

/// Sync as the practitioner sees it: on demand, soon after unlocking, every few minutes
/// while unlocked, and soon after the network comes back (sooner and sooner retries after a
/// sync found no connection, and at once where the system reports reachability); progress as
/// counts, the last sync as a time, and what went wrong in plain words. The sync itself is
/// SyncClient's; this holds one only while the store is open and drops it (abandoning any sync
/// under way) before the store closes.
class SyncController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /// Syncs on a timer only while active (the workspace is showing).
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(bool enrolled READ isEnrolled NOTIFY stateChanged)
    Q_PROPERTY(bool syncing READ isSyncing NOTIFY stateChanged)
    Q_PROPERTY(int pushed READ pushed NOTIFY progressChanged)
    Q_PROPERTY(int pulled READ pulled NOTIFY progressChanged)
    /// One line for the header: syncing, last synced, or the problem.
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
    /// The last sync's problem in full, empty if it went well.
    Q_PROPERTY(QString problemText READ problemText NOTIFY stateChanged)
    /// Enrolment with a server is under way.
    Q_PROPERTY(bool enrolling READ isEnrolling NOTIFY stateChanged)
    /// Why the last enrolment did not work, in plain words; empty otherwise.
    Q_PROPERTY(QString enrolProblem READ enrolProblem NOTIFY stateChanged)

public:
    static constexpr int IntervalMs = 5 * 60 * 1000;
    static constexpr int AfterUnlockMs = 3000;
    /// After a sync found no connection: try again after this, then twice as long each
    /// time up to IntervalMs, so work syncs soon after a signal comes back.
    static constexpr int RetryFirstMs = 30 * 1000;
    /// When the system says the network is back (where it can say: QNetworkInformation).
    static constexpr int AfterReachableMs = 2000;

    explicit SyncController(QObject *parent = nullptr);
    ~SyncController() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    bool isActive() const { return m_active; }
    void setActive(bool active);
    bool isEnrolled() const { return m_enrolled; }
    bool isSyncing() const { return m_syncing; }
    int pushed() const { return m_pushed; }
    int pulled() const { return m_pulled; }
    QString statusText() const;
    QString problemText() const { return m_problem; }

    Q_INVOKABLE void syncNow();
    /// In how long the next sync is due, or -1 if none is (not enrolled or not active).
    int nextSyncInMs() const { return m_timer.isActive() ? m_timer.interval() : -1; }

    bool isEnrolling() const { return m_enrolling; }
    QString enrolProblem() const { return m_enrolProblem; }
    /// Where the council's certificate file most likely is: the newest .pem or .crt file
    /// in the Downloads or Documents folder (IT sends it with the code), else empty.
    Q_INVOKABLE QString suggestedCertificateFile() const;
    /// Connects this tablet to the server at `address` with the one-time `code` IT gave,
    /// pinning the council CA read from `certificateFile`; then syncs at once. Bad input
    /// is refused with enrolProblem set and nothing changed.
    Q_INVOKABLE void enrol(
        const QString &address, const QString &certificateFile, const QString &code);

Q_SIGNALS:
    void sessionChanged();
    void activeChanged();
    void stateChanged();
    void progressChanged();
    /// Enrolment worked: the tablet now syncs with the server.
    void enrolSucceeded();

private:
    void storeOpened();
    void storeClosing();
    void readEnrolment();

    QPointer<Session> m_session;
    bool m_active = false;
    std::unique_ptr<SyncClient> m_client;
    /// The network came back: sync soon if the last one could not connect.
    void networkReachable();

    QTimer m_timer;
    int m_retryMs = 0; ///< the wait after the last sync that found no connection; 0 if none
    bool m_enrolled = false;
    bool m_syncing = false;
    int m_pushed = 0;
    int m_pulled = 0;
    QDateTime m_lastSynced;
    QString m_problem;
    bool m_enrolling = false;
    QString m_enrolProblem;
};

} // namespace doorstep
