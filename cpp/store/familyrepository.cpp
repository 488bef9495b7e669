#include "store/familyrepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

namespace
{

const QString Columns = QStringLiteral(
    "id, family_name, coalesce(address, ''), coalesce(postcode, ''), coalesce(language, ''), "
    "interpreter_needed");

Family readFamily(const Statement &row)
{
    RowReader r(row);
    Family family;
    family.id = r.text();
    family.familyName = r.text();
    family.address = r.text();
    family.postcode = r.text();
    family.language = r.text();
    family.interpreterNeeded = r.boolean();
    return family;
}

} // namespace

Result<QList<Family>> FamilyRepository::list(const QString &search) const
{
    // instr() on lower() keeps LIKE's wildcards out of what the practitioner typed.
    auto query = m_store.query(QStringLiteral("SELECT %1 FROM families WHERE causal_length % 2 = 1 "
                                              "AND (?1 = '' OR instr(lower(family_name), "
                                              "lower(?1)) > 0) ORDER BY family_name, id")
                                   .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, search.trimmed());
    return readAll<Family>(*query, readFamily);
}

Result<std::optional<Family>> FamilyRepository::find(const QString &id) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT %1 FROM families WHERE id = ? AND causal_length % 2 = 1")
            .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, id);
    return readFirst<Family>(*query, readFamily);
}

} // namespace doorstep
