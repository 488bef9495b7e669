// The lines between the symbols: partner lines, sibships, twin bars, connectors, households.

#include "genogram/genogramlayoutengine.h"

#include <QMap>
#include <array>
#include <limits>

namespace doorstep::genogramlayout
{

namespace
{

constexpr double HouseholdMargin = 0.6;

// Two children's lines in one row closer than this across read as one family's...
constexpr double BarGap = 0.3;
// ...so one of them is drawn this much higher or lower (rule 7).
constexpr double BarStagger = 0.25;
// The shortest a line down from the parents or to a child is made by moving a bar.
constexpr double ShortestDrop = 0.25;
// Levels a bar may take, in steps of BarStagger, in the order they are preferred: up is
// tried before down as the lines to the children are the shorter.
constexpr std::array<int, 7> BarLevels { 0, -1, 1, -2, 2, -3, -4 };

double barLow(const L::Sibship &sibship)
{
    return std::min(sibship.bar.x1(), sibship.bar.x2());
}

double barHigh(const L::Sibship &sibship)
{
    return std::max(sibship.bar.x1(), sibship.bar.x2());
}

// Whether @p x is on @p sibship's bar, or within BarGap of it.
bool nearBar(const L::Sibship &sibship, double x)
{
    return x >= barLow(sibship) - BarGap && x <= barHigh(sibship) + BarGap;
}

bool barsNear(const L::Sibship &a, const L::Sibship &b)
{
    return barLow(a) <= barHigh(b) + BarGap && barLow(b) <= barHigh(a) + BarGap;
}

// Where @p line (going down) is at height @p y.
double xAt(const QLineF &line, double y)
{
    if (line.dy() == 0.0)
        return line.x1();
    return line.x1() + line.dx() * std::clamp((y - line.y1()) / line.dy(), 0.0, 1.0);
}

// How many lines of @p upper and @p lower meet the other's bar with @p upper's bar above
// @p lower's: @p lower's line down from its parents passes @p upper's bar, and @p upper's
// lines to its children pass @p lower's.
int meetings(const L::Sibship &upper, const L::Sibship &lower, double upperY, double lowerY)
{
    int count = nearBar(upper, lower.descent.x1()) ? 1 : 0;
    for (const QLineF &drop : upper.drops) {
        QLineF moved = drop;
        moved.setP1(QPointF(drop.x1(), upperY));
        if (nearBar(lower, xAt(moved, lowerY)))
            ++count;
    }
    return count;
}

void moveBar(L::Sibship &sibship, double y)
{
    sibship.descent.setP2(QPointF(sibship.descent.x2(), y));
    sibship.bar = QLineF(sibship.bar.x1(), y, sibship.bar.x2(), y);
    for (QLineF &drop : sibship.drops)
        drop.setP1(QPointF(drop.x1(), y));
}

// Rule 7: children's lines in one row that would meet or nearly meet end to end, or overlap,
// are drawn at different heights, each at the level where its lines meet the fewest lines of
// the bars placed before it (left to right), never at the height of a bar it is near.
void staggerBars(QList<L::Sibship> &sibships)
{
    QMap<double, QVector<int>> rows; // by the bar's usual height
    for (int k = 0; k < sibships.size(); ++k)
        rows[sibships[k].bar.y1()].append(k);
    for (auto row = rows.begin(); row != rows.end(); ++row) {
        QVector<int> &members = row.value();
        if (members.size() < 2)
            continue;
        std::sort(members.begin(), members.end(), [&](int a, int b) {
            const auto &sa = sibships[a];
            const auto &sb = sibships[b];
            return std::make_tuple(barLow(sa), barHigh(sa), sa.childIds.value(0))
                < std::make_tuple(barLow(sb), barHigh(sb), sb.childIds.value(0));
        });
        const double usual = row.key();
        QVector<int> placed;
        for (const int k : members) {
            const L::Sibship &sibship = sibships[k];
            double childTop = std::numeric_limits<double>::infinity();
            for (const QLineF &drop : sibship.drops)
                childTop = std::min(childTop, drop.y2());
            const double above = std::min(ShortestDrop, usual - sibship.hangPoint.y());
            const double below = std::min(ShortestDrop, childTop - usual);
            auto clashes = [&](double y) {
                return std::any_of(placed.cbegin(), placed.cend(), [&](int other) {
                    return sibships[other].bar.y1() == y && barsNear(sibships[other], sibship);
                });
            };
            std::optional<double> best;
            int bestMeetings = INT_MAX;
            for (const int level : BarLevels) {
                const double y = usual + level * BarStagger;
                if (y - sibship.hangPoint.y() < above || childTop - y < below || clashes(y))
                    continue;
                int count = 0;
                for (const int other : placed) {
                    const L::Sibship &o = sibships[other];
                    const double oy = o.bar.y1();
                    count += oy < y ? meetings(o, sibship, oy, y) : meetings(sibship, o, y, oy);
                }
                if (count < bestMeetings) {
                    bestMeetings = count;
                    best = y;
                }
            }
            // Crowded past every level: further up, until clear of the bars it is near.
            for (int level = -1; !best; --level) {
                if (!clashes(usual + level * BarStagger))
                    best = usual + level * BarStagger;
            }
            if (*best != usual)
                moveBar(sibships[k], *best);
            placed.append(k);
        }
    }
}

// Every symbol and line of @p layout.
QRectF boundsOf(const GenogramLayout &layout)
{
    double left = std::numeric_limits<double>::infinity();
    double top = left;
    double right = -left;
    double bottom = -left;
    auto includePoint = [&](const QPointF &p) {
        left = std::min(left, p.x());
        top = std::min(top, p.y());
        right = std::max(right, p.x());
        bottom = std::max(bottom, p.y());
    };
    auto include = [&](const QRectF &rect) {
        includePoint(rect.topLeft());
        includePoint(rect.bottomRight());
    };
    for (const auto &place : layout.places) {
        const QPointF p = place.position;
        include(QRectF(p.x() - L::SymbolSize / 2.0, p.y() - L::SymbolSize / 2.0, L::SymbolSize,
            L::SymbolSize));
    }
    for (const auto &line : layout.partnerLines) {
        for (const QPointF &p : line.path)
            includePoint(p);
    }
    for (const auto &sibship : layout.sibships) {
        includePoint(sibship.bar.p1());
        includePoint(sibship.bar.p2());
    }
    for (const auto &connector : layout.connectors) {
        includePoint(connector.line.p1());
        includePoint(connector.line.p2());
    }
    for (const auto &household : layout.households)
        include(household.rect);
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

} // namespace

QPointF Engine::positionOf(int i) const
{
    const Node &node = m_nodes[i];
    return node.pinned ? node.pin
                       : QPointF(node.x, (node.generation + m_generationShift) * L::RowSpacing);
}

GenogramLayout Engine::geometry() const
{
    GenogramLayout layout;
    for (int i = 0; i < m_nodes.size(); ++i) {
        const Node &node = m_nodes[i];
        layout.places.insert(node.person->id,
            GenogramLayout::Place {
                positionOf(i), node.generation + m_generationShift, node.pinned });
    }

    const QSet<QPair<int, int>> hungBy = addSibships(layout, addPartnerLines(layout));
    addTwinBarsAndConnectors(layout, hungBy);
    addHouseholds(layout);
    layout.bounds = boundsOf(layout);
    return layout;
}

QHash<QPair<int, int>, GenogramLayout::PartnerLine> Engine::addPartnerLines(
    GenogramLayout &layout) const
{
    // Partner lines; a pair's hang point is that of its first partnership.
    QHash<QPair<int, int>, GenogramLayout::PartnerLine> byPair;
    for (const PartnerEdge &edge : m_partnerEdges) {
        QPointF left = positionOf(edge.a);
        QPointF right = positionOf(edge.b);
        QString leftId = m_nodes[edge.a].person->id;
        QString rightId = m_nodes[edge.b].person->id;
        if (right.x() < left.x()) {
            std::swap(left, right);
            std::swap(leftId, rightId);
        }
        GenogramLayout::PartnerLine line;
        line.relationId = edge.relationId;
        line.leftId = leftId;
        line.rightId = rightId;
        if (left.y() == right.y()) {
            int between = 0;
            for (int i = 0; i < m_nodes.size(); ++i) {
                const QPointF p = positionOf(i);
                if (p.y() == left.y() && p.x() > left.x() && p.x() < right.x())
                    ++between;
            }
            const double y = left.y() + L::SymbolSize / 2.0;
            const double drop = y + L::PartnerLineDrop + L::NestedPartnerDrop * between;
            line.path = { QPointF(left.x(), y), QPointF(left.x(), drop), QPointF(right.x(), drop),
                QPointF(right.x(), y) };
            line.hangPoint = QPointF((left.x() + right.x()) / 2.0, drop);
        } else {
            line.path = { left, right };
            line.hangPoint = (left + right) / 2.0;
        }
        byPair.insert({ edge.a, edge.b }, line);
        layout.partnerLines.append(line);
    }
    std::sort(
        layout.partnerLines.begin(), layout.partnerLines.end(), [](const auto &a, const auto &b) {
            return std::tie(a.leftId, a.rightId, a.relationId)
                < std::tie(b.leftId, b.rightId, b.relationId);
        });

    return byPair;
}

QSet<QPair<int, int>> Engine::addSibships(GenogramLayout &layout,
    const QHash<QPair<int, int>, GenogramLayout::PartnerLine> &partnerLines) const
{
    // Sibships: a family's children in one row hang from one line.
    QSet<QPair<int, int>> hungBy; // (parent, child)
    for (const Union &family : m_unions) {
        QMap<int, QVector<int>> byRow;
        for (const int child : family.children)
            byRow[m_nodes[child].generation].append(child);
        for (auto it = byRow.cbegin(); it != byRow.cend(); ++it) {
            QVector<int> children = it.value();
            std::sort(children.begin(), children.end(), [&](int a, int b) {
                return std::make_pair(positionOf(a).x(), a) < std::make_pair(positionOf(b).x(), b);
            });
            GenogramLayout::Sibship sibship;
            QVector<int> parents = family.parents;
            std::sort(parents.begin(), parents.end(), [&](int a, int b) {
                return std::make_pair(positionOf(a).x(), a) < std::make_pair(positionOf(b).x(), b);
            });
            for (const int parent : parents)
                sibship.parentIds.append(m_nodes[parent].person->id);
            if (family.parents.size() == 2) {
                const GenogramLayout::PartnerLine line
                    = partnerLines.value({ family.parents[0], family.parents[1] });
                sibship.hangPoint = line.hangPoint;
                sibship.partnerRelationId = line.relationId;
            } else {
                const QPointF p = positionOf(family.parents.first());
                sibship.hangPoint = QPointF(p.x(), p.y() + L::SymbolSize / 2.0);
            }
            const double barY = (it.key() + m_generationShift) * L::RowSpacing - L::SymbolSize / 2.0
                - L::SibshipLineRise;
            sibship.descent = QLineF(sibship.hangPoint, QPointF(sibship.hangPoint.x(), barY));
            double low = sibship.hangPoint.x();
            double high = low;
            QHash<int, double> apex; // twin group -> where their lines meet
            QHash<int, int> apexCount;
            for (const int child : children) {
                if (m_nodes[child].twinGroup >= 0) {
                    apex[m_nodes[child].twinGroup] += positionOf(child).x();
                    ++apexCount[m_nodes[child].twinGroup];
                }
            }
            for (const int child : children) {
                const Node &node = m_nodes[child];
                const QPointF p = positionOf(child);
                double startX = p.x();
                if (node.twinGroup >= 0 && apexCount.value(node.twinGroup) >= 2)
                    startX = apex.value(node.twinGroup) / apexCount.value(node.twinGroup);
                sibship.childIds.append(node.person->id);
                sibship.drops.append(
                    QLineF(QPointF(startX, barY), QPointF(p.x(), p.y() - L::SymbolSize / 2.0)));
                sibship.relationIds.append(node.parentRelations);
                low = std::min(low, startX);
                high = std::max(high, startX);
                for (const int parent : family.parents)
                    hungBy.insert({ parent, child });
            }
            sibship.bar = QLineF(low, barY, high, barY);
            double parentLow = std::numeric_limits<double>::infinity();
            double parentHigh = -parentLow;
            for (const int parent : family.parents) {
                parentLow = std::min(parentLow, positionOf(parent).x());
                parentHigh = std::max(parentHigh, positionOf(parent).x());
            }
            const double childLow = positionOf(children.first()).x();
            const double childHigh = positionOf(children.last()).x();
            constexpr double tolerance = 1e-6;
            sibship.underParents = childLow <= parentHigh + HangReach + tolerance
                && childHigh >= parentLow - HangReach - tolerance;
            layout.sibships.append(sibship);
        }
    }
    staggerBars(layout.sibships);

    return hungBy;
}

void Engine::addTwinBarsAndConnectors(
    GenogramLayout &layout, const QSet<QPair<int, int>> &hungBy) const
{
    // Twin bars, and straight lines for everything else.
    for (const GenogramRelation *relation : m_relations) {
        const int from = m_index.value(relation->fromId);
        const int to = m_index.value(relation->toId);
        switch (relation->kind()) {
        case Rel::Kind::Partner:
            break;
        case Rel::Kind::Parent:
            if (!hungBy.contains({ from, to }))
                layout.connectors.append(
                    { relation->id, QLineF(positionOf(from), positionOf(to)) });
            break;
        case Rel::Kind::Twin: {
            const Node &a = m_nodes[from];
            const Node &b = m_nodes[to];
            const bool together
                = a.twinGroup >= 0 && a.twinGroup == b.twinGroup && a.generation == b.generation;
            if (!together) {
                layout.connectors.append(
                    { relation->id, QLineF(positionOf(from), positionOf(to)) });
            } else if (relation->type == Rel::Type::IdenticalTwins) {
                // Halfway down each twin's line.
                QLineF first;
                QLineF second;
                for (const auto &sibship : layout.sibships) {
                    for (int k = 0; k < sibship.childIds.size(); ++k) {
                        if (sibship.childIds[k] == relation->fromId)
                            first = sibship.drops[k];
                        if (sibship.childIds[k] == relation->toId)
                            second = sibship.drops[k];
                    }
                }
                layout.twinBars.append(
                    { relation->id, QLineF(first.pointAt(0.5), second.pointAt(0.5)) });
            }
            break;
        }
        case Rel::Kind::Emotional:
            layout.connectors.append({ relation->id, QLineF(positionOf(from), positionOf(to)) });
            break;
        }
    }
}

void Engine::addHouseholds(GenogramLayout &layout) const
{
    QList<const GenogramHousehold *> households;
    for (const GenogramHousehold &household : m_genogram.households())
        households.append(&household);
    std::sort(households.begin(), households.end(),
        [](const auto *a, const auto *b) { return a->id < b->id; });
    for (const GenogramHousehold *household : households) {
        QRectF rect;
        for (const QString &id : household->memberIds) {
            if (!m_index.contains(id))
                continue;
            const QPointF p = positionOf(m_index.value(id));
            const QRectF symbol(p.x() - L::SymbolSize / 2.0, p.y() - L::SymbolSize / 2.0,
                L::SymbolSize, L::SymbolSize);
            rect = rect.isNull() ? symbol : rect.united(symbol);
        }
        if (rect.isNull())
            continue;
        layout.households.append({ household->id,
            rect.adjusted(-HouseholdMargin, -HouseholdMargin, HouseholdMargin, HouseholdMargin) });
    }
}

} // namespace doorstep::genogramlayout
