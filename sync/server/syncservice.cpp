#include "server/syncservice.h"

#include "protocol/synccodec.h"
#include "server/guardedsslserver.h"

#include <QElapsedTimer>
#include <QSslConfiguration>

namespace doorstep::server
{

namespace
{

using Status = QHttpServerResponse::StatusCode;
const QByteArray CborType = QByteArrayLiteral("application/cbor");

QHttpServerResponse reply(const QByteArray &body, Status status = Status::Ok)
{
    return QHttpServerResponse(CborType, body, status);
}

QHttpServerResponse refusal(Status status, const char *code, const QString &message)
{
    return reply(
        sync::SyncCodec::encode(sync::ErrorReply { QString::fromLatin1(code), message }), status);
}

/// How a storage error reaches the device: the status says what kind, the body why.
QHttpServerResponse storageRefusal(const Error &error)
{
    switch (error.code) {
    case Error::Code::InvalidArgument:
        return refusal(Status::BadRequest, "invalid", error.message);
    case Error::Code::NoConsent:
    case Error::Code::Immutable:
    case Error::Code::NotPermitted:
        return refusal(Status::Forbidden, "forbidden", error.message);
    case Error::Code::NotFound:
        return refusal(Status::NotFound, "not_found", error.message);
    case Error::Code::AlreadyExists:
        return refusal(Status::Conflict, "exists", error.message);
    case Error::Code::LockedOut:
        return refusal(Status::Gone, "revoked", error.message);
    case Error::Code::Unsupported:
        return refusal(Status::BadRequest, "unsupported", error.message);
    default:
        // Whatever went wrong inside stays in the server's own log, not in the reply.
        return refusal(Status::InternalServerError, "server",
            QStringLiteral("The server could not do this just now; try again later."));
    }
}

QByteArray header(const QHttpServerRequest &request, const char *name)
{
    const QByteArray wanted = QByteArray(name).toLower();
    for (const auto &[key, value] : request.headers()) {
        if (key.toLower() == wanted)
            return value;
    }
    return {};
}

} // namespace

SyncService::SyncService(ServerStorage &storage, Options options, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_options(std::move(options))
{
    if (!m_options.monotonicMs) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_options.monotonicMs = [timer] { return timer->elapsed(); };
    }
    m_http.route(QStringLiteral("/v1/enrol"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request) { return enrol(request); });
    m_http.route(QStringLiteral("/v1/push"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request) { return push(request); });
    m_http.route(QStringLiteral("/v1/pull"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request) { return pull(request); });
    m_http.route(QStringLiteral("/v1/blob/put"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request) { return putBlob(request); });
    m_http.route(QStringLiteral("/v1/blob/get"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request) { return getBlob(request); });
    m_http.route(QStringLiteral("/v1/family-audit"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request) { return familyAudit(request); });
    m_http.afterRequest([](QHttpServerResponse &&response) {
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        return std::move(response);
    });
}

SyncService::~SyncService() = default;

Result<quint16> SyncService::listen(const QSslCertificate &certificate, const QSslKey &key,
    const QHostAddress &address, quint16 port)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // devices prove themselves by token
    m_listener = new GuardedSslServer(m_options.maxBodyBytes, m_options.idleTimeoutMs, this);
    m_listener->setSslConfiguration(tls);
    if (!m_listener->listen(address, port))
        return makeError(Error::Code::Io,
            QStringLiteral("Could not listen on %1 port %2: %3.")
                .arg(address.toString())
                .arg(port)
                .arg(m_listener->errorString()));
    m_http.bind(m_listener);
    return m_listener->serverPort();
}

bool SyncService::overRate(const QString &key)
{
    // A token bucket per device: a burst of a minute's worth, refilled steadily.
    const double capacity = m_options.requestsPerMinute;
    const qint64 now = m_options.monotonicMs();
    auto found = m_buckets.find(key);
    if (found == m_buckets.end())
        found = m_buckets.insert(key, Bucket { capacity, now });
    Bucket &bucket = *found;
    bucket.tokens = std::min(
        capacity, bucket.tokens + double(now - bucket.refilledAtMs) * capacity / 60'000.0);
    bucket.refilledAtMs = now;
    if (bucket.tokens < 1)
        return true;
    bucket.tokens -= 1;
    return false;
}

std::optional<QHttpServerResponse> SyncService::refusedBeforeReading(
    const QHttpServerRequest &request, const QString &rateKey)
{
    if (overRate(rateKey)) {
        QHttpServerResponse response = refusal(Status::TooManyRequests, "rate",
            QStringLiteral("This device is syncing too often; it will try again shortly."));
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("30"));
        return response;
    }
    if (request.body().size() > m_options.maxBodyBytes)
        return refusal(Status::PayloadTooLarge, "too_large",
            QStringLiteral("The request body is larger than the server accepts."));
    if (!header(request, "Content-Type").startsWith(CborType))
        return refusal(Status::UnsupportedMediaType, "content_type",
            QStringLiteral("Sync requests are sent as application/cbor."));
    const QVersionNumber version
        = QVersionNumber::fromString(QString::fromLatin1(header(request, "X-Doorstep-App")));
    if (version.isNull() || version < m_options.minimumAppVersion)
        return refusal(Status::UpgradeRequired, "update",
            QStringLiteral("This version of Doorstep is too old to sync; update it to %1 or "
                           "later.")
                .arg(m_options.minimumAppVersion.toString()));
    return std::nullopt;
}

