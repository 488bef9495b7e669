#pragma once

#include <QList>
#include <QPointF>

namespace doorstep
{

/// Whether an eraser's path touches a stroke: the distance from the eraser's last move (a
/// segment) to the stroke's polyline is measured against the eraser's radius plus half the
/// stroke's width there, so a fast swipe across a thin line still catches it.
class StrokeHitTest
{
public:
    /// The shortest distance between segments ab and cd (0 when they cross).
    static qreal segmentDistance(QPointF a, QPointF b, QPointF c, QPointF d);
    /// The shortest distance from p to segment ab, and where along it (0 at a, 1 at b).
    static qreal pointDistance(QPointF p, QPointF a, QPointF b, qreal *along = nullptr);

    /// True when the eraser moving from `from` to `to` with `radius` touches the stroke with
    /// polyline `centre` and a width per point.
    static bool touches(const QList<QPointF> &centre, const QList<qreal> &widths, QPointF from,
        QPointF to, qreal radius);
};

} // namespace doorstep
