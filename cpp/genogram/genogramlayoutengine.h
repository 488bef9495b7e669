#pragma once

// Internal to the genogram layout (not installed): the state its stages share. Each stage
// is in a file of its own, in the order run() calls them:
//   genogramlayoutfamilies.cpp     people, which parents a child hangs from, birth order
//   genogramlayoutrows.cpp         the row of each person (rule 1)
//   genogramlayoutblocks.cpp       partners side by side, which way round, how wide
//   genogramlayoutorder.cpp        the order in each row (crossing reduction, rule 3)
//   genogramlayoutstable.cpp       keeping rows, order and places of a previous layout
//   genogramlayoutpositions.cpp    x positions: packing, then centring row by row
//   genogramlayoutunderparents.cpp children under their parents (rule 4)
//   genogramlayoutpins.cpp         people dragged by the practitioner (rule 5)
//   genogramlayoutlines.cpp        the lines and boxes drawn between the symbols

#include "genogram/genogramlayout.h"

#include <QHash>
#include <QSet>
#include <QVector>
#include <algorithm>
#include <climits>
#include <functional>
#include <numeric>
#include <optional>
#include <tuple>
#include <utility>

namespace doorstep::genogramlayout
{

using Rel = GenogramRelation;
using L = GenogramLayout;

// How far past the outermost parent the nearest child may stand: one symbol across, so the
// children's and the parents' symbols at least touch when seen from above.
constexpr double HangReach = 1.0;

// Sort key of a partnership: its order (set before unset), start date (known first), id.
struct PartnerKey {
    int order = INT_MAX;
    int dateKnown = 1;
    GenogramDate start;
    QString relationId;
    bool implicit = false;

    friend bool operator<(const PartnerKey &a, const PartnerKey &b)
    {
        return std::tie(a.implicit, a.order, a.dateKnown, a.start, a.relationId)
            < std::tie(b.implicit, b.order, b.dateKnown, b.start, b.relationId);
    }
};

/// Two people drawn as partners: a partner line, or parents of a child with none.
struct PartnerEdge {
    int a = 0;
    int b = 0;
    PartnerKey key;
    QString relationId; ///< empty for parents with no partner line
};

/// A person as the layout sees them.
struct Node {
    const GenogramPerson *person = nullptr;
    QVector<int> parents; ///< the parents this person hangs from (rule 2), by index
    QStringList parentRelations; ///< the lines they hang by
    int parentUnion = -1;
    QVector<int> unions; ///< families where this person is a parent
    QVector<int> partnerEdges;
    /// People joined by lines the layout does not hang anyone by (a step-parent's, a birth
    /// parent's beside adoptive parents, twins of different parents): kept near them.
    QVector<int> links;
    int generation = 0; ///< the row, from 0 at the top; the layout's is shifted (rule 6)
    int component = 0; ///< the rank of this person's family among those side by side
    int birthRank = 0; ///< among the children of parentUnion
    int twinGroup = -1;
    int block = -1;
    int position = 0; ///< index in the row
    double x = 0.0;
    bool previous = false; ///< in the previous layout, in the same row
    double previousX = 0.0;
    double settledX = 0.0; ///< where making room left them, before the passes
    bool pinned = false;
    QPointF pin;
};

/// One set of parents and the children who hang from them.
struct Union {
    QVector<int> parents; ///< one or two, by index
    QVector<int> children; ///< in birth order
};

/// A constraint between two people: x[to] >= x[from] + weight.
struct Difference {
    int from = 0;
    int to = 0;
    double weight = 0.0;
};

/// People joined by partner lines within a row; they never part.
struct Block {
    int row = 0;
    int component = 0;
    QVector<int> canonical; ///< partners in order, before orientation
    /// Between canonical[k] and canonical[k + 1]: PersonSpacing, or more where a family in
    /// the middle of the block has more children than fit under it.
    QVector<double> gaps;
    bool reversed = false;

    QVector<int> members() const
    {
        QVector<int> seq = canonical;
        if (reversed)
            std::reverse(seq.begin(), seq.end());
        return seq;
    }
    /// Each member's distance from the first, in members() order.
    QVector<double> offsets() const
    {
        QVector<double> seqGaps = gaps;
        if (reversed)
            std::reverse(seqGaps.begin(), seqGaps.end());
        QVector<double> result { 0.0 };
        for (const double gap : seqGaps)
            result.append(result.last() + gap);
        return result;
    }
};

/// A piece of a row the positions are solved for: a block (partners never part), one
/// person of a block with several pinned members, or an obstacle: someone pinned whose
/// symbol lands in this row, who stands where they were put.
struct Unit {
    QVector<int> nodes;
    QVector<double> offsets;
    bool obstacle = false;
    double obstacleX = 0.0;
    int beforeBlock = -1; ///< an obstacle stands just before this block (-1: at the row's end)
};

/// Disjoint sets of indices.
class UnionFind
{
public:
    explicit UnionFind(int size)
        : m_parent(size)
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }
    int find(int i)
    {
        while (m_parent[i] != i) {
            m_parent[i] = m_parent[m_parent[i]];
            i = m_parent[i];
        }
        return i;
    }
    // The smaller index becomes the root, so roots do not depend on merge order.
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            m_parent[std::max(a, b)] = std::min(a, b);
    }

