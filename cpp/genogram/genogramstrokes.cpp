#include "genogram/genogramstrokes.h"

#include <QPaintEngine>
#include <QPainter>
#include <QtMath>
#include <algorithm>
#include <cmath>

namespace doorstep
{

namespace
{

using Type = GenogramRelation::Type;

// Lines from one symbol's centre to another's stop this far short of each, so they meet the
// symbol's outline rather than run through it.
constexpr double connectorInset = 0.6;

QPointF normalOf(const QLineF &line)
{
    const double length = line.length();
    if (length <= 0)
        return QPointF(0, 1);
    return QPointF(-(line.dy()) / length, line.dx() / length);
}

// A polyline measured along its length, to draw a connector's styles along a curve.
class Track
{
public:
    explicit Track(const QPolygonF &points)
        : m_points(points)
    {
        m_lengths.append(0.0);
        for (int k = 1; k < m_points.size(); ++k)
            m_lengths.append(m_lengths.last() + QLineF(m_points[k - 1], m_points[k]).length());
    }

    double length() const { return m_lengths.isEmpty() ? 0.0 : m_lengths.last(); }
    QPointF start() const { return m_points.first(); }
    QPointF end() const { return m_points.last(); }

    QPointF pointAt(double s) const
    {
        const int k = segmentAt(s);
        const double span = m_lengths[k + 1] - m_lengths[k];
        const double t = span > 0 ? (s - m_lengths[k]) / span : 0.0;
        return m_points[k] + (m_points[k + 1] - m_points[k]) * qBound(0.0, t, 1.0);
    }
    /// The line's direction at @p s, one unit long.
    QPointF directionAt(double s) const
    {
        const int k = segmentAt(s);
        const QLineF segment(m_points[k], m_points[k + 1]);
        const double length = segment.length();
        return length > 0 ? (segment.p2() - segment.p1()) / length : QPointF(1, 0);
    }
    QPointF normalAt(double s) const
    {
        const QPointF d = directionAt(s);
        return QPointF(-d.y(), d.x());
    }
    /// The part from @p from to @p to along the line.
    QPolygonF between(double from, double to) const
    {
        QPolygonF part { pointAt(from) };
        for (int k = 1; k + 1 < m_points.size(); ++k) {
            if (m_lengths[k] > from && m_lengths[k] < to)
                part.append(m_points[k]);
        }
        part.append(pointAt(to));
        return part;
    }
    /// The line moved @p distance to its side, each corner along the mean of its segments'
    /// normals.
    QPolygonF offset(double distance) const
    {
        QPolygonF moved;
        for (int k = 0; k < m_points.size(); ++k) {
            const QPointF before
                = k > 0 ? normalOf(QLineF(m_points[k - 1], m_points[k])) : QPointF();
            const QPointF after = k + 1 < m_points.size()
                ? normalOf(QLineF(m_points[k], m_points[k + 1]))
                : QPointF();
            QPointF normal = before + after;
            const double length = std::hypot(normal.x(), normal.y());
            normal = length > 0 ? normal / length : QPointF(0, 1);
            moved.append(m_points[k] + normal * distance);
        }
        return moved;
    }
    /// Where the line first leaves the circle of @p radius round its start (or, @p fromEnd,
    /// last enters the one round its end), as a distance along it.
    double leaving(double radius, bool fromEnd) const
    {
        const QPointF centre = fromEnd ? end() : start();
        auto outside = [&](double s) {
            const QPointF d = pointAt(fromEnd ? length() - s : s) - centre;
            return std::hypot(d.x(), d.y()) >= radius;
        };
        double low = 0.0;
        double high = 0.0;
        // Step out until outside, then halve the last step.
        const double step = qMax(radius / 8, 1e-3);
        while (high < length() && !outside(high)) {
            low = high;
            high = qMin(length(), high + step);
        }
        for (int k = 0; k < 30; ++k) {
            const double middle = (low + high) / 2;
            (outside(middle) ? high : low) = middle;
        }
        return fromEnd ? length() - high : high;
    }

private:
    int segmentAt(double s) const
    {
        const auto it = std::upper_bound(m_lengths.cbegin(), m_lengths.cend(), s);
        return qBound(0, int(it - m_lengths.cbegin()) - 1, int(m_points.size()) - 2);
    }

