#pragma once

#include "ink/inkpoint.h"

#include <QColor>
#include <QList>
#include <QPainterPath>
#include <QPointF>

class QPainter;

namespace doorstep
{

/// Draws a stroke with QPainter exactly as the canvas shows it: the same smoothing, the same
/// pressure curve and the same outline. The canvas paints its finished strokes this way into
/// one cached layer; the house pictures, the letter to the child and the PDFs paint them the
/// same way at any resolution (a PDF keeps the outline as a vector path).
class StrokePainter
{
public:
    /// The filled outline of a stroke through points (in the painter's coordinates) whose
    /// width at full pressure is baseWidth. Empty for no points; one point gives a disc.
    static QPainterPath outline(const QList<InkPoint> &points, qreal baseWidth);
    /// The triangles of a triangle strip as one path: each wound the same way, so the winding
    /// fill is their union and antialiasing leaves no seams between them.
    static QPainterPath stripPath(const QList<QPointF> &strip);
    /// Paints the stroke antialiased in colour.
    static void paint(
        QPainter &painter, const QList<InkPoint> &points, qreal baseWidth, const QColor &colour);
    /// Paints a stored stroke, its points normalised (0 to 1 across and down) to target, its
    /// width a fraction of target's width; pressures may be empty (no pressure).
    static void paintNormalised(QPainter &painter, const QRectF &target,
        const QList<QPointF> &points, const QList<qreal> &pressures, qreal width,
        const QColor &colour);
};

} // namespace doorstep
