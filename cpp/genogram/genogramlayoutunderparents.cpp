// Rule 4: each family's children under their parents.

#include "genogram/genogramlayoutengine.h"

#include <QMap>
#include <cmath>

namespace doorstep::genogramlayout
{

namespace
{

// Tries of another order when rule 4 cannot hold, bounded so a tangled family still lays
// out quickly: each try lays the family out again, so larger families get fewer (600 tries
// for 60 people, 180 for 200).
constexpr int RepairRounds = 3;
constexpr int RepairWork = 36000; // tries times people
constexpr int RepairTrialsAtLeast = 60;
constexpr int RepairCandidates = 6;

} // namespace

QVector<Difference> Engine::underParentsConstraints() const
{
    // Each family's children in a row: the first no further right than one unit past the
    // right-hand parent, the last no further left than one unit before the left-hand one.
    // Oldest rows first: when not all can hold, the ones nearer the top are kept.
    QVector<std::tuple<int, int, Difference>> ordered; // (row, family, constraint)
    for (int u = 0; u < m_unions.size(); ++u) {
        const Union &family = m_unions[u];
        int leftParent = family.parents.first();
        int rightParent = leftParent;
        for (const int parent : family.parents) {
            if (m_nodes[parent].x < m_nodes[leftParent].x)
                leftParent = parent;
            if (m_nodes[parent].x > m_nodes[rightParent].x)
                rightParent = parent;
        }
        QMap<int, std::pair<int, int>> ends; // row -> (first, last) child
        for (const int child : family.children) {
            const int row = m_nodes[child].generation;
            auto found = ends.find(row);
            if (found == ends.end()) {
                ends.insert(row, { child, child });
                continue;
            }
            if (m_nodes[child].position < m_nodes[found->first].position)
                found->first = child;
            if (m_nodes[child].position > m_nodes[found->second].position)
                found->second = child;
        }
        for (auto it = ends.cbegin(); it != ends.cend(); ++it) {
            ordered.append({ it.key(), u, Difference { it->first, rightParent, -HangReach } });
            ordered.append({ it.key(), u, Difference { leftParent, it->second, -HangReach } });
        }
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) {
        return std::make_pair(std::get<0>(a), std::get<1>(a))
            < std::make_pair(std::get<0>(b), std::get<1>(b));
    });
    QVector<Difference> constraints;
    for (const auto &entry : ordered)
        constraints.append(std::get<2>(entry));
    return constraints;
}

