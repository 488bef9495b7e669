#include "testsyncserver.h"

#include "server/pki.h"
#include "server/sqlcipherstorage.h"
#include "server/syncservice.h"

#include <QFile>
#include <QHostAddress>

namespace doorstep
{

TestSyncServer::TestSyncServer() = default;
TestSyncServer::~TestSyncServer() = default;

bool TestSyncServer::start()
{
    if (m_service)
        return true;
    if (!m_storage) {
        auto opened = server::SqlCipherStorage::open(
            m_dir.filePath(QStringLiteral("server.db")), QByteArray(32, 's'));
        if (!opened)
            return false;
        m_storage = std::move(*opened);
        if (!m_storage
                 ->createUser({ QStringLiteral("practitioner-1"), QStringLiteral("Priya Shah"),
                     server::User::Role::Practitioner, QStringLiteral("north") })
                 .ok())
            return false;
    }
    if (!m_certificate) {
        auto authority = server::Pki::makeCertificateAuthority(
            { QStringLiteral("Northshire Council test CA"), {}, {}, {} });
        if (!authority)
            return false;
        auto certificate = server::Pki::makeServerCertificate(
            *authority, { QStringLiteral("127.0.0.1"), { QStringLiteral("127.0.0.1") }, {}, {} });
        if (!certificate)
            return false;
        m_caFile = m_dir.filePath(QStringLiteral("council-ca.pem"));
        QFile ca(m_caFile);
        if (!ca.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || ca.write(authority->certificatePem) != authority->certificatePem.size())
            return false;
        m_certificate = *certificate;
    }
    m_service = std::make_unique<server::SyncService>(*m_storage, server::SyncService::Options {});
    auto listening = m_service->listen(
        m_certificate->certificate, m_certificate->key, QHostAddress::LocalHost, m_port);
    if (!listening) {
        m_service.reset();
        return false;
    }
    m_port = *listening;
    return true;
}

QVariantMap TestSyncServer::enrolment()
{
    if (!start())
        return {};
    auto code = m_storage->createEnrolmentCode(QStringLiteral("practitioner-1"), 3600);
    if (!code)
        return {};
    return { { QStringLiteral("address"), QStringLiteral("https://127.0.0.1:%1").arg(m_port) },
        { QStringLiteral("caFile"), m_caFile }, { QStringLiteral("code"), *code } };
}

void TestSyncServer::stop()
{
    m_service.reset();
}

} // namespace doorstep
