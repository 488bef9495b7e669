#pragma once

#include "domain/consent.h"
#include "domain/consentstatus.h"
#include "domain/person.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace doorstep
{

/// Whose consent sharing a family's information with an agency needs, and who lacks it.
///
/// Everyone whose information is shared must be covered on the day:
/// - an adult (18 or over, or a parent, carer, relative or other member) by a valid
///   grant of their own for the agency;
/// - a young person (role "young_person", or 12 to 17 with no role recorded) by a valid
///   grant recorded for them: their own, as a competent young person, or one a parent or
///   carer gave on their behalf;
/// - a child (role "child", or under 12 with no role recorded) by a valid grant recorded
///   for them (given on their behalf), or, when none was ever recorded for them for the
///   agency, by the valid own grant of a parent or carer in the family: a parent
///   consents on their child's behalf.
class SharingConsent
{
public:
    enum class Standing { Adult, YoungPerson, Child };

    /// One person not covered, and why: their own status for the agency (None when they
    /// never had a grant for it, else Expired or Withdrawn with its date).
    struct Gap {
        QString personId;
        QString name;
        Standing standing = Standing::Adult;
        ConsentStatus own;
    };

    /// The valid grant a person's sharing rests on, and whose grant it is: the person's
    /// own, or (for a child) a parent's or carer's.
    struct Basis {
        ConsentStatus grant;
        QString holderId;
    };

    static Standing standingOf(const Person &person, QDate day);

    /// A member's consent for any agency on day, as the family page shows it: their own
    /// grants' status (ConsentStatus::forPerson) if they have any; else, for a child, the
    /// valid grant of a parent or carer that covers them (holderId says whose); else None.
    static Basis memberConsent(const Person &person, const QList<Person> &family,
        const QList<Consent> &records, QDate day);

    /// What covers person on day for agency, given the family's members and records;
    /// nothing when they are not covered.
    static std::optional<Basis> basisFor(const Person &person, const QList<Person> &family,
        const QList<Consent> &records, const QString &agency, QDate day);
    static bool isCovered(const Person &person, const QList<Person> &family,
        const QList<Consent> &records, const QString &agency, QDate day)
    {
        return basisFor(person, family, records, agency, day).has_value();
    }

    /// The people (of those to share about) not covered for agency on day, in the order
    /// given; empty when sharing is allowed. family is every member (a child may be covered
    /// by a parent who is not shared about).
    static QList<Gap> gaps(const QList<Person> &shared, const QList<Person> &family,
        const QList<Consent> &records, const QString &agency, QDate day);
};

} // namespace doorstep
