#pragma once

#include "server/pki.h"
#include "server/sqlcipherstorage.h"
#include "server/syncservice.h"

#include <QHostAddress>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>
#include <optional>

namespace doorstep::test
{

/// A real sync server in the test's own process, for tests of the tablet's side: SQLCipher
/// storage in a temporary folder holding one practitioner, a council CA made for the test,
/// and TLS on a loopback port. Not tied to Catch, so the QML test program uses it too.
struct LocalSyncServer {
    static inline const QString Practitioner = QStringLiteral("practitioner-1");

    QTemporaryDir dir;
    std::unique_ptr<server::SqlCipherStorage> storage;
    server::Issued ca;
    std::unique_ptr<server::SyncService> service;
    quint16 port = 0;
    /// Why the storage or the CA could not be made; empty when both were.
    QString problem;

    /// The store's user (Practitioner) has this role in team "north".
    explicit LocalSyncServer(server::User::Role role = server::User::Role::Practitioner)
    {
        auto opened = server::SqlCipherStorage::open(
            dir.filePath(QStringLiteral("server.db")), QByteArray(32, 's'));
        if (!opened) {
            problem = opened.error().message;
            return;
        }
        storage = std::move(*opened);
        auto user = storage->createUser(
            { Practitioner, QStringLiteral("Priya Shah"), role, QStringLiteral("north") });
        auto authority = server::Pki::makeCertificateAuthority(
            { QStringLiteral("Northshire Council test CA"), {}, {}, {} });
        if (!user || !authority) {
            problem = !user ? user.error().message : authority.error().message;
            return;
        }
        ca = *authority;
    }

    /// A server certificate for 127.0.0.1, from the council CA.
    Result<server::Issued> localCertificate() const
    {
        return server::Pki::makeServerCertificate(
            ca, { QStringLiteral("127.0.0.1"), { QStringLiteral("127.0.0.1") }, {}, {} });
    }

    /// Serves `certificate` (a new one for 127.0.0.1 if none), on the port it served on
    /// before if it did, where enrolled tablets look for it.
    Result<void> serve(std::optional<server::Issued> certificate = std::nullopt)
    {
        if (!storage)
            return makeError(Error::Code::Internal, problem);
        if (!certificate) {
            auto made = localCertificate();
            if (!made)
                return made.error();
            certificate = *made;
        }
        service.reset();
        service = std::make_unique<server::SyncService>(*storage, server::SyncService::Options {});
        auto listening = service->listen(
            certificate->certificate, certificate->key, QHostAddress::LocalHost, port);
        if (!listening)
            return listening.error();
        port = *listening;
        return {};
    }

    /// Stops serving, as when the tablet leaves the building's Wi-Fi.
    void stop() { service.reset(); }

    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)); }
};

} // namespace doorstep::test
