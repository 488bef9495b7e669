#pragma once

#include "domain/result.h"
#include "store/store.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <functional>

class QNetworkReply;

namespace doorstep
{

/// The tablet's side of sync (sync/PROTOCOL.md) over one keep-alive HTTPS connection to
/// the server it was enrolled with, trusting only the council CA it was given then. A sync
/// pushes the outbox in batches, each acknowledged before the next, then pulls until the
/// server has nothing more; every pulled batch is applied with its cursor in one local
/// transaction, so a sync cut off anywhere resumes where it stopped.
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
        QStringList changedKinds;

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

    static constexpr int PushBatch = 500;
    static constexpr int PullBatch = 500;

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

Q_SIGNALS:
    /// Ops sent and received so far in the sync under way.
    void progress(int pushed, int pulled);

private:
    void post(
        const QString &path, const QByteArray &body, std::function<void(QNetworkReply *)> handle);
    void pushNext();
    void pullNext();
    void finish(Outcome outcome);
    Outcome failure(QNetworkReply *reply) const;

    Store &m_store;
    QString m_appVersion;
    QNetworkAccessManager m_network;
    SyncEndpoint m_endpoint;
    QList<QSslCertificate> m_ca;
    std::function<void(Outcome)> m_done;
    Outcome m_running;
};

} // namespace doorstep
