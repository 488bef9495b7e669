#pragma once

#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QString>

namespace doorstep
{

/// One ink stroke of a drawing: the points of one touch of finger, stylus or mouse, from
/// down to up. Points are normalised to the surface drawn on: (0, 0) its top left
/// corner, (1, 1) its bottom right. Strokes are append-only; erasing is a tombstone.
struct Stroke {
    QString id;
    QString drawingId;
    QString drawnBy; ///< child, practitioner or signatory
    QList<QPointF> points;
    /// Stylus pressure per point, 0 to 1; empty when drawn without pressure (mouse, finger).
    QList<double> pressures;
    QString colour; ///< "#rrggbb"
    double width = 0; ///< pen width as a fraction of the surface's width
    QDateTime drawnAt;
};

} // namespace doorstep
