#include "server/syncservice.h"

#include "protocol/synccodec.h"
#include "server/pki.h"
#include "storagebackends.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>
#include <catch2/catch.hpp>

// The HTTPS API's refusals, each over real TLS to a SyncService in this process: whatever
// is refused gets its status and a CBOR error body in plain words, and changes nothing; on
// either database.

using namespace doorstep;
using namespace doorstep::server;
using namespace doorstep::test;

namespace
{

struct Answer {
    int status = 0;
    QByteArray body;
    QString errorMessage() const
    {
        auto error = sync::SyncCodec::decodeErrorReply(body);
        return error ? error->message : QString();
    }
};

template <typename Backend> struct Fixture {
    Backend backend;
    std::unique_ptr<ServerStorage> storage;
    Issued ca;
    std::unique_ptr<SyncService> service;
    quint16 port = 0;
    QNetworkAccessManager network;

    explicit Fixture(SyncService::Options options = {})
    {
        storage = backend.open();
        REQUIRE(storage
                    ->createUser({ QStringLiteral("amara"), QStringLiteral("Amara Okoye"),
                        User::Role::Practitioner, QStringLiteral("north") })
                    .ok());
        auto authority = Pki::makeCertificateAuthority({ QStringLiteral("Test CA"), {}, {}, {} });
        REQUIRE(authority.ok());
        ca = *authority;
        auto certificate = Pki::makeServerCertificate(
            ca, { QStringLiteral("127.0.0.1"), { QStringLiteral("127.0.0.1") }, {}, {} });
        REQUIRE(certificate.ok());
        service = std::make_unique<SyncService>(*storage, std::move(options));
        auto listening = service->listen(
            certificate->certificate, certificate->key, QHostAddress::LocalHost, 0);
        REQUIRE(listening.ok());
        port = *listening;
    }

    QString enrolledToken()
    {
        auto code = storage->createEnrolmentCode(QStringLiteral("amara"), 3600);
        REQUIRE(code.ok());
        auto enrolled = storage->redeemEnrolmentCode(*code,
            QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("Tablet"),
            QStringLiteral("0.1.0"));
        REQUIRE(enrolled.ok());
        return enrolled->second;
    }

    Answer post(const QString &path, const QByteArray &body, const QString &token = {},
        const QByteArray &type = "application/cbor", const QByteArray &version = "0.1.0")
    {
        QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, type);
        request.setRawHeader("X-Doorstep-App", version);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({ ca.certificate });
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
        QNetworkReply *reply = network.post(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        REQUIRE(reply->isFinished());
        Answer answer { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            reply->readAll() };
        reply->deleteLater();
        return answer;
    }
};

QByteArray pullBody()
{
    return sync::SyncCodec::encode(sync::PullRequest { 0, 100 });
}

} // namespace

STORAGE_TEST_CASE("A sync request without a valid token is refused as unauthorised", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Fixture<TestType> f;
    const Answer none = f.post(QStringLiteral("/v1/pull"), pullBody());
    CHECK(none.status == 401);
    CHECK(none.errorMessage()
        == QStringLiteral("This device has not been enrolled with the server."));
    CHECK(f.post(QStringLiteral("/v1/pull"), pullBody(), QStringLiteral("not-a-token")).status
        == 401);
    CHECK(f.post(QStringLiteral("/v1/pull"), pullBody(), f.enrolledToken()).status == 200);
}

STORAGE_TEST_CASE("A revoked tablet is told it is gone", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Fixture<TestType> f;
    const QString token = f.enrolledToken();
    auto device = f.storage->authenticate(token);
    REQUIRE(device.ok());
    REQUIRE(f.storage->revokeDevice(device->id).ok());
    const Answer gone = f.post(QStringLiteral("/v1/pull"), pullBody(), token);
    CHECK(gone.status == 410);
    CHECK(gone.errorMessage().contains(QLatin1String("revoked")));
}

STORAGE_TEST_CASE(
    "Bodies that are not CBOR of the right kind are refused with a reason", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Fixture<TestType> f;
    const QString token = f.enrolledToken();
    const Answer json
        = f.post(QStringLiteral("/v1/pull"), "{\"cursor\":0}", token, "application/json");
    CHECK(json.status == 415);
    CHECK(json.errorMessage() == QStringLiteral("Sync requests are sent as application/cbor."));

    const Answer garbage = f.post(QStringLiteral("/v1/pull"), QByteArray("\xff\x00\x13", 3), token);
    CHECK(garbage.status == 400);
    CHECK_FALSE(garbage.errorMessage().isEmpty());

    const Answer wrongKind = f.post(QStringLiteral("/v1/push"), pullBody(), token);
    CHECK(wrongKind.status == 400);
    CHECK(wrongKind.errorMessage().contains(QLatin1String("\"push\"")));
}

STORAGE_TEST_CASE("An app older than the minimum is asked to update", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Fixture<TestType> f;
    const Answer old = f.post(
        QStringLiteral("/v1/pull"), pullBody(), f.enrolledToken(), "application/cbor", "0.0.9");
    CHECK(old.status == 426);
    CHECK(old.errorMessage().startsWith(QLatin1String("This version of Doorstep is too old")));
}

STORAGE_TEST_CASE("A body larger than the server takes is refused before it is read", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    SyncService::Options options;
    options.maxBodyBytes = 4096;
    Fixture<TestType> f(options);
    const QString token = f.enrolledToken();
    const Answer big = f.post(QStringLiteral("/v1/push"), QByteArray(64 * 1024, 'x'), token);
    // The server answers 413 and closes; a client still sending may see the close before
    // it reads the answer (there is no lingering close). Either way nothing was taken.
    INFO("status " << big.status);
    CHECK((big.status == 413 || big.status == 0));
    auto audit = f.storage->audit(50);
    REQUIRE(audit.ok());
    for (const ServerStorage::AuditEntry &entry : *audit)
        CHECK(entry.action != QLatin1String("push"));
    CHECK(f.post(QStringLiteral("/v1/pull"), pullBody(), token).status == 200);
}

STORAGE_TEST_CASE("A device that syncs too often is asked to wait", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    SyncService::Options options;
    options.requestsPerMinute = 3;
    qint64 now = 0;
    options.monotonicMs = [&now] { return now; };
    Fixture<TestType> f(options);
    const QString token = f.enrolledToken();
    for (int i = 0; i < 3; ++i)
        CHECK(f.post(QStringLiteral("/v1/pull"), pullBody(), token).status == 200);
    const Answer tooMany = f.post(QStringLiteral("/v1/pull"), pullBody(), token);
    CHECK(tooMany.status == 429);
    now += 60'000; // a minute later the bucket is full again
    CHECK(f.post(QStringLiteral("/v1/pull"), pullBody(), token).status == 200);
}