int Engine::makeFeasible(const QSet<int> &stretchable, bool lower)
{
    // The least move to the right of everyone from where they stand (or, with lower, to the
    // left) that keeps every row's order and gaps, every pin, and as many of rule 4's
    // constraints as can hold together: longest paths over the constraints, each of rule
    // 4's added in turn and dropped if it cannot hold with those before it. The passes that
    // follow keep what holds here. Moving left is moving right in mirrored coordinates:
    // values are -x and every constraint points the other way.
    const double sign = lower ? -1.0 : 1.0;
    const int n = int(m_nodes.size());
    QVector<double> value(n);
    QVector<bool> fixed(n, false);
    QVector<QVector<std::pair<int, double>>> out(n);
    for (int i = 0; i < n; ++i) {
        value[i] = sign * (m_nodes[i].pinned ? m_nodes[i].pin.x() : m_nodes[i].x);
        fixed[i] = m_nodes[i].pinned;
    }
    // x[to] >= x[from] + weight, as an edge in the chosen direction.
    auto constrain = [&](int from, int to, double weight) {
        if (lower)
            out[to].append({ from, weight });
        else
            out[from].append({ to, weight });
    };
    auto unconstrainLast = [&](int from, int to) {
        if (lower)
            out[to].removeLast();
        else
            out[from].removeLast();
    };
    auto addVariable = [&](double x) {
        value.append(sign * x);
        fixed.append(true);
        out.append(QVector<std::pair<int, double>> {});
        return int(value.size()) - 1;
    };
    for (int row = 0; row < m_rows.size(); ++row) {
        const QVector<Unit> units = unitsOf(row);
        int previous = -1;
        for (int u = 0; u < units.size(); ++u) {
            const Unit &unit = units[u];
            // From the last member of the unit before to the first of this one.
            const double between = u == 0 ? 0.0
                                          : gapBetween(units[u - 1], unit)
                    - (units[u - 1].obstacle ? 0.0 : units[u - 1].offsets.last());
            if (unit.obstacle) {
                const int obstacle = addVariable(unit.obstacleX);
                if (previous >= 0)
                    constrain(previous, obstacle, between);
                previous = obstacle;
                continue;
            }
            for (int k = 0; k < unit.nodes.size(); ++k) {
                const int i = unit.nodes[k];
                if (k > 0) {
                    // Partners keep their distance, unless their block may stretch: then
                    // they may stand further apart (a couple whose two families stand
                    // apart above them).
                    const double gap = unit.offsets[k] - unit.offsets[k - 1];
                    constrain(previous, i, gap);
                    if (!stretchable.contains(m_nodes[i].block))
                        constrain(i, previous, -gap);
                } else if (previous >= 0) {
                    constrain(previous, i, between);
                }
                previous = i;
            }
        }
    }
    const int size = int(value.size());

    // Raises values along the constraints from the given starts; false if that would move
    // a fixed value or the tail of the newest constraint (it would close a cycle).
    QVector<int> chain;
    auto propagate = [&](QVector<int> queue, int tail) {
        QVector<int> raised(size, 0);
        QVector<int> via(size, -1);
        QVector<bool> queued(size, false);
        for (const int v : queue)
            queued[v] = true;
        for (int q = 0; q < queue.size(); ++q) {
            const int u = queue[q];
            queued[u] = false;
            for (const auto &[v, weight] : out[u]) {
                if (value[u] + weight <= value[v] + 1e-9)
                    continue;
                if (fixed[v] || v == tail || ++raised[v] > size) {
                    // Who pushed whom, back from here: the people in the way.
                    chain.clear();
                    for (int w = u; w >= 0 && w < n && chain.size() < n && !chain.contains(w);
                         w = via[w])
                        chain.append(w);
                    return false;
                }
                via[v] = u;
                value[v] = value[u] + weight;
                if (!queued[v]) {
                    queued[v] = true;
                    queue.append(v);
                }
            }
        }
        return true;
    };

    QVector<int> everyone(size);
    std::iota(everyone.begin(), everyone.end(), 0);
    if (!propagate(everyone, -1)) {
        // Pins too close for the people between them: no placement keeps every gap. Rule 4
        // is then left to the passes' weights, and this order counts as the worst.
        m_underParents = underParentsConstraints();
        m_dropped = m_underParents;
        m_droppedChains = QVector<QVector<int>>(m_dropped.size());
        return int(m_dropped.size()) + 1;
    }
    m_underParents.clear();
    m_dropped.clear();
    m_droppedChains.clear();
    for (const Difference &d : underParentsConstraints()) {
        const QVector<double> saved = value;
        constrain(d.from, d.to, d.weight);
        // The constraint's edge in the chosen direction: tail to head.
        const int tail = lower ? d.to : d.from;
        const int head = lower ? d.from : d.to;
        bool holds = true;
        if (value[tail] + d.weight > value[head] + 1e-9) {
            if (fixed[head]) {
                holds = false;
            } else {
                value[head] = value[tail] + d.weight;
                holds = propagate({ head }, tail);
            }
        }
        if (holds) {
            m_underParents.append(d);
        } else {
            unconstrainLast(d.from, d.to);
            value = saved;
            m_dropped.append(d);
            m_droppedChains.append(chain);
        }
    }
    for (int i = 0; i < n; ++i)
        m_nodes[i].x = sign * value[i];
    // Blocks keep the widths they took.
    for (Block &block : m_blocks) {
        for (int k = 0; k + 1 < block.canonical.size(); ++k) {
            const double distance
                = std::abs(m_nodes[block.canonical[k + 1]].x - m_nodes[block.canonical[k]].x);
            block.gaps[k] = std::max(block.gaps[k], distance);
        }
    }
    return int(m_dropped.size());
}

