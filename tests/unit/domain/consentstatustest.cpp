#include "domain/consentstatus.h"

#include <QDate>
#include <catch2/catch.hpp>

using doorstep::Consent;
using doorstep::ConsentStatus;
using State = ConsentStatus::State;

namespace Catch
{
template <> struct StringMaker<QDate> {
    static std::string convert(const QDate &value)
    {
        return value.isValid() ? value.toString(Qt::ISODate).toStdString() : "invalid date";
    }
};
template <> struct StringMaker<State> {
    static std::string convert(State value)
    {
        switch (value) {
        case State::None:
            return "None";
        case State::Valid:
            return "Valid";
        case State::Expiring:
            return "Expiring";
        case State::Expired:
            return "Expired";
        case State::Withdrawn:
            return "Withdrawn";
        }
        return "unknown state";
    }
};
} // namespace Catch

namespace
{

const QDate Today(2026, 3, 12);

Consent grant(const char *id, const char *person, QDate signedOn, QDate expiresOn,
    QStringList agencies = { QStringLiteral("school") })
{
    Consent consent;
    consent.id = QString::fromLatin1(id);
    consent.personId = QString::fromLatin1(person);
    consent.signedOn = signedOn;
    consent.expiresOn = expiresOn;
    consent.agencies = std::move(agencies);
    return consent;
}

Consent withdrawal(const char *id, const Consent &of, QDate on)
{
    Consent consent;
    consent.id = QString::fromLatin1(id);
    consent.personId = of.personId;
    consent.kind = Consent::Kind::Withdrawal;
    consent.withdrawsConsentId = of.id;
    consent.signedOn = on;
    return consent;
}

} // namespace

TEST_CASE("A grant is valid from its signature to the end of its expiry date", "[domain]")
{
    const Consent g = grant("g", "p", QDate(2026, 1, 5), QDate(2027, 1, 5));
    CHECK(ConsentStatus::ofGrant(g, { g }, QDate(2026, 1, 4)).state == State::None);
    CHECK(ConsentStatus::ofGrant(g, { g }, QDate(2026, 1, 5)).state == State::Valid);
    CHECK(ConsentStatus::ofGrant(g, { g }, Today).state == State::Valid);
    CHECK(ConsentStatus::ofGrant(g, { g }, Today).date == QDate(2027, 1, 5));
    CHECK(ConsentStatus::ofGrant(g, { g }, QDate(2027, 1, 5)).isValid());
    const ConsentStatus after = ConsentStatus::ofGrant(g, { g }, QDate(2027, 1, 6));
    CHECK(after.state == State::Expired);
    CHECK(after.date == QDate(2027, 1, 5));
    CHECK_FALSE(after.isValid());
}

TEST_CASE("A grant expiring within 30 days is expiring and still valid", "[domain]")
{
    const Consent g = grant("g", "p", QDate(2025, 4, 1), Today.addDays(30));
    const ConsentStatus status = ConsentStatus::ofGrant(g, { g }, Today);
    CHECK(status.state == State::Expiring);
    CHECK(status.isValid());
    CHECK(ConsentStatus::ofGrant(g, { g }, Today.addDays(-1)).state == State::Valid);
}

TEST_CASE("A grant without an expiry date does not expire", "[domain]")
{
    const Consent g = grant("g", "p", QDate(2020, 1, 1), QDate());
    const ConsentStatus status = ConsentStatus::ofGrant(g, { g }, QDate(2040, 1, 1));
    CHECK(status.state == State::Valid);
    CHECK_FALSE(status.date.isValid());
}

TEST_CASE("A withdrawal ends a grant from its own date", "[domain]")
{
    const Consent g = grant("g", "p", QDate(2026, 1, 5), QDate(2027, 1, 5));
    const Consent w = withdrawal("w", g, QDate(2026, 3, 1));
    CHECK(ConsentStatus::ofGrant(g, { g, w }, QDate(2026, 2, 28)).state == State::Valid);
    const ConsentStatus status = ConsentStatus::ofGrant(g, { g, w }, Today);
    CHECK(status.state == State::Withdrawn);
    CHECK(status.date == QDate(2026, 3, 1));
    CHECK(status.grantId == QStringLiteral("g"));
}

