#include "domain/sharingconsent.h"

#include <catch2/catch.hpp>

using doorstep::Consent;
using doorstep::ConsentStatus;
using doorstep::Person;
using doorstep::SharingConsent;
using Standing = SharingConsent::Standing;
using State = ConsentStatus::State;

namespace
{

const QDate Today(2026, 3, 12);
const QString School = QStringLiteral("school");

Person person(const char *id, const char *role, QDate born)
{
    Person p;
    p.id = QString::fromLatin1(id);
    p.givenName = QString::fromLatin1(id);
    p.role = QString::fromLatin1(role);
    p.dateOfBirth = born;
    return p;
}

Consent grant(const char *id, const Person &of, QDate expiresOn, bool bySelf = true)
{
    Consent consent;
    consent.id = QString::fromLatin1(id);
    consent.personId = of.id;
    consent.signedOn = QDate(2026, 1, 5);
    consent.expiresOn = expiresOn;
    consent.agencies = { School };
    consent.givenBySelf = bySelf;
    return consent;
}

Consent withdrawal(const Consent &of, QDate on)
{
    Consent consent;
    consent.id = of.id + QStringLiteral("-withdrawn");
    consent.personId = of.personId;
    consent.kind = Consent::Kind::Withdrawal;
    consent.withdrawsConsentId = of.id;
    consent.signedOn = on;
    return consent;
}

const Person Mum = person("mum", "parent", QDate(1988, 2, 11));
const Person Gran = person("gran", "relative", QDate(1960, 1, 1));
const Person Jan = person("jan", "child", QDate(2015, 9, 3));
const Person Rio = person("rio", "young_person", QDate(2010, 6, 20));
const QDate NextYear(2027, 1, 5);

} // namespace

TEST_CASE("Standing comes from the role, and from age when no role is recorded", "[domain]")
{
    CHECK(SharingConsent::standingOf(Mum, Today) == Standing::Adult);
    CHECK(SharingConsent::standingOf(Gran, Today) == Standing::Adult);
    CHECK(SharingConsent::standingOf(Jan, Today) == Standing::Child);
    CHECK(SharingConsent::standingOf(Rio, Today) == Standing::YoungPerson);
    CHECK(
        SharingConsent::standingOf(person("a", "", QDate(2008, 3, 12)), Today) == Standing::Adult);
    CHECK(SharingConsent::standingOf(person("b", "", QDate(2014, 3, 12)), Today)
        == Standing::YoungPerson);
    CHECK(
        SharingConsent::standingOf(person("c", "", QDate(2014, 3, 13)), Today) == Standing::Child);
    CHECK(SharingConsent::standingOf(person("d", "", QDate()), Today) == Standing::Adult);
    // An 18-year-old is an adult whatever the role still says.
    CHECK(SharingConsent::standingOf(person("e", "child", QDate(2008, 3, 1)), Today)
        == Standing::Adult);
}

TEST_CASE("Everyone shared about must be covered", "[domain]")
{
    const QList<Person> family { Mum, Jan, Rio };
    const QList<Consent> records { grant("m", Mum, NextYear), grant("r", Rio, NextYear) };
    CHECK(SharingConsent::gaps(family, family, records, School, Today).isEmpty());
    const auto gaps
        = SharingConsent::gaps(family, family, records, QStringLiteral("police"), Today);
    REQUIRE(gaps.size() == 3);
    CHECK(gaps.at(0).personId == QStringLiteral("mum"));
    CHECK(gaps.at(0).own.state == State::None);
    CHECK(gaps.at(1).standing == Standing::Child);
    CHECK(gaps.at(2).standing == Standing::YoungPerson);
}

TEST_CASE("A child is covered by a parent's own consent", "[domain]")
{
    const QList<Person> family { Mum, Jan };
    CHECK(SharingConsent::isCovered(Jan, family, { grant("m", Mum, NextYear) }, School, Today));
    // A relative who is not a parent or carer does not consent for the child.
    CHECK_FALSE(SharingConsent::isCovered(
        Jan, { Gran, Jan }, { grant("g", Gran, NextYear) }, School, Today));
}

