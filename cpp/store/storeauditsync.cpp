// Sending this device's own audit to the server: the entries people made here, after the
// last the server acknowledged (sync/PROTOCOL.md, "audit").
#include "store/store.h"
#include "store/transaction.h"

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
    QList<sync::DeviceAuditEntry> entries;
    for (;;) {
        auto row = (*select)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const Statement &s = **select;
        entries.append({ s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5),
            s.text(6), s.text(7) });
    }
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
