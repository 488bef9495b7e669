#include "ink/strokehittest.h"

#include <QtGlobal>
#include <algorithm>
#include <cmath>

namespace doorstep
{

namespace
{

qreal cross(QPointF a, QPointF b)
{
    return a.x() * b.y() - a.y() * b.x();
}

bool segmentsCross(QPointF a, QPointF b, QPointF c, QPointF d)
{
    const qreal d1 = cross(b - a, c - a);
    const qreal d2 = cross(b - a, d - a);
    const qreal d3 = cross(d - c, a - c);
    const qreal d4 = cross(d - c, b - c);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

} // namespace

qreal StrokeHitTest::pointDistance(QPointF p, QPointF a, QPointF b, qreal *along)
{
    const QPointF ab = b - a;
    const qreal lengthSquared = QPointF::dotProduct(ab, ab);
    const qreal t = lengthSquared > 0
        ? std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0)
        : 0.0;
    if (along)
        *along = t;
    const QPointF nearest = a + ab * t;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

qreal StrokeHitTest::segmentDistance(QPointF a, QPointF b, QPointF c, QPointF d)
{
    if (segmentsCross(a, b, c, d))
        return 0;
    return std::min({ pointDistance(a, c, d), pointDistance(b, c, d), pointDistance(c, a, b),
        pointDistance(d, a, b) });
}

bool StrokeHitTest::touches(const QList<QPointF> &centre, const QList<qreal> &widths, QPointF from,
    QPointF to, qreal radius)
{
    Q_ASSERT(centre.size() == widths.size());
    const qsizetype n = std::min(centre.size(), widths.size());
    if (n == 1) {
        return pointDistance(centre.at(0), from, to) <= radius + widths.at(0) / 2;
    }
    for (qsizetype i = 0; i + 1 < n; ++i) {
        // The wider end of the segment counts: a slight overestimate, never a miss.
        const qreal reach = radius + std::max(widths.at(i), widths.at(i + 1)) / 2;
        if (segmentDistance(centre.at(i), centre.at(i + 1), from, to) <= reach)
            return true;
    }
    return false;
}

} // namespace doorstep
