// Store's side of conflict versions (sync/PROTOCOL.md): reading them for a person to compare,
// and resolving them. A merge is an ordinary journalled text op whose `replaces` names every
// version it resolves, so it syncs, and every replica's FieldMerge then sees one head.
#include "protocol/recordschema.h"
#include "protocol/synccodec.h"
#include "store/rowreader.h"
#include "store/store.h"
#include "store/storewrite.h"
#include "store/transaction.h"

#include <QHash>
#include <QScopeGuard>
#include <QSet>

namespace doorstep
{

namespace
{

const QString CausalLength = QString::fromLatin1(Op::CausalLength);
const QString VisitKind = QStringLiteral("visit");

/// A version a person has read and dismissed on this device is kept in meta under this
/// prefix: the merge rules put it back in conflict_versions whenever its record is
/// resolved again, and only this device's practitioner has dismissed it.
QString readKey(const QString &opId)
{
    return QStringLiteral("conflict_read:") + opId;
}

QDateTime timeOf(qint64 packedHlc)
{
    return QDateTime::fromMSecsSinceEpoch(Hlc::fromPacked(packedHlc).physicalMs(), Qt::UTC);
}

Error sealedError(const RecordKindSpec &kind)
{
    if (kind.mutability == RecordKindSpec::Mutability::FinalisedByStatus)
        return makeError(Error::Code::Immutable,
            QStringLiteral("This %1 has been finalised and cannot be changed; add the other "
                           "version as a dated amendment instead.")
                .arg(kind.label));
    return makeError(Error::Code::Immutable,
        QStringLiteral("A %1 cannot be changed once it is recorded; record a new one if this "
                       "change is needed.")
            .arg(kind.label));
}

} // namespace

/// What a resolution needs to know about one field of one record, read in one place.
struct Store::ConflictTarget {
    const RecordKindSpec *kind = nullptr;
    QString recordId;
    QString field;
    QString familyId;
    bool live = false;
    bool sealed = false;
    QString currentOpId;
    QStringList conflictOpIds; ///< not yet read and dismissed here, newest first
};

Result<Store::ConflictTarget> Store::conflictTarget(
    const QString &kind, const QString &recordId, const QString &field)
{
    ConflictTarget target;
    target.kind = RecordSchema::find(kind);
    if (!target.kind)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("\"%1\" is not a kind of record Doorstep stores.").arg(kind));
    if (field != CausalLength && !target.kind->field(field))
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A %1 has no field called \"%2\".").arg(target.kind->label, field));
    target.recordId = recordId;
    target.field = field;

    const bool byStatus = target.kind->mutability == RecordKindSpec::Mutability::FinalisedByStatus;
    auto record = cached(
        QStringLiteral("SELECT causal_length, %1 FROM %2 WHERE id = ?")
            .arg(byStatus ? QStringLiteral("status") : QStringLiteral("NULL"), target.kind->table));
    if (!record)
        return record.error();
    auto found = (*record)->bind(1, recordId).step();
    if (!found)
        return found.error();
    if (!*found) {
        (*record)->reset();
        return makeError(Error::Code::NotFound,
            QStringLiteral("There is no %1 with this id.").arg(target.kind->label));
    }
    target.live = (*record)->integer(0) % 2 == 1;
    target.sealed = target.kind->mutability == RecordKindSpec::Mutability::Immutable
        || (byStatus && (*record)->text(1) == QLatin1String("final"));
    (*record)->reset();

    // The family: the record itself, its family_id, or that of the record it belongs to
    // (a goal's plan, a stroke's drawing).
    const RecordKindSpec *spec = target.kind;
    QString id = recordId;
    for (int depth = 0; depth < 4 && spec; ++depth) {
        if (spec->kind == QLatin1String("family")) {
            target.familyId = id;
            break;
        }
        const FieldSpec *link = spec->field(QStringLiteral("family_id"));
        if (!link) {
            for (const FieldSpec &candidate : spec->fields) {
                if (candidate.type == FieldType::Reference && candidate.required) {
                    link = &candidate;
                    break;
                }
            }
        }
        if (!link)
            break;
        auto parent
            = cached(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(link->name, spec->table));
        if (!parent)
            return parent.error();
        auto row = (*parent)->bind(1, id).step();
        if (!row)
            return row.error();
        id = *row ? (*parent)->text(0) : QString();
        (*parent)->reset();
        spec = id.isEmpty() ? nullptr : RecordSchema::find(link->referencedKind);
    }

    auto current = cached(QStringLiteral("SELECT op_id FROM field_clock WHERE record_kind = ? "
                                         "AND record_id = ? AND field = ?"));
    if (!current)
        return current.error();
    auto held = (*current)->bind(1, kind).bind(2, recordId).bind(3, field).step();
    if (!held)
        return held.error();
    if (*held)
        target.currentOpId = (*current)->text(0);
    (*current)->reset();

    auto versions = cached(QStringLiteral(
        "SELECT c.op_id FROM conflict_versions c JOIN change_journal j ON j.op_id = c.op_id "
        "WHERE c.record_kind = ? AND c.record_id = ? AND c.field = ? AND NOT EXISTS (SELECT 1 "
        "FROM meta m WHERE m.key = 'conflict_read:' || c.op_id) ORDER BY j.hlc DESC, "
        "j.device_id DESC, j.op_id DESC"));
    if (!versions)
        return versions.error();
    (*versions)->bind(1, kind).bind(2, recordId).bind(3, field);
    auto ids = readAll<QString>(**versions, [](const Statement &s) { return s.text(0); });
    (*versions)->reset();
    if (!ids)
        return ids.error();
    target.conflictOpIds = *ids;
    return target;
}

