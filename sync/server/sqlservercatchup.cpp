// Catching a device up on families that came into its scope after its cursor had passed
// their history: a family reallocated to its practitioner, or moved into its supervisor's
// team. The log alone would never send those ops again (sync/PROTOCOL.md, "Catching up").
#include "server/sqlserverstorage.h"
#include "store/rowreader.h"

#include <algorithm>

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

Result<void> SqlServerStorage::refreshFamilies(const Device &device, const User &user,
    const sync::PullRequest &request, const QStringList &removedFamilies, qint64 logEnd)
{
    // Families that left the user's scope: the device is told to remove them
    // (`removedFamilies`), and may, its own ops with them.
    const bool isPractitioner = user.role == User::Role::Practitioner;
    const QString scope = isPractitioner
        ? QStringLiteral("SELECT id FROM families WHERE practitioner_id = ?")
        : QStringLiteral("SELECT id FROM families WHERE team = ?");
    const QString &holder = isPractitioner ? user.id : user.team;
    auto left = cached(QStringLiteral("UPDATE device_families SET removed = 1 WHERE device_id = "
                                      "? AND removed = 0 AND family_id NOT IN (")
        + scope + QLatin1Char(')'));
    if (!left)
        return left.error();
    if (auto ran = (*left)->bind(1, device.id).bind(2, holder).run(); !ran)
        return ran.error();
    // So are families the user held before this device ever pulled them (written on another
    // of the user's tablets, or on this one and pushed, then reallocated): the device may
    // remove them, its own ops with them, so if they come back they come whole.
    auto told = cached(QStringLiteral(
        "INSERT INTO device_families (device_id, family_id, from_seq, complete, removed) SELECT "
        "CAST(? AS TEXT), CAST(? AS TEXT), 0, 1, 1 WHERE NOT EXISTS (SELECT 1 FROM "
        "device_families WHERE device_id = ? AND family_id = ?)"));
    if (!told)
        return told.error();
    for (const QString &familyId : removedFamilies) {
        (*told)->bind(1, device.id).bind(2, familyId);
        if (auto ran = (*told)->bind(3, device.id).bind(4, familyId).run(); !ran)
            return ran.error();
    }

    // Families back in scope after the device was told to remove them: whole again, to the
    // end of the log, its own ops included, numbered after everything sent so far.
    auto back = cached(QStringLiteral("SELECT family_id FROM device_families WHERE device_id = "
                                      "? AND removed = 1 AND family_id IN (")
        + scope + QLatin1Char(')'));
    if (!back)
        return back.error();
    (*back)->bind(1, device.id).bind(2, holder);
    auto returning = readAll<QString>(**back, [](const SqlStatement &s) { return s.text(0); });
    (*back)->reset();
    if (!returning)
        return returning.error();
    auto drop = cached(
        QStringLiteral("DELETE FROM device_families WHERE device_id = ? AND family_id = ?"));
    auto restart = cached(QStringLiteral(
        "INSERT INTO device_families (device_id, family_id, from_seq, complete) VALUES (?, ?, "
        "?, CASE WHEN EXISTS (SELECT 1 FROM op_log WHERE family_id = ? AND seq <= ?) THEN 0 "
        "ELSE 1 END)"));
    for (const auto *statement : { &drop, &restart }) {
        if (!*statement)
            return statement->error();
    }
    for (const QString &familyId : std::as_const(*returning)) {
        if (auto ran = (*drop)->bind(1, device.id).bind(2, familyId).run(); !ran)
            return ran.error();
        (*restart)->bind(1, device.id).bind(2, familyId).bind(3, logEnd);
        if (auto ran = (*restart)->bind(4, familyId).bind(5, logEnd).run(); !ran)
            return ran.error();
    }

    // Families new to the device: what of them comes after `from` is still to come in the
    // log, and what came before is sent first. An established device starts a family at its
    // cursor; a new one (cursor 0) at the end of the log, so it reads its scope and not the
    // whole log. A device has its own ops of a family it never removed, so only others'
    // ops are sent; a family with none to send is complete at once.
    const bool newDevice = request.cursor == 0;
    const qint64 from = newDevice ? logEnd : request.cursor;
    auto start = cached(QStringLiteral("INSERT INTO device_families (device_id, family_id, "
                                       "from_seq, complete) SELECT CAST(? AS TEXT), s.id, "
                                       "CAST(? AS BIGINT), CASE WHEN EXISTS (SELECT 1 FROM "
                                       "op_log l WHERE l.family_id = s.id AND l.seq <= ? AND "
                                       "l.device_id <> ?) THEN 0 ELSE 1 END FROM (")
        + scope
        + QStringLiteral(") s WHERE NOT EXISTS (SELECT 1 FROM device_families d WHERE "
                         "d.device_id = ? AND d.family_id = s.id) ORDER BY s.id"));
    if (!start)
        return start.error();
    (*start)->bind(1, device.id).bind(2, from).bind(3, from).bind(4, device.id);
    if (auto ran = (*start)->bind(5, holder).bind(6, device.id).run(); !ran)
        return ran.error();
    return {};
}

