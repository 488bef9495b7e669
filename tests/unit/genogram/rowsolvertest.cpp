#include "genogram/rowsolver.h"

#include <catch2/catch.hpp>

using doorstep::RowSolver;

namespace
{

// Items at the given targets (weight 1 each), each at least `gap` after the one before.
QList<double> solveTargets(
    const QList<double> &targets, double gap, RowSolver::Tie tie = RowSolver::Tie::Middle)
{
    RowSolver solver;
    solver.setTie(tie);
    for (const double target : targets) {
        const int item = solver.addItem();
        solver.setGapAfter(item, gap);
        solver.addTarget(item, target, 1.0);
    }
    return solver.solve();
}

} // namespace

TEST_CASE("Items already far enough apart stay on their targets", "[genogram]")
{
    CHECK(solveTargets({ 0.0, 5.0, 9.0 }, 2.0) == QList<double> { 0.0, 5.0, 9.0 });
}

TEST_CASE("Items wanting the same place share it out evenly", "[genogram]")
{
    CHECK(solveTargets({ 4.0, 4.0 }, 2.0) == QList<double> { 3.0, 5.0 });
    CHECK(solveTargets({ 4.0, 4.0, 4.0 }, 2.0) == QList<double> { 2.0, 4.0, 6.0 });
}

TEST_CASE("Items out of order keep their order and their gap", "[genogram]")
{
    const QList<double> placed = solveTargets({ 10.0, 0.0 }, 2.0);
    REQUIRE(placed.size() == 2);
    CHECK(placed[1] - placed[0] == 2.0);
}

TEST_CASE("Making room moves the lighter side only", "[genogram]")
{
    // Three items on the left, a newcomer, five on the right, all packed: the newcomer
    // needs two units, and the three on the left give them.
    RowSolver solver;
    solver.setTie(RowSolver::Tie::Left);
    QList<double> expected;
    for (int i = 0; i < 3; ++i) {
        const int item = solver.addItem();
        solver.setGapAfter(item, 2.0);
        solver.addTarget(item, 2.0 * i, 10.0);
        expected.append(2.0 * i - 2.0);
    }
    const int newcomer = solver.addItem();
    solver.setGapAfter(newcomer, 2.0);
    solver.addTarget(newcomer, 5.0, 1.0);
    expected.append(4.0);
    for (int i = 3; i < 8; ++i) {
        const int item = solver.addItem();
        solver.setGapAfter(item, 2.0);
        solver.addTarget(item, 2.0 * i, 10.0);
        expected.append(2.0 * i);
    }
    CHECK(solver.solve() == expected);
}

TEST_CASE("A fixed item does not move and the others keep clear of it", "[genogram]")
{
    RowSolver solver;
    for (int i = 0; i < 3; ++i) {
        solver.addItem();
        solver.setGapAfter(i, 2.0);
        solver.addTarget(i, 0.0, 1.0);
    }
    solver.fix(1, 10.0, 1.0e8);
    const QList<double> placed = solver.solve();
    CHECK(placed[1] == 10.0);
    CHECK(placed[0] <= 8.0);
    CHECK(placed[2] >= 12.0);
}

TEST_CASE("Heavy bounds hold against lighter targets", "[genogram]")
{
    RowSolver solver;
    solver.addItem();
    solver.addTarget(0, 0.0, 5.0);
    solver.addLowerBound(0, 3.0, 1000.0);
    CHECK(solver.solve() == QList<double> { 3.0 });

    RowSolver upper;
    upper.addItem();
    upper.addTarget(0, 10.0, 5.0);
    upper.addUpperBound(0, 4.0, 1000.0);
    CHECK(upper.solve() == QList<double> { 4.0 });
}
