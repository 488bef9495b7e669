#pragma once

#include "domain/result.h"
#include "server/serverstorage.h"

#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QVersionNumber>
#include <functional>
#include <memory>

namespace doorstep::server
{

class GuardedSslServer;

/// The HTTPS API of doorstep-server (sync/PROTOCOL.md): POST /v1/enrol, /v1/push, /v1/pull,
/// /v1/blob/put, /v1/blob/get and /v1/family-audit with CBOR bodies, over TLS 1.2 or later only.
/// Every request is checked before it reaches the storage: the body's size (413), its type (415),
/// the app's version (426), the device's token (401; 410 for a revoked device, which must wipe
/// itself) and the device's rate (429). Whatever is refused changes nothing and gets an error body
/// saying why in plain words.
class SyncService : public QObject
{
    Q_OBJECT

public:
    struct Options {
        QVersionNumber minimumAppVersion { 0, 1, 0 };
        qsizetype maxBodyBytes = 8 * 1024 * 1024;
        int requestsPerMinute = 120; ///< per device (per address for enrolment)
        int idleTimeoutMs = 30'000;
        std::function<qint64()> monotonicMs; ///< injected by tests; default: a steady clock
    };

    SyncService(ServerStorage &storage, Options options, QObject *parent = nullptr);
    ~SyncService() override;

    /// Listens on address:port (0 picks a free port) with the server's certificate and
    /// key; returns the port.
    Result<quint16> listen(const QSslCertificate &certificate, const QSslKey &key,
        const QHostAddress &address, quint16 port);

private:
    QHttpServerResponse enrol(const QHttpServerRequest &request);
    QHttpServerResponse push(const QHttpServerRequest &request);
    QHttpServerResponse pull(const QHttpServerRequest &request);
    QHttpServerResponse putBlob(const QHttpServerRequest &request);
    QHttpServerResponse getBlob(const QHttpServerRequest &request);
    QHttpServerResponse familyAudit(const QHttpServerRequest &request);

    /// The checks every request passes first; a response if it is refused.
    std::optional<QHttpServerResponse> refusedBeforeReading(
        const QHttpServerRequest &request, const QString &rateKey);
    /// The authenticated device, or the response refusing the request.
    std::variant<Device, QHttpServerResponse> device(const QHttpServerRequest &request);
    bool overRate(const QString &key);

    ServerStorage &m_storage;
    Options m_options;
    QHttpServer m_http;
    GuardedSslServer *m_listener = nullptr;
    struct Bucket {
        double tokens = 0;
        qint64 refilledAtMs = 0;
    };
    QHash<QString, Bucket> m_buckets;
};

} // namespace doorstep::server
