#include "genogram/genogramsupportnetwork.h"

#include "samplefamilies.h"

#include <catch2/catch.hpp>

using doorstep::GenogramSupportNetwork;

TEST_CASE(
    "The support network is the household and who helps it, not who harms it", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const QSet<QString> people = GenogramSupportNetwork::people(genogram);
    // The index person's household.
    for (const char *id : { "dad", "mum", "mia", "lily", "sam", "alex" })
        CHECK(people.contains(QLatin1String(id)));
    // A grandmother who supports and is close; David's son; the baby on the way.
    CHECK(people.contains(QStringLiteral("gm")));
    CHECK(people.contains(QStringLiteral("tom")));
    CHECK(people.contains(QStringLiteral("baby")));
    // Died; in conflict with David; cut off from Priya; no line to the household.
    CHECK_FALSE(people.contains(QStringLiteral("gf")));
    CHECK_FALSE(people.contains(QStringLiteral("aunt")));
    CHECK_FALSE(people.contains(QStringLiteral("ex")));
    CHECK_FALSE(people.contains(QStringLiteral("gary")));
}

TEST_CASE(
    "The support network's lines join two of its people and are not harmful", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const QSet<QString> relations = GenogramSupportNetwork::relations(genogram);
    for (const char *id :
        { "r-dad-mum", "e-support", "e-close", "r-twins", "r-mum-sam", "r-dad-tom", "r-mum-tom" })
        CHECK(relations.contains(QLatin1String(id)));
    for (const char *id : { "r-gp", "r-dad-ex", "e-conflict", "e-distant", "e-abuse", "r-gf-dad" })
        CHECK_FALSE(relations.contains(QLatin1String(id)));
}

TEST_CASE(
    "Without an index person every household is the family at the centre", "[genogramdrawing]")
{
    using namespace doorstep;
    Genogram genogram({ test::samplePerson("a", "A", test::Gender::Female, ""),
                          test::samplePerson("b", "B", test::Gender::Male, ""),
                          test::samplePerson("c", "C", test::Gender::Male, "") },
        {}, { { QStringLiteral("h"), { QStringLiteral("a"), QStringLiteral("b") }, {} } });
    CHECK(GenogramSupportNetwork::people(genogram)
        == QSet<QString> { QStringLiteral("a"), QStringLiteral("b") });
}
