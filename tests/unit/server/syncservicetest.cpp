#include "server/syncservice.h"

#include "protocol/synccodec.h"
#include "server/pki.h"
#include "storagebackends.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
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
    return sync::SyncCodec::encode(sync::PullRequest { 0, 100, {} });
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
    // The blob endpoints too: without a token nothing is said of any blob.
    const QString hash(64, QLatin1Char('a'));
    CHECK(f.post(QStringLiteral("/v1/blob/get"),
               sync::SyncCodec::encode(sync::BlobGetRequest { hash, 0, 100 }))
              .status
        == 401);
    CHECK(f.post(QStringLiteral("/v1/blob/put"),
               sync::SyncCodec::encode(sync::BlobPutRequest { hash, 3, 0, "abc" }),
               QStringLiteral("not-a-token"))
              .status
        == 401);
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

namespace
{

/// A push of one new family by `deviceId`, its local sequences from `firstSeq`.
QList<Op> newFamily(const QString &deviceId, qint64 firstSeq, qint64 hlcMs)
{
    const QString family = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<Op> ops;
    const std::pair<const char *, QVariant> fields[]
        = { { "family_name", QStringLiteral("Okafor") }, { Op::CausalLength, qint64(1) } };
    for (const auto &[field, value] : fields) {
        Op op;
        op.id = QStringLiteral("%1:%2").arg(deviceId).arg(firstSeq + ops.size());
        op.kind = QStringLiteral("family");
        op.recordId = family;
        op.field = QString::fromLatin1(field);
        op.value = value;
        op.hlc = Hlc(hlcMs, quint16(ops.size()));
        op.deviceId = deviceId;
        ops << op;
    }
    return ops;
}

QByteArray pushBody(const QList<Op> &ops)
{
    return sync::SyncCodec::encode(sync::PushRequest { ops, {}, std::nullopt });
}

/// `depth` CBOR arrays, each holding the next.
QByteArray nestedArrays(int depth)
{
    return QByteArray(depth, char(0x81)) + QByteArray(1, char(0x00));
}

/// A CBOR map of a body of `type` whose `key` holds raw CBOR (and a push's empty audit).
QByteArray mapWithRaw(const char *type, const char *key, const QByteArray &raw)
{
    QCborMap head { { QStringLiteral("v"), 1 }, { QStringLiteral("type"), QLatin1String(type) } };
    if (QLatin1String(type) == QLatin1String("push")) {
        head.insert(QStringLiteral("audit"), QCborArray {});
        head.insert(QStringLiteral("pull"), QCborValue(nullptr));
    }
    QByteArray body = head.toCborValue().toCbor();
    body[0] = char(0xa0 + head.size() + 1); // one pair more: the raw one
    return body + QCborValue(QLatin1String(key)).toCbor() + raw;
}

} // namespace

