#include "server/pki.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSslCertificateExtension>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <sys/stat.h>

using namespace doorstep;
using namespace doorstep::server;
using namespace std::chrono_literals;

namespace
{

const QString localhost = QStringLiteral("localhost");
const QString loopback = QStringLiteral("127.0.0.1");

Issued makeCa(const QString &commonName = QStringLiteral("Northshire Council Doorstep CA"))
{
    CertificateRequest request;
    request.commonName = commonName;
    auto ca = Pki::makeCertificateAuthority(request);
    INFO(ca.error().message.toStdString());
    REQUIRE(ca.ok());
    return std::move(ca).value();
}

Issued makeServer(const Issued &ca, const QDateTime &notBefore = {}, const QDateTime &notAfter = {})
{
    CertificateRequest request;
    request.commonName = localhost;
    request.hostNames = { localhost, loopback };
    request.notBefore = notBefore;
    request.notAfter = notAfter;
    auto server = Pki::makeServerCertificate(ca, request);
    INFO(server.error().message.toStdString());
    REQUIRE(server.ok());
    return std::move(server).value();
}

Issued makeExpiredServer(const Issued &ca)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return makeServer(ca, now.addDays(-30), now.addDays(-1));
}

QList<QSslError::SslError> verifyErrors(
    const QList<QSslCertificate> &chain, const QString &hostName, const QSslCertificate &trusted)
{
    // QSslCertificate::verify() trusts only the default configuration's CAs (a CA later in
    // the chain is just an intermediate), so the council CA is trusted for the call alone.
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration pinned = saved;
    pinned.setCaCertificates({ trusted });
    QSslConfiguration::setDefaultConfiguration(pinned);
    const QList<QSslError> errors = QSslCertificate::verify(chain, hostName);
    QSslConfiguration::setDefaultConfiguration(saved);

    QList<QSslError::SslError> codes;
    for (const QSslError &error : errors)
        codes.append(error.error());
    return codes;
}

std::optional<QSslCertificateExtension> extension(
    const QSslCertificate &certificate, const QString &name)
{
    const QList<QSslCertificateExtension> extensions = certificate.extensions();
    for (const QSslCertificateExtension &candidate : extensions) {
        if (candidate.name() == name)
            return candidate;
    }
    return std::nullopt;
}

// Qt gives usages as the list of OpenSSL's names for them.
QStringList usages(const QSslCertificate &certificate, const QString &name)
{
    const auto found = extension(certificate, name);
    return found ? found->value().toStringList() : QStringList();
}

mode_t permissionsOf(const QString &path)
{
    struct stat info {
    };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_mode & 0777;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// Qt Test is not linked into unit tests, so the event loop is driven here instead of by
// QSignalSpy::wait().
bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds timeout = 5s)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start(10ms);
    deadline.start(timeout);
    loop.exec();
    return done();
}

struct Handshake {
    bool encrypted = false;
    bool failed = false;
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    QList<QSslError::SslError> sslErrors;
};

// A tablet's connection: only the pinned CA is trusted and TLS 1.2 is the least it accepts.
Handshake handshake(const Issued &server, const QSslCertificate &pinnedCa,
    QSsl::SslProtocol serverProtocol = QSsl::TlsV1_2OrLater)
{
    QSslConfiguration serverConfiguration = QSslConfiguration::defaultConfiguration();
    serverConfiguration.setLocalCertificate(server.certificate);
    serverConfiguration.setPrivateKey(server.key);
    serverConfiguration.setProtocol(serverProtocol);
    serverConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSslServer sslServer;
    sslServer.setSslConfiguration(serverConfiguration);
    REQUIRE(sslServer.listen(QHostAddress::LocalHost, 0));

    QSslConfiguration clientConfiguration = QSslConfiguration::defaultConfiguration();
    clientConfiguration.setCaCertificates({ pinnedCa });
    clientConfiguration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    clientConfiguration.setProtocol(QSsl::TlsV1_2OrLater);
    REQUIRE(clientConfiguration.caCertificates() == QList<QSslCertificate> { pinnedCa });

    QSslSocket client;
    client.setSslConfiguration(clientConfiguration);
    Handshake outcome;
    QObject::connect(&client, &QSslSocket::encrypted, [&] { outcome.encrypted = true; });
    QObject::connect(&client, &QSslSocket::sslErrors, [&](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            outcome.sslErrors.append(error.error());
    });
    QObject::connect(
        &client, &QAbstractSocket::errorOccurred, [&](QAbstractSocket::SocketError error) {
            outcome.failed = true;
            outcome.socketError = error;
        });
    client.connectToHostEncrypted(loopback, sslServer.serverPort());
    REQUIRE(waitFor([&] { return outcome.encrypted || outcome.failed; }));
    return outcome;
}

} // namespace

