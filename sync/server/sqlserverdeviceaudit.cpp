// The tablets' own audit entries, kept in the server's audit beside its own: what a
// practitioner did on a tablet, offline, is on record at the centre once it syncs.
#include "server/sqlserverstorage.h"
#include "store/rowreader.h"

namespace doorstep::server
{

Result<qint64> SqlServerStorage::recordDeviceAudit(
    const Device &device, const QList<sync::DeviceAuditEntry> &entries, const QString &appVersion)
{
    return forSyncingDevice<qint64>(device, QStringLiteral("audit"),
        [&](const Device &, const User &user, std::optional<Error> &refusal) -> Result<qint64> {
            const QString &userId = user.id;

            auto held = cached(QStringLiteral("SELECT audited_through FROM devices WHERE id = ?"));
            if (!held)
                return held.error();
            (*held)->bind(1, device.id);
            auto read
                = readFirst<qint64>(**held, [](const SqlStatement &s) { return s.integer(0); });
            (*held)->reset();
            if (!read)
                return read.error();
            qint64 through = read->value_or(0);

            const QDateTime at = now();
            for (qsizetype i = 0; i < entries.size(); ++i) {
                const sync::DeviceAuditEntry &entry = entries[i];
                if (entry.seq <= through)
                    continue; // sent before, and its acknowledgement lost
                if (entry.actorId != userId) {
                    refusal = makeError(Error::Code::InvalidArgument,
                        QStringLiteral("The audit was refused and nothing was kept: its entry %1 "
                                       "names someone other than the tablet's user.")
                            .arg(i + 1));
                    return *refusal;
                }
                QString detail = QStringLiteral("on the tablet at %1 (%2), its entry %3")
                                     .arg(entry.at, entry.origin)
                                     .arg(entry.seq);
                if (!entry.fields.isEmpty())
                    detail += QStringLiteral("; fields: ") + entry.fields;
                if (auto audited
                    = writeAudit({ at, userId, device.id, QStringLiteral("device ") + entry.action,
                        entry.recordKind, entry.recordId, detail });
                    !audited)
                    return audited.error();
                through = entry.seq;
            }

            auto advance
                = cached(QStringLiteral("UPDATE devices SET audited_through = ? WHERE id = ?"));
            if (!advance)
                return advance.error();
            if (auto ran = (*advance)->bind(1, through).bind(2, device.id).run(); !ran)
                return ran.error();
            if (auto touched = touchDevice(device.id, appVersion); !touched)
                return touched.error();
            return through;
        });
}

} // namespace doorstep::server
