#include "testsyncserver.h"

#include <QFile>

namespace doorstep
{

bool TestSyncServer::start()
{
    if (!m_server)
        m_server = std::make_unique<test::LocalSyncServer>();
    if (m_server->service)
        return true;
    if (!m_certificate) {
        auto certificate = m_server->localCertificate();
        if (!m_server->storage || !certificate)
            return false;
        m_caFile = m_server->dir.filePath(QStringLiteral("council-ca.pem"));
        QFile ca(m_caFile);
        const QByteArray &pem = m_server->ca.certificatePem;
        if (!ca.open(QIODevice::WriteOnly | QIODevice::Truncate) || ca.write(pem) != pem.size())
            return false;
        m_certificate = *certificate;
    }
    return m_server->serve(m_certificate).ok();
}

QVariantMap TestSyncServer::enrolment()
{
    if (!start())
        return {};
    auto code = m_server->storage->createEnrolmentCode(test::LocalSyncServer::Practitioner, 3600);
    if (!code)
        return {};
    return { { QStringLiteral("address"), m_server->url().toString() },
        { QStringLiteral("caFile"), m_caFile }, { QStringLiteral("code"), *code } };
}

} // namespace doorstep