Result<bool> SqlServerStorage::catchUp(const Device &device, const User &user,
    const sync::PullRequest &request, const QStringList &removedFamilies, qint64 logEnd,
    bool scopeMoved, sync::PullReply &reply)
{
    reply.catchUp = request.catchUp;

    // The request says the device holds every family numbered below its position: it
    // stored that position with their ops, in one transaction.
    auto done = cached(QStringLiteral("UPDATE device_families SET complete = 1 WHERE device_id "
                                      "= ? AND complete = 0 AND serial < ?"));
    if (!done)
        return done.error();
    if (auto ran = (*done)->bind(1, device.id).bind(2, request.catchUp.family).run(); !ran)
        return ran.error();

    if (scopeMoved) {
        if (auto refreshed = refreshFamilies(device, user, request, removedFamilies, logEnd);
            !refreshed)
            return refreshed.error();
    }

    // The log can go on from the lowest point any of the device's families starts at: below
    // it, every op of its scope has been or is being sent by family. With no family in
    // scope, the device has nothing to read before the end of the log.
    auto lowest = cached(QStringLiteral(
        "SELECT MIN(from_seq) FROM device_families WHERE device_id = ? AND removed = 0"));
    if (!lowest)
        return lowest.error();
    (*lowest)->bind(1, device.id);
    auto lowestFrom = readFirst<qint64>(
        **lowest, [&](const SqlStatement &s) { return s.isNull(0) ? logEnd : s.integer(0); });
    (*lowest)->reset();
    if (!lowestFrom)
        return lowestFrom.error();
    reply.cursor = std::max(request.cursor, lowestFrom->value_or(0));

    auto pendingRows = cached(QStringLiteral("SELECT serial, family_id, from_seq FROM "
                                             "device_families WHERE device_id = ? AND complete "
                                             "= 0 AND removed = 0 ORDER BY serial"));
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
        const qint64 room = request.limit - reply.ops.size();
        if (room == 0) {
            reply.more = true; // the next family in the next request
            return true;
        }
        const qint64 after = family.serial == request.catchUp.family ? request.catchUp.seq : 0;
        const qsizetype before = reply.ops.size();
        // One row more than there is room for says whether the family goes on.
        (*history)->bind(1, family.familyId).bind(2, after).bind(3, family.fromSeq);
        (*history)->bind(4, room + 1);
        auto goesOn = takeOps(**history, room, reply);
        (*history)->reset();
        if (!goesOn)
            return goesOn.error();
        if (reply.ops.size() > before)
            reply.snapshot = true;
        if (*goesOn) {
            reply.catchUp = { family.serial, reply.ops.constLast().serverSeq };
            reply.more = true;
            return true;
        }
        reply.catchUp = { family.serial + 1, 0 };
    }
    // Caught up: the log follows, as far as there is room (none says only whether more is
    // to come).
    return false;
}

} // namespace doorstep::server
