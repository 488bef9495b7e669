#pragma once

#include "security/storeaccess.h"
#include "store/store.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

namespace doorstep
{

/// The practitioner's working session: unlocks the encrypted store with the passphrase,
/// holds it open while unlocked, and closes it (forgetting the key) on lock.
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool unlocked READ isUnlocked NOTIFY unlockedChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(int errorCode READ errorCode NOTIFY errorChanged)
    /// A PIN was set today: the unlock page asks for it instead of the passphrase.
    Q_PROPERTY(bool pinAvailable READ isPinAvailable NOTIFY pinChanged)
    /// The server said at the last sync that this tablet's user supervises a team: the app
    /// offers the team's pages. False while locked and before the first sync.
    Q_PROPERTY(bool supervisor READ isSupervisor NOTIFY teamChanged)
    /// The user's team, as the server named it; empty while locked or before the first sync.
    Q_PROPERTY(QString teamName READ teamName NOTIFY teamChanged)

public:
    explicit Session(QString storeFolder, QObject *parent = nullptr);
    ~Session() override;

    bool isUnlocked() const { return m_store != nullptr; }
    bool isBusy() const { return m_busy; }
    QString errorString() const { return m_errorString; }
    int errorCode() const { return m_errorCode; }
    Store *store() const { return m_store.get(); }
    QString storeFolder() const { return m_storeFolder; }

    /// The one way pages and models write: applies the changes in one transaction and,
    /// when they are saved, tells every model which kinds of record changed.
    Result<QStringList> apply(const QList<Change> &changes);
    Result<QString> apply(const Change &change);
    /// The same, keeping with the changes the bytes their documents name (Store::apply).
    Result<QStringList> apply(const QList<Change> &changes, const QList<QByteArray> &blobs);

    /// Tells every model that records of these kinds changed by another route than apply()
    /// (a sync), so they read them again.
    void announceChanges(const QStringList &kinds);

    /// Now, from the clock injected at construction (tests fix it).
    QDateTime now() const { return m_clock(); }
    QDate today() const { return m_clock().toLocalTime().date(); }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    /// Unlocks in the background (the key derivation takes about half a second) and
    /// emits unlockedChanged, or sets errorString.
    Q_INVOKABLE void unlock(const QString &passphrase);
    /// Unlocks with the day's PIN (in the background, as unlock()).
    Q_INVOKABLE void unlockWithPin(const QString &pin);
    /// Sets today's PIN; needs the session unlocked. False (with errorString) if refused.
    Q_INVOKABLE bool setPin(const QString &pin);
    /// Checks the practitioner's PIN (when one is set today and secret is one) or passphrase,
    /// in the background and without closing the open store; secretChecked says whether it
    /// was right. Wrong tries count as at unlock.
    Q_INVOKABLE void checkSecret(const QString &secret);
    /// Closes the store and wipes the key; anything pending is saved first.
    Q_INVOKABLE void lock();
    /// The server revoked this device: closes the store and removes it for good, saying why.
    void wipeRevoked();
    bool isPinAvailable() const;
    bool isSupervisor() const { return m_team && m_team->isSupervisor(); }
    QString teamName() const { return m_team ? m_team->team : QString(); }
    /// The user's name as the server gave it in the team view; empty when not known.
    QString userName() const;
    /// Who the user is at the centre, as the last sync said; nothing while locked or before.
    const std::optional<TeamView> &teamView() const { return m_team; }

    /// QML's singleton `Session` is the one session main() made and injected here.
    /// (A QML_FOREIGN wrapper, as STYLE.md prefers, is registered by Qt 6.4's
    /// qmltyperegistrar as a value type, which qmllint then cannot see into.)
    static Session *create(QQmlEngine *, QJSEngine *);
    static void setInstance(Session *session);

    /// True if recordsChanged's kinds include any of the kinds a model or page shows.
    static bool touches(const QStringList &changedKinds, const QStringList &shownKinds)
    {
        for (const QString &kind : changedKinds) {
            if (shownKinds.contains(kind))
                return true;
        }
        return false;
    }

    /// How long after the last keystroke typed text is saved: a killed app loses at most
    /// about a second, without a write per character.
    static constexpr int SaveDelayMs = 500;

    /// How long after an unlock the store's integrity check starts: long enough for the
    /// caseload's first frame, which it would otherwise slow by competing for the CPU and
    /// the disk, and short enough that a damaged store is found before much is typed.
    static constexpr int IntegrityCheckDelayMs = 1500;

Q_SIGNALS:
    void unlockedChanged();
    void busyChanged();
    void pinChanged();
    void errorChanged();
    /// The store is about to close: save anything pending now.
    void aboutToLock();
    /// The answer to checkSecret: accepted, or a sentence saying why not.
    void secretChecked(bool accepted, const QString &message);
    /// Records of these kinds were written (created, changed, deleted or restored).
    void recordsChanged(const QStringList &kinds);
    void teamChanged();

private:
    void setError(int code, const QString &message);
    void startUnlock(std::function<Result<StoreAccess::Unlocked>()> work);
    void startIntegrityCheck();
    void runIntegrityCheck();
    void integrityChecked(const std::shared_ptr<IntegrityCheck> &check,
        const Result<IntegrityCheck::Outcome> &result);
    void stopIntegrityCheck();
    void closeStore();
    /// Reads who the user is at the centre from the open store (nothing when locked).
    void readTeamView();

    QString m_storeFolder;
    std::unique_ptr<Store> m_store;
    /// Kept in secure memory while unlocked so a PIN can wrap it; wiped on lock.
    SecureBytes m_key;
    bool m_busy = false;
    QString m_errorString;
    int m_errorCode = -1;
    QFutureWatcher<Result<StoreAccess::Unlocked>> m_watcher;
    /// The open store's integrity check, running on a worker thread after the unlock so
    /// the practitioner does not wait for it; a damaged store is locked and set aside.
    std::shared_ptr<IntegrityCheck> m_integrityCheck;
    QFuture<void> m_checkRun;
    QTimer m_checkDelay;
    std::optional<TeamView> m_team;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTime(); };
    static inline Session *s_instance = nullptr;
};

} // namespace doorstep
