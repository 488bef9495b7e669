#pragma once

#include "ink/inkpoint.h"

#include <QList>
#include <QPointF>

namespace doorstep
{

/// Turns a smoothed stroke into one triangle strip, the shape the scene graph draws: a band
/// along the polyline as wide as each point's width, with round caps at both ends and round
/// joins where the line turns sharply. Every vertex lies at half its point's width from that
/// point, so no turn, however sharp, makes a spike.
class StrokeTessellator
{
public:
    /// How far (in pixels) a round cap or join may fall inside the true circle.
    static constexpr qreal MaximumChordError = 0.2;
    /// Turns sharper than this (radians) get a round join; gentler ones a single pair of
    /// vertices on the bisector, at most 1% narrower than the band.
    static constexpr qreal JoinAngle = 0.28;
    /// The lightest touch still draws this fraction of the pen width.
    static constexpr qreal MinimumPressureFactor = 0.3;

    /// The pressure curve: 1 at full pressure (and for devices without pressure), down to
    /// MinimumPressureFactor at none. The square root makes a light touch visibly wider
    /// than linear would, as a felt-tip behaves.
    static qreal pressureFactor(qreal pressure);
    /// Each point's width: baseWidth times the pressure curve of its pressure.
    static QList<qreal> widths(const QList<InkPoint> &points, qreal baseWidth);
    /// The positions of points.
    static QList<QPointF> positions(const QList<InkPoint> &points);

    /// The triangle strip for a polyline with a width per point (as many as points); empty
    /// when there are no points. One point gives a disc.
    static QList<QPointF> strip(const QList<QPointF> &centre, const QList<qreal> &widths);
};

} // namespace doorstep
