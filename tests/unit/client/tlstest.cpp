#include "client/syncclient.h"
#include "localsyncserver.h"

#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>
#include <optional>

// The tablet talks only to the server it was enrolled with, over TLS 1.2 or later: a
// certificate that has expired, names another host, or comes from a CA the tablet was not
// given is refused before a byte of the request is sent, and so is an old protocol.

using namespace doorstep;
using namespace doorstep::test;

namespace
{

server::Issued makeCa(const QString &name)
{
    auto authority = server::Pki::makeCertificateAuthority({ name, {}, {}, {} });
    REQUIRE(authority.ok());
    return *authority;
}

server::Issued makeServerCertificate(const server::Issued &ca, const QStringList &hosts,
    const QDateTime &notBefore = {}, const QDateTime &notAfter = {})
{
    auto certificate
        = server::Pki::makeServerCertificate(ca, { hosts.first(), hosts, notBefore, notAfter });
    REQUIRE(certificate.ok());
    return *certificate;
}

/// A server in this process with the council CA, serving whichever certificate a case
/// gives it, and a tablet store that has never synced.
struct Fixture : LocalSyncServer {
    std::unique_ptr<Store> tablet;

    Fixture()
    {
        INFO(problem.toStdString());
        REQUIRE(storage);
        auto created = Store::create(dir.filePath(QStringLiteral("tablet")),
            QByteArray(Database::KeyBytes, 'k'), Practitioner);
        REQUIRE(created.ok());
        tablet = std::move(*created);
    }

    /// Serves `certificate` (again on the same port, if it served before).
    void serve(const server::Issued &certificate)
    {
        auto served = LocalSyncServer::serve(certificate);
        INFO((served ? QString() : served.error().message).toStdString());
        REQUIRE(served.ok());
    }

    QString code()
    {
        auto issued = storage->createEnrolmentCode(Practitioner, 3600);
        REQUIRE(issued.ok());
        return *issued;
    }

    SyncClient::Outcome enrol(const QByteArray &caPem, const QString &oneTimeCode)
    {
        SyncClient client(*tablet, QStringLiteral(DOORSTEP_VERSION));
        std::optional<SyncClient::Outcome> outcome;
        client.enrol(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)), caPem, oneTimeCode,
            QStringLiteral("Test tablet"), [&](SyncClient::Outcome given) { outcome = given; });
        REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
        return *outcome;
    }

    SyncClient::Outcome sync()
    {
        SyncClient client(*tablet, QStringLiteral(DOORSTEP_VERSION));
        std::optional<SyncClient::Outcome> outcome;
        client.sync([&](SyncClient::Outcome given) { outcome = given; });
        REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
        return *outcome;
    }

    /// A refused enrolment left no trace: the tablet holds no endpoint, and the code
    /// still works (the server never saw it).
    void checkNothingSent(const QString &unusedCode)
    {
        auto endpoint = tablet->syncEndpoint();
        REQUIRE(endpoint.ok());
        CHECK_FALSE(endpoint->isEnrolled());
        serve(makeServerCertificate(ca, { QStringLiteral("127.0.0.1") }));
        const SyncClient::Outcome fine = enrol(ca.certificatePem, unusedCode);
        INFO(fine.message.toStdString());
        CHECK(fine.ok);
    }
};

} // namespace

TEST_CASE("A tablet refuses a server certificate that has expired", "[client][tls]")
{
    Fixture f;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    f.serve(makeServerCertificate(
        f.ca, { QStringLiteral("127.0.0.1") }, now.addDays(-400), now.addDays(-1)));
    const QString code = f.code();
    const SyncClient::Outcome refused = f.enrol(f.ca.certificatePem, code);
    INFO(refused.message.toStdString());
    CHECK(refused.problem == SyncClient::Outcome::Problem::Certificate);
    CHECK(refused.message.contains(QLatin1String("certificate")));
    f.checkNothingSent(code);
}

TEST_CASE("A tablet refuses a certificate made out to another host", "[client][tls]")
{
    Fixture f;
    f.serve(makeServerCertificate(f.ca, { QStringLiteral("sync.other-council.example") }));
    const QString code = f.code();
    const SyncClient::Outcome refused = f.enrol(f.ca.certificatePem, code);
    INFO(refused.message.toStdString());
    CHECK(refused.problem == SyncClient::Outcome::Problem::Certificate);
    f.checkNothingSent(code);
}