STORAGE_TEST_CASE(
    "Every endpoint refuses bad bodies in plain words and keeps nothing of them", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Fixture<TestType> f;
    const QString token = f.enrolledToken();
    auto device = f.storage->authenticate(token);
    REQUIRE(device.ok());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray goodPush = pushBody(newFamily(device->id, 1, now));
    const QByteArray goodEnrol = sync::SyncCodec::encode(sync::EnrolRequest {
        QStringLiteral("1234-5678"), QUuid::createUuid().toString(QUuid::WithoutBraces),
        QStringLiteral("Tablet"), QStringLiteral("0.1.0") });

    QList<Op> oversizedOps = newFamily(device->id, 1, now);
    oversizedOps[0].value = QString(300 * 1024, QLatin1Char('a'));
    QList<Op> futureOps = newFamily(device->id, 1, now + 2LL * 24 * 3600 * 1000);
    const QString blobHash(64, QLatin1Char('b'));
    const QByteArray goodBlobPut
        = sync::SyncCodec::encode(sync::BlobPutRequest { blobHash, 3, 0, "abc" });
    QCborArray thousands;
    for (int i = 0; i < 6000; ++i)
        thousands.append(0);
    struct Case {
        const char *what;
        const char *path;
        QByteArray body;
        const char *says; ///< in the error message
    };
    const QList<Case> cases = {
        { "a push cut short", "/v1/push", goodPush.left(goodPush.size() / 2), "" },
        { "a pull cut short", "/v1/pull", pullBody().left(pullBody().size() - 3), "" },
        { "an enrolment cut short", "/v1/enrol", goodEnrol.left(goodEnrol.size() / 2), "" },
        { "arrays nested 100,000 deep", "/v1/push", mapWithRaw("push", "ops", nestedArrays(100000)),
            "nest" },
        { "arrays nested deep in an enrolment", "/v1/enrol",
            mapWithRaw("enrol", "code", nestedArrays(5000)), "nest" },
        { "6,000 ops in one push", "/v1/push",
            mapWithRaw("push", "ops", QCborValue(thousands).toCbor()), "at most 5000" },
        { "a 300 KB value", "/v1/push", pushBody(oversizedOps), "" },
        { "a text cursor", "/v1/pull",
            QCborMap { { QStringLiteral("v"), 1 },
                { QStringLiteral("type"), QStringLiteral("pull") },
                { QStringLiteral("cursor"), QStringLiteral("0") }, { QStringLiteral("limit"), 100 },
                { QStringLiteral("catchUp"), QCborArray { 0, 0 } } }
                .toCborValue()
                .toCbor(),
            "\"cursor\" must be an integer" },
        { "an op dated two days ahead", "/v1/push", pushBody(futureOps), "" },
        { "a pull body sent as a push", "/v1/push", pullBody(), "\"push\"" },
        { "a blob range cut short", "/v1/blob/put", goodBlobPut.left(goodBlobPut.size() - 9), "" },
        { "a blob range running past the blob's size", "/v1/blob/put",
            sync::SyncCodec::encode(sync::BlobPutRequest { blobHash, 10, 5, QByteArray(20, 'x') }),
            "run past" },
        { "a blob range of 2 MiB", "/v1/blob/put",
            sync::SyncCodec::encode(sync::BlobPutRequest { blobHash, 4 * sync::MaxBlobRangeBytes, 0,
                QByteArray(2 * sync::MaxBlobRangeBytes, 'x') }),
            "longer than" },
        { "a blob with a negative size", "/v1/blob/put",
            sync::SyncCodec::encode(sync::BlobPutRequest { blobHash, -4, 0, {} }), "size" },
        { "arrays nested deep in a blob range", "/v1/blob/put",
            mapWithRaw("blob-put", "sha256", nestedArrays(5000)), "nest" },
        { "a blob named by something that is not a SHA-256", "/v1/blob/get",
            sync::SyncCodec::encode(
                sync::BlobGetRequest { QStringLiteral("../../etc/passwd"), 0, 10 }),
            "SHA-256" },
        { "a blob range of no bytes", "/v1/blob/get",
            sync::SyncCodec::encode(sync::BlobGetRequest { blobHash, 0, 0 }), "between 1 and" },
        { "a blob range put sent as a get", "/v1/blob/get", goodBlobPut, "\"blob-get\"" },
    };
    for (const Case &c : cases) {
        INFO(c.what);
        const Answer answer = f.post(QLatin1String(c.path), c.body,
            QLatin1String(c.path) == QLatin1String("/v1/enrol") ? QString() : token);
        CHECK(answer.status == 400);
        CHECK_FALSE(answer.errorMessage().isEmpty());
        CHECK(answer.errorMessage().contains(QLatin1String(c.says)));
    }

    // Another practitioner cannot write to this practitioner's family.
    REQUIRE(f.storage
                ->createUser({ QStringLiteral("tom"), QStringLiteral("Tom Hughes"),
                    User::Role::Practitioner, QStringLiteral("north") })
                .ok());
    CHECK(f.post(QStringLiteral("/v1/push"), goodPush, token).status == 200);
    auto code = f.storage->createEnrolmentCode(QStringLiteral("tom"), 3600);
    REQUIRE(code.ok());
    const QString tomsDevice = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto toms = f.storage->redeemEnrolmentCode(
        *code, tomsDevice, QStringLiteral("Tom's tablet"), QStringLiteral("0.1.0"));
    REQUIRE(toms.ok());
    QList<Op> intrusion = newFamily(tomsDevice, 1, now);
    for (Op &op : intrusion)
        op.recordId = sync::SyncCodec::decodePushRequest(goodPush)->ops.first().recordId;
    const Answer refused = f.post(QStringLiteral("/v1/push"), pushBody(intrusion), toms->second);
    CHECK(refused.status == 400);
    CHECK_FALSE(refused.errorMessage().isEmpty());

    // The same batch again is taken as already held and changes nothing.
    const Answer replayed = f.post(QStringLiteral("/v1/push"), goodPush, token);
    CHECK(replayed.status == 200);
    auto acked = sync::SyncCodec::decodePushReply(replayed.body);
    REQUIRE(acked.ok());
    CHECK(acked->acked == 2);

    // All that was kept: the one good family, once. A new tablet of the same practitioner
    // is sent exactly its two ops.
    auto another = f.storage->createEnrolmentCode(QStringLiteral("amara"), 3600);
    REQUIRE(another.ok());
    auto second = f.storage->redeemEnrolmentCode(*another,
        QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("Spare"),
        QStringLiteral("0.1.0"));
    REQUIRE(second.ok());
    const Answer pulled = f.post(QStringLiteral("/v1/pull"), pullBody(), second->second);
    REQUIRE(pulled.status == 200);
    auto reply = sync::SyncCodec::decodePullReply(pulled.body);
    REQUIRE(reply.ok());
    QList<Op> kept;
    for (const sync::LoggedOp &logged : reply->ops)
        kept << logged.op;
    CHECK(kept == sync::SyncCodec::decodePushRequest(goodPush)->ops);
}
