// Sending this device's own audit to the server: the entries people made here, after the
// last the server acknowledged (sync/PROTOCOL.md, "audit").
#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

Result<QList<sync::DeviceAuditEntry>> Store::unsentAudit(int limit)
{
    // Entries of records received in a pull are the server's own news: it logged the pull.
    auto select = cached(QStringLiteral(
        "SELECT seq, at, actor_id, action, record_kind, record_id, fields, origin FROM audit_log "
        "WHERE seq > ? AND origin <> 'sync' ORDER BY seq LIMIT ?"));
    if (!select)
        return select.error();
    (*select)->bind(1, m_auditSentSeq).bind(2, qint64(limit));
    auto entries = readAll<sync::DeviceAuditEntry>(**select, [](const Statement &s) {
        RowReader row(s);
        return sync::DeviceAuditEntry { row.integer(), row.text(), row.text(), row.text(),
            row.text(), row.text(), row.text(), row.text() };
    });
    (*select)->reset();
    return entries;
}

Result<void> Store::acknowledgeAudit(qint64 through)
{
    if (through <= m_auditSentSeq)
        return {};
    if (auto stored = commitMeta(QStringLiteral("audit_sent_seq"), through); !stored)
        return stored;
    m_auditSentSeq = through;
    return {};
}

} // namespace doorstep
