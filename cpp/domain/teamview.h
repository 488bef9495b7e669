#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace doorstep
{

/// Who a tablet's user is at the centre, as the server says at each sync: their role and
/// team and, for a supervisor, the people of the team with the last sync of each of their
/// tablets (a practitioner is told only of themselves). The server decides it; a tablet
/// only keeps the latest, so a supervisor's tablet can show the team offline.
struct TeamView {
    enum class Role { Practitioner, Supervisor };

    struct Device {
        QString name;
        QDateTime lastSyncAt; ///< UTC; null when the tablet has not synced yet
        friend bool operator==(const Device &a, const Device &b)
        {
            return a.name == b.name && a.lastSyncAt == b.lastSyncAt;
        }
    };

    /// The latest sync of any of these tablets; null when none has synced.
    static QDateTime latestSync(const QList<Device> &devices)
    {
        QDateTime latest;
        for (const Device &device : devices) {
            if (device.lastSyncAt.isValid() && (!latest.isValid() || device.lastSyncAt > latest))
                latest = device.lastSyncAt;
        }
        return latest;
    }

    struct Member {
        QString userId;
        QString name;
        Role role = Role::Practitioner;
        QList<Device> devices; ///< enrolled and not revoked
        /// The latest sync of any of the member's tablets; null when none has synced.
        QDateTime lastSyncAt() const { return latestSync(devices); }
        friend bool operator==(const Member &a, const Member &b)
        {
            return a.userId == b.userId && a.name == b.name && a.role == b.role
                && a.devices == b.devices;
        }
    };

    Role role = Role::Practitioner;
    QString team;
    QList<Member> members;

    bool isSupervisor() const { return role == Role::Supervisor; }
    friend bool operator==(const TeamView &a, const TeamView &b)
    {
        return a.role == b.role && a.team == b.team && a.members == b.members;
    }
};

} // namespace doorstep
