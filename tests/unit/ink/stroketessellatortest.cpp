#include "ink/stroketessellator.h"

#include "ink/strokehittest.h"
#include "ink/strokesmoother.h"

#include <QRectF>
#include <catch2/catch.hpp>
#include <cmath>

using doorstep::InkPoint;
using doorstep::StrokeHitTest;
using doorstep::StrokeSmoother;
using doorstep::StrokeTessellator;

namespace
{

qreal distanceToPolyline(QPointF p, const QList<QPointF> &line)
{
    if (line.size() == 1)
        return std::hypot(p.x() - line.at(0).x(), p.y() - line.at(0).y());
    qreal best = 1e300;
    for (qsizetype i = 1; i < line.size(); ++i)
        best = std::min(best, StrokeHitTest::pointDistance(p, line.at(i - 1), line.at(i)));
    return best;
}

// Every vertex and every triangle's centre lies within the stroke's half width of its line.
void checkWithinBand(const QList<QPointF> &line, const QList<QPointF> &strip, qreal halfWidth)
{
    REQUIRE(strip.size() >= 3);
    for (const QPointF &vertex : strip) {
        INFO(vertex.x() << ", " << vertex.y());
        CHECK(distanceToPolyline(vertex, line) <= halfWidth + 1e-6);
    }
    for (qsizetype i = 2; i < strip.size(); ++i) {
        const QPointF centre = (strip.at(i - 2) + strip.at(i - 1) + strip.at(i)) / 3;
        CHECK(distanceToPolyline(centre, line) <= halfWidth + 1e-6);
    }
}

} // namespace

TEST_CASE("The pressure curve runs from a thin line to the full pen width", "[ink]")
{
    CHECK(StrokeTessellator::pressureFactor(0) == Approx(StrokeTessellator::MinimumPressureFactor));
    CHECK(StrokeTessellator::pressureFactor(1) == Approx(1));
    CHECK(StrokeTessellator::pressureFactor(InkPoint::NoPressure) == Approx(1));
    CHECK(StrokeTessellator::pressureFactor(2) == Approx(1));
    qreal previous = 0;
    for (int i = 0; i <= 10; ++i) {
        const qreal factor = StrokeTessellator::pressureFactor(i / 10.0);
        CHECK(factor > previous);
        previous = factor;
    }
}

TEST_CASE("The band's width at each point follows that point's pressure", "[ink]")
{
    QList<InkPoint> points;
    for (int i = 0; i <= 10; ++i)
        points.append({ QPointF(10.0 * i, 50), 0.1 * i, 0 });
    const QList<qreal> widths = StrokeTessellator::widths(points, 12);
    const QList<QPointF> strip
        = StrokeTessellator::strip(StrokeTessellator::positions(points), widths);
    for (int i = 0; i <= 10; ++i) {
        CHECK(widths.at(i) == Approx(12 * StrokeTessellator::pressureFactor(0.1 * i)));
        // The vertices across the band at this point are its width apart.
        qreal top = 1e300;
        qreal bottom = -1e300;
        for (const QPointF &vertex : strip) {
            if (std::abs(vertex.x() - 10.0 * i) < 1e-9) {
                top = std::min(top, vertex.y());
                bottom = std::max(bottom, vertex.y());
            }
        }
        INFO("point " << i);
        CHECK(bottom - top == Approx(widths.at(i)));
    }
}

TEST_CASE("A stroke has round caps half its width beyond its ends", "[ink]")
{
    const QList<QPointF> line { QPointF(0, 0), QPointF(100, 0) };
    const QList<QPointF> strip = StrokeTessellator::strip(line, { 10, 10 });
    qreal left = 1e300;
    qreal right = -1e300;
    for (const QPointF &vertex : strip) {
        left = std::min(left, vertex.x());
        right = std::max(right, vertex.x());
        // Round: every vertex beyond an end lies on the cap's circle or inside it.
        if (vertex.x() < 0)
            CHECK(std::hypot(vertex.x(), vertex.y()) <= 5 + 1e-9);
    }
    CHECK(left == Approx(-5));
    CHECK(right == Approx(105));
    checkWithinBand(line, strip, 5);
}

TEST_CASE("A single point becomes a round dot", "[ink]")
{
    const QList<QPointF> strip = StrokeTessellator::strip({ QPointF(20, 20) }, { 8 });
    REQUIRE(strip.size() > 8);
    qreal farthest = 0;
    for (const QPointF &vertex : strip)
        farthest = std::max(farthest, std::hypot(vertex.x() - 20, vertex.y() - 20));
    CHECK(farthest == Approx(4));
}

TEST_CASE("A hairpin turn stays within the stroke's width of its line", "[ink]")
{
    // Out and straight back, one pixel apart: a mitred join would spike far past the turn.
    const QList<QPointF> line { QPointF(0, 0), QPointF(100, 0), QPointF(0, 1) };
    const QList<QPointF> strip = StrokeTessellator::strip(line, { 16, 16, 16 });
    checkWithinBand(line, strip, 8);
    qreal right = -1e300;
    for (const QPointF &vertex : strip)
        right = std::max(right, vertex.x());
    CHECK(right <= 108 + 1e-9);
    CHECK(right >= 107); // the turn is round, not cut flat
}

TEST_CASE("A smoothed scribble of sharp turns stays within its width", "[ink]")
{
    QList<InkPoint> raw;
    for (int i = 0; i < 20; ++i)
        raw.append({ QPointF(3.0 * i, (i % 2) ? 40.0 : 0.0), (i % 3) / 2.0, 0 });
    const QList<InkPoint> smooth = StrokeSmoother::smooth(raw);
    const QList<qreal> widths = StrokeTessellator::widths(smooth, 10);
    const QList<QPointF> line = StrokeTessellator::positions(smooth);
    checkWithinBand(line, StrokeTessellator::strip(line, widths), 5);
}
