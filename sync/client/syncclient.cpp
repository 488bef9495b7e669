#include "client/syncclient.h"

#include "protocol/recordschema.h"
#include "protocol/synccodec.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <algorithm>

namespace doorstep
{

namespace
{

constexpr int TimeoutMs = 30'000;

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

SyncClient::SyncClient(Store &store, QString appVersion, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_appVersion(std::move(appVersion))
{
}

SyncClient::~SyncClient()
{
    m_done = nullptr;
    for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>()) {
        reply->disconnect(this);
        reply->abort();
    }
}

void SyncClient::post(
    const QString &path, const QByteArray &body, std::function<void(QNetworkReply *)> handle)
{
    QUrl url(m_endpoint.serverUrl);
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/cbor"));
    request.setRawHeader(QByteArrayLiteral("X-Doorstep-App"), m_appVersion.toLatin1());
    if (!m_endpoint.token.isEmpty())
        request.setRawHeader(
            QByteArrayLiteral("Authorization"), "Bearer " + m_endpoint.token.toLatin1());
    request.setTransferTimeout(TimeoutMs);
    // Only the council CA the device was enrolled with: not the system's, and errors are
    // never ignored.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_ca);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [reply, handle = std::move(handle)] {
        // Its outcome is read here and nowhere else; the reply goes with the event loop.
        reply->deleteLater();
        handle(reply);
    });
}

SyncClient::Outcome SyncClient::failure(QNetworkReply *reply) const
{
    Outcome outcome;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Below 100 Qt's errors are the network's (refused, closed, timed out, TLS): a reply
    // whose status came through and then was cut off is a lost connection too.
    if (status == 0 || reply->error() < QNetworkReply::ContentAccessDenied) {
        const auto error = reply->error();
        if (error == QNetworkReply::SslHandshakeFailedError)
            outcome = Outcome::stopped(Outcome::Problem::Certificate,
                tr("The server did not show the council's certificate, so nothing was sent. "
                   "Tell IT."));
        else
            outcome = Outcome::stopped(Outcome::Problem::NoConnection,
                tr("No connection to the server. Your work is kept on this tablet and will "
                   "sync when there is a connection."));
        return outcome;
    }
    QString message;
    if (auto body = sync::SyncCodec::decodeErrorReply(reply->readAll()))
        message = body->message;
    switch (status) {
    case 401:
        return Outcome::stopped(Outcome::Problem::NotEnrolled,
            tr("This tablet is not enrolled with the server. Ask IT for an enrolment code."));
    case 410:
        return Outcome::stopped(Outcome::Problem::Revoked,
            tr("This tablet has been revoked by IT and must remove its data."));
    case 426:
        return Outcome::stopped(Outcome::Problem::Update,
            tr("Doorstep needs updating before it can sync. Your work is kept on this "
               "tablet."));
    default:
        return Outcome::stopped(Outcome::Problem::Refused,
            message.isEmpty() ? tr("The server refused the sync (status %1).").arg(status)
                              : tr("The server refused the sync: %1").arg(message));
    }
}

void SyncClient::enrol(const QUrl &url, const QByteArray &caPem, const QString &code,
    const QString &deviceName, std::function<void(Outcome)> done)
{
    m_ca = QSslCertificate::fromData(caPem, QSsl::Pem);
    if (m_ca.isEmpty() || url.scheme() != QLatin1String("https") || !url.isValid()) {
        done(Outcome::stopped(Outcome::Problem::Local,
            m_ca.isEmpty() ? tr("The council certificate could not be read.")
                           : tr("The server address must start with https://.")));
        return;
    }
    m_endpoint = { url.toString(), caPem, {} };
    const sync::EnrolRequest request { code.trimmed(), m_store.deviceId(), deviceName,
        m_appVersion };
    post(QStringLiteral("/v1/enrol"), sync::SyncCodec::encode(request),
        [this, url, caPem, done](QNetworkReply *reply) {
            if (reply->error() != QNetworkReply::NoError) {
                done(failure(reply));
                return;
            }
            auto enrolled = sync::SyncCodec::decodeEnrolReply(reply->readAll());
            if (!enrolled) {
                done(Outcome::stopped(Outcome::Problem::Refused, enrolled.error().message));
                return;
            }
            // A tablet belongs to one practitioner: its audit names them, and the server takes
            // only its own user's entries, so a code made for someone else would stop every
            // sync later. Said now, and nothing kept.
            if (enrolled->userId != m_store.userId()) {
                done(Outcome::stopped(Outcome::Problem::Refused,
                    tr("This code was made for %1, but this tablet belongs to %2. Ask IT to "
                       "revoke the device it just enrolled and make a code for %2.")
                        .arg(enrolled->userId, m_store.userId())));
                return;
            }
            m_endpoint = { url.toString(), caPem, enrolled->token };
            if (auto kept = m_store.setSyncEndpoint(m_endpoint); !kept) {
                done(Outcome::stopped(Outcome::Problem::Local, kept.error().message));
                return;
            }
            done(Outcome::succeeded(tr("Enrolled with the server.")));
        });
}