TEST_CASE("A tablet refuses a server whose CA it was not enrolled with", "[client][tls]")
{
    Fixture f;
    const server::Issued stranger = makeCa(QStringLiteral("Somebody else's CA"));

    SECTION("at enrolment")
    {
        f.serve(makeServerCertificate(stranger, { QStringLiteral("127.0.0.1") }));
        const QString code = f.code();
        const SyncClient::Outcome refused = f.enrol(f.ca.certificatePem, code);
        INFO(refused.message.toStdString());
        CHECK(refused.problem == SyncClient::Outcome::Problem::Certificate);
        f.checkNothingSent(code);
    }

    SECTION("after enrolment, when another server answers at the same address")
    {
        f.serve(makeServerCertificate(f.ca, { QStringLiteral("127.0.0.1") }));
        REQUIRE(f.enrol(f.ca.certificatePem, f.code()).ok);
        auto family = f.tablet->apply(Change::create(QStringLiteral("family"),
            { { QStringLiteral("family_name"), QStringLiteral("Okafor") } }));
        REQUIRE(family.ok());
        f.serve(makeServerCertificate(stranger, { QStringLiteral("127.0.0.1") }));
        const SyncClient::Outcome refused = f.sync();
        INFO(refused.message.toStdString());
        CHECK(refused.problem == SyncClient::Outcome::Problem::Certificate);
        // Nothing left the tablet: its work waits for the real server.
        CHECK(f.tablet->outbox(100).value().size() > 0);
        auto audit = f.storage->audit(50);
        REQUIRE(audit.ok());
        for (const auto &entry : *audit)
            CHECK(entry.action != QLatin1String("push"));
    }
}

TEST_CASE("The server refuses TLS 1.0 and 1.1", "[client][tls]")
{
    Fixture f;
    f.serve(makeServerCertificate(f.ca, { QStringLiteral("127.0.0.1") }));

    // Qt's own client, told to speak only an old protocol.
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED // deprecated because they are unsafe: the point here
        for (const QSsl::SslProtocol old : { QSsl::TlsV1_0, QSsl::TlsV1_1 })
    {
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setProtocol(old);
        tls.setCaCertificates({ f.ca.certificate });
        socket.setSslConfiguration(tls);
        bool failed = false;
        QObject::connect(&socket, &QSslSocket::errorOccurred, [&] { failed = true; });
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), f.port);
        // Not waitForEncrypted: the server answers on this thread.
        CHECK(QTest::qWaitFor([&] { return failed || socket.isEncrypted(); }, 5000));
        CHECK_FALSE(socket.isEncrypted());
    }
    QT_WARNING_POP

    // OpenSSL's client with its own floor lowered, so only the server can say no. The
    // same probe at TLS 1.2 shows the probe itself works.
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    REQUIRE_FALSE(openssl.isEmpty());
    auto probe = [&](const QString &version) {
        QProcess client;
        client.start(openssl,
            { QStringLiteral("s_client"), QStringLiteral("-connect"),
                QStringLiteral("127.0.0.1:%1").arg(f.port), version, QStringLiteral("-cipher"),
                QStringLiteral("DEFAULT@SECLEVEL=0"), QStringLiteral("-brief") });
        client.closeWriteChannel();
        // The server answers on this thread: keep its event loop turning meanwhile.
        REQUIRE(QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 10000));
        return std::pair { client.exitCode(),
            QString::fromUtf8(client.readAllStandardOutput() + client.readAllStandardError()) };
    };
    const auto [modernExit, modern] = probe(QStringLiteral("-tls1_2"));
    INFO(modern.toStdString());
    CHECK(modern.contains(QLatin1String("Protocol version: TLSv1.2")));
    for (const QString &version : { QStringLiteral("-tls1"), QStringLiteral("-tls1_1") }) {
        const auto [exit, said] = probe(version);
        INFO(version.toStdString() << ": " << said.toStdString());
        CHECK(exit != 0);
        // The server's own refusal, not the client giving up.
        CHECK(said.contains(QLatin1String("alert protocol version")));
    }
}
