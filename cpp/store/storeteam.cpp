// Who this tablet's user is at the centre: the role, team and (for a supervisor) the team's
// people and their tablets' last syncs, as the server said at the last sync. Kept so a
// supervisor's tablet shows the team offline; never journalled, as it is the server's to say.
#include "store/store.h"
#include "store/transaction.h"

namespace doorstep
{

namespace
{

const QString RoleKey = QStringLiteral("team_role");
const QString TeamKey = QStringLiteral("team_name");

QString roleWord(TeamView::Role role)
{
    return role == TeamView::Role::Supervisor ? QStringLiteral("supervisor")
                                              : QStringLiteral("practitioner");
}

TeamView::Role roleOf(const QString &word)
{
    return word == QLatin1String("supervisor") ? TeamView::Role::Supervisor
                                               : TeamView::Role::Practitioner;
}

} // namespace

Result<std::optional<TeamView>> Store::teamView()
{
    auto meta = cached(QStringLiteral("SELECT key, value FROM meta WHERE key IN (?, ?)"));
    if (!meta)
        return meta.error();
    (*meta)->bind(1, RoleKey).bind(2, TeamKey);
    TeamView view;
    bool told = false;
    for (;;) {
        auto row = (*meta)->step();
        if (!row) {
            (*meta)->reset();
            return row.error();
        }
        if (!*row)
            break;
        if ((*meta)->text(0) == RoleKey) {
            told = true;
            view.role = roleOf((*meta)->text(1));
        } else {
            view.team = (*meta)->text(1);
        }
    }
    (*meta)->reset();
    if (!told)
        return std::optional<TeamView>();

    auto members = cached(QStringLiteral(
        "SELECT m.user_id, m.name, m.role, d.name, d.last_sync_at FROM team_members m LEFT JOIN "
        "team_devices d ON d.user_id = m.user_id ORDER BY m.ordinal, d.ordinal"));
    if (!members)
        return members.error();
    for (;;) {
        auto row = (*members)->step();
        if (!row) {
            (*members)->reset();
            return row.error();
        }
        if (!*row)
            break;
        const Statement &s = **members;
        if (view.members.isEmpty() || view.members.constLast().userId != s.text(0))
            view.members.append({ s.text(0), s.text(1), roleOf(s.text(2)), {} });
        if (!s.isNull(3)) {
            TeamView::Device device { s.text(3), {} };
            if (!s.isNull(4))
                device.lastSyncAt = QDateTime::fromString(s.text(4), Qt::ISODateWithMs).toUTC();
            view.members.last().devices.append(device);
        }
    }
    (*members)->reset();
    return std::optional<TeamView>(view);
}

Result<void> Store::saveTeamView(const TeamView &view)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    for (const QString &sql :
        { QStringLiteral("DELETE FROM team_devices"), QStringLiteral("DELETE FROM team_members"),
            QStringLiteral("DELETE FROM meta WHERE key IN ('team_role', 'team_name')") }) {
        auto clear = cached(sql);
        if (!clear)
            return clear.error();
        if (auto ran = (*clear)->run(); !ran)
            return ran.error();
    }
    auto meta = cached(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
    if (!meta)
        return meta.error();
    if (auto ran = (*meta)->bind(1, RoleKey).bind(2, roleWord(view.role)).run(); !ran)
        return ran.error();
    if (auto ran = (*meta)->bind(1, TeamKey).bind(2, view.team).run(); !ran)
        return ran.error();

    auto member = cached(QStringLiteral(
        "INSERT INTO team_members (user_id, ordinal, name, role) VALUES (?, ?, ?, ?)"));
    auto device = cached(QStringLiteral(
        "INSERT INTO team_devices (user_id, ordinal, name, last_sync_at) VALUES (?, ?, ?, ?)"));
    if (!member)
        return member.error();
    if (!device)
        return device.error();
    for (qsizetype i = 0; i < view.members.size(); ++i) {
        const TeamView::Member &m = view.members[i];
        // The server names each person once; a repeat would be its fault, and is refused
        // here by the key rather than kept twice.
        if (auto ran = (*member)
                           ->bind(1, m.userId)
                           .bind(2, qint64(i))
                           .bind(3, m.name)
                           .bind(4, roleWord(m.role))
                           .run();
            !ran)
            return ran.error();
        for (qsizetype j = 0; j < m.devices.size(); ++j) {
            (*device)->bind(1, m.userId).bind(2, qint64(j)).bind(3, m.devices[j].name);
            if (m.devices[j].lastSyncAt.isValid())
                (*device)->bind(4, m.devices[j].lastSyncAt.toUTC().toString(Qt::ISODateWithMs));
            else
                (*device)->bindNull(4);
            if (auto ran = (*device)->run(); !ran)
                return ran.error();
        }
    }
    return transaction->commit();
}

} // namespace doorstep
