#include "domain/sharingconsent.h"

namespace doorstep
{

namespace
{

constexpr int AdultAge = 18;
// With no role recorded, a child of this age or more is treated as a young person who
// may consent for themselves; the practitioner can record the role to say otherwise.
constexpr int YoungPersonAge = 12;

bool isParentOrCarer(const Person &person)
{
    return person.role == QLatin1String("parent") || person.role == QLatin1String("carer");
}

} // namespace

SharingConsent::Standing SharingConsent::standingOf(const Person &person, QDate day)
{
    const std::optional<int> age = person.ageOn(day);
    if (age && *age >= AdultAge)
        return Standing::Adult;
    if (person.role == QLatin1String("young_person"))
        return Standing::YoungPerson;
    if (person.role == QLatin1String("child"))
        return Standing::Child;
    if (!person.role.isEmpty() || !age)
        return Standing::Adult;
    return *age >= YoungPersonAge ? Standing::YoungPerson : Standing::Child;
}

SharingConsent::Basis SharingConsent::memberConsent(
    const Person &person, const QList<Person> &family, const QList<Consent> &records, QDate day)
{
    const ConsentStatus own = ConsentStatus::forPerson(person.id, records, day);
    if (own.state == ConsentStatus::State::None && standingOf(person, day) == Standing::Child) {
        if (auto parent = basisFor(person, family, records, QString(), day))
            return *parent;
    }
    return { own, person.id };
}

std::optional<SharingConsent::Basis> SharingConsent::basisFor(const Person &person,
    const QList<Person> &family, const QList<Consent> &records, const QString &agency, QDate day)
{
    const ConsentStatus own = ConsentStatus::forPerson(person.id, records, day, agency);
    // A grant recorded for the person decides, even once it has ended: a consent given
    // on a child's behalf and then withdrawn is not revived by a parent's own consent.
    if (own.state != ConsentStatus::State::None) {
        if (own.isValid())
            return Basis { own, person.id };
        return std::nullopt;
    }
    if (standingOf(person, day) != Standing::Child)
        return std::nullopt;
    for (const Person &member : family) {
        if (member.id == person.id || !isParentOrCarer(member)
            || standingOf(member, day) != Standing::Adult)
            continue;
        const ConsentStatus parent = ConsentStatus::forPerson(member.id, records, day, agency);
        if (parent.isValid())
            return Basis { parent, member.id };
    }
    return std::nullopt;
}

QList<SharingConsent::Gap> SharingConsent::gaps(const QList<Person> &shared,
    const QList<Person> &family, const QList<Consent> &records, const QString &agency, QDate day)
{
    QList<Gap> missing;
    for (const Person &person : shared) {
        if (isCovered(person, family, records, agency, day))
            continue;
        missing.append({ person.id, person.displayName(), standingOf(person, day),
            ConsentStatus::forPerson(person.id, records, day, agency) });
    }
    return missing;
}

} // namespace doorstep
