#include "store/visitrepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

namespace
{

const QString Columns = QStringLiteral(
    "id, family_id, visit_at, coalesce(location, ''), coalesce(present, ''), "
    "coalesce(children_seen, ''), coalesce(seen_alone, 0), coalesce(interpreter_language, ''), "
    "coalesce(working_well, ''), coalesce(worries, ''), coalesce(needs_to_happen, ''), "
    "coalesce(notes, ''), status = 'final', coalesce(finalised_at, ''), coalesce(author_id, ''), "
    "coalesce(amends_visit_id, '')");

Visit readVisit(const Statement &row)
{
    RowReader r(row);
    Visit visit;
    visit.id = r.text();
    visit.familyId = r.text();
    visit.visitAt = r.dateTime();
    visit.location = r.text();
    visit.present = r.text();
    visit.childrenSeen = r.text();
    visit.seenAlone = r.boolean();
    visit.interpreterLanguage = r.text();
    visit.workingWell = r.text();
    visit.worries = r.text();
    visit.needsToHappen = r.text();
    visit.notes = r.text();
    visit.isFinal = r.boolean();
    visit.finalisedAt = r.dateTime();
    visit.authorId = r.text();
    visit.amendsVisitId = r.text();
    return visit;
}

} // namespace

Result<QList<Visit>> VisitRepository::forFamily(const QString &familyId) const
{
    auto query = m_store.query(QStringLiteral("SELECT %1 FROM visits WHERE family_id = ? AND "
                                              "causal_length % 2 = 1 ORDER BY visit_at DESC, id")
                                   .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, familyId);
    return readAll<Visit>(*query, readVisit);
}

Result<std::optional<Visit>> VisitRepository::find(const QString &id) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT %1 FROM visits WHERE id = ? AND causal_length % 2 = 1")
            .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, id);
    return readFirst<Visit>(*query, readVisit);
}

} // namespace doorstep