private:
    QVector<int> m_parent;
};

/// Lays out one genogram, step by step as genogramlayout.h's rules go: rows, the order in
/// each row, then positions, then lines. Everything is indexed in id order.
class Engine
{
public:
    Engine(const Genogram &genogram, const GenogramLayout &previous)
        : m_genogram(genogram)
        , m_previous(previous)
        , m_stable(!previous.isEmpty())
    {
    }

    GenogramLayout run();

private:
    // The order of every row and which way round each block is, to try another and go back.
    struct Order {
        QVector<QVector<int>> rows;
        QVector<bool> reversed;
    };

    // genogramlayoutfamilies.cpp
    void buildNodes();
    void rankChildren();

    // genogramlayoutrows.cpp
    void assignGenerations();

    // genogramlayoutblocks.cpp
    void buildBlocks();
    void orient(int row);
    void stretchBlocks();

    // genogramlayoutorder.cpp
    void orderRows();
    void refreshPositions(int row);
    void sortRow(int row, const std::function<std::optional<double>(int block)> &keyOf);
    void sortRowKeepingRules(int row, const std::function<std::optional<double>(int)> &keyOf);
    void keepBirthOrder(int row);
    void keepTwinsTogether(int row);
    void sift(int row);
    bool twinsTogether(int row) const;
    int crossings() const;
    int familyOfBlock(int block) const;
    int birthRankIn(int block, int family) const;
    QVector<bool> allowedPlaces(const QVector<int> &rest, int block) const;
    Order order() const;
    void restoreOrder(const Order &order);

    // genogramlayoutstable.cpp
    void keepPreviousRows();
    void orderRowsStable();
    void keepPreviousWidths();
    void makeRoomMovingFewest(const QSet<int> &stretchable);

    // genogramlayoutpositions.cpp
    void placeRows();
    void packRows();
    void solveRow(int row, bool down);
    double separation(int left, int right) const;
    QVector<Unit> unitsOf(int row) const;
    double gapBetween(const Unit &left, const Unit &right) const;
    double hangX(int unionIndex) const;

    // genogramlayoutunderparents.cpp
    QVector<Difference> underParentsConstraints() const;
    int makeFeasible(const QSet<int> &stretchable = {}, bool lower = false);
    void repairOrder();

    // genogramlayoutpins.cpp
    void reorderAroundPins();
    void makeRoomBetweenPins(int row);

    // genogramlayoutlines.cpp
    GenogramLayout geometry() const;
    QPointF positionOf(int i) const;
    /// Returns the lines by pair of partners, as (lower index, higher index).
    QHash<QPair<int, int>, GenogramLayout::PartnerLine> addPartnerLines(
        GenogramLayout &layout) const;
    /// Returns who hangs from whom, as (parent, child).
    QSet<QPair<int, int>> addSibships(GenogramLayout &layout,
        const QHash<QPair<int, int>, GenogramLayout::PartnerLine> &partnerLines) const;
    void addTwinBarsAndConnectors(
        GenogramLayout &layout, const QSet<QPair<int, int>> &hungBy) const;
    void addHouseholds(GenogramLayout &layout) const;

    const Genogram &m_genogram;
    const GenogramLayout &m_previous;
    const bool m_stable;

    QVector<Node> m_nodes;
    QHash<QString, int> m_index;
    QList<const GenogramRelation *> m_relations; ///< shown, between people here, by id
    QVector<Union> m_unions;
    QVector<PartnerEdge> m_partnerEdges;
    QVector<Block> m_blocks;
    QVector<QVector<int>> m_rows; ///< block indices per row, left to right
    QVector<QVector<Unit>> m_obstacles; ///< pinned people, in the row their symbol is in
    /// Rule 4 as constraints: those that can all hold with the rows in this order...
    QVector<Difference> m_underParents;
    QVector<Difference> m_dropped; ///< ...and those that cannot
    QVector<QVector<int>> m_droppedChains; ///< for each dropped one, the people in the way
    int m_generationShift = 0;
    /// With a previous layout, which way packRows() makes room in each row.
    enum class PackDirection { Each, Right, Left };
    PackDirection m_pack = PackDirection::Each;
    bool m_hasPins = false;
};

} // namespace doorstep::genogramlayout
