#include "ink/stroketessellator.h"

#include <QtMath>
#include <algorithm>
#include <cmath>

namespace doorstep
{

namespace
{

constexpr int MaximumArcSteps = 24;
constexpr qreal TinyLength = 1e-9;

qreal length(QPointF v)
{
    return std::hypot(v.x(), v.y());
}

QPointF normalised(QPointF v)
{
    const qreal l = length(v);
    return l > TinyLength ? v / l : QPointF();
}

// The left-hand normal of a direction (y grows downwards: left of travel on screen).
QPointF normalOf(QPointF direction)
{
    return { direction.y(), -direction.x() };
}

QPointF rotated(QPointF v, qreal angle)
{
    const qreal c = std::cos(angle);
    const qreal s = std::sin(angle);
    return { v.x() * c - v.y() * s, v.x() * s + v.y() * c };
}

// Steps for an arc of `angle` radians on a circle of `radius`, so that no chord falls more
// than MaximumChordError inside the circle.
int arcSteps(qreal radius, qreal angle)
{
    if (radius <= StrokeTessellator::MaximumChordError)
        return 1;
    const qreal step = 2 * std::acos(1 - StrokeTessellator::MaximumChordError / radius);
    return std::clamp(int(std::ceil(std::abs(angle) / step)), 1, MaximumArcSteps);
}

void addPair(QList<QPointF> &strip, QPointF centre, QPointF normal, qreal radius)
{
    strip.append(centre + normal * radius);
    strip.append(centre - normal * radius);
}

// A half disc behind `centre` (against `direction`), as pairs from its tip to its diameter:
// each pair is a chord across the disc, so consecutive pairs fill it.
void addStartCap(QList<QPointF> &strip, QPointF centre, QPointF direction, qreal radius)
{
    const QPointF normal = normalOf(direction);
    const int steps = arcSteps(radius, M_PI / 2);
    for (int s = 0; s < steps; ++s) {
        const qreal angle = (M_PI / 2) * s / steps;
        const QPointF along = centre - direction * radius * std::cos(angle);
        addPair(strip, along, normal, radius * std::sin(angle));
    }
}

// The same half disc ahead of `centre`, from its diameter to its tip.
void addEndCap(QList<QPointF> &strip, QPointF centre, QPointF direction, qreal radius)
{
    const QPointF normal = normalOf(direction);
    const int steps = arcSteps(radius, M_PI / 2);
    for (int s = steps - 1; s >= 0; --s) {
        const qreal angle = (M_PI / 2) * s / steps;
        const QPointF along = centre + direction * radius * std::cos(angle);
        addPair(strip, along, normal, radius * std::sin(angle));
    }
}

} // namespace

qreal StrokeTessellator::pressureFactor(qreal pressure)
{
    const qreal p = std::clamp(pressure, 0.0, 1.0);
    return MinimumPressureFactor + (1 - MinimumPressureFactor) * std::sqrt(p);
}

QList<qreal> StrokeTessellator::widths(const QList<InkPoint> &points, qreal baseWidth)
{
    QList<qreal> result;
    result.reserve(points.size());
    for (const InkPoint &point : points)
        result.append(baseWidth * pressureFactor(point.pressure));
    return result;
}

QList<QPointF> StrokeTessellator::positions(const QList<InkPoint> &points)
{
    QList<QPointF> result;
    result.reserve(points.size());
    for (const InkPoint &point : points)
        result.append(point.position);
    return result;
}

QList<QPointF> StrokeTessellator::strip(const QList<QPointF> &centre, const QList<qreal> &widths)
{
    Q_ASSERT(centre.size() == widths.size());
    QList<QPointF> strip;
    const qsizetype n = std::min(centre.size(), widths.size());
    if (n == 0)
        return strip;

    // Each segment's direction; a segment too short to have one takes its neighbour's.
    QList<QPointF> directions(std::max<qsizetype>(n - 1, 1));
    QPointF last(1, 0);
    for (qsizetype i = 0; i + 1 < n; ++i) {
        const QPointF d = normalised(centre.at(i + 1) - centre.at(i));
        directions[i] = d.isNull() ? last : d;
        last = directions[i];
    }
    if (n == 1)
        directions[0] = last;
    // A leading run of zero-length segments still has the first real direction.
    for (qsizetype i = directions.size() - 2; i >= 0; --i) {
        if (normalised(centre.at(i + 1) - centre.at(i)).isNull())
            directions[i] = directions.at(i + 1);
    }

    strip.reserve(n * 2 + 64);
    addStartCap(strip, centre.at(0), directions.at(0), widths.at(0) / 2);
    addPair(strip, centre.at(0), normalOf(directions.at(0)), widths.at(0) / 2);
    for (qsizetype i = 1; i < n - 1; ++i) {
        const QPointF in = directions.at(i - 1);
        const QPointF out = directions.at(i);
        const qreal radius = widths.at(i) / 2;
        const qreal turn
            = std::atan2(in.x() * out.y() - in.y() * out.x(), in.x() * out.x() + in.y() * out.y());
        if (std::abs(turn) <= JoinAngle) {
            QPointF bisector = normalised(normalOf(in) + normalOf(out));
            addPair(strip, centre.at(i), bisector.isNull() ? normalOf(out) : bisector, radius);
            continue;
        }
        // A round join: the band's cross-section swings about the point from the incoming
        // normal to the outgoing one, sweeping a disc's sectors on both sides.
        const int steps = arcSteps(radius, turn);
        for (int s = 0; s <= steps; ++s)
            addPair(strip, centre.at(i), rotated(normalOf(in), turn * s / steps), radius);
    }
    if (n > 1)
        addPair(strip, centre.at(n - 1), normalOf(directions.at(n - 2)), widths.at(n - 1) / 2);
    addEndCap(strip, centre.at(n - 1), directions.at(n > 1 ? n - 2 : 0), widths.at(n - 1) / 2);
    return strip;
}

} // namespace doorstep
