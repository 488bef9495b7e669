#include "genogram/genogrampainter.h"

#include "genogram/genogramlegend.h"
#include "genogram/genogramstrokes.h"
#include "samplefamilies.h"
#include "unit/genogram/layoutchecks.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <catch2/catch.hpp>

using doorstep::GenogramLayout;
using doorstep::GenogramLegend;
using doorstep::GenogramPainter;
using doorstep::GenogramPaintOptions;
using doorstep::GenogramStrokes;

namespace
{

QImage painted(const doorstep::Genogram &genogram, const GenogramLayout &layout,
    const GenogramPaintOptions &options, QSize size = QSize(900, 600))
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    GenogramPainter::paint(painter, genogram, layout, options);
    return image;
}

GenogramPaintOptions fitted(const GenogramLayout &layout, QSize size)
{
    GenogramPaintOptions options;
    options.transform = GenogramPainter::fitTransform(
        GenogramPainter::paintedBounds(layout), QRectF(QPointF(0, 0), size));
    return options;
}

// Ann and Cat in a row with Bob between them, and a line of @p type from Ann to Cat. Bob is
// in the layout only, so the picture shows the line and not his symbol over it.
struct ThreeInARow {
    doorstep::Genogram genogram;
    GenogramLayout layout;
};

ThreeInARow threeInARow(doorstep::GenogramRelation::Type type)
{
    using doorstep::test::samplePerson;
    using doorstep::test::sampleRelation;
    using Gender = doorstep::GenogramPerson::Gender;
    ThreeInARow row { doorstep::Genogram({ samplePerson("ann", "Ann", Gender::Female, ""),
                                             samplePerson("cat", "Cat", Gender::Female, "") },
                          { sampleRelation("e-line", type, "ann", "cat") }),
        {} };
    row.layout.places.insert(QStringLiteral("ann"), { QPointF(0, 0), 0, false });
    row.layout.places.insert(QStringLiteral("bob"), { QPointF(2, 0), 0, false });
    row.layout.places.insert(QStringLiteral("cat"), { QPointF(4, 0), 0, false });
    row.layout.connectors.append({ QStringLiteral("e-line"), QLineF(0, 0, 4, 0) });
    row.layout.bounds = QRectF(-0.5, -0.5, 5, 1);
    return row;
}

// Bob's symbol with the margin a line keeps from it.
const QRectF bobsSquare(1.5 - GenogramStrokes::ConnectorClearance,
    -0.5 - GenogramStrokes::ConnectorClearance, 1 + 2 * GenogramStrokes::ConnectorClearance,
    1 + 2 * GenogramStrokes::ConnectorClearance);