TEST_CASE("A council CA is self-signed and valid for ten years", "[server]")
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Issued ca = makeCa();

    CHECK(ca.certificate.isSelfSigned());
    CHECK(ca.certificate.subjectInfo(QSslCertificate::CommonName)
        == QStringList { QStringLiteral("Northshire Council Doorstep CA") });
    CHECK(ca.certificate.issuerInfo(QSslCertificate::CommonName)
        == ca.certificate.subjectInfo(QSslCertificate::CommonName));
    CHECK(ca.certificate.effectiveDate() <= before);
    CHECK(ca.certificate.effectiveDate() >= before.addSecs(-360));
    CHECK(ca.certificate.expiryDate() >= before.addYears(10).addSecs(-360));
    CHECK(ca.certificate.expiryDate() <= before.addYears(10).addSecs(60));
}

TEST_CASE("A council CA may sign servers but no further CAs", "[server]")
{
    const Issued ca = makeCa();

    const auto basicConstraints = extension(ca.certificate, QStringLiteral("basicConstraints"));
    REQUIRE(basicConstraints);
    CHECK(basicConstraints->isCritical());
    const QVariantMap constraints = basicConstraints->value().toMap();
    CHECK(constraints.value(QStringLiteral("ca")).toBool());
    CHECK(constraints.value(QStringLiteral("pathLenConstraint")).toInt() == 0);

    const auto keyUsage = extension(ca.certificate, QStringLiteral("keyUsage"));
    REQUIRE(keyUsage);
    CHECK(keyUsage->isCritical());
    CHECK(keyUsage->value().toStringList()
        == QStringList { QStringLiteral("Certificate Sign"), QStringLiteral("CRL Sign") });
    CHECK(extension(ca.certificate, QStringLiteral("subjectKeyIdentifier")));
}

TEST_CASE("A council CA's key is an ECDSA P-256 private key", "[server]")
{
    const Issued ca = makeCa();

    CHECK(ca.key.algorithm() == QSsl::Ec);
    CHECK(ca.key.type() == QSsl::PrivateKey);
    CHECK(ca.key.length() == 256);
    CHECK(ca.certificate.publicKey().algorithm() == QSsl::Ec);
    CHECK(ca.certificate.publicKey().length() == 256);
    CHECK(ca.keyPem.startsWith("-----BEGIN PRIVATE KEY-----"));
    CHECK(ca.certificatePem == ca.certificate.toPem());
}

TEST_CASE("A server certificate verifies against its CA for its host name", "[server]")
{
    const Issued ca = makeCa();
    const Issued server = makeServer(ca);

    CHECK(
        verifyErrors({ server.certificate, ca.certificate }, localhost, ca.certificate).isEmpty());
    CHECK(verifyErrors({ server.certificate }, localhost, ca.certificate).isEmpty());
    CHECK(server.certificate.issuerInfo(QSslCertificate::CommonName)
        == ca.certificate.subjectInfo(QSslCertificate::CommonName));
}

TEST_CASE("A server certificate does not verify for another host name", "[server]")
{
    const Issued ca = makeCa();
    const Issued server = makeServer(ca);

    CHECK(verifyErrors({ server.certificate, ca.certificate }, QStringLiteral("elsewhere.example"),
              ca.certificate)
        == QList { QSslError::HostNameMismatch });
}

TEST_CASE("A server certificate does not verify against a different CA", "[server]")
{
    const Issued ca = makeCa();
    const Issued otherCa = makeCa(QStringLiteral("Southvale Council Doorstep CA"));
    const Issued server = makeServer(ca);

    const auto errors = verifyErrors({ server.certificate }, localhost, otherCa.certificate);
    CHECK_FALSE(errors.isEmpty());
    CHECK(errors.contains(QSslError::UnableToGetLocalIssuerCertificate));
}