TEST_CASE("The earliest of two withdrawals counts, and withdrawn beats expired", "[domain]")
{
    const Consent g = grant("g", "p", QDate(2025, 1, 5), QDate(2026, 1, 5));
    const Consent late = withdrawal("w2", g, QDate(2026, 2, 1));
    const Consent early = withdrawal("w1", g, QDate(2025, 6, 1));
    const ConsentStatus status = ConsentStatus::ofGrant(g, { late, g, early }, Today);
    CHECK(status.state == State::Withdrawn);
    CHECK(status.date == QDate(2025, 6, 1));
}

TEST_CASE("A withdrawal of another grant does not touch this one", "[domain]")
{
    const Consent a = grant("a", "p", QDate(2026, 1, 5), QDate(2027, 1, 5));
    const Consent b = grant("b", "p", QDate(2026, 1, 5), QDate(2027, 1, 5));
    const Consent w = withdrawal("w", b, QDate(2026, 2, 1));
    CHECK(ConsentStatus::ofGrant(a, { a, b, w }, Today).state == State::Valid);
    CHECK(ConsentStatus::ofGrant(w, { a, b, w }, Today).state == State::None);
}

TEST_CASE("A person with no grant has no consent", "[domain]")
{
    const Consent other = grant("g", "someone-else", QDate(2026, 1, 5), QDate(2027, 1, 5));
    const ConsentStatus status = ConsentStatus::forPerson(QStringLiteral("p"), { other }, Today);
    CHECK(status.state == State::None);
    CHECK(status.grantId.isEmpty());
}

TEST_CASE("A person's consent for an agency needs a grant naming it", "[domain]")
{
    const Consent g = grant("g", "p", QDate(2026, 1, 5), QDate(2027, 1, 5),
        { QStringLiteral("school"), QStringLiteral("health") });
    const auto forAgency = [&](const char *agency) {
        return ConsentStatus::forPerson(
            QStringLiteral("p"), { g }, Today, QString::fromLatin1(agency))
            .state;
    };
    CHECK(forAgency("school") == State::Valid);
    CHECK(forAgency("health") == State::Valid);
    CHECK(forAgency("police") == State::None);
    CHECK(ConsentStatus::forPerson(QStringLiteral("p"), { g }, Today).state == State::Valid);
}

TEST_CASE("A person's longest-lasting valid grant decides", "[domain]")
{
    const Consent soon = grant("soon", "p", QDate(2025, 4, 1), Today.addDays(10));
    const Consent later = grant("later", "p", QDate(2026, 3, 1), QDate(2027, 3, 1));
    const Consent ended = grant("ended", "p", QDate(2024, 1, 1), QDate(2025, 1, 1));
    const ConsentStatus status
        = ConsentStatus::forPerson(QStringLiteral("p"), { soon, ended, later }, Today);
    CHECK(status.state == State::Valid);
    CHECK(status.grantId == QStringLiteral("later"));
    CHECK(ConsentStatus::forPerson(QStringLiteral("p"), { soon, ended }, Today).state
        == State::Expiring);
}

TEST_CASE("With no valid grant the one that ended last decides", "[domain]")
{
    const Consent expired = grant("e", "p", QDate(2025, 1, 1), QDate(2026, 2, 1));
    const Consent withdrawn = grant("w", "p", QDate(2025, 6, 1), QDate(2026, 6, 1));
    const Consent w = withdrawal("x", withdrawn, QDate(2026, 1, 10));
    ConsentStatus status
        = ConsentStatus::forPerson(QStringLiteral("p"), { expired, withdrawn, w }, Today);
    CHECK(status.state == State::Expired);
    CHECK(status.date == QDate(2026, 2, 1));

    const Consent laterWithdrawal = withdrawal("y", withdrawn, QDate(2026, 2, 1));
    status = ConsentStatus::forPerson(
        QStringLiteral("p"), { expired, withdrawn, laterWithdrawal }, Today);
    CHECK(status.state == State::Withdrawn);
    CHECK(status.date == QDate(2026, 2, 1));
}
