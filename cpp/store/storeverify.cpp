#include "protocol/recordschema.h"
#include "store/rowreader.h"
#include "store/store.h"

// Store::verify lives apart from the write path: it only reads, and IT runs it to
// decide whether a device's store can be trusted.

namespace doorstep
{

namespace
{

Result<qint64> count(Store &store, const QString &sql, const QString &bound = {})
{
    auto statement = store.query(sql);
    if (!statement)
        return statement.error();
    if (!bound.isNull())
        statement->bind(1, bound);
    auto row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->integer(0) : 0;
}

} // namespace

Result<VerifyReport> Store::verify()
{
    VerifyReport report;

    auto integrity = query(QStringLiteral("PRAGMA integrity_check"));
    if (!integrity)
        return integrity.error();
    for (;;) {
        auto row = integrity->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (integrity->text(0) != QLatin1String("ok"))
            report.problems << QStringLiteral("Integrity check: %1").arg(integrity->text(0));
    }

    auto foreignKeys = query(QStringLiteral("PRAGMA foreign_key_check"));
    if (!foreignKeys)
        return foreignKeys.error();
    for (;;) {
        auto row = foreignKeys->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        report.problems << QStringLiteral("A row of %1 refers to a missing row of %2.")
                               .arg(foreignKeys->text(0), foreignKeys->text(2));
    }

    auto entries = count(*this, QStringLiteral("SELECT count(*) FROM change_journal"));
    if (!entries)
        return entries.error();
    report.journalEntries = *entries;

    for (const RecordKindSpec &kind : RecordSchema::kinds()) {
        auto records = count(*this, QStringLiteral("SELECT count(*) FROM %1").arg(kind.table));
        if (!records)
            return records.error();
        report.records += *records;

        // A record held back by sync (part of its create, or a record it refers to, is
        // still to be pulled) has journal entries and no row yet: that is expected.
        auto orphans = count(*this,
            QStringLiteral("SELECT count(*) FROM change_journal j WHERE "
                           "j.record_kind = ? AND NOT EXISTS (SELECT 1 FROM %1 "
                           "t WHERE t.id = j.record_id) AND NOT EXISTS (SELECT 1 FROM "
                           "held_records h WHERE h.record_kind = j.record_kind AND "
                           "h.record_id = j.record_id)")
                .arg(kind.table),
            kind.kind);
        if (!orphans)
            return orphans.error();
        if (*orphans > 0)
            report.problems << QStringLiteral("%1 journal entries name a %2 that is not in the "
                                              "store.")
                                   .arg(*orphans)
                                   .arg(kind.label);

        auto unclocked = count(*this,
            QStringLiteral("SELECT count(*) FROM %1 t WHERE NOT EXISTS "
                           "(SELECT 1 FROM field_clock c WHERE "
                           "c.record_kind = ? AND c.record_id = t.id)")
                .arg(kind.table),
            kind.kind);
        if (!unclocked)
            return unclocked.error();
        if (*unclocked > 0)
            report.problems << QStringLiteral("%1 %2 records were written without a change "
                                              "record, so sync would never send them.")
                                   .arg(*unclocked)
                                   .arg(kind.label);

        // The newest local journal entry of each field must hold the value the record has.
        QStringList fields { QStringLiteral("causal_length") };
        for (const FieldSpec &field : kind.fields)
            fields << field.name;
        for (const QString &field : fields) {
            auto mismatched = count(*this,
                QStringLiteral("SELECT count(*) FROM field_clock c JOIN change_journal j ON "
                               "j.record_kind = c.record_kind AND j.record_id = c.record_id AND "
                               "j.field = c.field AND j.hlc = c.hlc AND j.device_id = "
                               "c.device_id JOIN %1 t ON t.id = c.record_id WHERE "
                               "c.record_kind = ? AND c.field = '%2' AND NOT (t.%2 IS j.value)")
                    .arg(kind.table, field),
                kind.kind);
            if (!mismatched)
                return mismatched.error();
            if (*mismatched > 0)
                report.problems << QStringLiteral("%1 %2 records hold a %3 that differs from "
                                                  "their last recorded change.")
                                       .arg(*mismatched)
                                       .arg(kind.label, field);
        }
    }

    auto reused = count(*this,
        QStringLiteral("SELECT count(*) FROM change_journal WHERE device_id = ? "
                       "AND CAST(substr(op_id, length(device_id) + 2) AS "
                       "INTEGER) >= (SELECT value FROM meta WHERE key = "
                       "'next_op_seq')"),
        m_deviceId);
    if (!reused)
        return reused.error();
    if (*reused > 0)
        report.problems << QStringLiteral("The change counter is behind the journal: new "
                                          "changes would reuse ids.");

    // Documents' bytes: each complete blob hashes to its name, and every blob's chunks add
    // up to what it says has arrived.
    auto blobs = query(QStringLiteral(
        "SELECT b.sha256, b.received, b.complete, coalesce((SELECT sum(length(c.data)) FROM "
        "blob_chunks c WHERE c.sha256 = b.sha256), 0) FROM blobs b ORDER BY b.sha256"));
    if (!blobs)
        return blobs.error();
    struct Held {
        QString sha256;
        qint64 received;
        bool complete;
        qint64 chunked;
    };
    auto held = readAll<Held>(*blobs, [](const Statement &row) {
        return Held { row.text(0), row.integer(1), row.integer(2) == 1, row.integer(3) };
    });
    if (!held)
        return held.error();
    for (const Held &blob : std::as_const(*held)) {
        if (blob.chunked != blob.received) {
            report.problems << QStringLiteral("A document's content holds %1 bytes but says %2 "
                                              "have arrived.")
                                   .arg(blob.chunked)
                                   .arg(blob.received);
            continue;
        }
        if (!blob.complete)
            continue;
        auto bytes = this->blob(blob.sha256);
        if (!bytes)
            return bytes.error();
        if (!*bytes || blobSha256(**bytes) != blob.sha256)
            report.problems << QStringLiteral(
                "A document's content does not match its SHA-256: it is damaged.");
    }
    return report;
}

} // namespace doorstep
