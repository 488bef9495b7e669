#include "store/genogramrepository.h"

#include "store/genogramchanges.h"
#include "store/rowreader.h"
#include "store/store.h"

#include <QDate>
#include <QHash>
#include <QLoggingCategory>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace doorstep
{

namespace
{

// Rows are read leniently on purpose. What is here came through the write path or from
// another tablet through sync, so a value the store cannot read can only be from a newer
// Doorstep (a word this version does not know) or damage; one such value must not hide the
// family's whole genogram from the practitioner at the kitchen table. So each unreadable
// value is ignored on its own (an unknown date, no pin, a plain line of its kind), the row
// kept, and only the count logged.
struct Lenient {
    int ignored = 0;

    GenogramDate date(const QString &text)
    {
        if (text.isEmpty())
            return {};
        const auto date = GenogramDate::fromString(text);
        if (!date) {
            ++ignored;
            return {};
        }
        return *date;
    }

    std::optional<QPointF> pinned(const QString &text)
    {
        if (text.isEmpty())
            return std::nullopt;
        const auto point = GenogramChanges::pinnedFromText(text);
        if (!point)
            ++ignored;
        return point;
    }
};

GenogramPerson::Gender genderOf(const QString &word)
{
    if (word == QLatin1String("female"))
        return GenogramPerson::Gender::Female;
    if (word == QLatin1String("male"))
        return GenogramPerson::Gender::Male;
    return GenogramPerson::Gender::Unknown;
}

QString joinedName(const QString &given, const QString &family)
{
    if (family.isEmpty())
        return given;
    if (given.isEmpty())
        return family;
    return given + QLatin1Char(' ') + family;
}

// The columns an overlay and an extended person share, read into person.
void readOwnFields(RowReader &r, GenogramPerson &person, Lenient &lenient)
{
    person.deceased = r.boolean();
    person.died = lenient.date(r.text());
    person.ageText = r.text();
    person.isIndex = r.boolean();
    person.interpreterNeeded = r.boolean();
    person.pregnancy = r.boolean();
    person.note = r.text();
    person.pinned = lenient.pinned(r.text());
}

const QString OwnColumns = QStringLiteral(
    "deceased, coalesce(died, ''), coalesce(age_text, ''), is_index, interpreter_needed, "
    "pregnancy, coalesce(note, ''), coalesce(pinned, '')");

} // namespace

Result<FamilyGenogram> GenogramRepository::forFamily(const QString &familyId) const
{
    FamilyGenogram result;
    Lenient lenient;

    // The family record's people, each with their overlay if they have one.
    auto overlays = m_store.query(QStringLiteral("SELECT id, person_id, causal_length % 2, %1 "
                                                 "FROM genogram_people WHERE family_id = ? AND "
                                                 "person_id IS NOT NULL ORDER BY id")
                                      .arg(OwnColumns));
    if (!overlays)
        return overlays.error();
    overlays->bind(1, familyId);
    QHash<QString, GenogramPerson> overlayOf;
    for (;;) {
        auto row = overlays->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        RowReader r(*overlays);
        const QString id = r.text();
        const QString personId = r.text();
        const bool live = r.integer() == 1;
        result.overlayIds.insert(personId);
        if (!live)
            continue;
        // Only the overlay with the id made from the person's counts if there are two
        // (there should never be: every tablet makes the same id).
        if (overlayOf.contains(personId) && id != GenogramChanges::overlayId(personId))
            continue;
        GenogramPerson overlay;
        readOwnFields(r, overlay, lenient);
        overlayOf.insert(personId, overlay);
    }

    QList<GenogramPerson> people;
    auto members = m_store.query(QStringLiteral(
        "SELECT id, given_name, coalesce(family_name, ''), coalesce(gender, ''), "
        "coalesce(date_of_birth, '') FROM people WHERE family_id = ? AND causal_length % 2 = 1 "
        "ORDER BY date_of_birth IS NULL, date_of_birth, given_name, id"));
    if (!members)
        return members.error();
    members->bind(1, familyId);
    for (;;) {
        auto row = members->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        RowReader r(*members);
        const QString id = r.text();
        GenogramPerson person = overlayOf.value(id);
        person.id = id;
        const QString given = r.text();
        person.displayName = joinedName(given, r.text());
        person.gender = genderOf(r.text());
        person.born = lenient.date(r.text());
        result.familyRecordIds.insert(id);
        people << person;
    }

    auto extended = m_store.query(
        QStringLiteral("SELECT id, coalesce(given_name, ''), coalesce(family_name, ''), "
                       "coalesce(gender, ''), coalesce(born, ''), %1 FROM genogram_people WHERE "
                       "family_id = ? AND person_id IS NULL AND causal_length % 2 = 1 "
                       "ORDER BY born IS NULL, born, given_name, id")
            .arg(OwnColumns));
    if (!extended)
        return extended.error();
    extended->bind(1, familyId);
    auto relatives = readAll<GenogramPerson>(*extended, [&lenient](const Statement &s) {
        RowReader r(s);
        GenogramPerson person;
        person.id = r.text();
        const QString given = r.text();
        person.displayName = joinedName(given, r.text());
        person.gender = genderOf(r.text());
        person.born = lenient.date(r.text());
        readOwnFields(r, person, lenient);
        return person;
    });
    if (!relatives)
        return relatives.error();
    people << *relatives;

    auto lines = m_store.query(
        QStringLiteral("SELECT id, from_person_id, to_person_id, kind, coalesce(subtype, ''), "
                       "coalesce(start_date, ''), coalesce(end_date, ''), coalesce(ordinal, 0), "
                       "coalesce(note, '') FROM genogram_relations WHERE family_id = ? AND "
                       "causal_length % 2 = 1 ORDER BY id"));
    if (!lines)
        return lines.error();
    lines->bind(1, familyId);
    QList<GenogramRelation> relations;
    for (;;) {
        auto row = lines->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        RowReader r(*lines);
        GenogramRelation relation;
        relation.id = r.text();
        relation.fromId = r.text();
        relation.toId = r.text();
        const QString kind = r.text();
        const QString subtype = r.text();
        auto type = GenogramRelation::typeFromNames(kind, subtype);
        if (!type) {
            ++lenient.ignored;
            // A subtype this version does not know: the plainest line of its kind, rather
            // than a stronger claim (married, close) the family never made. A kind it does
            // not know cannot be drawn at all.
            if (kind == QLatin1String("partner"))
                type = GenogramRelation::Type::Cohabiting;
            else if (kind == QLatin1String("emotional"))
                type = GenogramRelation::Type::Distant;
            else
                type = GenogramRelation::typeFromNames(kind, QString());
            if (!type)
                continue;
        }
        relation.type = *type;
        relation.start = lenient.date(r.text());
        relation.end = lenient.date(r.text());
        const qint64 order = r.integer();
        relation.order = order >= 0 && order <= 999 ? int(order) : 0;
        relation.note = r.text();
        relations << relation;
    }

    auto outlines = m_store.query(
        QStringLiteral("SELECT id, coalesce(member_ids, ''), coalesce(note, '') FROM "
                       "genogram_households WHERE family_id = ? AND causal_length % 2 = 1 "
                       "ORDER BY id"));
    if (!outlines)
        return outlines.error();
    outlines->bind(1, familyId);
    auto households = readAll<GenogramHousehold>(*outlines, [](const Statement &s) {
        RowReader r(s);
        GenogramHousehold household;
        household.id = r.text();
        household.memberIds = r.text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        household.note = r.text();
        return household;
    });
    if (!households)
        return households.error();

    auto links = m_store.query(QStringLiteral(
        "SELECT id, agency, coalesce(name, ''), coalesce(person_id, ''), strength, "
        "coalesce(note, '') FROM ecomap_links WHERE family_id = ? AND causal_length % 2 = 1"));
    if (!links)
        return links.error();
    links->bind(1, familyId);
    auto ecomap = readAll<EcomapLink>(*links, [&lenient](const Statement &s) {
        RowReader r(s);
        EcomapLink link;
        link.id = r.text();
        if (!EcomapLink::agencyFromName(r.text(), &link.agency)) {
            link.agency = EcomapLink::Agency::Other;
            ++lenient.ignored;
        }
        link.name = r.text();
        link.personId = r.text();
        if (!EcomapLink::strengthFromName(r.text(), &link.strength)) {
            link.strength = EcomapLink::Strength::Weak;
            ++lenient.ignored;
        }
        link.note = r.text();
        return link;
    });
    if (!ecomap)
        return ecomap.error();
    std::sort(ecomap->begin(), ecomap->end(), [](const EcomapLink &a, const EcomapLink &b) {
        if (a.agency != b.agency)
            return int(a.agency) < int(b.agency);
        if (const int byName = a.name.compare(b.name, Qt::CaseInsensitive); byName != 0)
            return byName < 0;
        return a.id < b.id;
    });

    if (lenient.ignored > 0)
        qCWarning(lcStore) << "genogram of family" << familyId << "has" << lenient.ignored
                           << "unreadable values, ignored";
    result.genogram = Genogram(std::move(people), std::move(relations), std::move(*households));
    result.ecomap = std::move(*ecomap);
    return result;
}

} // namespace doorstep
