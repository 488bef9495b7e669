#include "ink/strokehittest.h"

#include <catch2/catch.hpp>

using doorstep::StrokeHitTest;

TEST_CASE("The eraser touches a stroke it crosses or comes within reach of", "[ink]")
{
    const QList<QPointF> line { QPointF(0, 50), QPointF(100, 50) };
    const QList<qreal> widths { 4, 4 };
    // A fast swipe straight across, with no sample near the line.
    CHECK(StrokeHitTest::touches(line, widths, QPointF(50, 0), QPointF(50, 100), 1));
    // Alongside: within radius plus half the width...
    CHECK(StrokeHitTest::touches(line, widths, QPointF(0, 58.9), QPointF(100, 58.9), 7));
    // ...and just beyond it.
    CHECK_FALSE(StrokeHitTest::touches(line, widths, QPointF(0, 59.1), QPointF(100, 59.1), 7));
    // Past the end.
    CHECK_FALSE(StrokeHitTest::touches(line, widths, QPointF(120, 0), QPointF(120, 100), 5));
    // A dot.
    CHECK(StrokeHitTest::touches({ QPointF(10, 10) }, { 6 }, QPointF(16, 10), QPointF(16, 10), 4));
}
