#include "store/genogramchanges.h"

#include <QLocale>
#include <QStringList>
#include <QUuid>
#include <algorithm>
#include <cmath>

namespace doorstep
{

namespace
{

const QString PersonKind = QStringLiteral("genogram_person");
const QString RelationKind = QStringLiteral("genogram_relation");
const QString HouseholdKind = QStringLiteral("genogram_household");
const QString LinkKind = QStringLiteral("ecomap_link");

// The namespace of the name-based (version 5) UUIDs of genogram overlays.
const QUuid OverlayNamespace(QStringLiteral("{0c5e8f61-3b9a-4d27-8e14-6a2f9b7c3d50}"));

FieldValue field(const char *name, const QVariant &value)
{
    return { QString::fromLatin1(name), value };
}

/// Empty text is "not known": NULL in the store.
QVariant orNull(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QVariant() : QVariant(trimmed);
}

QVariant dateValue(const GenogramDate &date)
{
    return date.isValid() ? QVariant(date.toString()) : QVariant();
}

QString genderWord(GenogramPerson::Gender gender)
{
    switch (gender) {
    case GenogramPerson::Gender::Female:
        return QStringLiteral("female");
    case GenogramPerson::Gender::Male:
        return QStringLiteral("male");
    case GenogramPerson::Gender::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Result<QVariant> pinnedValue(const std::optional<QPointF> &pinned)
{
    if (!pinned)
        return QVariant();
    if (!std::isfinite(pinned->x()) || !std::isfinite(pinned->y()))
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A genogram symbol can only be pinned at a place given in numbers."));
    return QVariant(GenogramChanges::pinnedText(*pinned));
}

/// A new record's fields without those it would hold anyway (empty is NULL): fewer ops to
/// journal and sync.
QList<FieldValue> withoutEmpty(QList<FieldValue> fields)
{
    fields.removeIf([](const FieldValue &value) { return value.value.isNull(); });
    return fields;
}

Error noId(const char *what)
{
    return makeError(Error::Code::InvalidArgument,
        QStringLiteral("A %1 to save must have its id.").arg(QString::fromLatin1(what)));
}

/// The fields the genogram alone says of anyone, family record or not; with every one
/// (creating or saving) or only those not at their defaults (a new overlay).
Result<QList<FieldValue>> overlayFields(const GenogramPerson &person, bool onlySet)
{
    auto pinned = pinnedValue(person.pinned);
    if (!pinned)
        return pinned.error();
    const GenogramPerson unset;
    QList<FieldValue> fields;
    const auto add = [&](const char *name, const QVariant &value, bool isSet) {
        if (!onlySet || isSet)
            fields << field(name, value);
    };
    add("deceased", person.deceased, person.deceased != unset.deceased);
    add("died", dateValue(person.died), person.died.isValid());
    add("age_text", orNull(person.ageText), !person.ageText.trimmed().isEmpty());
    add("is_index", person.isIndex, person.isIndex != unset.isIndex);
    add("interpreter_needed", person.interpreterNeeded,
        person.interpreterNeeded != unset.interpreterNeeded);
    add("pregnancy", person.pregnancy, person.pregnancy != unset.pregnancy);
    add("note", orNull(person.note), !person.note.trimmed().isEmpty());
    add("pinned", *pinned, person.pinned.has_value());
    return fields;
}

Result<QList<FieldValue>> relationFields(const GenogramRelation &relation)
{
    if (relation.fromId.trimmed().isEmpty() || relation.toId.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A genogram line needs a person at each end."));
    return QList<FieldValue> { field("from_person_id", relation.fromId),
        field("to_person_id", relation.toId),
        field("kind", GenogramRelation::kindName(relation.kind())),
        field("subtype", GenogramRelation::typeName(relation.type)),
        field("start_date", dateValue(relation.start)), field("end_date", dateValue(relation.end)),
        field("ordinal", relation.order == 0 ? QVariant() : QVariant(qint64(relation.order))),
        field("note", orNull(relation.note)) };
}

Result<QList<FieldValue>> householdFields(const GenogramHousehold &household)
{
    QStringList members;
    for (const QString &id : household.memberIds) {
        if (id.isEmpty())
            continue;
        if (std::any_of(id.cbegin(), id.cend(), [](QChar c) { return c.isSpace(); }))
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("A household member's id cannot contain spaces."));
        if (!members.contains(id))
            members << id;
    }
    return QList<FieldValue> { field("member_ids", orNull(members.join(QLatin1Char(' ')))),
        field("note", orNull(household.note)) };
}

QList<FieldValue> linkFields(const EcomapLink &link)
{
    return { field("agency", EcomapLink::agencyName(link.agency)), field("name", orNull(link.name)),
        field("person_id", orNull(link.personId)),
        field("strength", EcomapLink::strengthName(link.strength)),
        field("note", orNull(link.note)) };
}

} // namespace

QString GenogramChanges::overlayId(const QString &personId)
{
    return QUuid::createUuidV5(OverlayNamespace, QStringLiteral("overlay/") + personId)
        .toString(QUuid::WithoutBraces);
}

QString GenogramChanges::pinnedText(const QPointF &position)
{
    return QStringLiteral("%1,%2").arg(
        QString::number(position.x(), 'g', QLocale::FloatingPointShortest),
        QString::number(position.y(), 'g', QLocale::FloatingPointShortest));
}

std::optional<QPointF> GenogramChanges::pinnedFromText(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 2)
        return std::nullopt;
    bool xOk = false;
    bool yOk = false;
    const double x = parts.at(0).trimmed().toDouble(&xOk);
    const double y = parts.at(1).trimmed().toDouble(&yOk);
    if (!xOk || !yOk || !std::isfinite(x) || !std::isfinite(y))
        return std::nullopt;
    return QPointF(x, y);
}

Result<Change> GenogramChanges::createPerson(const QString &familyId, const GenogramPerson &person)
{
    auto own = overlayFields(person, true);
    if (!own)
        return own.error();
    QList<FieldValue> fields { field("family_id", familyId),
        field("given_name", orNull(person.displayName)), field("gender", genderWord(person.gender)),
        field("born", dateValue(person.born)) };
    fields << *own;
    return Change::create(PersonKind, withoutEmpty(fields), person.id);
}

Result<QList<Change>> GenogramChanges::savePerson(
    const QString &familyId, const GenogramPerson &person, const FamilyGenogram &current)
{
    if (person.id.isEmpty())
        return noId("genogram person");
    if (!current.familyRecordIds.contains(person.id)) {
        auto own = overlayFields(person, false);
        if (!own)
            return own.error();
        QList<FieldValue> fields;
        // The genogram says one name and three genders; the store may hold a name in two
        // parts (or a gender such as non_binary) that read back as this person's. Writing
        // them only when they change keeps them, and keeps a save of something else from
        // overwriting a name changed on another tablet.
        const GenogramPerson *before = current.genogram.person(person.id);
        if (!before || before->displayName != person.displayName) {
            fields << field("given_name", orNull(person.displayName))
                   << field("family_name", QVariant());
        }
        if (!before || before->gender != person.gender)
            fields << field("gender", genderWord(person.gender));
        fields << field("born", dateValue(person.born));
        fields << *own;
        return QList<Change> { Change::update(PersonKind, person.id, fields) };
    }

    const QString overlay = overlayId(person.id);
    if (!current.overlayIds.contains(person.id)) {
        auto set = overlayFields(person, true);
        if (!set)
            return set.error();
        QList<FieldValue> fields { field("family_id", familyId), field("person_id", person.id) };
        fields << *set;
        return QList<Change> { Change::create(PersonKind, fields, overlay) };
    }
    auto own = overlayFields(person, false);
    if (!own)
        return own.error();
    // The restore changes nothing when the overlay is live (the store records nothing);
    // it brings back one that was deleted, as no edit here ever does, rather than failing.
    return QList<Change> { Change::restore(PersonKind, overlay),
        Change::update(PersonKind, overlay, *own) };
}

Result<Change> GenogramChanges::removePerson(const QString &personId, const FamilyGenogram &current)
{
    if (current.familyRecordIds.contains(personId))
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("This person is in the family record, so they stay on the genogram. "
                           "To remove them, change the family record."));
    if (personId.isEmpty())
        return noId("genogram person");
    return Change::remove(PersonKind, personId);
}

Change GenogramChanges::restorePerson(const QString &personId)
{
    return Change::restore(PersonKind, personId);
}

Result<Change> GenogramChanges::createRelation(
    const QString &familyId, const GenogramRelation &relation)
{
    auto fields = relationFields(relation);
    if (!fields)
        return fields.error();
    fields->prepend(field("family_id", familyId));
    return Change::create(RelationKind, withoutEmpty(*fields), relation.id);
}

Result<Change> GenogramChanges::saveRelation(const GenogramRelation &relation)
{
    if (relation.id.isEmpty())
        return noId("genogram line");
    auto fields = relationFields(relation);
    if (!fields)
        return fields.error();
    return Change::update(RelationKind, relation.id, *fields);
}

Change GenogramChanges::removeRelation(const QString &id)
{
    return Change::remove(RelationKind, id);
}

Change GenogramChanges::restoreRelation(const QString &id)
{
    return Change::restore(RelationKind, id);
}

Result<Change> GenogramChanges::createHousehold(
    const QString &familyId, const GenogramHousehold &household)
{
    auto fields = householdFields(household);
    if (!fields)
        return fields.error();
    fields->prepend(field("family_id", familyId));
    return Change::create(HouseholdKind, withoutEmpty(*fields), household.id);
}

Result<Change> GenogramChanges::saveHousehold(const GenogramHousehold &household)
{
    if (household.id.isEmpty())
        return noId("household");
    auto fields = householdFields(household);
    if (!fields)
        return fields.error();
    return Change::update(HouseholdKind, household.id, *fields);
}

Change GenogramChanges::removeHousehold(const QString &id)
{
    return Change::remove(HouseholdKind, id);
}

Change GenogramChanges::restoreHousehold(const QString &id)
{
    return Change::restore(HouseholdKind, id);
}

Result<Change> GenogramChanges::createEcomapLink(const QString &familyId, const EcomapLink &link)
{
    QList<FieldValue> fields { field("family_id", familyId) };
    fields << linkFields(link);
    return Change::create(LinkKind, withoutEmpty(fields), link.id);
}

Result<Change> GenogramChanges::saveEcomapLink(const EcomapLink &link)
{
    if (link.id.isEmpty())
        return noId("ecomap link");
    return Change::update(LinkKind, link.id, linkFields(link));
}

Change GenogramChanges::removeEcomapLink(const QString &id)
{
    return Change::remove(LinkKind, id);
}

Change GenogramChanges::restoreEcomapLink(const QString &id)
{
    return Change::restore(LinkKind, id);
}

} // namespace doorstep
