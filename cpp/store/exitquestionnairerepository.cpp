#include "store/exitquestionnairerepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

const QStringList &ExitQuestionnaireRepository::questions()
{
    static const QStringList fields { QStringLiteral("assessment_easy"),
        QStringLiteral("assessment_fair"), QStringLiteral("plan_clear") };
    return fields;
}

Result<std::optional<ExitQuestionnaire>> ExitQuestionnaireRepository::forFamily(
    const QString &familyId) const
{
    auto query = m_store.query(QStringLiteral(
        "SELECT id, family_id, answered_on, assessment_easy, assessment_fair, plan_clear, "
        "comments FROM exit_questionnaires WHERE family_id = ? AND causal_length % 2 = 1 "
        "ORDER BY answered_on DESC, rowid DESC LIMIT 1"));
    if (!query)
        return query.error();
    query->bind(1, familyId);
    return readFirst<ExitQuestionnaire>(*query, [](const Statement &s) {
        RowReader row(s);
        ExitQuestionnaire q;
        q.id = row.text();
        q.familyId = row.text();
        q.answeredOn = QDate::fromString(row.text(), Qt::ISODate);
        q.assessmentEasy = row.text();
        q.assessmentFair = row.text();
        q.planClear = row.text();
        q.comments = row.text();
        return q;
    });
}

Result<ExitQuestionnaireTotals> ExitQuestionnaireRepository::totals() const
{
    // Each live family's latest answers: one questionnaire per family counts.
    auto query = m_store.query(QStringLiteral(
        "SELECT q.assessment_easy, q.assessment_fair, q.plan_clear FROM exit_questionnaires q "
        "JOIN families f ON f.id = q.family_id AND f.causal_length % 2 = 1 "
        "WHERE q.causal_length % 2 = 1 AND q.rowid = (SELECT l.rowid FROM exit_questionnaires l "
        "WHERE l.family_id = q.family_id AND l.causal_length % 2 = 1 "
        "ORDER BY l.answered_on DESC, l.rowid DESC LIMIT 1)"));
    if (!query)
        return query.error();
    ExitQuestionnaireTotals totals;
    for (;;) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        ++totals.families;
        for (int i = 0; i < questions().size(); ++i) {
            if (!query->isNull(i) && !query->text(i).isEmpty())
                ++totals.answers[questions().at(i)][query->text(i)];
        }
    }
    return totals;
}

} // namespace doorstep
