// Rule 5: people dragged by the practitioner stand where they were put, as obstacles.

#include "genogram/genogramlayoutengine.h"

#include <cmath>

namespace doorstep::genogramlayout
{

void Engine::reorderAroundPins()
{
    // Someone pinned stands as an obstacle in the row their symbol is in (if any).
    m_obstacles.resize(m_rows.size());
    for (const Node &node : m_nodes) {
        if (!node.pinned)
            continue;
        for (int row = 0; row < m_rows.size(); ++row) {
            const double rowY = (row + m_generationShift) * L::RowSpacing;
            if (std::abs(node.pin.y() - rowY) < L::SymbolSize) {
                Unit obstacle;
                obstacle.obstacle = true;
                obstacle.obstacleX = node.pin.x();
                m_obstacles[row].append(obstacle);
            }
        }
    }
    for (QVector<Unit> &obstacles : m_obstacles) {
        std::sort(obstacles.begin(), obstacles.end(),
            [](const Unit &a, const Unit &b) { return a.obstacleX < b.obstacleX; });
    }

    // Rows are ordered by where people stand once pinned people are where they were put.
    for (int row = 0; row < m_rows.size(); ++row) {
        QVector<int> &blocks = m_rows[row];
        QHash<int, double> key;
        for (const int b : blocks) {
            const Block &block = m_blocks[b];
            // Where its first member not pinned stands (pinned ones stand apart); a block of
            // pinned people only has no one in the row.
            const QVector<int> members = block.members();
            double value = m_nodes[members.first()].x;
            for (const int i : members) {
                if (!m_nodes[i].pinned) {
                    value = m_nodes[i].x;
                    break;
                }
            }
            key.insert(b, value);
        }
        std::stable_sort(blocks.begin(), blocks.end(),
            [&key](int a, int b) { return key.value(a) < key.value(b); });
        refreshPositions(row);
        keepTwinsTogether(row);
        // Someone pinned into the row goes before the first block that starts to their
        // right.
        for (Unit &obstacle : m_obstacles[row]) {
            obstacle.beforeBlock = -1;
            for (const int b : blocks) {
                if (key.value(b) > obstacle.obstacleX) {
                    obstacle.beforeBlock = b;
                    break;
                }
            }
        }
        makeRoomBetweenPins(row);
    }
}

void Engine::makeRoomBetweenPins(int row)
{
    // Where two pinned people stand closer than the people between them need, one block
    // between them at a time moves out past the nearer of the two, until the rest fit.
    for (int guard = 0; guard < 4 * m_rows[row].size(); ++guard) {
        const QVector<Unit> units = unitsOf(row);
        int from = -1;
        int to = -1;
        int lastObstacle = -1;
        double needed = 0.0;
        for (int u = 0; u < units.size() && to < 0; ++u) {
            if (u > 0)
                needed += gapBetween(units[u - 1], units[u]);
            if (!units[u].obstacle)
                continue;
            if (lastObstacle >= 0 && u > lastObstacle + 1
                && units[u].obstacleX - units[lastObstacle].obstacleX < needed - 1e-9) {
                from = lastObstacle;
                to = u;
            }
            lastObstacle = u;
            needed = 0.0;
        }
        if (to < 0)
            return;
        // The block between them nearest an end.
        QVector<int> &blocks = m_rows[row];
        int moving = -1;
        bool toLeft = true;
        for (int step = 1; step < to - from && moving < 0; ++step) {
            for (const bool left : { true, false }) {
                const Unit &unit = units[left ? from + step : to - step];
                if (unit.obstacle || moving >= 0)
                    continue;
                moving = m_nodes[unit.nodes.first()].block;
                toLeft = left;
            }
        }
        if (moving < 0)
            return;
        // The obstacle it moves past: obstacles are in unitsOf() in m_obstacles' order.
        const int endUnit = toLeft ? from : to;
        const auto obstacleIndex = std::count_if(units.cbegin(), units.cbegin() + endUnit,
            [](const Unit &unit) { return unit.obstacle; });
        Unit &obstacle = m_obstacles[row][obstacleIndex];
        const int movingAt = int(blocks.indexOf(moving));
        const int nextBlock = movingAt + 1 < blocks.size() ? blocks[movingAt + 1] : -1;
        blocks.removeOne(moving);
        for (Unit &other : m_obstacles[row]) {
            if (other.beforeBlock == moving)
                other.beforeBlock = nextBlock;
        }
        // `moving` goes just before the block the obstacle stands before; moving left, the
        // obstacle then stands before the block after it; moving right, before it.
        const int at = obstacle.beforeBlock < 0 ? int(blocks.size())
                                                : int(blocks.indexOf(obstacle.beforeBlock));
        blocks.insert(at, moving);
        obstacle.beforeBlock = toLeft ? (at + 1 < blocks.size() ? blocks[at + 1] : -1) : moving;
        refreshPositions(row);
        keepTwinsTogether(row);
    }
}

} // namespace doorstep::genogramlayout
