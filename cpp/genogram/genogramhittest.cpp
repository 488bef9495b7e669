#include "genogram/genogramhittest.h"

#include "genogram/genogramstrokes.h"

#include <QLineF>
#include <QPolygonF>
#include <cmath>
#include <limits>

namespace doorstep
{

namespace
{

double distanceTo(const QLineF &line, QPointF point)
{
    const QPointF d = line.p2() - line.p1();
    const double lengthSquared = QPointF::dotProduct(d, d);
    double t = 0;
    if (lengthSquared > 0)
        t = qBound(0.0, QPointF::dotProduct(point - line.p1(), d) / lengthSquared, 1.0);
    const QPointF nearest = line.p1() + d * t;
    return std::hypot(point.x() - nearest.x(), point.y() - nearest.y());
}

// Keeps the nearest candidate; the first one wins a tie, so the order of the layout decides.
struct Nearest {
    double tolerance = 0;
    double distance = std::numeric_limits<double>::infinity();
    QString id;

    void offer(const QLineF &line, QPointF point, const QString &candidate)
    {
        if (candidate.isEmpty())
            return;
        const double d = distanceTo(line, point);
        if (d <= tolerance && d < distance) {
            distance = d;
            id = candidate;
        }
    }
};

} // namespace

QString GenogramHitTest::personAt(const GenogramLayout &layout, QPointF point)
{
    const double reach = GenogramLayout::SymbolSize / 2 + PersonMargin;
    double best = std::numeric_limits<double>::infinity();
    QString found;
    for (auto it = layout.places.cbegin(); it != layout.places.cend(); ++it) {
        const QPointF d = point - it->position;
        if (std::abs(d.x()) > reach || std::abs(d.y()) > reach)
            continue;
        const double distance = std::hypot(d.x(), d.y());
        if (distance < best) {
            best = distance;
            found = it.key();
        }
    }
    return found;
}

QString GenogramHitTest::relationAt(
    const Genogram &genogram, const GenogramLayout &layout, QPointF point, double tolerance)
{
    Q_UNUSED(genogram)
    Nearest nearest;
    nearest.tolerance = tolerance;
    for (const auto &line : layout.partnerLines) {
        for (int k = 0; k + 1 < line.path.size(); ++k)
            nearest.offer(QLineF(line.path.at(k), line.path.at(k + 1)), point, line.relationId);
    }
    for (const auto &sibship : layout.sibships) {
        // The child whose line starts nearest across gives the descent and bar their relation.
        int closest = -1;
        double closestX = std::numeric_limits<double>::infinity();
        for (int k = 0; k < sibship.drops.size(); ++k) {
            const QString id = sibship.relationIds.value(k).value(0);
            nearest.offer(sibship.drops.at(k), point, id);
            const double dx = std::abs(sibship.drops.at(k).p1().x() - point.x());
            if (dx < closestX) {
                closestX = dx;
                closest = k;
            }
        }
        if (closest >= 0) {
            const QString id = sibship.relationIds.value(closest).value(0);
            nearest.offer(sibship.bar, point, id);
            nearest.offer(sibship.descent, point, id);
        }
    }
    for (const auto &bar : layout.twinBars)
        nearest.offer(bar.line, point, bar.relationId);
    // Where the painter draws them: straight, or bowed round someone in the way.
    for (const auto &connector : layout.connectors) {
        const QPolygonF route = GenogramStrokes::connectorRoute(layout, connector.line);
        for (int k = 0; k + 1 < route.size(); ++k)
            nearest.offer(QLineF(route.at(k), route.at(k + 1)), point, connector.relationId);
    }
    return nearest.id;
}

} // namespace doorstep
