// Catching a device up on families that came into its scope after its cursor had passed
// their history: a family reallocated to its practitioner, or moved into its supervisor's
// team. The log alone would never send those ops again (sync/PROTOCOL.md, "Catching up").
#include "server/sqlserverstorage.h"
#include "store/rowreader.h"

namespace doorstep::server
{

namespace
{

struct Pending {
    qint64 serial = 0;
    QString familyId;
    qint64 fromSeq = 0;
};

} // namespace

Result<bool> SqlServerStorage::catchUp(const Device &device, const User &user,
    const sync::PullRequest &request, sync::PullReply &reply)
{
    reply.cursor = request.cursor;
    reply.catchUp = request.catchUp;

    // The request says the device holds every family numbered below its position: it
    // stored that position with their ops, in one transaction.
    auto done = cached(QStringLiteral("UPDATE device_families SET complete = 1 WHERE device_id "
                                      "= ? AND complete = 0 AND serial < ?"));
    if (!done)
        return done.error();
    if (auto ran = (*done)->bind(1, device.id).bind(2, request.catchUp.family).run(); !ran)
        return ran.error();

    // Families that left the user's scope are forgotten, so if one comes back it is sent
    // again whole (the tablet removes it meanwhile).
    const bool isPractitioner = user.role == User::Role::Practitioner;
    const QString scope = isPractitioner
        ? QStringLiteral("SELECT id FROM families WHERE practitioner_id = ?")
        : QStringLiteral("SELECT id FROM families WHERE team = ?");
    const QString &holder = isPractitioner ? user.id : user.team;
    auto forget = cached(
        QStringLiteral("DELETE FROM device_families WHERE device_id = ? AND family_id NOT IN (")
        + scope + QLatin1Char(')'));
    if (!forget)
        return forget.error();
    if (auto ran = (*forget)->bind(1, device.id).bind(2, holder).run(); !ran)
        return ran.error();

    // Families new to the device: everything of them after its cursor is still to come in
    // the log; what came before is sent first. A family with nothing before the cursor (any
    // family, for a new device) needs nothing more.
    auto start = cached(QStringLiteral("INSERT INTO device_families (device_id, family_id, "
                                       "from_seq, complete) SELECT CAST(? AS TEXT), s.id, "
                                       "CAST(? AS BIGINT), CASE WHEN EXISTS (SELECT 1 FROM "
                                       "op_log l WHERE l.family_id = s.id AND l.seq <= ?) THEN "
                                       "0 ELSE 1 END FROM (")
        + scope
        + QStringLiteral(") s WHERE NOT EXISTS (SELECT 1 FROM device_families d WHERE "
                         "d.device_id = ? AND d.family_id = s.id) ORDER BY s.id"));
    if (!start)
        return start.error();
    (*start)->bind(1, device.id).bind(2, request.cursor).bind(3, request.cursor);
    if (auto ran = (*start)->bind(4, holder).bind(5, device.id).run(); !ran)
        return ran.error();

    auto pendingRows = cached(QStringLiteral("SELECT serial, family_id, from_seq FROM "
                                             "device_families WHERE device_id = ? AND complete "
                                             "= 0 ORDER BY serial"));
    if (!pendingRows)
        return pendingRows.error();
    (*pendingRows)->bind(1, device.id);
    auto pending = readAll<Pending>(**pendingRows, [](const SqlStatement &s) {
        return Pending { s.integer(0), s.text(1), s.integer(2) };
    });
    (*pendingRows)->reset();
    if (!pending)
        return pending.error();

    // Each family whole, in the order the device was started on them, its own ops
    // included: a family reallocated away and back was removed from the tablet meanwhile.
    auto history = cached(QStringLiteral(
        "SELECT seq, op_id, kind, record_id, field, value, hlc, device_id, replaces FROM op_log "
        "WHERE family_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?"));
    if (!history)
        return history.error();
    for (const Pending &family : std::as_const(*pending)) {
        const qint64 after = family.serial == request.catchUp.family ? request.catchUp.seq : 0;
        const qint64 room = request.limit - reply.ops.size();
        (*history)->bind(1, family.familyId).bind(2, after).bind(3, family.fromSeq);
        (*history)->bind(4, room);
        qint64 last = after;
        for (;;) {
            auto row = (*history)->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            reply.ops << loggedOp(**history);
            last = reply.ops.constLast().serverSeq;
            reply.snapshot = true;
        }
        (*history)->reset();
        if (reply.ops.size() == request.limit) {
            // Full: the next request goes on from here (and finds nothing if this was all).
            reply.catchUp = { family.serial, last };
            reply.more = true;
            return true;
        }
        reply.catchUp = { family.serial + 1, 0 };
    }
    return false;
}

} // namespace doorstep::server