void SyncClient::sync(std::function<void(Outcome)> done)
{
    if (m_done)
        return;
    auto endpoint = m_store.syncEndpoint();
    if (!endpoint || !endpoint->isEnrolled()) {
        done(Outcome::stopped(Outcome::Problem::NotEnrolled,
            tr("This tablet is not enrolled with the server. Ask IT for an enrolment code.")));
        return;
    }
    m_endpoint = *endpoint;
    m_ca = QSslCertificate::fromData(m_endpoint.caPem, QSsl::Pem);
    m_done = std::move(done);
    m_running = Outcome::succeeded();
    m_removedFamilies.clear();
    m_pullLimit = FirstPullBatch;
    pushNext();
}

void SyncClient::fetchFamilyAudit(
    const QString &familyId, std::function<void(Result<QList<sync::FamilyAuditEntry>>)> done)
{
    auto endpoint = m_store.syncEndpoint();
    if (!endpoint || !endpoint->isEnrolled()) {
        done(makeError(Error::Code::NotFound,
            tr("This tablet is not enrolled with the server. Ask IT for an enrolment code.")));
        return;
    }
    if (!m_done) {
        m_endpoint = *endpoint;
        m_ca = QSslCertificate::fromData(m_endpoint.caPem, QSsl::Pem);
    }
    sync::FamilyAuditRequest request;
    request.familyId = familyId;
    post(QStringLiteral("/v1/family-audit"), sync::SyncCodec::encode(request),
        [this, done = std::move(done)](QNetworkReply *reply) {
            if (reply->error() != QNetworkReply::NoError) {
                const int status
                    = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status == 0 || reply->error() < QNetworkReply::ContentAccessDenied) {
                    done(makeError(Error::Code::Io,
                        tr("The audit is kept at the centre: connect to the network to read "
                           "it.")));
                    return;
                }
                // The server's own sentence (not a supervisor, not of the team, ...).
                auto refusal = sync::SyncCodec::decodeErrorReply(reply->readAll());
                done(makeError(Error::Code::NotPermitted,
                    refusal ? refusal->message
                            : tr("The server refused to show the audit (status %1).").arg(status)));
                return;
            }
            auto trail = sync::SyncCodec::decodeFamilyAuditReply(reply->readAll());
            if (!trail) {
                done(trail.error());
                return;
            }
            done(trail->entries);
        });
}

void SyncClient::finish(Outcome outcome)
{
    auto done = std::move(m_done);
    m_done = nullptr;
    outcome.pushed = m_running.pushed;
    outcome.pulled = m_running.pulled;
    outcome.changedKinds = m_running.changedKinds;
    outcome.pushRequests = m_running.pushRequests;
    outcome.pullRequests = m_running.pullRequests;
    outcome.blobRequests = m_running.blobRequests;
    outcome.blobsSent = m_running.blobsSent;
    outcome.blobsReceived = m_running.blobsReceived;
    outcome.blobProblems = m_running.blobProblems;
    outcome.bodyBytesSent = m_running.bodyBytesSent;
    outcome.bodyBytesReceived = m_running.bodyBytesReceived;
    outcome.localMs = m_running.localMs;
    outcome.familiesRemoved = m_running.familiesRemoved;
    if (outcome.ok && outcome.message.isEmpty()) {
        outcome.message
            = tr("Synced: %1 changes sent, %2 received.").arg(outcome.pushed).arg(outcome.pulled);
        if (outcome.familiesRemoved > 0)
            outcome.message += QLatin1Char(' ')
                + (outcome.familiesRemoved == 1
                        ? tr("1 family allocated to someone else was removed from this tablet.")
                        : tr("%1 families allocated to someone else were removed from this "
                             "tablet.")
                              .arg(outcome.familiesRemoved));
        if (!outcome.blobProblems.isEmpty())
            outcome.message += QLatin1Char(' ')
                + tr("Some documents will move at the next sync: %1")
                      .arg(outcome.blobProblems.join(QLatin1Char(' ')));
    }
    done(outcome);
}

