#include "ink/strokepainter.h"

#include "ink/strokesmoother.h"
#include "ink/stroketessellator.h"

#include <QPainter>
#include <algorithm>

namespace doorstep
{

QPainterPath StrokePainter::outline(const QList<InkPoint> &points, qreal baseWidth)
{
    const QList<InkPoint> smoothed = StrokeSmoother::smooth(points);
    return stripPath(StrokeTessellator::strip(
        StrokeTessellator::positions(smoothed), StrokeTessellator::widths(smoothed, baseWidth)));
}

QPainterPath StrokePainter::stripPath(const QList<QPointF> &strip)
{
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (qsizetype i = 2; i < strip.size(); ++i) {
        QPointF a = strip.at(i - 2);
        QPointF b = strip.at(i - 1);
        QPointF c = strip.at(i);
        const qreal area = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
        if (qFuzzyIsNull(area))
            continue;
        if (area < 0)
            std::swap(b, c);
        path.moveTo(a);
        path.lineTo(b);
        path.lineTo(c);
        path.closeSubpath();
    }
    return path;
}

void StrokePainter::paint(
    QPainter &painter, const QList<InkPoint> &points, qreal baseWidth, const QColor &colour)
{
    if (points.isEmpty())
        return;
    const QList<InkPoint> smoothed = StrokeSmoother::smooth(points);
    const QList<qreal> widths = StrokeTessellator::widths(smoothed, baseWidth);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const bool evenWidth = std::all_of(widths.cbegin(), widths.cend(),
        [&](qreal width) { return qFuzzyCompare(width, widths.constFirst()); });
    if (evenWidth) {
        // One width all along (mouse, finger, a stylus pressed evenly): a round-capped pen
        // along the centre line draws the same shape as the outline, several times faster.
        QPen pen(colour, widths.constFirst(), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        const QList<QPointF> centre = StrokeTessellator::positions(smoothed);
        if (centre.size() == 1)
            painter.drawPoint(centre.constFirst());
        else
            painter.drawPolyline(centre.constData(), int(centre.size()));
    } else {
        painter.fillPath(
            stripPath(StrokeTessellator::strip(StrokeTessellator::positions(smoothed), widths)),
            colour);
    }
    painter.restore();
}

void StrokePainter::paintNormalised(QPainter &painter, const QRectF &target,
    const QList<QPointF> &points, const QList<qreal> &pressures, qreal width, const QColor &colour)
{
    QList<InkPoint> placed;
    placed.reserve(points.size());
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF &point = points.at(i);
        placed.append({ QPointF(target.left() + point.x() * target.width(),
                            target.top() + point.y() * target.height()),
            i < pressures.size() ? pressures.at(i) : InkPoint::NoPressure, 0 });
    }
    paint(painter, placed, width * target.width(), colour);
}

} // namespace doorstep
