// Positions across each row (rule 4's spacing and centring): packed first, then solved
// row by row, up and down, with RowSolver.

#include "genogram/genogramlayoutengine.h"
#include "genogram/rowsolver.h"

#include <QMap>
#include <cmath>
#include <limits>

namespace doorstep::genogramlayout
{

namespace
{

// Weights of what a row's positions balance (RowSolver): pins beat the parents-and-
// children bounds, which beat staying where the previous layout had someone, which beats
// centring families, which beats staying where the last pass put someone.
constexpr double PinWeight = 1.0e8;
constexpr double BoundWeight = 1.0e5;
constexpr double PreviousWeight = 10.0;
constexpr double StructureWeight = 1.0;
constexpr double InertiaWeight = 0.05;
constexpr int PositionSweeps = 4;
constexpr int StablePositionSweeps = 2;

} // namespace

double Engine::separation(int left, int right) const
{
    // Partners and anyone sharing a parent (half-siblings too) stand close; others apart.
    const Node &a = m_nodes[left];
    const Node &b = m_nodes[right];
    if (a.block == b.block)
        return L::PersonSpacing;
    for (const int parent : a.parents) {
        if (b.parents.contains(parent))
            return L::PersonSpacing;
    }
    return L::FamilySpacing;
}

double Engine::hangX(int unionIndex) const
{
    double sum = 0.0;
    for (const int parent : m_unions[unionIndex].parents)
        sum += m_nodes[parent].x;
    return sum / m_unions[unionIndex].parents.size();
}

double Engine::gapBetween(const Unit &left, const Unit &right) const
{
    // From one unit's first member to the next unit's first member. Two people both put
    // where they are by the practitioner need no gap between them.
    const double width = left.obstacle ? 0.0 : left.offsets.last();
    if (left.obstacle && right.obstacle)
        return width;
    if (left.obstacle || right.obstacle)
        return width + L::PersonSpacing;
    return width + separation(left.nodes.last(), right.nodes.first());
}

QVector<Unit> Engine::unitsOf(int row) const
{
    QVector<Unit> units;
    for (const int b : m_rows[row]) {
        const QVector<int> members = m_blocks[b].members();
        const bool pinned = std::any_of(
            members.cbegin(), members.cend(), [this](int i) { return m_nodes[i].pinned; });
        if (pinned) {
            // A pinned person stands where they were put, as an obstacle in whichever row
            // that is (m_obstacles); their partners flow around them one by one.
            for (const int i : members) {
                if (!m_nodes[i].pinned)
                    units.append(Unit { { i }, { 0.0 }, false, 0.0 });
            }
            continue;
        }
        units.append(Unit { members, m_blocks[b].offsets(), false, 0.0 });
    }
    if (row < m_obstacles.size()) {
        // Someone pinned into this row from another stands where reorderAroundPins() put
        // them in the order, left to right.
        for (const Unit &obstacle : m_obstacles[row]) {
            int at = int(units.size());
            for (int u = 0; u < units.size(); ++u) {
                if (!units[u].obstacle
                    && m_nodes[units[u].nodes.first()].block == obstacle.beforeBlock) {
                    at = u;
                    break;
                }
            }
            units.insert(at, obstacle);
        }
    }
    return units;
}

void Engine::packRows()
{
    for (Node &node : m_nodes) {
        if (node.pinned)
            node.x = node.pin.x();
    }
    // Packed from the left; with a previous layout, from where people were (new people
    // next to their neighbours), making room on whichever side moves fewer people. Pinned
    // people and people pinned into the row stay put, and whoever would run into them from
    // the left backs off to the left.
    for (int row = 0; row < m_rows.size(); ++row) {
        const QVector<Unit> units = unitsOf(row);
        const int count = int(units.size());
        QVector<double> gapAfter(count, 0.0);
        QVector<double> was(count, std::numeric_limits<double>::quiet_NaN());
        QVector<bool> fixed(count, false);
        for (int u = 0; u < count; ++u) {
            const Unit &unit = units[u];
            if (u + 1 < count)
                gapAfter[u] = gapBetween(unit, units[u + 1]);
            if (unit.obstacle) {
                was[u] = unit.obstacleX;
                fixed[u] = true;
                continue;
            }
            for (int k = 0; k < unit.nodes.size(); ++k) {
                const Node &node = m_nodes[unit.nodes[k]];
                if (node.pinned) {
                    was[u] = node.pin.x() - unit.offsets[k];
                    fixed[u] = true;
                    break;
                }
                if (m_stable && node.previous && std::isnan(was[u]))
                    was[u] = node.previousX - unit.offsets[k];
            }
        }
        // Each unit only as far right (left) of the one before as it must be.
        auto push = [&](bool right) {
            QVector<double> x(count);
            for (int step = 0; step < count; ++step) {
                const int u = right ? step : count - 1 - step;
                const int before = right ? u - 1 : u + 1;
                const bool first = before < 0 || before >= count;
                const double least = first
                    ? 0.0
                    : (right ? x[before] + gapAfter[before] : x[before] - gapAfter[u]);
                if (fixed[u] || (!std::isnan(was[u]) && first))
                    x[u] = was[u];
                else if (std::isnan(was[u]))
                    x[u] = least;
                else
                    x[u] = right ? std::max(was[u], least) : std::min(was[u], least);
            }
            // Then back off from fixed units, the other way.
            for (int step = count - 2; step >= 0; --step) {
                const int u = right ? step : count - 1 - step;
                const int after = right ? u + 1 : u - 1;
                if (!fixed[u])
                    x[u] = right ? std::min(x[u], x[after] - gapAfter[u])
                                 : std::max(x[u], x[after] + gapAfter[after]);
            }
            int moved = 0;
            for (int u = 0; u < count; ++u)
                moved += !std::isnan(was[u]) && x[u] != was[u] ? int(units[u].nodes.size()) : 0;
            return std::make_pair(moved, x);
        };
        const auto right = push(true);
        bool useLeft = false;
        if (m_stable && m_pack != PackDirection::Right) {
            const auto left = push(false);
            useLeft = m_pack == PackDirection::Left || left.first < right.first;
            if (useLeft) {
                for (int u = 0; u < count; ++u) {
                    for (int k = 0; k < units[u].nodes.size(); ++k)
                        m_nodes[units[u].nodes[k]].x = left.second[u] + units[u].offsets[k];
                }
            }
        }
        if (!useLeft) {
            for (int u = 0; u < count; ++u) {
                for (int k = 0; k < units[u].nodes.size(); ++k)
                    m_nodes[units[u].nodes[k]].x = right.second[u] + units[u].offsets[k];
            }
        }
    }
}

void Engine::solveRow(int row, bool down)
{
    const QVector<Unit> units = unitsOf(row);
    if (units.isEmpty())
        return;
    RowSolver solver;
    if (m_stable)
        solver.setTie(RowSolver::Tie::Left);
    QVector<int> unitOf(m_nodes.size(), -1); // node -> its unit, if in this row
    QVector<double> offsetOf(m_nodes.size(), 0.0); // node -> its offset in the unit
    for (int u = 0; u < units.size(); ++u) {
        solver.addItem();
        for (int k = 0; k < units[u].nodes.size(); ++k) {
            unitOf[units[u].nodes[k]] = u;
            offsetOf[units[u].nodes[k]] = units[u].offsets[k];
        }
    }
    for (int u = 0; u + 1 < units.size(); ++u)
        solver.setGapAfter(u, gapBetween(units[u], units[u + 1]));

    // Sibships in this row, for the down pass: children of one family, left to right.
    QMap<int, QVector<int>> sibships;
    for (const Unit &unit : units) {
        for (const int i : unit.nodes) {
            if (m_nodes[i].parentUnion >= 0)
                sibships[m_nodes[i].parentUnion].append(i);
        }
    }

    for (int u = 0; u < units.size(); ++u) {
        const Unit &unit = units[u];
        if (unit.obstacle) {
            solver.fix(u, unit.obstacleX, PinWeight);
            continue;
        }
        const double reference = m_nodes[unit.nodes.first()].x;
        solver.addTarget(u, reference, InertiaWeight);
        for (int k = 0; k < unit.nodes.size(); ++k) {
            const Node &node = m_nodes[unit.nodes[k]];
            const double offset = unit.offsets[k];
            if (node.pinned)
                solver.fix(u, node.pin.x() - offset, PinWeight);
            // Where making room left them: the passes do not trade moving a few people
            // far for many a little (as least distance would), only new people settle.
            if (node.previous)
                solver.addTarget(u, node.settledX - offset, PreviousWeight);
            if (down && node.parentUnion >= 0) {
                const QVector<int> &sibship = sibships[node.parentUnion];
                const double centre
                    = (m_nodes[sibship.first()].x + m_nodes[sibship.last()].x) / 2.0;
                const double shift = hangX(node.parentUnion) - centre;
                solver.addTarget(u, node.x + shift - offset, StructureWeight);
            }
            if (!down) {
                for (const int family : node.unions) {
                    const QVector<int> &children = m_unions[family].children;
                    double low = std::numeric_limits<double>::infinity();
                    double high = -low;
                    for (const int child : children) {
                        low = std::min(low, m_nodes[child].x);
                        high = std::max(high, m_nodes[child].x);
                    }
                    const double shift = (low + high) / 2.0 - hangX(family);
                    solver.addTarget(u, node.x + shift - offset, StructureWeight);
                }
            }
        }
    }
    // Rule 4 both ways, whichever way the pass goes: the constraints makeFeasible() kept
    // hold for this row against the rows above and below as they stand. They weigh more
    // than all the targets of a row together, so a row that meets them keeps meeting them.
    for (const Difference &d : m_underParents) {
        const bool fromHere = unitOf[d.from] >= 0;
        const bool toHere = unitOf[d.to] >= 0;
        if (fromHere == toHere)
            continue;
        if (toHere) {
            solver.addLowerBound(
                unitOf[d.to], m_nodes[d.from].x + d.weight - offsetOf[d.to], BoundWeight);
        } else {
            solver.addUpperBound(
                unitOf[d.from], m_nodes[d.to].x - d.weight - offsetOf[d.from], BoundWeight);
        }
    }

    const QList<double> positions = solver.solve();
    for (int u = 0; u < units.size(); ++u) {
        for (int k = 0; k < units[u].nodes.size(); ++k)
            m_nodes[units[u].nodes[k]].x = positions[u] + units[u].offsets[k];
    }
}

void Engine::placeRows()
{
    // Start packed from the left (or where people were), made to meet rule 4; then
    // alternate: parents over their children going up, children under their parents going
    // down, each row keeping rule 4 against the rows beside it.
    // Blocks widened for their children may no longer fit between two pins: clearPins().
    auto clearPins = [this]() {
        for (int row = 0; row < m_obstacles.size(); ++row)
            makeRoomBetweenPins(row);
    };
    stretchBlocks();
    clearPins();
    packRows();
    // With a previous layout, people keep their order (rule 6) even if that leaves a
    // family aside.
    if (makeFeasible() > 0 && !m_stable) {
        repairOrder();
        stretchBlocks();
        clearPins();
        packRows();
        makeFeasible();
    }
    // Last, blocks may widen where constraints still cannot hold: first the blocks those
    // constraints name, then every block in their rows, then every block.
    QSet<int> stretchable;
    for (int round = 0; round < 3 && !m_dropped.isEmpty(); ++round) {
        for (const Difference &d : m_dropped) {
            for (const int node : { d.from, d.to }) {
                if (round == 0)
                    stretchable.insert(m_nodes[node].block);
                else if (round == 1)
                    stretchable += QSet<int>(m_rows[m_nodes[node].generation].cbegin(),
                        m_rows[m_nodes[node].generation].cend());
            }
        }
        if (round == 2) {
            for (int b = 0; b < m_blocks.size(); ++b)
                stretchable.insert(b);
        }
        stretchBlocks();
        packRows();
        makeFeasible(stretchable);
    }
    // With a previous layout, room is made on whichever side moves fewer people (rule 6).
    if (m_stable)
        makeRoomMovingFewest(stretchable);
    for (Node &node : m_nodes)
        node.settledX = node.x;
    const int sweeps = m_stable ? StablePositionSweeps : PositionSweeps;
    for (int sweep = 0; sweep < sweeps; ++sweep) {
        for (int row = int(m_rows.size()) - 1; row >= 0; --row)
            solveRow(row, false);
        for (int row = 0; row < m_rows.size(); ++row)
            solveRow(row, true);
    }
}

} // namespace doorstep::genogramlayout