void SyncClient::pushNext()
{
    QElapsedTimer local;
    local.start();
    auto outbox = m_store.outbox(PushBatch);
    if (!outbox) {
        finish(Outcome::stopped(Outcome::Problem::Local, outbox.error().message));
        return;
    }
    // The tablet's audit rides with its changes: no request of its own.
    auto unsent = m_store.unsentAudit(AuditBatch);
    if (!unsent) {
        finish(Outcome::stopped(Outcome::Problem::Local, unsent.error().message));
        return;
    }
    if (outbox->isEmpty() && unsent->isEmpty()) {
        m_running.localMs += elapsedMs(local);
        pullNext();
        return;
    }
    // The last push of the sync asks for the pull's answer too: one round trip, not two.
    const bool last = outbox->size() < PushBatch && unsent->size() < AuditBatch;
    sync::PushRequest request { std::move(*outbox), std::move(*unsent), std::nullopt };
    QByteArray body = sync::SyncCodec::encode(request);
    bool whole = true;
    while (body.size() > PushBodyBytes && (request.ops.size() > 1 || request.audit.size() > 1)) {
        if (request.ops.size() > 1)
            request.ops.resize(request.ops.size() / 2);
        else
            request.audit.resize(request.audit.size() / 2);
        whole = false;
        body = sync::SyncCodec::encode(request);
    }
    if (last && whole) {
        request.pull = pullRequest();
        body = sync::SyncCodec::encode(request);
    }
    const std::optional<sync::PullRequest> pull = request.pull;
    const qint64 lastOp = request.ops.isEmpty() ? 0 : opSequence(request.ops.last().id);
    const qint64 lastAudit = request.audit.isEmpty() ? 0 : request.audit.last().seq;
    const int count = int(request.ops.size());
    ++m_running.pushRequests;
    m_running.bodyBytesSent += body.size();
    m_running.localMs += elapsedMs(local);
    post(QStringLiteral("/v1/push"), body,
        [this, last = lastOp, lastAudit, count, pull](QNetworkReply *reply) {
            if (reply->error() != QNetworkReply::NoError) {
                finish(failure(reply));
                return;
            }
            QElapsedTimer handling;
            handling.start();
            auto pushed = replyBody(reply, &sync::SyncCodec::decodePushReply);
            if (!pushed)
                return; // finished, saying why
            if (count > 0) {
                const qint64 before = m_store.acknowledgedThrough();
                if (auto acked = m_store.acknowledge(std::min(pushed->acked, last)); !acked) {
                    finish(Outcome::stopped(Outcome::Problem::Local, acked.error().message));
                    return;
                }
                if (m_store.acknowledgedThrough() == before) {
                    finish(Outcome::stopped(Outcome::Problem::Refused,
                        tr("The server did not take the changes sent; they are kept on this "
                           "tablet.")));
                    return;
                }
            }
            if (lastAudit > 0) {
                // Never past what was sent: a server claiming more cannot make entries unsent.
                if (pushed->audited < lastAudit) {
                    finish(Outcome::stopped(Outcome::Problem::Refused,
                        tr("The server did not take the tablet's audit entries; they are kept on "
                           "this tablet.")));
                    return;
                }
                if (auto acked = m_store.acknowledgeAudit(lastAudit); !acked) {
                    finish(Outcome::stopped(Outcome::Problem::Local, acked.error().message));
                    return;
                }
            }
            m_running.pushed += count;
            m_running.localMs += elapsedMs(handling);
            Q_EMIT progress(m_running.pushed, m_running.pulled);
            if (!pull) {
                pushNext();
                return;
            }
            // A server that did not answer the pull is asked again on its own.
            if (!pushed->pulled) {
                pullNext();
                return;
            }
            QElapsedTimer applying;
            applying.start();
            const bool again = applyPulled(*pushed->pulled, *pull);
            m_running.localMs += elapsedMs(applying);
            if (!m_done)
                return; // it failed, and said so
            if (again)
                pullNext();
            else
                startSendingBlobs();
        });
}

sync::PullRequest SyncClient::pullRequest() const
{
    return sync::PullRequest { m_store.pullCursor(), m_pullLimit, m_store.pullCatchUp() };
}

