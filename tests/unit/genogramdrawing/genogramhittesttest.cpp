#include "genogram/genogramhittest.h"

#include "genogram/genogramstrokes.h"
#include "samplefamilies.h"

#include <catch2/catch.hpp>
#include <cmath>

using doorstep::GenogramHitTest;
using doorstep::GenogramLayout;
using doorstep::GenogramStrokes;

namespace
{

QPointF placeOf(const GenogramLayout &layout, const char *id)
{
    const auto position = layout.position(QString::fromLatin1(id));
    REQUIRE(position);
    return *position;
}

// Where @p id's connector is drawn, 40% of the way along (clear of the symbols).
QPointF onConnector(const GenogramLayout &layout, const char *id)
{
    for (const auto &connector : layout.connectors) {
        if (connector.relationId != QLatin1String(id))
            continue;
        const QPolygonF route = GenogramStrokes::connectorRoute(layout, connector.line);
        if (route.size() == 2)
            return QLineF(route.first(), route.last()).pointAt(0.4);
        return route.at(int(0.4 * (route.size() - 1)));
    }
    FAIL("no connector " << id);
    return {};
}

} // namespace

TEST_CASE("A tap on a symbol or just beside it finds the person", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    const QPointF mia = placeOf(layout, "mia");
    CHECK(GenogramHitTest::personAt(layout, mia) == QLatin1String("mia"));
    CHECK(GenogramHitTest::personAt(layout, mia + QPointF(0.6, -0.6)) == QLatin1String("mia"));
    CHECK(GenogramHitTest::personAt(layout, mia + QPointF(0.8, 0)).isEmpty());
}

TEST_CASE("Empty space finds neither a person nor a line", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    const QPointF far = layout.bounds.bottomRight() + QPointF(5, 5);
    CHECK(GenogramHitTest::personAt(layout, far).isEmpty());
    CHECK(GenogramHitTest::relationAt(genogram, layout, far, 0.3).isEmpty());
}

TEST_CASE("A tap on a partner line finds the partnership", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    for (const auto &line : layout.partnerLines) {
        if (line.relationId != QLatin1String("r-dad-mum"))
            continue;
        REQUIRE(line.path.size() == 4);
        // A point of the line across that no other line passes near (a step line crosses it).
        for (double t = 0.05; t < 1; t += 0.05) {
            const QPointF across = line.path.at(1) * (1 - t) + line.path.at(2) * t;
            bool clear = true;
            for (const auto &connector : layout.connectors) {
                const QLineF toPoint(connector.line.p1(), across);
                const double along = QPointF::dotProduct(toPoint.p2() - toPoint.p1(),
                                         connector.line.p2() - connector.line.p1())
                    / std::pow(connector.line.length(), 2);
                const QPointF nearest = connector.line.pointAt(qBound(0.0, along, 1.0));
                clear = clear && QLineF(nearest, across).length() > 0.5;
            }
            if (!clear)
                continue;
            CHECK(GenogramHitTest::relationAt(genogram, layout, across + QPointF(0, 0.1), 0.2)
                      .toStdString()
                == "r-dad-mum");
            return;
        }
        FAIL("every point of the line is near another");
        return;
    }
    FAIL("no partner line for David and Priya");
}

TEST_CASE("A tap on a child's line finds the child's parent line", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    for (const auto &sibship : layout.sibships) {
        const int sam = int(sibship.childIds.indexOf(QStringLiteral("sam")));
        if (sam < 0)
            continue;
        const QString found = GenogramHitTest::relationAt(
            genogram, layout, sibship.drops.at(sam).pointAt(0.5) + QPointF(0.05, 0), 0.2);
        CHECK((found == QLatin1String("r-dad-sam") || found == QLatin1String("r-mum-sam")));
        return;
    }
    FAIL("Sam hangs from no sibship");
}

TEST_CASE("A tap on a twin bar finds the twins' line", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    REQUIRE(layout.twinBars.size() == 1);
    CHECK(GenogramHitTest::relationAt(genogram, layout, layout.twinBars.first().line.center(), 0.1)
        == QLatin1String("r-twins"));
}

TEST_CASE("A tap on an emotional or step line finds it", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    for (const char *id : { "e-support", "e-close", "e-conflict", "e-cutoff", "r-mum-tom" }) {
        INFO(id);
        CHECK(GenogramHitTest::relationAt(genogram, layout, onConnector(layout, id), 0.05)
            == QLatin1String(id));
    }
}

TEST_CASE("A tap on a line that bows round someone finds it where it is drawn", "[genogramdrawing]")
{
    using doorstep::test::samplePerson;
    using doorstep::test::sampleRelation;
    using Gender = doorstep::GenogramPerson::Gender;
    const doorstep::Genogram genogram({ samplePerson("ann", "Ann", Gender::Female, ""),
                                          samplePerson("bob", "Bob", Gender::Male, ""),
                                          samplePerson("cat", "Cat", Gender::Female, "") },
        { sampleRelation("e-close", doorstep::GenogramRelation::Type::Close, "ann", "cat") });
    GenogramLayout layout;
    layout.places.insert(QStringLiteral("ann"), { QPointF(0, 0), 0, false });
    layout.places.insert(QStringLiteral("bob"), { QPointF(2, 0), 0, false });
    layout.places.insert(QStringLiteral("cat"), { QPointF(4, 0), 0, false });
    layout.connectors.append({ QStringLiteral("e-close"), QLineF(0, 0, 4, 0) });
    const QPolygonF route = GenogramStrokes::connectorRoute(layout, QLineF(0, 0, 4, 0));
    REQUIRE(route.size() > 2);
    for (const double along : { 0.3, 0.5, 0.7 }) {
        const QPointF on = route.at(int(along * (route.size() - 1)));
        CHECK(GenogramHitTest::relationAt(genogram, layout, on + QPointF(0, 0.03), 0.1)
            == QLatin1String("e-close"));
    }
    // Not where the straight line would have run, under Bob's symbol.
    CHECK(GenogramHitTest::relationAt(genogram, layout, QPointF(1.2, 0), 0.1).isEmpty());
    CHECK(GenogramHitTest::personAt(layout, QPointF(2, 0)) == QLatin1String("bob"));
}
