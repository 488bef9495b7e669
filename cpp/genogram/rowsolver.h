#pragma once

#include <QList>

namespace doorstep
{

/// Places a row of items left to right, each at least a given gap after the one before,
/// as near its targets as the gaps allow: the least weighted sum of distances to the
/// targets, plus weighted penalties for passing soft bounds. Solved exactly by pooling
/// adjacent violators (each item's cost is convex and piecewise linear), in one pass.
/// The genogram layout solves each generation row with it.
class RowSolver
{
public:
    /// Adds the next item to the right; returns its index.
    int addItem();
    /// The least distance from @p item to the next item (its right neighbour).
    void setGapAfter(int item, double gap);
    /// Costs @p weight per unit of distance from @p x.
    void addTarget(int item, double x, double weight);
    /// Costs @p weight per unit the item lies left of @p x.
    void addLowerBound(int item, double x, double weight);
    /// Costs @p weight per unit the item lies right of @p x.
    void addUpperBound(int item, double x, double weight);
    /// Both bounds at @p x: a pinned item.
    void fix(int item, double x, double weight);

    /// When several positions cost the same: the middle of them (centres families), or the
    /// leftmost (moves fewer people when making room).
    enum class Tie { Middle, Left };
    void setTie(Tie tie) { m_tie = tie; }

    /// Positions of the items, in the order they were added.
    QList<double> solve() const;

private:
    struct Breakpoint {
        double x;
        double slopeChange;
    };
    struct Item {
        double gapAfter = 0.0;
        double startSlope = 0.0; ///< the cost's slope far to the left
        QList<Breakpoint> breakpoints;
    };

    QList<Item> m_items;
    Tie m_tie = Tie::Middle;
};

} // namespace doorstep