bool SyncClient::applyPulled(const sync::PullReply &pulled, const sync::PullRequest &request)
{
    QList<Op> ops;
    ops.reserve(pulled.ops.size());
    for (const sync::LoggedOp &logged : pulled.ops)
        ops << logged.op;
    auto applied = m_store.applyPulled(ops, pulled.cursor, pulled.catchUp);
    if (!applied) {
        finish(Outcome::stopped(Outcome::Problem::Local, applied.error().message));
        return false;
    }
    m_running.pulled += applied->newOps;
    for (const QString &kind : applied->kinds) {
        if (!m_running.changedKinds.contains(kind))
            m_running.changedKinds << kind;
    }
    // Each reply says which families are out of scope now: the last one decides, so a
    // family allocated back during this sync is not removed at its end.
    m_removedFamilies = pulled.removedFamilies;
    if (pulled.team && !keepTeamView(*pulled.team))
        return false;
    Q_EMIT progress(m_running.pushed, m_running.pulled);
    // Only while the server moves on, so a server that repeats itself cannot keep the
    // tablet pulling for ever.
    return pulled.more && (pulled.cursor > request.cursor || pulled.catchUp != request.catchUp);
}

bool SyncClient::keepTeamView(const TeamView &view)
{
    auto held = m_store.teamView();
    if (held && *held && **held == view)
        return true;
    if (auto saved = m_store.saveTeamView(view); !saved) {
        finish(Outcome::stopped(Outcome::Problem::Local, saved.error().message));
        return false;
    }
    if (!m_running.changedKinds.contains(TeamViewKind))
        m_running.changedKinds << TeamViewKind;
    return true;
}

void SyncClient::startSendingBlobs()
{
    // Every document is on the server now, so the server takes its bytes.
    auto blobs = m_store.blobsToSend();
    if (!blobs) {
        finish(Outcome::stopped(Outcome::Problem::Local, blobs.error().message));
        return;
    }
    sendBlobs(*blobs);
}

void SyncClient::pullNext()
{
    const sync::PullRequest request = pullRequest();
    const QByteArray body = sync::SyncCodec::encode(request);
    ++m_running.pullRequests;
    m_running.bodyBytesSent += body.size();
    post(QStringLiteral("/v1/pull"), body, [this, request](QNetworkReply *reply) {
        if (reply->error() != QNetworkReply::NoError) {
            finish(failure(reply));
            return;
        }
        QElapsedTimer handling;
        handling.start();
        qsizetype bodyBytes = 0;
        auto pulled = replyBody(reply, &sync::SyncCodec::decodePullReply, &bodyBytes);
        if (!pulled)
            return; // finished, saying why
        if (!pulled->ops.isEmpty()) {
            const qsizetype perOp = std::max<qsizetype>(1, bodyBytes / pulled->ops.size());
            m_pullLimit = int(std::clamp<qsizetype>(PullBodyBytes / perOp, 1, PullBatch));
        }
        const bool again = applyPulled(*pulled, request);
        m_running.localMs += elapsedMs(handling);
        if (!m_done)
            return; // it failed, and said so
        if (again)
            pullNext();
        else
            startSendingBlobs();
    });
}

void SyncClient::afterPull()
{
    if (auto removed = removeReallocatedFamilies(); !removed) {
        finish(Outcome::stopped(Outcome::Problem::Local, removed.error().message));
        return;
    }
    // The families that went are gone first: their documents are not fetched.
    auto blobs = m_store.blobsToFetch();
    if (!blobs) {
        finish(Outcome::stopped(Outcome::Problem::Local, blobs.error().message));
        return;
    }
    fetchBlobs(*blobs);
}