std::variant<Device, QHttpServerResponse> SyncService::device(const QHttpServerRequest &request)
{
    const QByteArray authorization = header(request, "Authorization");
    if (!authorization.startsWith("Bearer ") || authorization.size() > 512)
        return refusal(Status::Unauthorized, "unauthorised",
            QStringLiteral("This device has not been enrolled with the server."));
    auto found = m_storage.authenticate(QString::fromLatin1(authorization.mid(7).trimmed()));
    if (!found) {
        if (found.error().code == Error::Code::NotFound)
            return refusal(Status::Unauthorized, "unauthorised",
                QStringLiteral("This device has not been enrolled with the server."));
        return storageRefusal(found.error());
    }
    if (found->revoked)
        return refusal(Status::Gone, "revoked",
            QStringLiteral("This device has been revoked: it must remove its data."));
    if (auto refused = refusedBeforeReading(request, found->id))
        return std::move(*refused);
    return *found;
}

QHttpServerResponse SyncService::enrol(const QHttpServerRequest &request)
{
    if (auto refused = refusedBeforeReading(
            request, QStringLiteral("enrol:") + request.remoteAddress().toString()))
        return std::move(*refused);
    auto body = sync::SyncCodec::decodeEnrolRequest(request.body());
    if (!body)
        return storageRefusal(body.error());
    auto enrolled = m_storage.redeemEnrolmentCode(
        body->code, body->deviceId, body->deviceName, body->appVersion);
    if (!enrolled)
        return storageRefusal(enrolled.error());
    return reply(sync::SyncCodec::encode(
        sync::EnrolReply { enrolled->first.id, enrolled->second, enrolled->first.userId }));
}

QHttpServerResponse SyncService::push(const QHttpServerRequest &request)
{
    auto found = device(request);
    if (auto *refused = std::get_if<QHttpServerResponse>(&found))
        return std::move(*refused);
    const Device &who = std::get<Device>(found);
    auto body = sync::SyncCodec::decodePushRequest(request.body());
    if (!body)
        return storageRefusal(body.error());
    const QString appVersion = QString::fromLatin1(header(request, "X-Doorstep-App"));
    auto pushed = m_storage.push(who, body->ops, appVersion);
    if (!pushed)
        return storageRefusal(pushed.error());
    // The tablet's audit rides with its changes, kept after them: a refused entry leaves
    // the changes taken and the entries for the next push.
    qint64 audited = 0;
    if (!body->audit.isEmpty()) {
        auto kept = m_storage.recordDeviceAudit(who, body->audit, appVersion);
        if (!kept)
            return storageRefusal(kept.error());
        audited = *kept;
    }
    sync::PushReply answer { pushed->acked, Hlc(QDateTime::currentMSecsSinceEpoch(), 0), audited,
        std::nullopt };
    // The pull that follows the last push, answered now: one round trip, not two. Its own
    // transaction, after the push's, so it sees what was just taken.
    if (body->pull) {
        auto pulled = m_storage.pull(who, *body->pull, appVersion);
        if (!pulled)
            return storageRefusal(pulled.error());
        answer.pulled = std::move(*pulled);
    }
    return reply(sync::SyncCodec::encode(answer));
}

QHttpServerResponse SyncService::pull(const QHttpServerRequest &request)
{
    auto found = device(request);
    if (auto *refused = std::get_if<QHttpServerResponse>(&found))
        return std::move(*refused);
    const Device &who = std::get<Device>(found);
    auto body = sync::SyncCodec::decodePullRequest(request.body());
    if (!body)
        return storageRefusal(body.error());
    auto pulled
        = m_storage.pull(who, *body, QString::fromLatin1(header(request, "X-Doorstep-App")));
    if (!pulled)
        return storageRefusal(pulled.error());
    return reply(sync::SyncCodec::encode(*pulled));
}

QHttpServerResponse SyncService::putBlob(const QHttpServerRequest &request)
{
    auto found = device(request);
    if (auto *refused = std::get_if<QHttpServerResponse>(&found))
        return std::move(*refused);
    auto body = sync::SyncCodec::decodeBlobPutRequest(request.body());
    if (!body)
        return storageRefusal(body.error());
    auto held = m_storage.putBlob(
        std::get<Device>(found), *body, QString::fromLatin1(header(request, "X-Doorstep-App")));
    if (!held)
        return storageRefusal(held.error());
    return reply(sync::SyncCodec::encode(*held));
}

QHttpServerResponse SyncService::familyAudit(const QHttpServerRequest &request)
{
    auto found = device(request);
    if (auto *refused = std::get_if<QHttpServerResponse>(&found))
        return std::move(*refused);
    auto body = sync::SyncCodec::decodeFamilyAuditRequest(request.body());
    if (!body)
        return storageRefusal(body.error());
    auto trail = m_storage.familyAudit(
        std::get<Device>(found), *body, QString::fromLatin1(header(request, "X-Doorstep-App")));
    if (!trail)
        return storageRefusal(trail.error());
    return reply(sync::SyncCodec::encode(*trail));
}

QHttpServerResponse SyncService::getBlob(const QHttpServerRequest &request)
{
    auto found = device(request);
    if (auto *refused = std::get_if<QHttpServerResponse>(&found))
        return std::move(*refused);
    auto body = sync::SyncCodec::decodeBlobGetRequest(request.body());
    if (!body)
        return storageRefusal(body.error());
    auto range = m_storage.getBlob(
        std::get<Device>(found), *body, QString::fromLatin1(header(request, "X-Doorstep-App")));
    if (!range)
        return storageRefusal(range.error());
    return reply(sync::SyncCodec::encode(*range));
}

} // namespace doorstep::server