// Whether any part of @p route, walked in small steps, is inside @p rect.
bool passesThrough(const QPolygonF &route, const QRectF &rect)
{
    for (int k = 0; k + 1 < route.size(); ++k) {
        for (int step = 0; step <= 20; ++step) {
            if (rect.contains(QLineF(route[k], route[k + 1]).pointAt(step / 20.0)))
                return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("A line past someone in the row bows above their symbol", "[genogramdrawing]")
{
    const auto row = threeInARow(doorstep::GenogramRelation::Type::Support);
    const QPolygonF route = GenogramStrokes::connectorRoute(row.layout, QLineF(0, 0, 4, 0));
    REQUIRE(route.size() > 2);
    CHECK(route.first() == QPointF(0, 0));
    CHECK(route.last() == QPointF(4, 0));
    CHECK_FALSE(passesThrough(route, bobsSquare));
    // Above the row, and not far: under the children's line of the row's parents.
    CHECK(route.boundingRect().bottom() <= 1e-9);
    CHECK(route.boundingRect().top() >= -1.25);
}

TEST_CASE("A line with no one in the way stays straight", "[genogramdrawing]")
{
    auto row = threeInARow(doorstep::GenogramRelation::Type::Support);
    row.layout.places[QStringLiteral("bob")].position = QPointF(2, 2);
    CHECK(GenogramStrokes::connectorRoute(row.layout, QLineF(0, 0, 4, 0))
        == QPolygonF { QPointF(0, 0), QPointF(4, 0) });
}

TEST_CASE(
    "Every style of line that bows round someone leaves their symbol clear", "[genogramdrawing]")
{
    using Type = doorstep::GenogramRelation::Type;
    for (const Type type : { Type::Close, Type::Distant, Type::Conflict, Type::CutOff, Type::Abuse,
             Type::Support, Type::Step, Type::NonIdenticalTwins }) {
        INFO(int(type));
        const auto row = threeInARow(type);
        GenogramPaintOptions options;
        options.transform = QTransform::fromScale(40, 40) * QTransform::fromTranslate(40, 120);
        const QImage image = painted(row.genogram, row.layout, options, QSize(260, 180));
        // His symbol itself: a zigzag or a double line reaches into the margin.
        const QRect bob = options.transform.mapRect(QRectF(1.5, -0.5, 1, 1)).toAlignedRect();
        for (int y = bob.top(); y <= bob.bottom(); ++y) {
            for (int x = bob.left(); x <= bob.right(); ++x) {
                if (image.pixel(x, y) != qRgb(255, 255, 255))
                    FAIL("ink on Bob's symbol at " << x << "," << y);
            }
        }
        // Drawn above him instead.
        const QPoint above = options.transform.map(QPointF(2, -0.85)).toPoint();
        CHECK(doorstep::test::inkNear(image, above, 8));
    }
}

TEST_CASE("The screenshot family: children's lines apart, lines round other people's symbols",
    "[genogramdrawing]")
{
    const auto genogram = doorstep::test::ashdownFamily();
    const auto layout = GenogramLayout::layout(genogram);
    const QStringList problems = doorstep::test::layoutProblems(genogram, layout);
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.isEmpty());
    REQUIRE(layout.connectors.size() >= 4);
    const double reach = 0.5 + GenogramStrokes::ConnectorClearance - 1e-6;
    for (const auto &connector : layout.connectors) {
        const QPolygonF route = GenogramStrokes::connectorRoute(layout, connector.line);
        for (auto it = layout.places.cbegin(); it != layout.places.cend(); ++it) {
            if (it->position == connector.line.p1() || it->position == connector.line.p2())
                continue;
            INFO(connector.relationId.toStdString() << " past " << it.key().toStdString());
            CHECK_FALSE(passesThrough(
                route, QRectF(it->position - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach))));
        }
    }
}

TEST_CASE("Painting the same genogram twice gives the same pixels", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    GenogramPaintOptions options = fitted(layout, QSize(900, 600));
    options.selectedPersonId = QStringLiteral("mum");
    options.selectedRelationId = QStringLiteral("e-support");
    const QImage first = painted(genogram, layout, options);
    const QImage second = painted(genogram, layout, options);
    CHECK(first == second);
    options.highlightSupport = true;
    CHECK(painted(genogram, layout, options) == painted(genogram, layout, options));
    CHECK(painted(genogram, layout, options) != first);
}

TEST_CASE("Every symbol is drawn where the layout puts it", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    const GenogramPaintOptions options = fitted(layout, QSize(900, 600));
    const QImage image = painted(genogram, layout, options);
    for (auto it = layout.places.cbegin(); it != layout.places.cend(); ++it) {
        INFO(it.key().toStdString());
        // The outline half a symbol left of the centre; a pregnancy's base below it.
        const bool pregnancy = genogram.person(it.key())->pregnancy;
        const QPointF edge = options.transform.map(
            it->position + (pregnancy ? QPointF(0, 0.5) : QPointF(-0.5, 0)));
        CHECK(doorstep::test::inkNear(image, edge.toPoint(), 2));
    }
    // Nothing is painted outside what paintedBounds() promises.
    const QRect inside = options.transform.mapRect(GenogramPainter::paintedBounds(layout))
                             .toAlignedRect()
                             .adjusted(-1, -1, 1, 1);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (!inside.contains(x, y) && image.pixel(x, y) != qRgb(255, 255, 255))
                FAIL("ink outside the painted bounds at " << x << "," << y);
        }
    }
}

TEST_CASE("An empty genogram paints nothing", "[genogramdrawing]")
{
    const doorstep::Genogram genogram;
    const auto layout = GenogramLayout::layout(genogram);
    QImage blank(QSize(200, 100), QImage::Format_ARGB32_Premultiplied);
    blank.fill(Qt::white);
    CHECK(painted(genogram, layout, GenogramPaintOptions(), QSize(200, 100)) == blank);
}

TEST_CASE("Sixty people paint in a few milliseconds", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::largeFamily();
    const auto layout = GenogramLayout::layout(genogram);
    REQUIRE(layout.places.size() >= 50);
    const GenogramPaintOptions options = fitted(layout, QSize(1600, 900));
    QImage image(QSize(1600, 900), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    QElapsedTimer timer;
    timer.start();
    for (int frame = 0; frame < 5; ++frame)
        GenogramPainter::paint(painter, genogram, layout, options);
    // Generous for a debug build on a shared machine; a frame in release is far less.
    CHECK(timer.elapsed() / 5 < 250);
}

TEST_CASE("The legend lists what the genogram uses, in columns that fit", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto used = GenogramLegend::usedEntries(genogram);
    CHECK(used.contains(GenogramLegend::Entry::IdenticalTwins));
    CHECK(used.contains(GenogramLegend::Entry::Abuse));
    CHECK_FALSE(used.contains(GenogramLegend::Entry::Cohabiting));
    const QSizeF wide = GenogramLegend::size(used, 20, 2000);
    const QSizeF narrow = GenogramLegend::size(used, 20, 400);
    CHECK(wide.width() <= 2000);
    CHECK(narrow.height() > wide.height());
    for (const auto entry : GenogramLegend::allEntries())
        CHECK_FALSE(GenogramLegend::label(entry).isEmpty());
}