void Engine::repairOrder()
{
    // Crossings are only a guide to rule 4. Where some of its constraints still cannot
    // hold, each block they name is tried in every place of its row, both ways round, with
    // the rows above and below then sifted to follow it; the order where the fewest cannot
    // hold wins (ties: the order before).
    // Judged with every block free to widen: what matters is whether an order can meet
    // rule 4 at all; placeRows() then widens as few blocks as it can.
    QSet<int> everyBlock;
    for (int b = 0; b < m_blocks.size(); ++b)
        everyBlock.insert(b);
    auto evaluate = [this, &everyBlock]() {
        stretchBlocks();
        packRows();
        return makeFeasible(everyBlock);
    };
    int dropped = evaluate();
    int budget
        = std::max(RepairTrialsAtLeast, RepairWork / int(std::max<qsizetype>(1, m_nodes.size())));
    for (int round = 0; round < RepairRounds && dropped > 0 && budget > 0; ++round) {
        bool improved = false;
        const QVector<Difference> failing = m_dropped;
        const QVector<QVector<int>> chains = m_droppedChains;
        for (int f = 0; f < failing.size() && dropped > 0; ++f) {
            const Difference &d = failing[f];
            // The constraint's two ends, then whoever was pushed into the way, one block
            // each.
            QVector<int> candidates { d.from, d.to };
            QSet<int> blocks { m_nodes[d.from].block, m_nodes[d.to].block };
            for (const int i : chains.value(f)) {
                if (!blocks.contains(m_nodes[i].block) && candidates.size() < RepairCandidates) {
                    blocks.insert(m_nodes[i].block);
                    candidates.append(i);
                }
            }
            for (const int node : candidates) {
                if (dropped == 0)
                    break;
                const Order start = order();
                auto best = start;
                int bestDropped = dropped;
                const int b = m_nodes[node].block;
                const int row = m_blocks[b].row;
                QVector<int> rest = start.rows[row];
                const int from = int(rest.indexOf(b));
                rest.removeAt(from);
                const QVector<bool> allowed = allowedPlaces(rest, b);
                const bool wasReversed = m_blocks[b].reversed;
                // Stop at the first order where everything holds.
                for (int p = 0; p < allowed.size() && budget > 0 && bestDropped > 0; ++p) {
                    if (!allowed[p])
                        continue;
                    for (const bool reversed : { wasReversed, !wasReversed }) {
                        if (bestDropped == 0)
                            break;
                        if ((p == from && reversed == wasReversed)
                            || (reversed != wasReversed && m_blocks[b].canonical.size() < 2))
                            continue;
                        restoreOrder(start);
                        QVector<int> trial = rest;
                        trial.insert(p, b);
                        m_rows[row] = trial;
                        m_blocks[b].reversed = reversed;
                        refreshPositions(row);
                        if (row + 1 < m_rows.size())
                            sift(row + 1);
                        if (row > 0)
                            sift(row - 1);
                        // The block at the constraint's other end, both ways round (a
                        // married child turning towards their in-laws' new place).
                        const int other = m_nodes[node == d.from ? d.to : d.from].block;
                        const int otherRow = m_blocks[other].row;
                        for (const bool flip : { false, true }) {
                            if (bestDropped == 0)
                                break;
                            if (flip && (other == b || m_blocks[other].canonical.size() < 2))
                                continue;
                            if (flip) {
                                m_blocks[other].reversed = !m_blocks[other].reversed;
                                refreshPositions(otherRow);
                            }
                            --budget;
                            if (twinsTogether(row) && twinsTogether(otherRow)) {
                                const int count = evaluate();
                                if (count < bestDropped) {
                                    bestDropped = count;
                                    best = order();
                                }
                            }
                        }
                    }
                }
                restoreOrder(best);
                if (bestDropped < dropped) {
                    dropped = bestDropped;
                    improved = true;
                }
            }
        }
        if (!improved)
            break;
    }
    evaluate();
}

} // namespace doorstep::genogramlayout
