#include "genogram/genogramlayout.h"

#include "genogram/genogramlayoutengine.h"

#include <limits>

namespace doorstep
{

namespace genogramlayout
{

GenogramLayout Engine::run()
{
    buildNodes();
    if (m_nodes.isEmpty())
        return {};
    assignGenerations();
    rankChildren();
    buildBlocks();
    if (m_stable)
        orderRowsStable();
    else
        orderRows();
    placeRows();
    if (m_hasPins) {
        reorderAroundPins();
        placeRows();
    }
    if (!m_stable && !m_hasPins) {
        // A fresh layout starts at x = 0.
        double left = std::numeric_limits<double>::infinity();
        for (const Node &node : m_nodes)
            left = std::min(left, node.x);
        for (Node &node : m_nodes)
            node.x -= left;
    }
    return geometry();
}

} // namespace genogramlayout

std::optional<QPointF> GenogramLayout::position(const QString &personId) const
{
    const auto found = places.constFind(personId);
    if (found == places.cend())
        return std::nullopt;
    return found->position;
}

GenogramLayout GenogramLayout::layout(const Genogram &genogram, const GenogramLayout &previous)
{
    return genogramlayout::Engine(genogram, previous).run();
}

} // namespace doorstep
