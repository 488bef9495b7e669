#include "ink/strokesmoother.h"

#include <QLineF>
#include <algorithm>
#include <cmath>

namespace doorstep
{

namespace
{

// Input comes many times a second, so curves are short; this bounds work on a long one.
constexpr int MaximumStepsPerCurve = 64;

InkPoint midpoint(const InkPoint &a, const InkPoint &b)
{
    return { (a.position + b.position) / 2, (a.pressure + b.pressure) / 2,
        (a.timeMs + b.timeMs) / 2 };
}

InkPoint bezier(const InkPoint &from, const InkPoint &control, const InkPoint &to, qreal t)
{
    const qreal a = (1 - t) * (1 - t);
    const qreal b = 2 * t * (1 - t);
    const qreal c = t * t;
    return { a * from.position + b * control.position + c * to.position,
        a * from.pressure + b * control.pressure + c * to.pressure,
        qRound64(a * from.timeMs + b * control.timeMs + c * to.timeMs) };
}

} // namespace

QList<InkPoint> StrokeSmoother::filter(const QList<InkPoint> &raw, qreal minimumDistance)
{
    QList<InkPoint> kept;
    kept.reserve(raw.size());
    for (const InkPoint &point : raw) {
        if (kept.isEmpty()
            || QLineF(kept.constLast().position, point.position).length() >= minimumDistance)
            kept.append(point);
    }
    // The pen lifted where the last point is: it replaces the last kept point when that was
    // too close, unless that is the first point too.
    if (!raw.isEmpty() && kept.size() > 1) {
        const InkPoint &last = raw.constLast();
        if (kept.constLast().position != last.position)
            kept.last() = last;
    } else if (raw.size() > 1 && kept.size() == 1
        && raw.constLast().position != kept.constFirst().position) {
        kept.append(raw.constLast());
    }
    return kept;
}

QList<InkPoint> StrokeSmoother::smooth(
    const QList<InkPoint> &raw, qreal minimumDistance, qreal step)
{
    const QList<InkPoint> points = filter(raw, minimumDistance);
    const qsizetype n = points.size();
    if (n < 3)
        return points;
    QList<InkPoint> smoothed;
    smoothed.reserve(n * 4);
    smoothed.append(points.constFirst());
    for (qsizetype i = 1; i < n - 1; ++i) {
        const InkPoint from = i == 1 ? points.at(0) : midpoint(points.at(i - 1), points.at(i));
        const InkPoint &control = points.at(i);
        const InkPoint to
            = i == n - 2 ? points.at(n - 1) : midpoint(points.at(i), points.at(i + 1));
        const qreal length = QLineF(from.position, control.position).length()
            + QLineF(control.position, to.position).length();
        const int steps = std::clamp(int(std::ceil(length / step)), 1, MaximumStepsPerCurve);
        for (int s = 1; s <= steps; ++s)
            smoothed.append(s == steps ? to : bezier(from, control, to, qreal(s) / steps));
    }
    return smoothed;
}

} // namespace doorstep