TEST_CASE("An IP address among the host names verifies as an IP subjectAltName", "[server]")
{
    const Issued ca = makeCa();
    CertificateRequest request;
    request.commonName = QStringLiteral("doorstep.northshire.example");
    request.hostNames = { QStringLiteral("doorstep.northshire.example"), loopback };
    const auto server = Pki::makeServerCertificate(ca, request);
    REQUIRE(server.ok());

    const auto names = server->certificate.subjectAlternativeNames();
    CHECK(names.values(QSsl::IpAddressEntry) == QStringList { loopback });
    CHECK(names.values(QSsl::DnsEntry)
        == QStringList { QStringLiteral("doorstep.northshire.example") });
    CHECK(verifyErrors({ server->certificate }, loopback, ca.certificate).isEmpty());
    CHECK(verifyErrors({ server->certificate }, QStringLiteral("127.0.0.2"), ca.certificate)
        == QList { QSslError::HostNameMismatch });
}

TEST_CASE("A server certificate whose validity has passed is reported expired", "[server]")
{
    const Issued ca = makeCa();
    const Issued server = makeExpiredServer(ca);

    CHECK(verifyErrors({ server.certificate }, localhost, ca.certificate)
        == QList { QSslError::CertificateExpired });
}

TEST_CASE("A server certificate is for TLS servers only and lasts 825 days", "[server]")
{
    const Issued ca = makeCa();
    const Issued server = makeServer(ca);

    const auto basicConstraints = extension(server.certificate, QStringLiteral("basicConstraints"));
    REQUIRE(basicConstraints);
    CHECK_FALSE(basicConstraints->value().toMap().value(QStringLiteral("ca")).toBool());
    CHECK(usages(server.certificate, QStringLiteral("keyUsage"))
        == QStringList { QStringLiteral("Digital Signature") });
    CHECK(usages(server.certificate, QStringLiteral("extendedKeyUsage"))
        == QStringList { QStringLiteral("TLS Web Server Authentication") });
    CHECK(extension(server.certificate, QStringLiteral("authorityKeyIdentifier")));
    CHECK(server.key.algorithm() == QSsl::Ec);
    CHECK(server.key.type() == QSsl::PrivateKey);
    CHECK(server.certificate.effectiveDate().daysTo(server.certificate.expiryDate()) == 825);
}

TEST_CASE("Server certificates get distinct random 128-bit serial numbers", "[server]")
{
    const Issued ca = makeCa();
    const Issued first = makeServer(ca);
    const Issued second = makeServer(ca);

    // Qt shows serials as colon-separated hex bytes; a leading zero byte may be dropped.
    const QByteArray serial = first.certificate.serialNumber();
    CHECK(serial.split(':').size() >= 14);
    CHECK(serial.split(':').size() <= 16);
    CHECK(serial != second.certificate.serialNumber());
    CHECK(first.key.toPem() != second.key.toPem());
}

