#pragma once

#include "localsyncserver.h"
#include "store/store.h"

#include <QDate>
#include <QObject>
#include <QVariantMap>
#include <map>
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
    /// As enrolment(), but the test store's user supervises team "north", whose two
    /// practitioners (Amara Osei with Fenwick, Garside and Holloway, Tom Hughes with Ingram and
    /// Jessop) have written their caseloads on their own tablets and synced them to the server
    /// first, dated from today. Empty if anything failed (the reason is logged).
    Q_INVOKABLE QVariantMap supervisorEnrolment();
    /// Stops serving, as when the tablet leaves the building's Wi-Fi; enrolment() serves
    /// again, with the same certificate.
    Q_INVOKABLE void stop()
    {
        if (m_server)
            m_server->stop();
    }

    /// Syncs the practitioner's tablet seeded by supervisorEnrolment() and says what it
    /// holds of the supervisor's work: "planStatus" (of its last plan), "decisions" (plan
    /// decisions), "comments" (the newest decision's), "notes" (case supervision notes),
    /// "families" (the names of the families it holds, in order);
    /// empty if the sync failed (the reason is logged).
    Q_INVOKABLE QVariantMap syncPractitioner(const QString &userId);

private:
    bool start(server::User::Role role = server::User::Role::Practitioner);
    /// Makes a practitioner in team "north" with a tablet holding their families, enrolled
    /// and synced; false if any step failed.
    bool seedPractitioner(const QString &userId, const QString &name,
        const QList<std::pair<QString, int>> &families, const QDate &today);
    QVariantMap enrolmentFor(const QString &userId);

    /// Made on first use: most test files never sync.
    std::unique_ptr<test::LocalSyncServer> m_server;
    /// The practitioners' own tablets, by user id.
    std::map<QString, std::unique_ptr<Store>> m_tablets;
    std::optional<server::Issued> m_certificate;
    QString m_caFile;
};

} // namespace doorstep
