#include "store/reviewrepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

namespace
{

const QString Columns = QStringLiteral(
    "id, family_id, coalesce(plan_id, ''), kind, held_on, coalesce(attendees, ''), "
    "coalesce(outcome, ''), coalesce(progress, 0)");

Review readReview(const Statement &row)
{
    RowReader r(row);
    Review review;
    review.id = r.text();
    review.familyId = r.text();
    review.planId = r.text();
    review.kind = r.text();
    review.heldOn = r.date();
    review.attendees = r.text();
    review.outcome = r.text();
    review.progress = r.integer() != 0;
    return review;
}

} // namespace

Result<QList<Review>> ReviewRepository::forFamily(const QString &familyId, QDate since) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT %1 FROM reviews WHERE family_id = ?1 AND causal_length % 2 = 1 "
                       "AND (?2 = '' OR held_on >= ?2) ORDER BY held_on DESC, rowid DESC")
            .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, familyId).bind(2, since.isValid() ? since.toString(Qt::ISODate) : QString());
    return readAll<Review>(*query, readReview);
}

Result<std::optional<Review>> ReviewRepository::find(const QString &id) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT %1 FROM reviews WHERE id = ? AND causal_length % 2 = 1")
            .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, id);
    return readFirst<Review>(*query, readReview);
}

} // namespace doorstep
