// Removing a family from this device when the server says it is no longer in the user's
// caseload (reallocated to another practitioner or team). Not a deletion: nothing is
// journalled or synced, the family lives on at the server; this tablet just stops holding
// it. Work not yet sent is never thrown away: such a family stays until it has been sent.
#include "protocol/recordschema.h"
#include "store/rowreader.h"
#include "store/store.h"
#include "store/transaction.h"

#include <QHash>

namespace doorstep
{

namespace
{

/// A record kind with the ids of its records that belong to the family.
struct KindRecords {
    const RecordKindSpec *kind = nullptr;
    QStringList ids;
};

} // namespace

Result<FamilyRemoval> Store::removeFamilyFromDevice(const QString &familyId)
{
    const RecordKindSpec *familyKind = RecordSchema::find(QStringLiteral("family"));
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();

    // The family's records, kind by kind: first the family, then kinds whose link points
    // at a kind already gathered (a stroke after its drawing). Children are removed
    // before their parents.
    const auto firstText = [](const Statement &row) { return row.text(0); };
    QList<KindRecords> gathered { { familyKind, { familyId } } };
    QHash<QString, QStringList> idsByKind { { familyKind->kind, { familyId } } };
    for (bool progressed = true; progressed;) {
        progressed = false;
        for (const RecordKindSpec &kind : RecordSchema::kinds()) {
            const auto link = RecordSchema::familyLink(kind.kind);
            if (!link || idsByKind.contains(kind.kind) || !idsByKind.contains(link->parentKind))
                continue;
            QStringList ids;
            auto select = cached(
                QStringLiteral("SELECT id FROM %1 WHERE %2 = ?").arg(kind.table, link->field));
            if (!select)
                return select.error();
            for (const QString &parent : idsByKind.value(link->parentKind)) {
                auto found = readAll<QString>((*select)->bind(1, parent), firstText);
                (*select)->reset();
                if (!found)
                    return found.error();
                ids << *found;
            }
            // Records sync holds back (waiting for the rest of their create) have no row
            // yet: their journalled link says whose they are.
            auto held = cached(QStringLiteral(
                "SELECT h.record_id FROM held_records h JOIN change_journal j ON "
                "j.record_kind = h.record_kind AND j.record_id = h.record_id AND j.field = ? "
                "WHERE h.record_kind = ? AND j.value = ?"));
            if (!held)
                return held.error();
            for (const QString &parent : idsByKind.value(link->parentKind)) {
                (*held)->bind(1, link->field).bind(2, kind.kind).bind(3, parent);
                auto waiting = readAll<QString>(**held, firstText);
                (*held)->reset();
                if (!waiting)
                    return waiting.error();
                for (const QString &id : std::as_const(*waiting)) {
                    if (!ids.contains(id))
                        ids << id;
                }
            }
            idsByKind.insert(kind.kind, ids);
            gathered << KindRecords { &kind, ids };
            progressed = true;
        }
    }

    // Unsent work keeps the family here until a sync has sent it.
    auto unsent = cached(QStringLiteral("SELECT 1 FROM change_journal WHERE device_id = ? AND "
                                        "op_seq > ? AND record_kind = ? AND record_id = ? "
                                        "LIMIT 1"));
    if (!unsent)
        return unsent.error();
    for (const KindRecords &records : gathered) {
        for (const QString &id : records.ids) {
            (*unsent)->bind(1, m_deviceId).bind(2, m_ackedOpSeq).bind(3, records.kind->kind);
            auto row = (*unsent)->bind(4, id).step();
            (*unsent)->reset();
            if (!row)
                return row.error();
            if (*row)
                return FamilyRemoval { false, 0 };
        }
    }

    // So does a document whose bytes the server does not hold yet.
    auto unsentBlob = cached(QStringLiteral(
        "SELECT 1 FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE d.id = ? AND "
        "b.complete = 1 AND b.sent = 0"));
    if (!unsentBlob)
        return unsentBlob.error();
    for (const QString &id : idsByKind.value(QStringLiteral("document"))) {
        auto row = (*unsentBlob)->bind(1, id).step();
        (*unsentBlob)->reset();
        if (!row)
            return row.error();
        if (*row)
            return FamilyRemoval { false, 0 };
    }

    FamilyRemoval removal { true, 0 };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList bookkeeping { QStringLiteral("change_journal"), QStringLiteral("field_clock"),
        QStringLiteral("conflict_versions"), QStringLiteral("held_records") };
    for (auto records = gathered.crbegin(); records != gathered.crend(); ++records) {
        auto row = cached(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(records->kind->table));
        if (!row)
            return row.error();
        QList<Statement *> kept;
        for (const QString &table : bookkeeping) {
            auto statement
                = cached(QStringLiteral("DELETE FROM %1 WHERE record_kind = ? AND record_id = ?")
                             .arg(table));
            if (!statement)
                return statement.error();
            kept << *statement;
        }
        for (const QString &id : records->ids) {
            if (auto ran = (*row)->bind(1, id).run(); !ran)
                return ran.error();
            removal.records += m_db.changes();
            for (Statement *statement : kept) {
                if (auto ran = statement->bind(1, records->kind->kind).bind(2, id).run(); !ran)
                    return ran.error();
            }
            if (auto audited = audit(QStringLiteral("remove"), *records->kind, id, {}, now,
                    QStringLiteral("reallocated"));
                !audited)
                return audited.error();
        }
    }
    // The family's documents are gone, and with them the only reason to keep their bytes.
    if (auto dropped = dropUnnamedBlobs(); !dropped)
        return dropped.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return removal;
}

} // namespace doorstep
