// The audit viewer at the centre (issue 8): a supervisor asks who pushed, pulled, allocated,
// shared or changed a family's records, when and on which tablet. Only a supervisor may, and
// only for a family of their team; every reading is itself audited.
#include "server/sqlserverstorage.h"
#include "store/rowreader.h"

namespace doorstep::server
{

Result<sync::FamilyAuditReply> SqlServerStorage::familyAudit(
    const Device &device, const sync::FamilyAuditRequest &request, const QString &appVersion)
{
    const QString action = QStringLiteral("audit read");
    return forSyncingDevice<sync::FamilyAuditReply>(
        device, action,
        [&](const Device &, const User &user,
            std::optional<Error> &refusal) -> Result<sync::FamilyAuditReply> {
            if (user.role != User::Role::Supervisor) {
                refusal = makeError(Error::Code::NotPermitted,
                    QStringLiteral("Only a supervisor may read a family's audit."));
                return *refusal;
            }
            if (request.limit < 1 || request.limit > sync::MaxFamilyAuditEntries) {
                refusal = makeError(Error::Code::InvalidArgument,
                    QStringLiteral("Ask for between 1 and %1 audit entries.")
                        .arg(sync::MaxFamilyAuditEntries));
                return *refusal;
            }
            // Not of the team, or unknown: one answer, so nothing is learnt of other teams.
            auto scope
                = cached(QStringLiteral("SELECT practitioner_id, team FROM families WHERE id = ?"));
            if (!scope)
                return scope.error();
            (*scope)->bind(1, request.familyId);
            auto row = (*scope)->step();
            const bool inScope
                = row && *row && holdsNow(user, (*scope)->text(0), (*scope)->text(1));
            (*scope)->reset();
            if (!row)
                return row.error();
            if (!inScope) {
                refusal = makeError(Error::Code::NotFound,
                    QStringLiteral("There is no such family in this team's caseload."));
                return *refusal;
            }

            // The family itself and every record the log maps to it (record_family), through
            // the audit's index on (record_kind, record_id); newest first, by insertion.
            auto select = cached(QStringLiteral(
                "SELECT a.at, a.user_id, COALESCE(u.name, ''), COALESCE(d.name, ''), a.action, "
                "a.record_kind, a.record_id, a.detail FROM audit_log a "
                "LEFT JOIN users u ON u.id = a.user_id LEFT JOIN devices d ON d.id = a.device_id "
                "WHERE (a.record_kind = 'family' AND a.record_id = ?) OR EXISTS (SELECT 1 FROM "
                "record_family r WHERE r.kind = a.record_kind AND r.record_id = a.record_id AND "
                "r.family_id = ?) ORDER BY a.id DESC LIMIT ?"));
            if (!select)
                return select.error();
            (*select)->bind(1, request.familyId).bind(2, request.familyId);
            (*select)->bind(3, qint64(request.limit));
            auto entries = readAll<sync::FamilyAuditEntry>(**select, [](const SqlStatement &s) {
                return sync::FamilyAuditEntry { s.text(0), s.text(1), s.text(2), s.text(3),
                    s.text(4), s.text(5), s.text(6), s.text(7) };
            });
            (*select)->reset();
            if (!entries)
                return entries.error();
            if (auto touched = touchDevice(device.id, appVersion); !touched)
                return touched.error();
            if (auto audited
                = writeAudit({ now(), user.id, device.id, action, QStringLiteral("family"),
                    request.familyId, QStringLiteral("%1 entries read").arg(entries->size()) });
                !audited)
                return audited.error();
            return sync::FamilyAuditReply { *entries };
        },
        QStringLiteral("family"), request.familyId);
}

} // namespace doorstep::server
