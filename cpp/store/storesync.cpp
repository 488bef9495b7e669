// Store's side of sync (sync/PROTOCOL.md): the outbox, the server's acknowledgement, and
// applying pulled ops by the merge rules in one transaction with the pull cursor.
#include "protocol/opcheck.h"
#include "protocol/recordmerge.h"
#include "store/rowreader.h"
#include "store/store.h"
#include "store/storewrite.h"
#include "store/transaction.h"

#include <QSet>

namespace doorstep
{

namespace
{

const QString CausalLength = QString::fromLatin1(Op::CausalLength);

/// The columns journalOp() reads, in its order.
const QString JournalOpColumns
    = QStringLiteral("op_id, record_kind, record_id, field, value, hlc, device_id, replaces");

/// A journal row as the op it records, whichever device wrote it.
Op journalOp(const Statement &s)
{
    Op op { s.text(0), s.text(1), s.text(2), s.text(3), s.value(4), Hlc::fromPacked(s.integer(5)),
        s.text(6), {} };
    if (!s.isNull(7))
        op.replaces = s.text(7).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return op;
}

Error badOp(int index, const QString &why)
{
    return makeError(Error::Code::InvalidArgument,
        QStringLiteral("Op %1 of the pulled batch %2; nothing was applied.")
            .arg(index + 1)
            .arg(why));
}

} // namespace

Result<QList<Op>> Store::outbox(int limit)
{
    auto rows = cached(QStringLiteral("SELECT %1 FROM change_journal WHERE device_id = ? AND "
                                      "op_seq > ? ORDER BY op_seq LIMIT ?")
                           .arg(JournalOpColumns));
    if (!rows)
        return rows.error();
    (*rows)->bind(1, m_deviceId).bind(2, m_ackedOpSeq).bind(3, qint64(limit));
    auto ops = readAll<Op>(**rows, journalOp);
    (*rows)->reset();
    return ops;
}

Result<void> Store::acknowledge(qint64 through)
{
    if (through <= m_ackedOpSeq)
        return {};
    if (through >= m_nextOpSeq)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("The server acknowledged changes this device never made; nothing "
                           "was recorded."));
    if (auto stored = commitMeta(QStringLiteral("acked_op_seq"), through); !stored)
        return stored;
    m_ackedOpSeq = through;
    return {};
}

Result<SyncEndpoint> Store::syncEndpoint()
{
    auto rows = cached(QStringLiteral(
        "SELECT key, value FROM meta WHERE key IN ('sync_url', 'sync_ca', 'sync_token')"));
    if (!rows)
        return rows.error();
    SyncEndpoint endpoint;
    for (;;) {
        auto row = (*rows)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const QString key = (*rows)->text(0);
        if (key == QLatin1String("sync_url"))
            endpoint.serverUrl = (*rows)->text(1);
        else if (key == QLatin1String("sync_ca"))
            endpoint.caPem = (*rows)->blob(1);
        else
            endpoint.token = (*rows)->text(1);
    }
    (*rows)->reset();
    return endpoint;
}

Result<void> Store::setSyncEndpoint(const SyncEndpoint &endpoint)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto remove = cached(QStringLiteral("DELETE FROM meta WHERE key = ?"));
    auto insert = cached(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
    if (!remove)
        return remove.error();
    if (!insert)
        return insert.error();
    const std::pair<const char *, QVariant> rows[] = {
        { "sync_url", endpoint.serverUrl },
        { "sync_ca", endpoint.caPem },
        { "sync_token", endpoint.token },
    };
    for (const auto &[key, value] : rows) {
        if (auto ran = (*remove)->bind(1, QString::fromLatin1(key)).run(); !ran)
            return ran.error();
        if (auto ran = (*insert)->bind(1, QString::fromLatin1(key)).bind(2, value).run(); !ran)
            return ran.error();
    }
    return transaction->commit();
}

Result<QDateTime> Store::lastSyncedAt()
{
    auto row = cached(QStringLiteral("SELECT value FROM meta WHERE key = 'sync_last_at'"));
    if (!row)
        return row.error();
    auto found = (*row)->step();
    if (!found)
        return found.error();
    const QDateTime at
        = *found ? QDateTime::fromString((*row)->text(0), Qt::ISODateWithMs) : QDateTime();
    (*row)->reset();
    return at;
}

Result<void> Store::noteSyncedAt(const QDateTime &at)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto remove = cached(QStringLiteral("DELETE FROM meta WHERE key = 'sync_last_at'"));
    auto insert
        = cached(QStringLiteral("INSERT INTO meta (key, value) VALUES ('sync_last_at', ?)"));
    if (!remove)
        return remove.error();
    if (!insert)
        return insert.error();
    if (auto ran = (*remove)->run(); !ran)
        return ran.error();
    if (auto ran = (*insert)->bind(1, at.toUTC().toString(Qt::ISODateWithMs)).run(); !ran)
        return ran.error();
    return transaction->commit();
}

Result<bool> Store::exists(const RecordKindSpec &kind, const QString &recordId)
{
    auto found = cached(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(kind.table));
    if (!found)
        return found.error();
    auto row = (*found)->bind(1, recordId).step();
    (*found)->reset();
    return row;
}