void SyncClient::sendBlobs(QList<Store::BlobState> queue, qint64 offset)
{
    if (queue.isEmpty()) {
        afterPull();
        return;
    }
    const Store::BlobState blob = queue.first();
    const auto skip = [this, queue](const QString &why) {
        m_running.blobProblems << why;
        sendBlobs(queue.mid(1));
    };
    sync::BlobPutRequest request { blob.sha256, blob.size, std::max<qint64>(0, offset), {} };
    if (offset >= 0) {
        // Only the range sent is read: the sync holds one range of a blob, never all of it.
        auto bytes = m_store.blobRange(blob.sha256, offset, sync::MaxBlobRangeBytes);
        if (!bytes || !*bytes || (*bytes)->isEmpty()) {
            skip(bytes ? tr("A document's content is missing from this tablet.")
                       : bytes.error().message);
            return;
        }
        request.data = std::move(**bytes);
    }
    const QByteArray body = sync::SyncCodec::encode(request);
    ++m_running.blobRequests;
    m_running.bodyBytesSent += body.size();
    const qint64 end = request.offset + request.data.size();
    const bool asking = offset < 0;
    post(QStringLiteral("/v1/blob/put"), body,
        [this, queue, blob, end, asking, skip](QNetworkReply *reply) mutable {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() != QNetworkReply::NoError) {
                // The server's refusal of one document does not hold back the rest.
                if (status == 400 || status == 403 || status == 404 || status == 409)
                    skip(failure(reply).message);
                else
                    finish(failure(reply));
                return;
            }
            auto held = replyBody(reply, &sync::SyncCodec::decodeBlobPutReply);
            if (!held)
                return; // finished, saying why
            if (held->complete) {
                if (auto marked = m_store.markBlobSent(blob.sha256); !marked) {
                    finish(Outcome::stopped(Outcome::Problem::Local, marked.error().message));
                    return;
                }
                ++m_running.blobsSent;
                queue.removeFirst();
                sendBlobs(queue);
                return;
            }
            if (!asking && end == blob.size) {
                skip(tr("The server found a document's content did not match its check; it "
                        "will be sent again."));
                return;
            }
            // Only onwards: a server that does not move cannot keep the tablet sending.
            if (held->received >= blob.size || (!asking && held->received < end)) {
                skip(tr("The server did not take a document's content."));
                return;
            }
            sendBlobs(queue, held->received);
        });
}

void SyncClient::fetchBlobs(QList<Store::BlobState> queue)
{
    if (queue.isEmpty()) {
        auto noted = m_store.noteSyncedAt(QDateTime::currentDateTimeUtc());
        if (!noted)
            finish(Outcome::stopped(Outcome::Problem::Local, noted.error().message));
        else
            finish(Outcome::succeeded());
        return;
    }
    const Store::BlobState blob = queue.first();
    const sync::BlobGetRequest request { blob.sha256, blob.received, sync::MaxBlobRangeBytes };
    const QByteArray body = sync::SyncCodec::encode(request);
    ++m_running.blobRequests;
    m_running.bodyBytesSent += body.size();
    post(QStringLiteral("/v1/blob/get"), body, [this, queue, blob](QNetworkReply *reply) mutable {
        const auto skip = [&](const QString &why) {
            if (!why.isEmpty())
                m_running.blobProblems << why;
            queue.removeFirst();
            fetchBlobs(queue);
        };
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError) {
            // 404: its author's tablet has not sent it yet; a later sync fetches it.
            if (status == 404)
                skip({});
            else if (status == 400 || status == 403)
                skip(failure(reply).message);
            else
                finish(failure(reply));
            return;
        }
        auto range = replyBody(reply, &sync::SyncCodec::decodeBlobGetReply);
        if (!range)
            return; // finished, saying why
        if (range->offset != blob.received || range->size != blob.size || range->data.isEmpty()) {
            skip(tr("The server sent a document's content in a form this tablet did not ask "
                    "for."));
            return;
        }
        auto kept = m_store.keepBlobRange(blob.sha256, blob.size, range->offset, range->data);
        if (!kept) {
            if (kept.error().code == Error::Code::Damaged
                || kept.error().code == Error::Code::InvalidArgument)
                skip(kept.error().message);
            else
                finish(Outcome::stopped(Outcome::Problem::Local, kept.error().message));
            return;
        }
        if (kept->received == kept->size) {
            ++m_running.blobsReceived;
            // No record changed, but a page showing the document (a signed form still to
            // come) reads it again.
            if (!m_running.changedKinds.contains(QStringLiteral("document")))
                m_running.changedKinds << QStringLiteral("document");
            queue.removeFirst();
        } else {
            queue.first().received = kept->received;
        }
        fetchBlobs(queue);
    });
}

Result<void> SyncClient::removeReallocatedFamilies()
{
    for (const QString &family : std::as_const(m_removedFamilies)) {
        auto removal = m_store.removeFamilyFromDevice(family);
        if (!removal)
            return removal.error();
        if (removal->records == 0)
            continue;
        ++m_running.familiesRemoved;
        // Every kind may have lost rows: the models re-read what they show.
        for (const RecordKindSpec &kind : RecordSchema::kinds()) {
            if (!m_running.changedKinds.contains(kind.kind))
                m_running.changedKinds << kind.kind;
        }
    }
    return {};
}

} // namespace doorstep
