#include "store/planrepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

namespace
{

const QString PlanColumns
    = QStringLiteral("id, family_id, status, coalesce(started_on, ''), "
                     "coalesce(goals_agreed_on, ''), coalesce(completed_on, '')");

Plan readPlan(const Statement &row)
{
    RowReader r(row);
    Plan plan;
    plan.id = r.text();
    plan.familyId = r.text();
    plan.status = r.text();
    plan.startedOn = r.date();
    plan.goalsAgreedOn = r.date();
    plan.completedOn = r.date();
    return plan;
}

// ISO dates compare as text; an empty bound lets every row through.
QString bound(QDate since)
{
    return since.isValid() ? since.toString(Qt::ISODate) : QString();
}

} // namespace

Result<std::optional<Plan>> PlanRepository::current(const QString &familyId, QDate since) const
{
    // A plan without a start date (from an older tablet) is the newest only if nothing else is.
    auto query = m_store.query(
        QStringLiteral("SELECT %1 FROM plans WHERE family_id = ?1 AND causal_length % 2 = 1 "
                       "AND (?2 = '' OR started_on IS NULL OR started_on >= ?2) "
                       "ORDER BY started_on IS NULL, started_on DESC, rowid DESC LIMIT 1")
            .arg(PlanColumns));
    if (!query)
        return query.error();
    query->bind(1, familyId).bind(2, bound(since));
    return readFirst<Plan>(*query, readPlan);
}

Result<std::optional<Plan>> PlanRepository::find(const QString &id) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT %1 FROM plans WHERE id = ? AND causal_length % 2 = 1")
            .arg(PlanColumns));
    if (!query)
        return query.error();
    query->bind(1, id);
    return readFirst<Plan>(*query, readPlan);
}

Result<QList<Goal>> PlanRepository::goals(const QString &planId) const
{
    // rowid is the order records arrived on this tablet: goals stay where they were added.
    auto query = m_store.query(QStringLiteral(
        "SELECT id, plan_id, coalesce(person_id, ''), words, coalesce(agreed_on, ''), status "
        "FROM goals WHERE plan_id = ? AND causal_length % 2 = 1 ORDER BY rowid"));
    if (!query)
        return query.error();
    query->bind(1, planId);
    return readAll<Goal>(*query, [](const Statement &row) {
        RowReader r(row);
        Goal goal;
        goal.id = r.text();
        goal.planId = r.text();
        goal.personId = r.text();
        goal.words = r.text();
        goal.agreedOn = r.date();
        goal.status = r.text();
        return goal;
    });
}

Result<QList<PlanAction>> PlanRepository::actions(const QString &planId) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT id, plan_id, coalesce(goal_id, ''), description, coalesce(who, ''), "
                       "coalesce(due_on, ''), coalesce(done_on, '') FROM actions "
                       "WHERE plan_id = ? AND causal_length % 2 = 1 ORDER BY rowid"));
    if (!query)
        return query.error();
    query->bind(1, planId);
    return readAll<PlanAction>(*query, [](const Statement &row) {
        RowReader r(row);
        PlanAction action;
        action.id = r.text();
        action.planId = r.text();
        action.goalId = r.text();
        action.description = r.text();
        action.who = r.text();
        action.dueOn = r.date();
        action.doneOn = r.date();
        return action;
    });
}

} // namespace doorstep