TEST_CASE("A child is covered by consent given on their behalf", "[domain]")
{
    CHECK(SharingConsent::isCovered(
        Jan, { Jan }, { grant("j", Jan, NextYear, false) }, School, Today));
}

TEST_CASE("A withdrawal for a child is not overridden by a parent's consent", "[domain]")
{
    const Consent forJan = grant("j", Jan, NextYear, false);
    const QList<Consent> records { grant("m", Mum, NextYear), forJan,
        withdrawal(forJan, QDate(2026, 2, 1)) };
    const auto gaps = SharingConsent::gaps({ Jan }, { Mum, Jan }, records, School, Today);
    REQUIRE(gaps.size() == 1);
    CHECK(gaps.at(0).own.state == State::Withdrawn);
    CHECK(gaps.at(0).own.date == QDate(2026, 2, 1));
}

TEST_CASE("A young person needs consent recorded for them", "[domain]")
{
    const QList<Person> family { Mum, Rio };
    CHECK_FALSE(
        SharingConsent::isCovered(Rio, family, { grant("m", Mum, NextYear) }, School, Today));
    CHECK(SharingConsent::isCovered(Rio, family, { grant("r", Rio, NextYear) }, School, Today));
    CHECK(SharingConsent::isCovered(
        Rio, family, { grant("r", Rio, NextYear, false) }, School, Today));
}

TEST_CASE("An expired parent's consent leaves the child and the parent uncovered", "[domain]")
{
    const QList<Person> family { Mum, Jan };
    const auto gaps = SharingConsent::gaps(
        family, family, { grant("m", Mum, QDate(2026, 3, 1)) }, School, Today);
    REQUIRE(gaps.size() == 2);
    CHECK(gaps.at(0).own.state == State::Expired);
    CHECK(gaps.at(0).own.date == QDate(2026, 3, 1));
    CHECK(gaps.at(1).personId == QStringLiteral("jan"));
    CHECK(gaps.at(1).own.state == State::None);
}

TEST_CASE("Only the people shared about are checked", "[domain]")
{
    const QList<Person> family { Mum, Gran, Jan };
    CHECK(SharingConsent::gaps({ Mum, Jan }, family, { grant("m", Mum, NextYear) }, School, Today)
              .isEmpty());
}

TEST_CASE("The basis names the grant and whose it is", "[domain]")
{
    const QList<Person> family { Mum, Jan, Rio };
    const QList<Consent> records { grant("m", Mum, NextYear), grant("r", Rio, NextYear) };
    const auto forJan = SharingConsent::basisFor(Jan, family, records, School, Today);
    REQUIRE(forJan);
    CHECK(forJan->holderId == QStringLiteral("mum"));
    CHECK(forJan->grant.grantId == QStringLiteral("m"));
    const auto forRio = SharingConsent::basisFor(Rio, family, records, School, Today);
    REQUIRE(forRio);
    CHECK(forRio->holderId == QStringLiteral("rio"));
    CHECK_FALSE(SharingConsent::basisFor(Rio, family, records, QStringLiteral("dwp"), Today));
}

TEST_CASE("A member's standing shows a child covered by a parent's consent", "[domain]")
{
    const QList<Person> family { Mum, Jan, Rio };
    const QList<Consent> records { grant("m", Mum, NextYear) };
    const auto jan = SharingConsent::memberConsent(Jan, family, records, Today);
    CHECK(jan.grant.state == State::Valid);
    CHECK(jan.holderId == QStringLiteral("mum"));
    // A young person is not covered by a parent's consent.
    const auto rio = SharingConsent::memberConsent(Rio, family, records, Today);
    CHECK(rio.grant.state == State::None);
    CHECK(rio.holderId == QStringLiteral("rio"));
    const auto mum = SharingConsent::memberConsent(Mum, family, records, Today);
    CHECK(mum.grant.grantId == QStringLiteral("m"));
    CHECK(mum.holderId == QStringLiteral("mum"));
}
