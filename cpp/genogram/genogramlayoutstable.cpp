// Rule 6: a layout made with a previous one keeps its people's rows, order and places.

#include "genogram/genogramlayoutengine.h"

#include <QMap>
#include <cmath>
#include <limits>

namespace doorstep::genogramlayout
{

void Engine::keepPreviousRows()
{
    // Rule 6: keep the rows people had. The shift most of them agree on wins (ties: the
    // smaller shift), so adding grandparents above does not move everyone down.
    QMap<int, int> votes;
    for (const Node &node : m_nodes) {
        const auto found = m_previous.places.constFind(node.person->id);
        if (found != m_previous.places.cend())
            ++votes[found->generation - node.generation];
    }
    int best = 0;
    int bestVotes = 0;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
        if (it.value() > bestVotes) {
            best = it.key();
            bestVotes = it.value();
        }
    }
    m_generationShift = best;
    for (Node &node : m_nodes) {
        const auto found = m_previous.places.constFind(node.person->id);
        if (found != m_previous.places.cend()
            && found->generation == node.generation + m_generationShift) {
            node.previous = true;
            node.previousX = found->position.x();
        }
    }
}

void Engine::orderRowsStable()
{
    // Rule 6: people from the previous layout keep their order; blocks of new people go
    // next to their siblings in birth order, or under their parents, or over their
    // children, or at the end of the row.
    auto previousKey = [this](int b) -> std::optional<double> {
        std::optional<double> key;
        for (const int i : m_blocks[b].canonical) {
            if (m_nodes[i].previous)
                key = std::min(key.value_or(m_nodes[i].previousX), m_nodes[i].previousX);
        }
        return key;
    };
    QHash<int, double> keys;
    for (int b = 0; b < m_blocks.size(); ++b) {
        if (const auto key = previousKey(b))
            keys.insert(b, *key);
    }
    auto estimate = [&](int b) -> std::optional<double> {
        for (const int i : m_blocks[b].canonical) {
            const Node &node = m_nodes[i];
            if (node.parentUnion < 0)
                continue;
            const QVector<int> &siblings = m_unions[node.parentUnion].children;
            // The nearest older sibling already placed, else the nearest younger one.
            for (int r = node.birthRank - 1; r >= 0; --r) {
                const int s = siblings[r];
                if (m_nodes[s].generation == node.generation && keys.contains(m_nodes[s].block)
                    && m_nodes[s].block != b)
                    return keys.value(m_nodes[s].block) + 1e-3 * (1.0 + node.birthRank * 1e-3);
            }
            for (int r = node.birthRank + 1; r < siblings.size(); ++r) {
                const int s = siblings[r];
                if (m_nodes[s].generation == node.generation && keys.contains(m_nodes[s].block)
                    && m_nodes[s].block != b)
                    return keys.value(m_nodes[s].block) - 1e-3 * (1.0 - node.birthRank * 1e-6);
            }
            double sum = 0.0;
            int count = 0;
            for (const int parent : m_unions[node.parentUnion].parents) {
                if (m_nodes[parent].previous) {
                    sum += m_nodes[parent].previousX;
                    ++count;
                }
            }
            if (count > 0)
                return sum / count;
        }
        double sum = 0.0;
        int count = 0;
        for (const int i : m_blocks[b].canonical) {
            for (const int u : m_nodes[i].unions) {
                for (const int child : m_unions[u].children) {
                    if (m_nodes[child].previous) {
                        sum += m_nodes[child].previousX;
                        ++count;
                    }
                }
            }
        }
        if (count > 0)
            return sum / count;
        return std::nullopt;
    };
    // New blocks may hang from other new blocks: settle them row by row, top down.
    for (int row = 0; row < m_rows.size(); ++row) {
        for (int pass = 0; pass < 2; ++pass) {
            for (const int b : m_rows[row]) {
                if (!keys.contains(b)) {
                    if (const auto key = estimate(b))
                        keys.insert(b, *key);
                }
            }
        }
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        QVector<int> &blocks = m_rows[row];
        std::stable_sort(blocks.begin(), blocks.end(), [&](int a, int b) {
            const double ka = keys.value(a, std::numeric_limits<double>::infinity());
            const double kb = keys.value(b, std::numeric_limits<double>::infinity());
            return std::make_tuple(ka, m_blocks[a].canonical.first())
                < std::make_tuple(kb, m_blocks[b].canonical.first());
        });
        refreshPositions(row);
        keepTwinsTogether(row);
    }
    for (int row = 0; row < m_rows.size(); ++row)
        orient(row);
}

void Engine::keepPreviousWidths()
{
    // Rule 6: partners who stood further apart before still do.
    for (Block &block : m_blocks) {
        for (int k = 0; k + 1 < block.canonical.size(); ++k) {
            const Node &a = m_nodes[block.canonical[k]];
            const Node &b = m_nodes[block.canonical[k + 1]];
            if (a.previous && b.previous)
                block.gaps[k] = std::max(block.gaps[k], std::abs(b.previousX - a.previousX));
        }
    }
}

void Engine::makeRoomMovingFewest(const QSet<int> &stretchable)
{
    // Room can be made to the right or the left, row by row or all one way: the way
    // that moves fewest people wins (ties: the first tried).
    struct Outcome {
        QVector<double> x;
        QVector<QVector<double>> gaps;
        QVector<Difference> underParents;
        QVector<Difference> dropped;
        QVector<QVector<int>> chains;
        std::pair<int, int> cost; // (constraints that cannot hold, people moved)
    };
    auto outcome = [this]() {
        Outcome o;
        int moved = 0;
        for (const Node &node : m_nodes) {
            o.x.append(node.x);
            moved += node.previous && std::abs(node.x - node.previousX) > 1e-9 ? 1 : 0;
        }
        for (const Block &block : m_blocks)
            o.gaps.append(block.gaps);
        o.underParents = m_underParents;
        o.dropped = m_dropped;
        o.chains = m_droppedChains;
        o.cost = { int(m_dropped.size()), moved };
        return o;
    };
    Outcome best = outcome();
    const std::pair<PackDirection, bool> ways[] = { { PackDirection::Each, true },
        { PackDirection::Right, false }, { PackDirection::Left, true } };
    for (const auto &[direction, lower] : ways) {
        m_pack = direction;
        stretchBlocks();
        packRows();
        makeFeasible(stretchable, lower);
        Outcome tried = outcome();
        if (tried.cost < best.cost)
            best = std::move(tried);
    }
    m_pack = PackDirection::Each;
    for (int i = 0; i < m_nodes.size(); ++i)
        m_nodes[i].x = best.x[i];
    for (int b = 0; b < m_blocks.size(); ++b)
        m_blocks[b].gaps = best.gaps[b];
    m_underParents = best.underParents;
    m_dropped = best.dropped;
    m_droppedChains = best.chains;
}

} // namespace doorstep::genogramlayout
