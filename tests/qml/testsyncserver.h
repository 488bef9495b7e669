#pragma once

#include "localsyncserver.h"

#include <QObject>
#include <QVariantMap>
#include <memory>
#include <optional>

namespace doorstep
{

/// A real sync server inside the QML test program (test::LocalSyncServer), so a test can
/// enrol and sync the app by taps as a practitioner would.
class TestSyncServer : public QObject
{
    Q_OBJECT

public:
    /// Starts the server (once) and returns what IT would give a practitioner for the
    /// test store's user: "address", "caFile" (written in a temporary folder) and a
    /// fresh one-time "code"; empty if the server could not start.
    Q_INVOKABLE QVariantMap enrolment();
    /// Stops serving, as when the tablet leaves the building's Wi-Fi; enrolment() serves
    /// again, with the same certificate.
    Q_INVOKABLE void stop()
    {
        if (m_server)
            m_server->stop();
    }

private:
    bool start();

    /// Made on first use: most test files never sync.
    std::unique_ptr<test::LocalSyncServer> m_server;
    std::optional<server::Issued> m_certificate;
    QString m_caFile;
};

} // namespace doorstep
