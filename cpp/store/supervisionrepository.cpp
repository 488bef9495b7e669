#include "store/supervisionrepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

Result<QList<PlanDecision>> SupervisionRepository::decisions(const QString &planId) const
{
    auto query = m_store.query(QStringLiteral(
        "SELECT id, family_id, plan_id, decision, comments, decided_by, decided_by_name, "
        "decided_at FROM plan_decisions WHERE plan_id = ? AND causal_length % 2 = 1 "
        "ORDER BY decided_at DESC, rowid DESC"));
    if (!query)
        return query.error();
    query->bind(1, planId);
    return readAll<PlanDecision>(*query, [](const Statement &s) {
        RowReader row(s);
        PlanDecision d;
        d.id = row.text();
        d.familyId = row.text();
        d.planId = row.text();
        d.decision = row.text();
        d.comments = row.text();
        d.decidedBy = row.text();
        d.decidedByName = row.text();
        d.decidedAt = QDateTime::fromString(row.text(), Qt::ISODateWithMs).toUTC();
        return d;
    });
}

Result<QList<SupervisionNote>> SupervisionRepository::notes(const QString &familyId) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT id, family_id, held_on, discussion, decisions, actions, author_id, "
                       "author_name FROM supervision_notes WHERE family_id = ? AND "
                       "causal_length % 2 = 1 ORDER BY held_on DESC, rowid DESC"));
    if (!query)
        return query.error();
    query->bind(1, familyId);
    return readAll<SupervisionNote>(*query, [](const Statement &s) {
        RowReader row(s);
        SupervisionNote n;
        n.id = row.text();
        n.familyId = row.text();
        n.heldOn = QDate::fromString(row.text(), Qt::ISODate);
        n.discussion = row.text();
        n.decisions = row.text();
        n.actions = row.text();
        n.authorId = row.text();
        n.authorName = row.text();
        return n;
    });
}

} // namespace doorstep
