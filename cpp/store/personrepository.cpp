#include "store/personrepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

namespace
{

const QString Columns = QStringLiteral(
    "id, family_id, given_name, coalesce(family_name, ''), coalesce(date_of_birth, ''), "
    "coalesce(nhs_number, ''), coalesce(gender, ''), coalesce(role, ''), coalesce(school, '')");

Person readPerson(const Statement &row)
{
    RowReader r(row);
    Person person;
    person.id = r.text();
    person.familyId = r.text();
    person.givenName = r.text();
    person.familyName = r.text();
    person.dateOfBirth = r.date();
    person.nhsNumber = r.text();
    person.gender = r.text();
    person.role = r.text();
    person.school = r.text();
    return person;
}

} // namespace

Result<QList<Person>> PersonRepository::forFamily(const QString &familyId) const
{
    auto query = m_store.query(QStringLiteral("SELECT %1 FROM people WHERE family_id = ? AND "
                                              "causal_length % 2 = 1 ORDER BY date_of_birth IS "
                                              "NULL, date_of_birth, given_name, id")
                                   .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, familyId);
    return readAll<Person>(*query, readPerson);
}

Result<std::optional<Person>> PersonRepository::find(const QString &id) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT %1 FROM people WHERE id = ? AND causal_length % 2 = 1")
            .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, id);
    return readFirst<Person>(*query, readPerson);
}

} // namespace doorstep
