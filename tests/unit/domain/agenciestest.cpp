#include "domain/agencies.h"

#include <catch2/catch.hpp>

using doorstep::Agencies;

TEST_CASE("The agencies are a fixed list of stable keys", "[domain]")
{
    CHECK(Agencies::keys()
        == QStringList { QStringLiteral("school"), QStringLiteral("health"),
            QStringLiteral("police"), QStringLiteral("housing"), QStringLiteral("dwp"),
            QStringLiteral("social_care"), QStringLiteral("voluntary_sector") });
    CHECK(Agencies::isKnown(QStringLiteral("dwp")));
    CHECK_FALSE(Agencies::isKnown(QStringLiteral("DWP")));
    CHECK_FALSE(Agencies::isKnown(QString()));
}

TEST_CASE("Agencies are stored in the list's order, each once", "[domain]")
{
    CHECK(Agencies::encode(
              { QStringLiteral("police"), QStringLiteral("school"), QStringLiteral("police") })
        == QStringLiteral("school,police"));
    CHECK(Agencies::encode({}) == QString());
    CHECK(Agencies::encode({ QStringLiteral("youth_justice"), QStringLiteral("health") })
        == QStringLiteral("health,youth_justice"));
}

TEST_CASE("Stored agencies read back tolerantly", "[domain]")
{
    CHECK(Agencies::decode(QStringLiteral("school, Health,,school "))
        == QStringList { QStringLiteral("school"), QStringLiteral("health") });
    CHECK(Agencies::decode(QString()).isEmpty());
    CHECK(Agencies::decode(Agencies::encode(Agencies::keys())) == Agencies::keys());
}

TEST_CASE("Untranslated sentences name each agency", "[domain]")
{
    for (const QString &key : Agencies::keys())
        CHECK(Agencies::englishPhrase(key) != key);
    CHECK(Agencies::englishPhrase(QStringLiteral("dwp")) == QStringLiteral("the DWP"));
    CHECK(Agencies::englishPhrase(QStringLiteral("youth_justice"))
        == QStringLiteral("youth_justice"));
}
