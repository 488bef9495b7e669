#pragma once

#include "domain/result.h"
#include "protocol/synccodec.h"
#include "protocol/syncmessages.h"
#include "store/store.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <functional>
#include <optional>

namespace doorstep
{

/// The tablet's side of sync (sync/PROTOCOL.md) over one keep-alive HTTPS connection to
/// the server it was enrolled with, trusting only the council CA it was given then. A sync
/// pushes the outbox in batches, each acknowledged before the next, the last asking for the
/// pull's answer too; pulls on while the server has more; sends the bytes of its documents
/// in ranges, then fetches the bytes of documents it received; every pulled batch is applied with
/// its cursor, and every range received is kept, in one local transaction, so a sync cut off
/// anywhere resumes where it stopped.
class SyncClient : public QObject
{
    Q_OBJECT

public:
    /// What a sync did, or why it stopped, in words for the practitioner.
    struct Outcome {
        bool ok = false;
        enum class Problem {
            None,
            NoConnection,
            Certificate,
            NotEnrolled,
            Revoked,
            Update,
            Refused,
            Local
        };
        Problem problem = Problem::None;
        QString message;
        int pushed = 0;
        int pulled = 0;
        /// Families reallocated away from this user and removed from the tablet.
        int familiesRemoved = 0;
        QStringList changedKinds;
        /// What the sync cost on the network: the requests it made and the bytes of their
        /// bodies (HTTP headers, TLS and its handshake come on top).
        int pushRequests = 0;
        int pullRequests = 0;
        int blobRequests = 0;
        qint64 bodyBytesSent = 0;
        qint64 bodyBytesReceived = 0;
        int requests() const { return pushRequests + pullRequests + blobRequests; }
        /// Documents whose bytes this sync sent whole, and fetched whole.
        int blobsSent = 0;
        int blobsReceived = 0;
        /// Documents whose bytes could not move this time, each with why; a later sync
        /// tries again. They do not fail the sync: every record moved.
        QStringList blobProblems;
        /// Of the sync's time, what the tablet itself spent: its store and the codec.
        double localMs = 0;

        static Outcome stopped(Problem problem, QString message)
        {
            Outcome outcome;
            outcome.problem = problem;
            outcome.message = std::move(message);
            return outcome;
        }
        static Outcome succeeded(QString message = {})
        {
            Outcome outcome;
            outcome.ok = true;
            outcome.message = std::move(message);
            return outcome;
        }
    };

    /// Ops per push: as many as a body may hold (sync::CodecLimits::maxOps), so a big
    /// outbox takes few requests (the server allows a device 120 a minute), but halved
    /// until the body is at most PushBodyBytes, well under the server's 8 MiB.
    static constexpr int PushBatch = 5000;
    static constexpr int AuditBatch = 2000;
    static constexpr qsizetype PushBodyBytes = 2 * 1024 * 1024;
    /// Ops asked for per pull: FirstPullBatch, then as many as the last reply's bytes per op
    /// say fit in about PullBodyBytes, up to PullBatch (the server's most).
    static constexpr int FirstPullBatch = 1000;
    static constexpr int PullBatch = 5000;
    static constexpr qsizetype PullBodyBytes = 2 * 1024 * 1024;

    /// In an outcome's changedKinds when the server told of a new role, team or team
    /// member's sync (Store::teamView), so the team's pages read it again.
    static inline const QString TeamViewKind = QStringLiteral("team-view");

    SyncClient(Store &store, QString appVersion, QObject *parent = nullptr);
    /// Abandons a sync under way without calling its done: the store may be closing.
    ~SyncClient() override;

    /// Redeems an enrolment code with the server at url, pinning the council CA in caPem,
    /// and keeps the endpoint in the store. Calls done with the outcome.
    void enrol(const QUrl &url, const QByteArray &caPem, const QString &code,
        const QString &deviceName, std::function<void(Outcome)> done);

    /// One full sync; done is called once, with the outcome. A sync already running is
    /// not started again.
    void sync(std::function<void(Outcome)> done);
    bool isSyncing() const { return bool(m_done); }

    /// Asks the server for a family's audit (a supervisor's audit viewer): who did what to
    /// its records, when and on which tablet, newest first. Needs a connection; done gets
    /// the entries, or the reason in words (not a supervisor, not of the team, offline).
    void fetchFamilyAudit(
        const QString &familyId, std::function<void(Result<QList<sync::FamilyAuditEntry>>)> done);

Q_SIGNALS:
    /// Ops sent and received so far in the sync under way.
    void progress(int pushed, int pulled);

private:
    void post(
        const QString &path, const QByteArray &body, std::function<void(QNetworkReply *)> handle);
    /// The outbox and the tablet's audit entries the server does not hold yet.
    void pushNext();
    void pullNext();
    sync::PullRequest pullRequest() const;
    /// Applies a pulled batch (from a pull, or the last push's answer) with its cursor;
    /// whether to pull again. On failure the sync is finished with the reason.
    bool applyPulled(const sync::PullReply &pulled, const sync::PullRequest &request);
    /// Keeps who the user is at the centre, if the server says something new; on failure
    /// the sync is finished with the reason.
    bool keepTeamView(const TeamView &view);
    /// After the last pull: sends the bytes of documents the server does not hold.
    void startSendingBlobs();
    /// Sends the first blob of `queue` from `offset` (-1: first ask the server how much of
    /// it it holds), then the rest, then goes on to afterPull().
    void sendBlobs(QList<Store::BlobState> queue, qint64 offset = -1);
    /// Fetches the rest of the first blob of `queue`, then the rest, then ends the sync.
    void fetchBlobs(QList<Store::BlobState> queue);
    /// After the pull and sending blobs: removes reallocated families, fetches blobs,
    /// notes the time.
    void afterPull();
    void finish(Outcome outcome);
    /// Removes the families reallocated away whose work has all been sent; the rest stay
    /// until a later sync has sent it.
    Result<void> removeReallocatedFamilies();
    Outcome failure(QNetworkReply *reply) const;
    /// The reply's body, counted and decoded; a body that is not what it should be finishes
    /// the sync with the reason, and gives nothing. `bytes`, if given, gets the body's size.
    template <typename T>
    std::optional<T> replyBody(QNetworkReply *reply,
        Result<T> (*decode)(QByteArrayView, const sync::CodecLimits &), qsizetype *bytes = nullptr)
    {
        const QByteArray body = reply->readAll();
        m_running.bodyBytesReceived += body.size();
        if (bytes)
            *bytes = body.size();
        auto decoded = decode(body, sync::CodecLimits {});
        if (!decoded) {
            finish(Outcome::stopped(Outcome::Problem::Refused, decoded.error().message));
            return std::nullopt;
        }
        return std::move(*decoded);
    }

    Store &m_store;
    QString m_appVersion;
    QNetworkAccessManager m_network;
    SyncEndpoint m_endpoint;
    QList<QSslCertificate> m_ca;
    std::function<void(Outcome)> m_done;
    Outcome m_running;
    /// Families the server says are no longer this user's, gathered over the pull and
    /// removed from the tablet when it ends.
    QStringList m_removedFamilies;
    int m_pullLimit = FirstPullBatch;
};

} // namespace doorstep