Result<QList<Store::FieldConflict>> Store::conflicts(const QString &kind, const QString &recordId)
{
    auto fields = cached(QStringLiteral(
        "SELECT DISTINCT field FROM conflict_versions WHERE record_kind = ? AND record_id = ? "
        "ORDER BY field"));
    if (!fields)
        return fields.error();
    (*fields)->bind(1, kind).bind(2, recordId);
    auto names = readAll<QString>(**fields, [](const Statement &s) { return s.text(0); });
    (*fields)->reset();
    if (!names)
        return names.error();

    auto version = cached(
        QStringLiteral("SELECT value, hlc, device_id FROM change_journal WHERE op_id = ?"));
    if (!version)
        return version.error();
    const auto read = [&](const QString &opId) -> Result<ConflictVersion> {
        auto row = (*version)->bind(1, opId).step();
        if (!row)
            return row.error();
        ConflictVersion v;
        v.opId = opId;
        if (*row) {
            v.value = (*version)->value(0);
            v.writtenAt = timeOf((*version)->integer(1));
            v.deviceId = (*version)->text(2);
            v.thisDevice = v.deviceId == m_deviceId;
            if (v.thisDevice)
                v.authorId = m_userId;
        }
        (*version)->reset();
        return v;
    };

    QList<FieldConflict> found;
    for (const QString &field : *names) {
        auto target = conflictTarget(kind, recordId, field);
        if (!target && target.error().code == Error::Code::NotFound)
            continue;
        if (!target)
            return target.error();
        // A deleted record's versions stay in the journal and come back if it is restored.
        if (!target->live || target->conflictOpIds.isEmpty())
            continue;
        FieldConflict conflict { kind, recordId, field, target->familyId, target->sealed, {}, {} };
        auto current = read(target->currentOpId);
        if (!current)
            return current.error();
        conflict.current = *current;
        for (const QString &opId : std::as_const(target->conflictOpIds)) {
            auto other = read(opId);
            if (!other)
                return other.error();
            conflict.versions << *other;
        }
        found << conflict;
    }
    return found;
}

Result<QList<Store::FieldConflict>> Store::familyConflicts(const QString &familyId)
{
    auto records = cached(QStringLiteral("SELECT DISTINCT record_kind, record_id FROM "
                                         "conflict_versions ORDER BY record_kind, record_id"));
    if (!records)
        return records.error();
    using Key = std::pair<QString, QString>;
    auto keys = readAll<Key>(**records, [](const Statement &s) {
        return Key { s.text(0), s.text(1) };
    });
    (*records)->reset();
    if (!keys)
        return keys.error();
    QList<FieldConflict> found;
    for (const auto &[kind, recordId] : std::as_const(*keys)) {
        auto record = conflicts(kind, recordId);
        if (!record)
            return record.error();
        for (const FieldConflict &conflict : std::as_const(*record)) {
            if (conflict.familyId == familyId)
                found << conflict;
        }
    }
    return found;
}

