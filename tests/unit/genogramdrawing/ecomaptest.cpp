#include "genogram/ecomaphittest.h"
#include "genogram/ecomaplayout.h"
#include "genogram/ecomappainter.h"
#include "samplefamilies.h"

#include <QImage>
#include <QPainter>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

using doorstep::EcomapHitTest;
using doorstep::EcomapLayout;

TEST_CASE("Ecomap links go round the family in a fixed order, whatever order they come in",
    "[genogramdrawing]")
{
    auto links = doorstep::test::sampleLinks();
    const auto first = EcomapLayout::layout(QStringLiteral("Bell"), links);
    std::reverse(links.begin(), links.end());
    const auto second = EcomapLayout::layout(QStringLiteral("Bell"), links);
    REQUIRE(first.nodes.size() == 12);
    for (int k = 0; k < first.nodes.size(); ++k) {
        CHECK(first.nodes[k].link.id == second.nodes[k].link.id);
        CHECK(first.nodes[k].centre == second.nodes[k].centre);
    }
    // The first is at the top; all are as far from the family and clear of each other.
    CHECK(first.nodes.first().link.agency == doorstep::EcomapLink::Agency::School);
    CHECK(first.nodes.first().centre.y() < 0);
    CHECK(std::abs(first.nodes.first().centre.x()) < 1e-9);
    const double ring = std::hypot(first.nodes[3].centre.x(), first.nodes[3].centre.y());
    for (int k = 0; k < first.nodes.size(); ++k) {
        const auto &a = first.nodes[k].centre;
        const auto &b = first.nodes[(k + 1) % first.nodes.size()].centre;
        CHECK(std::hypot(a.x(), a.y()) == Approx(ring));
        CHECK(std::hypot(a.x() - b.x(), a.y() - b.y()) >= EcomapLayout::NameWidth);
    }
}

TEST_CASE("A tap on an agency or its line finds the link, elsewhere nothing", "[genogramdrawing]")
{
    const auto layout = EcomapLayout::layout(QStringLiteral("Bell"), doorstep::test::sampleLinks());
    for (const auto &node : layout.nodes) {
        CHECK(EcomapHitTest::linkAt(layout, node.centre, 0.2) == node.link.id);
        CHECK(EcomapHitTest::linkAt(layout, node.line.center(), 0.2) == node.link.id);
    }
    CHECK(EcomapHitTest::linkAt(layout, QPointF(0, 0), 0.2).isEmpty());
    CHECK(
        EcomapHitTest::linkAt(layout, layout.bounds.bottomRight() + QPointF(3, 3), 0.2).isEmpty());
}

TEST_CASE("A link names the member it is with", "[genogramdrawing]")
{
    const auto layout = EcomapLayout::layout(
        QStringLiteral("Bell"), doorstep::test::sampleLinks(), doorstep::test::sampleMembers());
    CHECK(layout.memberNames.size() == 5);
    for (const auto &node : layout.nodes) {
        if (node.link.id == QLatin1String("l-school"))
            CHECK(node.memberName == QLatin1String("Mia"));
        if (node.link.id == QLatin1String("l-gp"))
            CHECK(node.memberName.isEmpty());
    }
}

TEST_CASE("Painting the same ecomap twice gives the same pixels", "[genogramdrawing]")
{
    const auto layout = EcomapLayout::layout(QStringLiteral("Bell"), doorstep::test::sampleLinks());
    doorstep::GenogramPaintOptions options;
    options.transform
        = doorstep::GenogramPainter::fitTransform(layout.bounds, QRectF(0, 0, 800, 800));
    auto paint = [&] {
        QImage image(800, 800, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        doorstep::EcomapPainter::paint(painter, layout, options);
        return image;
    };
    const QImage first = paint();
    CHECK(first == paint());
    for (const auto &node : layout.nodes) {
        const QPointF edge = options.transform.map(node.centre + QPointF(node.radius, 0));
        CHECK(doorstep::test::inkNear(first, edge.toPoint(), 2));
    }
}