TEST_CASE("Bad certificate requests are refused", "[server]")
{
    const Issued ca = makeCa();
    CertificateRequest request;
    request.commonName = localhost;
    request.hostNames = { localhost };
    Result<Issued> result = Error {};

    SECTION("a CA without a common name")
    {
        result = Pki::makeCertificateAuthority(
            CertificateRequest { QStringLiteral("  "), {}, {}, {} });
    }
    SECTION("a CA with host names")
    {
        result = Pki::makeCertificateAuthority(CertificateRequest {
            QStringLiteral("Northshire Council Doorstep CA"), { localhost }, {}, {} });
    }
    SECTION("a CA ending before it starts")
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        result = Pki::makeCertificateAuthority(CertificateRequest {
            QStringLiteral("Northshire Council Doorstep CA"), {}, now, now.addDays(-1) });
    }
    SECTION("a common name over 64 characters")
    {
        result = Pki::makeCertificateAuthority(
            CertificateRequest { QString(65, QLatin1Char('N')), {}, {}, {} });
    }
    SECTION("a server without a common name")
    {
        request.commonName.clear();
        result = Pki::makeServerCertificate(ca, request);
    }
    SECTION("a server without host names")
    {
        request.hostNames.clear();
        result = Pki::makeServerCertificate(ca, request);
    }
    SECTION("a server whose common name is not one of its host names")
    {
        request.commonName = QStringLiteral("elsewhere.example");
        result = Pki::makeServerCertificate(ca, request);
    }
    SECTION("a host name that would smuggle in another")
    {
        request.hostNames.append(QStringLiteral("doorstep.example,DNS:elsewhere.example"));
        result = Pki::makeServerCertificate(ca, request);
    }
    SECTION("a wildcard host name")
    {
        request.hostNames.append(QStringLiteral("*.northshire.example"));
        result = Pki::makeServerCertificate(ca, request);
    }
    SECTION("a server ending before it starts")
    {
        request.notBefore = QDateTime::currentDateTimeUtc();
        request.notAfter = request.notBefore.addSecs(-1);
        result = Pki::makeServerCertificate(ca, request);
    }
    SECTION("an authority that is not a CA")
    {
        const Issued server = makeServer(ca);
        result = Pki::makeServerCertificate(server, request);
    }
    SECTION("an authority whose key belongs to another CA")
    {
        Issued mixed = ca;
        const Issued otherCa = makeCa(QStringLiteral("Southvale Council Doorstep CA"));
        mixed.key = otherCa.key;
        mixed.keyPem = otherCa.keyPem;
        result = Pki::makeServerCertificate(mixed, request);
    }

    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::InvalidArgument);
    CHECK_FALSE(result.error().message.isEmpty());
}

TEST_CASE("A CA read back from disk signs server certificates", "[server]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Issued ca = makeCa();
    REQUIRE(Pki::writeTo(
        ca, dir.filePath(QStringLiteral("ca.pem")), dir.filePath(QStringLiteral("ca.key")))
                .ok());

    const auto readCa = Pki::readFrom(
        dir.filePath(QStringLiteral("ca.pem")), dir.filePath(QStringLiteral("ca.key")));
    REQUIRE(readCa.ok());
    const Issued server = makeServer(*readCa);
    CHECK(verifyErrors({ server.certificate }, localhost, ca.certificate).isEmpty());
}

TEST_CASE("Written keys are readable by their owner only", "[server]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Issued ca = makeCa();
    const Issued server = makeServer(ca);
    const QString caPem = dir.filePath(QStringLiteral("ca.pem"));
    const QString caKey = dir.filePath(QStringLiteral("ca.key"));
    const QString serverPem = dir.filePath(QStringLiteral("server.pem"));
    const QString serverKey = dir.filePath(QStringLiteral("server.key"));

    REQUIRE(Pki::writeTo(ca, caPem, caKey).ok());
    REQUIRE(Pki::writeTo(server, serverPem, serverKey).ok());

    CHECK(permissionsOf(caKey) == 0600);
    CHECK(permissionsOf(serverKey) == 0600);
    CHECK(permissionsOf(caPem) == 0644);
    CHECK(permissionsOf(serverPem) == 0644);
    CHECK(contentsOf(serverKey) == server.keyPem);
    CHECK(contentsOf(serverPem) == server.certificatePem);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden)
        == QStringList { QStringLiteral("ca.key"), QStringLiteral("ca.pem"),
            QStringLiteral("server.key"), QStringLiteral("server.pem") });
}

TEST_CASE("Writing never overwrites an existing certificate or key", "[server]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Issued ca = makeCa();
    const QString certificatePath = dir.filePath(QStringLiteral("ca.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("ca.key"));
    const QString existing = GENERATE(QStringLiteral("ca.pem"), QStringLiteral("ca.key"));
    {
        QFile file(dir.filePath(existing));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("the previous pilot's file");
    }

    const auto written = Pki::writeTo(ca, certificatePath, keyPath);

    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == Error::Code::AlreadyExists);
    CHECK(contentsOf(dir.filePath(existing)) == "the previous pilot's file");
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList { existing });
}

