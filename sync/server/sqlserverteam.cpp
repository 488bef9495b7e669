// Who the syncing user is at the centre, told to their tablet with each pull: a supervisor's
// tablet shows the team's people and when each of their tablets last synced, offline.
#include "server/sqlserverstorage.h"
#include "store/rowreader.h"

namespace doorstep::server
{

Result<TeamView> SqlServerStorage::teamView(const User &user)
{
    TeamView view;
    view.role = user.role == User::Role::Supervisor ? TeamView::Role::Supervisor
                                                    : TeamView::Role::Practitioner;
    view.team = user.team;
    // Least access: a practitioner learns only of themselves (and nothing of their tablets,
    // which they hold), a supervisor of their team and its tablets, never of another team.
    // Revoked tablets are not the member's any more.
    auto select = cached(QStringLiteral(
        "SELECT u.id, u.name, u.role, d.name, d.last_sync_at FROM users u LEFT JOIN devices d "
        "ON d.user_id = u.id AND d.revoked_at IS NULL AND ? = 1 WHERE u.id = ? OR (? = 1 AND "
        "u.team = ?) ORDER BY u.name, u.id, d.enrolled_at, d.id"));
    if (!select)
        return select.error();
    const qint64 supervisor = view.isSupervisor() ? 1 : 0;
    (*select)->bind(1, supervisor).bind(2, user.id).bind(3, supervisor).bind(4, user.team);
    for (;;) {
        auto row = (*select)->step();
        if (!row) {
            (*select)->reset();
            return row.error();
        }
        if (!*row)
            break;
        const SqlStatement &s = **select;
        if (view.members.isEmpty() || view.members.constLast().userId != s.text(0)) {
            TeamView::Member member;
            member.userId = s.text(0);
            member.name = s.text(1);
            member.role = s.text(2) == QLatin1String("supervisor") ? TeamView::Role::Supervisor
                                                                   : TeamView::Role::Practitioner;
            view.members.append(member);
        }
        if (!s.isNull(3)) {
            TeamView::Device device;
            device.name = s.text(3);
            if (!s.isNull(4))
                device.lastSyncAt = QDateTime::fromString(s.text(4), Qt::ISODateWithMs).toUTC();
            view.members.last().devices.append(device);
        }
    }
    (*select)->reset();
    return view;
}

} // namespace doorstep::server
