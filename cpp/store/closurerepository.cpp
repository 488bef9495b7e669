#include "store/closurerepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

namespace
{

QString bound(QDate since)
{
    return since.isValid() ? since.toString(Qt::ISODate) : QString();
}

} // namespace

Result<QList<Closure>> ClosureRepository::closures(const QString &familyId, QDate since) const
{
    auto query = m_store.query(QStringLiteral(
        "SELECT id, family_id, closed_on, outcome, coalesce(reason, '') FROM closures "
        "WHERE family_id = ?1 AND causal_length % 2 = 1 AND (?2 = '' OR closed_on >= ?2) "
        "ORDER BY closed_on, rowid"));
    if (!query)
        return query.error();
    query->bind(1, familyId).bind(2, bound(since));
    return readAll<Closure>(*query, [](const Statement &row) {
        RowReader r(row);
        Closure closure;
        closure.id = r.text();
        closure.familyId = r.text();
        closure.closedOn = r.date();
        closure.outcome = r.text();
        closure.reason = r.text();
        return closure;
    });
}

Result<std::optional<CrisisCard>> ClosureRepository::crisisCard(
    const QString &familyId, QDate since) const
{
    auto query = m_store.query(QStringLiteral(
        "SELECT id, family_id, made_on, coalesce(warning_signs, ''), coalesce(what_to_do, ''), "
        "coalesce(who_to_call, '') FROM crisis_cards WHERE family_id = ?1 "
        "AND causal_length % 2 = 1 AND (?2 = '' OR made_on >= ?2) "
        "ORDER BY made_on DESC, rowid DESC LIMIT 1"));
    if (!query)
        return query.error();
    query->bind(1, familyId).bind(2, bound(since));
    auto row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<CrisisCard>();
    RowReader r(*query);
    CrisisCard card;
    card.id = r.text();
    card.familyId = r.text();
    card.madeOn = r.date();
    card.warningSigns = r.text();
    card.whatToDo = r.text();
    card.whoToCall = r.text();
    return std::optional<CrisisCard>(card);
}

Result<std::optional<EndingLetter>> ClosureRepository::endingLetter(
    const QString &familyId, QDate since) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT id, family_id, written_on, coalesce(addressed_to, ''), "
                       "coalesce(progress, ''), coalesce(where_to_get_help, ''), "
                       "coalesce(author_id, '') FROM ending_letters WHERE family_id = ?1 "
                       "AND causal_length % 2 = 1 AND (?2 = '' OR written_on >= ?2) "
                       "ORDER BY written_on DESC, rowid DESC LIMIT 1"));
    if (!query)
        return query.error();
    query->bind(1, familyId).bind(2, bound(since));
    auto row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<EndingLetter>();
    RowReader r(*query);
    EndingLetter letter;
    letter.id = r.text();
    letter.familyId = r.text();
    letter.writtenOn = r.date();
    letter.addressedTo = r.text();
    letter.progress = r.text();
    letter.whereToGetHelp = r.text();
    letter.authorId = r.text();
    return std::optional<EndingLetter>(letter);
}

} // namespace doorstep
