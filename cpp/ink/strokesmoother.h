#pragma once

#include "ink/inkpoint.h"

#include <QList>

namespace doorstep
{

/// Turns the raw points of one stroke into a smooth polyline: points closer than a small
/// distance to the last one kept are dropped (the stroke's last point is always kept), then
/// each corner between two segments becomes a quadratic Bézier curve from the middle of one
/// segment to the middle of the next, sampled at short steps. A quadratic curve stays inside
/// the triangle of its control points, so the line never overshoots its input, and the first
/// and last points are kept exactly.
class StrokeSmoother
{
public:
    /// Closer than this (in item pixels) to the previous kept point, a point adds nothing.
    static constexpr qreal DefaultMinimumDistance = 1.0;
    /// The longest step (in item pixels) between samples of a curve.
    static constexpr qreal DefaultStep = 2.0;

    /// The points worth keeping: no two consecutive closer than minimumDistance, the first
    /// and the last point kept. This is what a stroke stores.
    static QList<InkPoint> filter(
        const QList<InkPoint> &raw, qreal minimumDistance = DefaultMinimumDistance);

    /// The smooth polyline through raw (filtered first); pressure and time are interpolated
    /// along the curves as positions are.
    static QList<InkPoint> smooth(const QList<InkPoint> &raw,
        qreal minimumDistance = DefaultMinimumDistance, qreal step = DefaultStep);
};

} // namespace doorstep