Result<QHash<QString, int>> Store::conflictCounts()
{
    auto records
        = cached(QStringLiteral("SELECT DISTINCT record_kind, record_id FROM conflict_versions"));
    if (!records)
        return records.error();
    using Key = std::pair<QString, QString>;
    auto keys = readAll<Key>(**records, [](const Statement &s) {
        return Key { s.text(0), s.text(1) };
    });
    (*records)->reset();
    if (!keys)
        return keys.error();
    QHash<QString, int> counts;
    for (const auto &[kind, recordId] : std::as_const(*keys)) {
        auto record = conflicts(kind, recordId);
        if (!record)
            return record.error();
        if (!record->isEmpty())
            ++counts[record->constFirst().familyId];
    }
    return counts;
}

Result<void> Store::mergeConflict(const QString &kind, const QString &recordId,
    const QString &field, const QString &mergedText, const QStringList &seenOpIds)
{
    auto target = conflictTarget(kind, recordId, field);
    if (!target)
        return target.error();
    if (target->sealed)
        return sealedError(*target->kind);
    const FieldSpec *spec = target->kind->field(field);
    if (!spec || spec->type != FieldType::Text)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("Only free text is merged; the %1 has no versions to merge.")
                .arg(spec ? spec->label : field));
    if (!target->live)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("This %1 has been deleted; restore it before merging its "
                           "versions.")
                .arg(target->kind->label));
    if (target->conflictOpIds.isEmpty())
        return makeError(Error::Code::NotFound,
            QStringLiteral("The %1 has only one version now: it may have been merged on "
                           "another device.")
                .arg(spec->label));
    QStringList resolved { target->currentOpId };
    resolved << target->conflictOpIds;
    if (!seenOpIds.isEmpty()
        && QSet<QString>(seenOpIds.cbegin(), seenOpIds.cend())
            != QSet<QString>(resolved.cbegin(), resolved.cend()))
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("The versions of the %1 changed while you were comparing them "
                           "(a sync brought another); nothing was saved. Compare them again.")
                .arg(spec->label));
    auto value = normalise(*target->kind, { field, mergedText });
    if (!value)
        return value.error();
    return resolveVersions(*target, *value, resolved, QStringLiteral("merge"));
}

Result<void> Store::keepConflictVersion(
    const QString &kind, const QString &recordId, const QString &field, const QString &opId)
{
    auto target = conflictTarget(kind, recordId, field);
    if (!target)
        return target.error();
    if (target->sealed)
        return sealedError(*target->kind);
    if (!target->live)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("This %1 has been deleted; restore it before merging its "
                           "versions.")
                .arg(target->kind->label));
    if (opId != target->currentOpId && !target->conflictOpIds.contains(opId))
        return makeError(Error::Code::NotFound,
            QStringLiteral("That version is no longer waiting to be merged: it may have been "
                           "merged on another device."));
    if (target->conflictOpIds.isEmpty())
        return makeError(Error::Code::NotFound,
            QStringLiteral("This text has only one version now: it may have been merged on "
                           "another device."));
    auto value = cached(QStringLiteral("SELECT value FROM change_journal WHERE op_id = ?"));
    if (!value)
        return value.error();
    auto row = (*value)->bind(1, opId).step();
    if (!row)
        return row.error();
    const QVariant kept = *row ? (*value)->value(0) : QVariant();
    (*value)->reset();
    QStringList resolved { target->currentOpId };
    resolved << target->conflictOpIds;
    return resolveVersions(*target, kept, resolved, QStringLiteral("keep_version"));
}

