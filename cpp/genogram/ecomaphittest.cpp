#include "genogram/ecomaphittest.h"

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

} // namespace

QString EcomapHitTest::linkAt(const EcomapLayout &layout, QPointF point, double tolerance)
{
    double best = std::numeric_limits<double>::infinity();
    QString found;
    for (const EcomapLayout::Node &node : layout.nodes) {
        const double fromCentre
            = std::hypot(point.x() - node.centre.x(), point.y() - node.centre.y());
        // Inside the circle counts as on it.
        const double distance = fromCentre <= node.radius ? 0 : distanceTo(node.line, point);
        if (distance <= tolerance && distance < best) {
            best = distance;
            found = node.link.id;
        }
    }
    return found;
}

} // namespace doorstep
