#include "genogram/rowsolver.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace doorstep
{

int RowSolver::addItem()
{
    m_items.append(Item {});
    return int(m_items.size()) - 1;
}

void RowSolver::setGapAfter(int item, double gap)
{
    m_items[item].gapAfter = gap;
}

void RowSolver::addTarget(int item, double x, double weight)
{
    m_items[item].startSlope -= weight;
    m_items[item].breakpoints.append({ x, 2.0 * weight });
}

void RowSolver::addLowerBound(int item, double x, double weight)
{
    m_items[item].startSlope -= weight;
    m_items[item].breakpoints.append({ x, weight });
}

void RowSolver::addUpperBound(int item, double x, double weight)
{
    m_items[item].breakpoints.append({ x, weight });
}

void RowSolver::fix(int item, double x, double weight)
{
    addLowerBound(item, x, weight);
    addUpperBound(item, x, weight);
}

QList<double> RowSolver::solve() const
{
    // Item i at x_i = y_i + offset_i, where offset_i adds up the gaps before it: the gaps
    // then become y_0 <= y_1 <= ..., and runs of items that want to be out of order are
    // pooled into blocks that share one y, the minimum of their summed costs.
    struct Block {
        int first = 0;
        int last = 0;
        double startSlope = 0.0;
        QList<Breakpoint> breakpoints; // sorted by x
        double y = 0.0;
    };
    auto minimum = [this](const Block &block) {
        double slope = block.startSlope;
        if (slope >= 0.0)
            return block.breakpoints.isEmpty() ? 0.0 : block.breakpoints.first().x;
        constexpr double flat = 1e-9;
        for (int i = 0; i < block.breakpoints.size(); ++i) {
            slope += block.breakpoints[i].slopeChange;
            if (slope > flat)
                return block.breakpoints[i].x;
            if (slope >= -flat) {
                // Flat to the next breakpoint: every point between costs the same.
                if (m_tie == Tie::Left)
                    return block.breakpoints[i].x;
                for (int j = i + 1; j < block.breakpoints.size(); ++j) {
                    if (block.breakpoints[j].slopeChange > 0.0)
                        return (block.breakpoints[i].x + block.breakpoints[j].x) / 2.0;
                }
                return block.breakpoints[i].x;
            }
        }
        return block.breakpoints.isEmpty() ? 0.0 : block.breakpoints.last().x;
    };

    QList<double> offsets(m_items.size(), 0.0);
    for (int i = 1; i < m_items.size(); ++i)
        offsets[i] = offsets[i - 1] + m_items[i - 1].gapAfter;

    QList<Block> blocks;
    for (int i = 0; i < m_items.size(); ++i) {
        Block block;
        block.first = block.last = i;
        block.startSlope = m_items[i].startSlope;
        block.breakpoints.reserve(m_items[i].breakpoints.size());
        for (const Breakpoint &point : m_items[i].breakpoints)
            block.breakpoints.append({ point.x - offsets[i], point.slopeChange });
        std::sort(block.breakpoints.begin(), block.breakpoints.end(),
            [](const Breakpoint &a, const Breakpoint &b) { return a.x < b.x; });
        block.y = minimum(block);
        blocks.append(std::move(block));
        while (blocks.size() >= 2 && blocks[blocks.size() - 2].y > blocks.last().y) {
            Block right = blocks.takeLast();
            Block &left = blocks.last();
            QList<Breakpoint> merged;
            merged.reserve(left.breakpoints.size() + right.breakpoints.size());
            std::merge(left.breakpoints.cbegin(), left.breakpoints.cend(),
                right.breakpoints.cbegin(), right.breakpoints.cend(), std::back_inserter(merged),
                [](const Breakpoint &a, const Breakpoint &b) { return a.x < b.x; });
            left.breakpoints = std::move(merged);
            left.startSlope += right.startSlope;
            left.last = right.last;
            left.y = minimum(left);
        }
    }

    QList<double> positions(m_items.size(), 0.0);
    for (const Block &block : blocks) {
        for (int i = block.first; i <= block.last; ++i)
            positions[i] = block.y + offsets[i];
    }
    return positions;
}

} // namespace doorstep