Result<Store::Materialised> Store::materialise(
    const RecordKindSpec &kind, const QString &recordId, const QDateTime &now)
{
    auto rows = cached(QStringLiteral("SELECT %1 FROM change_journal WHERE record_kind = ? AND "
                                      "record_id = ?")
                           .arg(JournalOpColumns));
    if (!rows)
        return rows.error();
    (*rows)->bind(1, kind.kind).bind(2, recordId);
    auto ops = readAll<Op>(**rows, journalOp);
    (*rows)->reset();
    if (!ops)
        return ops.error();
    const RecordMerge::Record record = RecordMerge::resolve(kind, *ops);

    // A record it refers to that is not here yet (it comes later in the log) holds it back:
    // written now, it would fail its foreign key and take the whole batch with it.
    for (const FieldSpec &spec : kind.fields) {
        if (spec.type != FieldType::Reference)
            continue;
        const auto field = record.fields.find(spec.name);
        if (field == record.fields.end() || !field->second.current
            || field->second.current->value.isNull())
            continue;
        auto present = exists(
            *RecordSchema::find(spec.referencedKind), field->second.current->value.toString());
        if (!present)
            return present.error();
        if (!*present)
            return Materialised::Held;
    }

    auto present = exists(kind, recordId);
    if (!present)
        return present.error();
    QStringList columns;
    QList<QVariant> values;
    for (const auto &[name, outcome] : record.fields) {
        if (!outcome.current)
            continue;
        if (name != CausalLength && !kind.field(name))
            continue;
        columns << name;
        values << outcome.current->value;
    }
    QStringList written;
    if (!*present) {
        if (!record.isComplete(kind))
            return Materialised::Held;
        QStringList marks(columns.size() + 1, QStringLiteral("?"));
        auto insert = cached(
            QStringLiteral("INSERT INTO %1 (id,%2) VALUES (%3)")
                .arg(kind.table, columns.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
        if (!insert)
            return insert.error();
        (*insert)->bind(1, recordId);
        for (int i = 0; i < values.size(); ++i)
            (*insert)->bind(i + 2, values[i]);
        if (auto ran = (*insert)->run(); !ran)
            return ran.error();
        written = columns;
    } else {
        auto current = cached(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                                  .arg(columns.join(QLatin1Char(',')), kind.table));
        if (!current)
            return current.error();
        auto row = (*current)->bind(1, recordId).step();
        if (!row)
            return row.error();
        QStringList assignments;
        QList<QVariant> changed;
        for (int i = 0; i < columns.size(); ++i) {
            const QVariant old = (*current)->value(i);
            const bool same = (old.isNull() && values[i].isNull())
                || (!old.isNull() && !values[i].isNull() && old == values[i]);
            if (same)
                continue;
            assignments << QStringLiteral("%1 = ?").arg(columns[i]);
            changed << values[i];
            written << columns[i];
        }
        (*current)->reset();
        if (!assignments.isEmpty()) {
            auto update = cached(QStringLiteral("UPDATE OR FAIL %1 SET %2 WHERE id = ?")
                                     .arg(kind.table, assignments.join(QLatin1Char(','))));
            if (!update)
                return update.error();
            for (int i = 0; i < changed.size(); ++i)
                (*update)->bind(i + 1, changed[i]);
            (*update)->bind(changed.size() + 1, recordId);
            if (auto ran = (*update)->run(); !ran)
                return ran.error();
        }
    }

    for (const auto &[name, outcome] : record.fields) {
        if (outcome.current) {
            const Op &op = *outcome.current;
            if (auto set = setFieldClock(kind.kind, recordId, name, op.hlc, op.deviceId, op.id);
                !set)
                return set.error();
        }
    }

    // The conflict versions are rewritten only when the merge changed them; a pull that only
    // adds one (a losing concurrent edit, a late edit to a sealed record) still tells the
    // pages to show it.
    QSet<QString> conflictsAfter;
    for (const auto &[name, outcome] : record.fields) {
        for (const Op &conflict : outcome.conflicts)
            conflictsAfter.insert(name + QLatin1Char(' ') + conflict.id);
    }
    auto readConflicts = cached(QStringLiteral(
        "SELECT field || ' ' || op_id FROM conflict_versions WHERE record_kind = ? AND "
        "record_id = ?"));
    if (!readConflicts)
        return readConflicts.error();
    (*readConflicts)->bind(1, kind.kind).bind(2, recordId);
    auto before = readAll<QString>(**readConflicts, [](const Statement &s) { return s.text(0); });
    (*readConflicts)->reset();
    if (!before)
        return before.error();
    const bool conflictsChanged = conflictsAfter != QSet<QString>(before->cbegin(), before->cend());
    if (conflictsChanged) {
        auto clearConflicts = cached(QStringLiteral(
            "DELETE FROM conflict_versions WHERE record_kind = ? AND record_id = ?"));
        if (!clearConflicts)
            return clearConflicts.error();
        if (auto ran = (*clearConflicts)->bind(1, kind.kind).bind(2, recordId).run(); !ran)
            return ran.error();
        auto addConflict = cached(QStringLiteral("INSERT OR IGNORE INTO conflict_versions "
                                                 "(record_kind, record_id, field, op_id) VALUES "
                                                 "(?, ?, ?, ?)"));
        if (!addConflict)
            return addConflict.error();
        for (const auto &[name, outcome] : record.fields) {
            for (const Op &conflict : outcome.conflicts) {
                (*addConflict)->bind(1, kind.kind).bind(2, recordId).bind(3, name);
                if (auto ran = (*addConflict)->bind(4, conflict.id).run(); !ran)
                    return ran.error();
            }
        }
    }
    if (written.isEmpty())
        return conflictsChanged ? Materialised::Written : Materialised::Unchanged;
    if (auto audited
        = audit(QStringLiteral("receive"), kind, recordId, written, now, QStringLiteral("sync"));
        !audited)
        return audited.error();
    return Materialised::Written;
}

Result<SyncApplied> Store::applyPulled(
    const QList<Op> &ops, qint64 cursor, const sync::CatchUp &catchUp)
{
    if (cursor < m_pullCursor)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("The server's cursor went backwards (from %1 to %2); nothing was "
                           "applied.")
                .arg(m_pullCursor)
                .arg(cursor));
    for (int i = 0; i < ops.size(); ++i) {
        if (auto problem = OpCheck::problem(ops[i]))
            return badOp(i, *problem);
    }

    auto write = Write::begin(*this);
    if (!write)
        return write.error();

    SyncApplied applied;
    using Key = std::pair<QString, QString>;
    QList<Key> touched;
    QSet<Key> seen;
    auto known = cached(QStringLiteral("SELECT 1 FROM change_journal WHERE op_id = ?"));
    auto insert = cached(QStringLiteral(
        "INSERT INTO change_journal (op_id, record_kind, record_id, field, value, hlc, "
        "device_id, op_seq, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!known)
        return known.error();
    if (!insert)
        return insert.error();
    for (const Op &op : ops) {
        auto row = (*known)->bind(1, op.id).step();
        (*known)->reset();
        if (!row)
            return row.error();
        if (*row)
            continue; // held already: applying it again changes nothing
        const QVariant replaces
            = op.replaces.isEmpty() ? QVariant() : QVariant(op.replaces.join(QLatin1Char(' ')));
        (*insert)->bind(1, op.id).bind(2, op.kind).bind(3, op.recordId).bind(4, op.field);
        (*insert)->bind(5, op.value).bind(6, op.hlc.packed()).bind(7, op.deviceId);
        (*insert)->bind(8, opSequence(op.id)).bind(9, replaces);
        if (auto ran = (*insert)->run(); !ran)
            return ran.error();
        m_clock.receive(op.hlc);
        ++applied.newOps;
        const Key key { op.kind, op.recordId };
        if (!seen.contains(key)) {
            seen.insert(key);
            touched << key;
        }
    }

    // Records held back before are tried again: what they waited for may have come.
    auto held = cached(QStringLiteral("SELECT record_kind, record_id FROM held_records"));
    if (!held)
        return held.error();
    for (;;) {
        auto row = (*held)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const Key key { (*held)->text(0), (*held)->text(1) };
        if (!seen.contains(key)) {
            seen.insert(key);
            touched << key;
        }
    }
    (*held)->reset();

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_options.clock(), Qt::UTC);
    // A record can wait for another in the same batch: go round until no more can be written.
    QList<Key> waiting = touched;
    bool progress = true;
    while (progress && !waiting.isEmpty()) {
        progress = false;
        QList<Key> still;
        for (const Key &key : waiting) {
            auto result = materialise(*RecordSchema::find(key.first), key.second, now);
            if (!result)
                return result.error();
            if (*result == Materialised::Held) {
                still << key;
                continue;
            }
            progress = true;
            if (*result == Materialised::Written && !applied.kinds.contains(key.first))
                applied.kinds << key.first;
        }
        waiting = still;
    }

    if (auto ran = m_db.exec(QStringLiteral("DELETE FROM held_records")); !ran)
        return ran.error();
    auto hold
        = cached(QStringLiteral("INSERT INTO held_records (record_kind, record_id) VALUES (?, ?)"));
    if (!hold)
        return hold.error();
    for (const Key &key : waiting) {
        if (auto ran = (*hold)->bind(1, key.first).bind(2, key.second).run(); !ran)
            return ran.error();
    }
    applied.heldBack = int(waiting.size());

    const std::pair<const char *, qint64> positions[] = { { "pull_cursor", cursor },
        { "pull_catch_up_family", catchUp.family }, { "pull_catch_up_seq", catchUp.seq } };
    for (const auto &[key, value] : positions) {
        if (auto set = setMeta(QString::fromLatin1(key), value); !set)
            return set.error();
    }
    if (auto committed = write->commit(); !committed)
        return committed.error();
    m_pullCursor = cursor;
    m_pullCatchUp = catchUp;
    return applied;
}

} // namespace doorstep