Result<void> Store::resolveVersions(const ConflictTarget &target, const QVariant &value,
    const QStringList &resolved, const QString &action)
{
    if (resolved.size() > sync::CodecLimits {}.maxReplaces)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("This text has more versions than one merge can resolve (%1); "
                           "ask IT for help.")
                .arg(resolved.size()));
    auto write = Write::begin(*this);
    if (!write)
        return write.error();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_options.clock(), Qt::UTC);

    // The journal entry journal() would write, but naming every version it resolves: the
    // current one and each conflict version, so no replica keeps any of them as a head.
    const Hlc stamp = m_clock.tick();
    const qint64 sequence = m_nextOpSeq++;
    const QString opId = QStringLiteral("%1:%2").arg(m_deviceId).arg(sequence);
    QStringList replaces;
    for (const QString &id : resolved) {
        if (!id.isEmpty() && !replaces.contains(id))
            replaces << id;
    }
    auto insert = cached(QStringLiteral("INSERT INTO change_journal (op_id, record_kind, "
                                        "record_id, field, value, hlc, device_id, op_seq, "
                                        "replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    (*insert)->bind(1, opId).bind(2, target.kind->kind).bind(3, target.recordId);
    (*insert)->bind(4, target.field).bind(5, value).bind(6, stamp.packed());
    (*insert)->bind(7, m_deviceId).bind(8, sequence).bind(9, replaces.join(QLatin1Char(' ')));
    if (auto ran = (*insert)->run(); !ran)
        return ran.error();

    auto update = cached(QStringLiteral("UPDATE OR FAIL %1 SET %2 = ? WHERE id = ?")
                             .arg(target.kind->table, target.field));
    if (!update)
        return update.error();
    if (auto ran = (*update)->bind(1, value).bind(2, target.recordId).run(); !ran)
        return ran.error();
    if (auto set
        = setFieldClock(target.kind->kind, target.recordId, target.field, stamp, m_deviceId, opId);
        !set)
        return set.error();
    auto clear = cached(QStringLiteral("DELETE FROM conflict_versions WHERE record_kind = ? AND "
                                       "record_id = ? AND field = ? AND op_id = ?"));
    if (!clear)
        return clear.error();
    for (const QString &id : std::as_const(replaces)) {
        (*clear)->bind(1, target.kind->kind).bind(2, target.recordId).bind(3, target.field);
        if (auto ran = (*clear)->bind(4, id).run(); !ran)
            return ran.error();
    }
    if (auto audited = audit(action, *target.kind, target.recordId, { target.field }, now);
        !audited)
        return audited.error();
    return write->commit();
}

Result<void> Store::markVersionRead(
    const ConflictTarget &target, const QString &opId, const QDateTime &now, const QString &action)
{
    auto remember = cached(QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)"));
    if (!remember)
        return remember.error();
    if (auto ran
        = (*remember)->bind(1, readKey(opId)).bind(2, now.toString(Qt::ISODateWithMs)).run();
        !ran)
        return ran.error();
    auto clear = cached(QStringLiteral("DELETE FROM conflict_versions WHERE record_kind = ? AND "
                                       "record_id = ? AND field = ? AND op_id = ?"));
    if (!clear)
        return clear.error();
    (*clear)->bind(1, target.kind->kind).bind(2, target.recordId).bind(3, target.field);
    if (auto ran = (*clear)->bind(4, opId).run(); !ran)
        return ran.error();
    return audit(action, *target.kind, target.recordId, { target.field }, now);
}

Result<void> Store::dismissConflictVersion(
    const QString &kind, const QString &recordId, const QString &field, const QString &opId)
{
    auto target = conflictTarget(kind, recordId, field);
    if (!target)
        return target.error();
    if (!target->sealed)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("This version can still be merged: keep one version or save a merged "
                           "text instead, so that neither is lost."));
    if (!target->conflictOpIds.contains(opId))
        return makeError(
            Error::Code::NotFound, QStringLiteral("That version is not waiting to be read."));
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto resetOnReturn = qScopeGuard([this] {
        for (auto &entry : m_statements)
            entry.second.reset();
    });
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_options.clock(), Qt::UTC);
    if (auto marked = markVersionRead(*target, opId, now, QStringLiteral("dismiss_version"));
        !marked)
        return marked.error();
    for (auto &entry : m_statements)
        entry.second.reset();
    return transaction->commit();
}

Result<QString> Store::amendWithConflictVersion(
    const QString &visitId, const QString &field, const QString &opId, const QString &text)
{
    auto target = conflictTarget(VisitKind, visitId, field);
    if (!target)
        return target.error();
    if (!target->sealed)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("This visit is not finalised: merge the versions into it instead."));
    if (!target->conflictOpIds.contains(opId))
        return makeError(
            Error::Code::NotFound, QStringLiteral("That version is not waiting to be read."));
    if (text.trimmed().isEmpty())
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("Write the amendment before adding it."));

    auto write = Write::begin(*this);
    if (!write)
        return write.error();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_options.clock(), Qt::UTC);
    auto note = applyOne(
        Change::create(QStringLiteral("note"),
            { { QStringLiteral("family_id"), target->familyId },
                { QStringLiteral("visit_id"), visitId }, { QStringLiteral("author_id"), m_userId },
                { QStringLiteral("written_at"), now }, { QStringLiteral("body"), text } }),
        now);
    if (!note)
        return note.error();
    if (auto marked = markVersionRead(*target, opId, now, QStringLiteral("amend_from_version"));
        !marked)
        return marked.error();
    if (auto committed = write->commit(); !committed)
        return committed.error();
    return *note;
}

} // namespace doorstep