TEST_CASE("Writing the same pair twice leaves the first and reports it", "[server]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Issued ca = makeCa();
    const Issued otherCa = makeCa(QStringLiteral("Southvale Council Doorstep CA"));
    const QString certificatePath = dir.filePath(QStringLiteral("ca.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("ca.key"));
    REQUIRE(Pki::writeTo(ca, certificatePath, keyPath).ok());

    const auto again = Pki::writeTo(otherCa, certificatePath, keyPath);

    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Error::Code::AlreadyExists);
    CHECK(contentsOf(keyPath) == ca.keyPem);
    CHECK(contentsOf(certificatePath) == ca.certificatePem);
}

TEST_CASE("Reading back what was written gives the same certificate and key", "[server]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Issued server = makeServer(makeCa());
    const QString certificatePath = dir.filePath(QStringLiteral("server.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("server.key"));
    REQUIRE(Pki::writeTo(server, certificatePath, keyPath).ok());

    const auto read = Pki::readFrom(certificatePath, keyPath);

    REQUIRE(read.ok());
    CHECK(read->certificate == server.certificate);
    CHECK(read->key == server.key);
    CHECK(read->certificatePem == server.certificatePem);
    CHECK(read->keyPem == server.keyPem);
}

TEST_CASE("Reading a key that belongs to another certificate is refused", "[server]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Issued ca = makeCa();
    const Issued server = makeServer(ca);
    REQUIRE(Pki::writeTo(
        ca, dir.filePath(QStringLiteral("ca.pem")), dir.filePath(QStringLiteral("ca.key")))
                .ok());
    REQUIRE(Pki::writeTo(server, dir.filePath(QStringLiteral("server.pem")),
        dir.filePath(QStringLiteral("server.key")))
                .ok());

    const auto read = Pki::readFrom(
        dir.filePath(QStringLiteral("server.pem")), dir.filePath(QStringLiteral("ca.key")));

    REQUIRE_FALSE(read.ok());
    CHECK(read.error().code == Error::Code::InvalidArgument);
}

TEST_CASE("Reading a missing or garbled file is refused", "[server]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString certificatePath = dir.filePath(QStringLiteral("server.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("server.key"));

    SECTION("missing")
    {
        const auto read = Pki::readFrom(certificatePath, keyPath);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == Error::Code::NotFound);
    }
    SECTION("garbled")
    {
        for (const QString &path : { certificatePath, keyPath }) {
            QFile file(path);
            REQUIRE(file.open(QIODevice::WriteOnly));
            file.write("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        }
        const auto read = Pki::readFrom(certificatePath, keyPath);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == Error::Code::InvalidArgument);
    }
}

TEST_CASE("A client pinning the council CA completes a TLS handshake with the server", "[server]")
{
    const Issued ca = makeCa();
    const Issued server = makeServer(ca);

    const Handshake outcome = handshake(server, ca.certificate);

    CHECK(outcome.encrypted);
    CHECK(outcome.sslErrors.isEmpty());
    CHECK_FALSE(outcome.failed);
}

TEST_CASE("A client pinning another council's CA refuses the server", "[server]")
{
    const Issued ca = makeCa();
    const Issued otherCa = makeCa(QStringLiteral("Southvale Council Doorstep CA"));
    const Issued server = makeServer(ca);

    const Handshake outcome = handshake(server, otherCa.certificate);

    CHECK_FALSE(outcome.encrypted);
    CHECK(outcome.failed);
    CHECK(outcome.socketError == QAbstractSocket::SslHandshakeFailedError);
    CHECK(outcome.sslErrors.contains(QSslError::UnableToGetLocalIssuerCertificate));
}

TEST_CASE("A client refuses a server whose certificate has expired", "[server]")
{
    const Issued ca = makeCa();
    const Issued server = makeExpiredServer(ca);

    const Handshake outcome = handshake(server, ca.certificate);

    CHECK_FALSE(outcome.encrypted);
    CHECK(outcome.failed);
    CHECK(outcome.sslErrors.contains(QSslError::CertificateExpired));
}

TEST_CASE("A client requiring TLS 1.2 refuses a server offering only TLS 1.0", "[server]")
{
    const Issued ca = makeCa();
    const Issued server = makeServer(ca);

    // Qt deprecates TLS 1.0 because it is unsafe, which is the point of this test.
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    const Handshake outcome = handshake(server, ca.certificate, QSsl::TlsV1_0);
    QT_WARNING_POP

    CHECK_FALSE(outcome.encrypted);
    CHECK(outcome.failed);
    CHECK(outcome.socketError == QAbstractSocket::SslHandshakeFailedError);
    CHECK(outcome.sslErrors.isEmpty());
}
