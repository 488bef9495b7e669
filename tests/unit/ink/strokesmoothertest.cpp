#include "ink/strokesmoother.h"

#include <QLineF>
#include <QRectF>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

using doorstep::InkPoint;
using doorstep::StrokeSmoother;

namespace
{

QList<InkPoint> zigzag()
{
    // A scribble of sharp turns, the kind that makes a spline overshoot.
    QList<InkPoint> points;
    for (int i = 0; i < 12; ++i)
        points.append({ QPointF(20.0 * i, (i % 2) ? 60.0 : 0.0), 0.2 + 0.05 * i, 16 * i });
    points.append({ QPointF(230, 59), 1.0, 200 });
    return points;
}

QRectF boundsOf(const QList<InkPoint> &points)
{
    QPointF topLeft = points.constFirst().position;
    QPointF bottomRight = topLeft;
    for (const InkPoint &point : points) {
        topLeft = QPointF(
            std::min(topLeft.x(), point.position.x()), std::min(topLeft.y(), point.position.y()));
        bottomRight = QPointF(std::max(bottomRight.x(), point.position.x()),
            std::max(bottomRight.y(), point.position.y()));
    }
    return QRectF(topLeft, bottomRight);
}

} // namespace

TEST_CASE("Smoothing keeps a stroke's first and last points", "[ink]")
{
    const QList<InkPoint> raw = zigzag();
    const QList<InkPoint> smooth = StrokeSmoother::smooth(raw);
    REQUIRE(smooth.size() > raw.size());
    CHECK(smooth.constFirst().position == raw.constFirst().position);
    CHECK(smooth.constLast().position == raw.constLast().position);
    CHECK(smooth.constLast().pressure == raw.constLast().pressure);
}

TEST_CASE("A smoothed stroke never leaves its input's bounding box", "[ink]")
{
    const QList<InkPoint> raw = zigzag();
    const QRectF bounds = boundsOf(raw).adjusted(-1e-9, -1e-9, 1e-9, 1e-9);
    const QList<InkPoint> smooth = StrokeSmoother::smooth(raw);
    for (const InkPoint &point : smooth) {
        INFO(point.position.x() << ", " << point.position.y());
        CHECK(bounds.contains(point.position));
        CHECK(point.pressure >= 0.2 - 1e-9);
        CHECK(point.pressure <= 1.0 + 1e-9);
    }
}

TEST_CASE("Smoothing rounds a corner off rather than passing through it", "[ink]")
{
    const QList<InkPoint> raw { { QPointF(0, 0) }, { QPointF(40, 0) }, { QPointF(40, 40) } };
    const QList<InkPoint> smooth = StrokeSmoother::smooth(raw);
    for (const InkPoint &point : smooth)
        CHECK(point.position != QPointF(40, 0));
    // Every step is short, so the curve looks round at any size.
    for (qsizetype i = 1; i < smooth.size(); ++i)
        CHECK(QLineF(smooth.at(i - 1).position, smooth.at(i).position).length()
            <= StrokeSmoother::DefaultStep + 1e-9);
}

TEST_CASE("Repeated and nearly repeated points are dropped", "[ink]")
{
    const QList<InkPoint> raw { { QPointF(10, 10) }, { QPointF(10, 10) }, { QPointF(10.3, 10.2) },
        { QPointF(20, 10) }, { QPointF(20, 10) }, { QPointF(30, 10) }, { QPointF(30, 10) } };
    const QList<InkPoint> kept = StrokeSmoother::filter(raw);
    REQUIRE(kept.size() == 3);
    CHECK(kept.at(0).position == QPointF(10, 10));
    CHECK(kept.at(1).position == QPointF(20, 10));
    CHECK(kept.at(2).position == QPointF(30, 10));
    for (qsizetype i = 1; i < kept.size(); ++i)
        CHECK(QLineF(kept.at(i - 1).position, kept.at(i).position).length()
            >= StrokeSmoother::DefaultMinimumDistance);
}

TEST_CASE("Where the pen lifts is kept even when close to the last point kept", "[ink]")
{
    const QList<InkPoint> raw { { QPointF(0, 0) }, { QPointF(10, 0) }, { QPointF(10.5, 0) } };
    const QList<InkPoint> kept = StrokeSmoother::filter(raw);
    REQUIRE(kept.size() == 2);
    CHECK(kept.constLast().position == QPointF(10.5, 0));
}

TEST_CASE("A tap is one point", "[ink]")
{
    const QList<InkPoint> raw { { QPointF(5, 5) }, { QPointF(5, 5) }, { QPointF(5, 5) } };
    CHECK(StrokeSmoother::smooth(raw).size() == 1);
    CHECK(StrokeSmoother::smooth({}).isEmpty());
}
