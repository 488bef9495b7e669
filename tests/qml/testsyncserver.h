#pragma once

#include "server/pki.h"

#include <QObject>
#include <QTemporaryDir>
#include <QVariantMap>
#include <memory>
#include <optional>

namespace doorstep
{

namespace server
{
class SqlCipherStorage;
class SyncService;
} // namespace server

/// A real sync server inside the QML test program (SQLCipher storage, TLS with a council CA
/// made for the test, on a free loopback port), so a test can enrol and sync the app by
/// taps as a practitioner would.
class TestSyncServer : public QObject
{
    Q_OBJECT

public:
    TestSyncServer();
    ~TestSyncServer() override;

    /// Starts the server (once) and returns what IT would give a practitioner for the
    /// test store's user: "address", "caFile" (written in a temporary folder) and a
    /// fresh one-time "code"; empty if the server could not start.
    Q_INVOKABLE QVariantMap enrolment();
    /// Stops serving, as when the tablet leaves the building's Wi-Fi; enrolment() serves
    /// again, with the same certificate.
    Q_INVOKABLE void stop();

private:
    bool start();

    QTemporaryDir m_dir;
    std::unique_ptr<server::SqlCipherStorage> m_storage;
    std::unique_ptr<server::SyncService> m_service;
    std::optional<server::Issued> m_certificate;
    QString m_caFile;
    quint16 m_port = 0;
};

} // namespace doorstep