    QPolygonF m_points;
    QList<double> m_lengths;
};

// A zigzag along @p track, as GenogramStrokes::zigzag() along a straight line.
QPainterPath zigzagAlong(
    const Track &track, double from, double to, double amplitude, double wavelength)
{
    QPainterPath path(track.pointAt(from));
    const double length = to - from;
    const int teeth = qMax(2, qRound(length / wavelength));
    for (int k = 0; k < teeth; ++k) {
        const double s = from + length * (k + 0.5) / teeth;
        path.lineTo(track.pointAt(s) + track.normalAt(s) * (k % 2 == 0 ? amplitude : -amplitude));
    }
    path.lineTo(track.pointAt(to));
    return path;
}

// Whether the segment from @p a to @p b passes through @p rect (Liang-Barsky clipping).
bool segmentHits(QPointF a, QPointF b, const QRectF &rect)
{
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double p[4] = { -dx, dx, -dy, dy };
    const double q[4]
        = { a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(), rect.bottom() - a.y() };
    double t0 = 0.0;
    double t1 = 1.0;
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0.0) {
            if (q[k] < 0)
                return false;
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0)
            t0 = qMax(t0, t);
        else
            t1 = qMin(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

// How many of @p obstacles @p route passes through.
int obstaclesHit(const QPolygonF &route, const QList<QRectF> &obstacles)
{
    int count = 0;
    for (const QRectF &rect : obstacles) {
        for (int k = 0; k + 1 < route.size(); ++k) {
            if (segmentHits(route[k], route[k + 1], rect)) {
                ++count;
                break;
            }
        }
    }
    return count;
}

// A curve from @p line's p1 to its p2 leaving and arriving along @p bow (a cubic whose
// control points stand @p bow beside each end), so it rises clear of the symbols next to
// either end soon and runs flat between; sampled finely enough to look smooth.
QPolygonF bowed(const QLineF &line, QPointF bow)
{
    const QPointF c1 = line.p1() + bow;
    const QPointF c2 = line.p2() + bow;
    const int samples = qBound(24, int(line.length() * 6), 96);
    QPolygonF points;
    for (int k = 0; k <= samples; ++k) {
        const double t = double(k) / samples;
        const double u = 1 - t;
        points.append(line.p1() * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t)
            + line.p2() * (t * t * t));
    }
    return points;
}

} // namespace

QPainterPath GenogramStrokes::symbol(
    GenogramPerson::Gender gender, bool pregnancy, QPointF centre, double size)
{
    QPainterPath path;
    const double half = size / 2;
    if (pregnancy) {
        // Point up, base on the symbol's bottom, as wide as a symbol.
        path.moveTo(centre.x(), centre.y() - half);
        path.lineTo(centre.x() + half, centre.y() + half);
        path.lineTo(centre.x() - half, centre.y() + half);
        path.closeSubpath();
        return path;
    }
    switch (gender) {
    case GenogramPerson::Gender::Male:
        path.addRect(QRectF(centre.x() - half, centre.y() - half, size, size));
        break;
    case GenogramPerson::Gender::Female:
        path.addEllipse(centre, half, half);
        break;
    case GenogramPerson::Gender::Unknown: {
        // A diamond a little larger than the square, so it looks the same size.
        const double reach = half * 1.15;
        path.moveTo(centre.x(), centre.y() - reach);
        path.lineTo(centre.x() + reach, centre.y());
        path.lineTo(centre.x(), centre.y() + reach);
        path.lineTo(centre.x() - reach, centre.y());
        path.closeSubpath();
        break;
    }
    }
    return path;
}

QPainterPath GenogramStrokes::zigzag(const QLineF &line, double amplitude, double wavelength)
{
    QPainterPath path(line.p1());
    const double length = line.length();
    const int teeth = qMax(2, qRound(length / wavelength));
    const QPointF normal = normalOf(line);
    for (int k = 0; k < teeth; ++k) {
        const double t = (k + 0.5) / teeth;
        path.lineTo(line.pointAt(t) + normal * (k % 2 == 0 ? amplitude : -amplitude));
    }
    path.lineTo(line.p2());
    return path;
}

QPainterPath GenogramStrokes::arrowHead(const QLineF &line, double size)
{
    QPainterPath path;
    const double length = line.length();
    if (length <= 0)
        return path;
    const QPointF unit = (line.p2() - line.p1()) / length;
    const QPointF normal = normalOf(line);
    const QPointF base = line.p2() - unit * size;
    path.moveTo(line.p2());
    path.lineTo(base + normal * (size * 0.45));
    path.lineTo(base - normal * (size * 0.45));
    path.closeSubpath();
    return path;
}

QPainterPath GenogramStrokes::speechBubble(QPointF centre, double size)
{
    QPainterPath path;
    const QRectF box(centre.x() - size / 2, centre.y() - size * 0.35, size, size * 0.7);
    path.addRoundedRect(box, size * 0.2, size * 0.2);
    QPainterPath tail;
    tail.moveTo(box.left() + size * 0.2, box.bottom() - size * 0.05);
    tail.lineTo(box.left() + size * 0.1, box.bottom() + size * 0.3);
    tail.lineTo(box.left() + size * 0.5, box.bottom() - size * 0.05);
    tail.closeSubpath();
    return path.united(tail);
}

QPen GenogramStrokes::pen(
    const QPainter &painter, const QColor &colour, double width, Qt::PenStyle style)
{
    QPen pen(colour, width, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    // QSvgGenerator scales a custom dash pattern by the pen's whole-number width, taking 1 for
    // anything under one; patterns are given in widths, so scale them here for it.
    const bool svg = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::SVG
        && pen.width() == 0;
    auto dashes = [&](QVector<qreal> pattern) {
        if (svg) {
            for (qreal &dash : pattern)
                dash *= width;
        }
        pen.setDashPattern(pattern);
    };
    switch (style) {
    case Qt::DashLine:
        dashes({ 5, 3 });
        break;
    case Qt::DotLine:
        // Round dots, far enough apart to tell from a dashed or solid line in print.
        pen.setCapStyle(Qt::RoundCap);
        dashes({ 0.01, 3 });
        break;
    case Qt::DashDotLine:
        pen.setCapStyle(Qt::RoundCap);
        dashes({ 5, 3, 0.01, 3 });
        break;
    default:
        break;
    }
    return pen;
}

Qt::PenStyle GenogramStrokes::childLineStyle(GenogramRelation::Type type)
{
    switch (type) {
    case Type::Adopted:
        return Qt::DashLine;
    case Type::Foster:
        return Qt::DotLine;
    case Type::Step:
        return Qt::DashDotLine;
    default:
        return Qt::SolidLine;
    }
}

QPolygonF GenogramStrokes::connectorRoute(const GenogramLayout &layout, const QLineF &line)
{
    const QPolygonF straight { line.p1(), line.p2() };
    const double length = line.length();
    if (length <= 0)
        return straight;
    // The most a curve bows out (its control points; the curve itself reaches 3/4 of it).
    const double widest = qMax(2.0, length * 0.75);
    const double reach = GenogramLayout::SymbolSize / 2 + ConnectorClearance;
    const QRectF near
        = QRectF(line.p1(), line.p2())
              .normalized()
              .adjusted(-widest - reach, -widest - reach, widest + reach, widest + reach);
    QList<QRectF> obstacles;
    for (const auto &place : layout.places) {
        const QPointF p = place.position;
        const QRectF rect(p.x() - reach, p.y() - reach, 2 * reach, 2 * reach);
        if (rect.contains(line.p1()) || rect.contains(line.p2()) || !near.intersects(rect))
            continue;
        obstacles.append(rect);
    }
    int fewest = obstaclesHit(straight, obstacles);
    if (fewest == 0)
        return straight;
    QPolygonF best = straight;
    // Above first (or left, for a line straight up and down), then below; the smallest bow
    // that clears everyone, else the one through fewest symbols.
    QPointF side = normalOf(line);
    if (side.y() > 0 || (side.y() == 0 && side.x() > 0))
        side = -side;
    constexpr double step = 0.125;
    for (int k = 1; k * step <= widest; ++k) {
        for (const double sign : { 1.0, -1.0 }) {
            const QPolygonF route = bowed(line, side * (sign * k * step));
            const int hit = obstaclesHit(route, obstacles);
            if (hit < fewest) {
                fewest = hit;
                best = route;
            }
            if (hit == 0)
                return route;
        }
    }
    return best;
}

void GenogramStrokes::drawConnector(QPainter &painter, const QLineF &line,
    GenogramRelation::Type type, const QColor &colour, double width, bool keepColour)
{
    drawConnector(painter, QPolygonF { line.p1(), line.p2() }, type, colour, width, keepColour);
}

void GenogramStrokes::drawConnector(QPainter &painter, const QPolygonF &route,
    GenogramRelation::Type type, const QColor &colour, double width, bool keepColour)
{
    if (route.size() < 2)
        return;
    const Track full(route);
    // Stop short of each symbol, where the line meets its outline.
    QPolygonF shown = route;
    if (full.length() > 2 * connectorInset + 0.1) {
        shown
            = full.between(full.leaving(connectorInset, false), full.leaving(connectorInset, true));
    }
    const Track track(shown);
    const double length = track.length();
    const QColor support = keepColour ? colour : supportColour();
    const QColor harm = keepColour ? colour : harmColour();
    painter.setBrush(Qt::NoBrush);
    switch (type) {
    case Type::Biological:
    case Type::Adopted:
    case Type::Foster:
    case Type::Step:
        painter.setPen(pen(painter, colour, width, childLineStyle(type)));
        painter.drawPolyline(shown);
        break;
    case Type::IdenticalTwins:
    case Type::NonIdenticalTwins:
    case Type::Married:
    case Type::Cohabiting:
    case Type::Separated:
    case Type::Divorced:
        painter.setPen(pen(painter, colour, width));
        painter.drawPolyline(shown);
        break;
    case Type::Close:
        painter.setPen(pen(painter, colour, width));
        painter.drawPolyline(track.offset(width * 1.6));
        painter.drawPolyline(track.offset(-width * 1.6));
        break;
    case Type::Distant:
        painter.setPen(pen(painter, colour, width, Qt::DotLine));
        painter.drawPolyline(shown);
        break;
    case Type::Conflict:
        painter.setPen(pen(painter, harm, width));
        painter.drawPath(zigzagAlong(track, 0, length, 0.12, 0.25));
        break;
    case Type::CutOff: {
        // A line broken in the middle, the break closed off by a bar on either side.
        const double middle = length / 2;
        const double gap = 0.1;
        painter.setPen(pen(painter, colour, width));
        painter.drawPolyline(track.between(0, middle - gap));
        painter.drawPolyline(track.between(middle + gap, length));
        for (const double s : { middle - gap, middle + gap }) {
            const QPointF normal = track.normalAt(s) * 0.2;
            painter.drawLine(QLineF(track.pointAt(s) + normal, track.pointAt(s) - normal));
        }
        break;
    }
    case Type::Abuse:
    case Type::Support: {
        // Abuse from the person who abuses to the person abused, the arrow at the abused.
        const double head = 0.3;
        const bool abuse = type == Type::Abuse;
        const QColor ink = abuse ? harm : support;
        const double end = qMax(0.0, length - head);
        painter.setPen(pen(painter, ink, abuse ? width : width * 1.4));
        if (abuse)
            painter.drawPath(zigzagAlong(track, 0, end, 0.12, 0.25));
        else
            painter.drawPolyline(track.between(0, end));
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawPath(arrowHead(QLineF(track.pointAt(end), track.end()), head));
        painter.setBrush(Qt::NoBrush);
        break;
    }
    }
}

void GenogramStrokes::drawEcomapLink(QPainter &painter, const QLineF &line,
    EcomapLink::Strength strength, const QColor &colour, double width)
{
    painter.setBrush(Qt::NoBrush);
    switch (strength) {
    case EcomapLink::Strength::Strong:
        painter.setPen(pen(painter, colour, width * 3));
        painter.drawLine(line);
        break;
    case EcomapLink::Strength::Weak:
        painter.setPen(pen(painter, colour, width, Qt::DashLine));
        painter.drawLine(line);
        break;
    case EcomapLink::Strength::Stressful:
        painter.setPen(pen(painter, colour, width * 1.5));
        painter.drawPath(zigzag(line, 0.15, 0.3));
        break;
    }
}

void GenogramStrokes::drawPartnerLine(QPainter &painter, const QList<QPointF> &path,
    GenogramRelation::Type type, const QColor &colour, double width)
{
    if (path.size() < 2)
        return;
    painter.setBrush(Qt::NoBrush);
    painter.setPen(
        pen(painter, colour, width, type == Type::Cohabiting ? Qt::DashLine : Qt::SolidLine));
    painter.drawPolyline(path.constData(), int(path.size()));
    const int slashes = type == Type::Separated ? 1 : type == Type::Divorced ? 2 : 0;
    if (slashes == 0)
        return;
    // On the line across (the middle segment), left of where the children's line hangs.
    const QLineF across
        = path.size() >= 4 ? QLineF(path.at(1), path.at(2)) : QLineF(path.first(), path.last());
    const QPointF unit = (across.p2() - across.p1()) / qMax(across.length(), 1e-9);
    const QPointF at = across.center() - unit * qMin(0.3, across.length() / 4);
    painter.setPen(pen(painter, colour, width));
    for (int k = 0; k < slashes; ++k) {
        const QPointF centre = at - unit * (0.12 * k);
        // Mostly below the line, clear of the dates written above it.
        painter.drawLine(QLineF(centre + QPointF(-0.07, 0.2), centre + QPointF(0.07, -0.08)));
    }
}

} // namespace doorstep
