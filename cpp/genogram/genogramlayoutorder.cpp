// The order of each row (rule 3): few line crossings, birth order, twins together.

#include "genogram/genogramlayoutengine.h"

#include <QMap>

namespace doorstep::genogramlayout
{

namespace
{

// Enough for the families a practitioner draws (tens of people) to settle; more sweeps
// rarely find fewer crossings or better centring.
constexpr int OrderSweeps = 6;
constexpr int SiftRounds = 3;

} // namespace

Engine::Order Engine::order() const
{
    Order saved { m_rows, {} };
    for (const Block &block : m_blocks)
        saved.reversed.append(block.reversed);
    return saved;
}

void Engine::restoreOrder(const Order &saved)
{
    m_rows = saved.rows;
    for (int b = 0; b < m_blocks.size(); ++b)
        m_blocks[b].reversed = saved.reversed[b];
    for (int row = 0; row < m_rows.size(); ++row)
        refreshPositions(row);
}

void Engine::refreshPositions(int row)
{
    int position = 0;
    for (const int b : m_rows[row]) {
        for (const int i : m_blocks[b].members())
            m_nodes[i].position = position++;
    }
}

void Engine::sortRow(int row, const std::function<std::optional<double>(int block)> &keyOf)
{
    // Blocks with a key are sorted by it into the slots of their family; blocks without
    // one keep their slot. Families stay in their rank order.
    QVector<int> &blocks = m_rows[row];
    std::stable_sort(blocks.begin(), blocks.end(),
        [this](int a, int b) { return m_blocks[a].component < m_blocks[b].component; });
    for (int start = 0; start < blocks.size();) {
        int end = start;
        while (end < blocks.size()
            && m_blocks[blocks[end]].component == m_blocks[blocks[start]].component)
            ++end;
        QVector<int> slots;
        QVector<std::pair<double, int>> keyed;
        for (int s = start; s < end; ++s) {
            if (const auto key = keyOf(blocks[s])) {
                slots.append(s);
                keyed.append({ *key, blocks[s] });
            }
        }
        std::stable_sort(keyed.begin(), keyed.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
        for (int k = 0; k < slots.size(); ++k)
            blocks[slots[k]] = keyed[k].second;
        start = end;
    }
    refreshPositions(row);
}

int Engine::familyOfBlock(int block) const
{
    // The family whose children the block holds (with their partners): -1 when it holds
    // none, -2 when children of several.
    int family = -1;
    for (const int i : m_blocks[block].canonical) {
        const int u = m_nodes[i].parentUnion;
        if (u < 0)
            continue;
        if (family >= 0 && family != u)
            return -2;
        family = u;
    }
    return family;
}

int Engine::birthRankIn(int block, int family) const
{
    // The eldest of the family's children in the block.
    int rank = INT_MAX;
    for (const int i : m_blocks[block].canonical) {
        if (m_nodes[i].parentUnion == family)
            rank = std::min(rank, m_nodes[i].birthRank);
    }
    return rank;
}

void Engine::sortRowKeepingRules(int row, const std::function<std::optional<double>(int)> &keyOf)
{
    // Sorting by a key may undo rule 3: birth order and twins are put back, and each
    // block turned the way that suits its new neighbours.
    sortRow(row, keyOf);
    keepBirthOrder(row);
    keepTwinsTogether(row);
    orient(row);
}

void Engine::keepBirthOrder(int row)
{
    // Blocks holding only children of one family (and their partners) are put back in
    // that family's birth order, in the slots they already take.
    QVector<int> &blocks = m_rows[row];
    QMap<int, QVector<int>> slotsOf; // family -> slots
    for (int s = 0; s < blocks.size(); ++s) {
        const int family = familyOfBlock(blocks[s]);
        if (family >= 0)
            slotsOf[family].append(s);
    }
    for (auto it = slotsOf.cbegin(); it != slotsOf.cend(); ++it) {
        QVector<int> chosen;
        for (const int s : it.value())
            chosen.append(blocks[s]);
        std::stable_sort(chosen.begin(), chosen.end(),
            [&](int a, int b) { return birthRankIn(a, it.key()) < birthRankIn(b, it.key()); });
        for (int k = 0; k < chosen.size(); ++k)
            blocks[it.value()[k]] = chosen[k];
    }
    refreshPositions(row);
}

void Engine::keepTwinsTogether(int row)
{
    // Nobody but their partners stands between twins: blocks between them move out, to
    // the nearer side.
    QVector<int> &blocks = m_rows[row];
    QMap<int, QVector<int>> slotsOf; // twin group -> slots of blocks holding its twins
    for (int s = 0; s < blocks.size(); ++s) {
        for (const int i : m_blocks[blocks[s]].canonical) {
            const int group = m_nodes[i].twinGroup;
            if (group >= 0 && !slotsOf[group].contains(s))
                slotsOf[group].append(s);
        }
    }
    for (auto it = slotsOf.cbegin(); it != slotsOf.cend(); ++it) {
        // Slots may have moved with an earlier group: find the twins' blocks again.
        QVector<int> twinSlots;
        for (int s = 0; s < blocks.size(); ++s) {
            for (const int i : m_blocks[blocks[s]].canonical) {
                if (m_nodes[i].twinGroup == it.key() && !twinSlots.contains(s))
                    twinSlots.append(s);
            }
        }
        if (twinSlots.size() < 2)
            continue;
        const int first = twinSlots.first();
        const int last = twinSlots.last();
        QVector<int> before;
        QVector<int> twinsAndAfter;
        QVector<int> after;
        for (int s = first + 1; s < last; ++s) {
            if (twinSlots.contains(s))
                continue;
            (s - first <= last - s ? before : after).append(blocks[s]);
        }
        if (before.isEmpty() && after.isEmpty())
            continue;
        QVector<int> rebuilt = blocks.mid(0, first);
        rebuilt += before;
        for (const int s : twinSlots)
            rebuilt.append(blocks[s]);
        rebuilt += after;
        rebuilt += blocks.mid(last + 1);
        blocks = rebuilt;
    }
    refreshPositions(row);
}

bool Engine::twinsTogether(int row) const
{
    // No one but a twin's own partners between twins (rule 3).
    QVector<int> order;
    for (const int b : m_rows[row])
        order += m_blocks[b].members();
    for (int k = 0; k < order.size(); ++k) {
        const Node &twin = m_nodes[order[k]];
        if (twin.twinGroup < 0)
            continue;
        for (int l = k + 1; l < order.size(); ++l) {
            if (m_nodes[order[l]].twinGroup != twin.twinGroup)
                continue;
            auto partnerOf = [this](int a, int b) {
                for (const int e : m_nodes[a].partnerEdges) {
                    if (m_partnerEdges[e].a == b || m_partnerEdges[e].b == b)
                        return true;
                }
                return false;
            };
            for (int m = k + 1; m < l; ++m) {
                if (!partnerOf(order[m], order[k]) && !partnerOf(order[m], order[l]))
                    return false;
            }
        }
    }
    return true;
}

QVector<bool> Engine::allowedPlaces(const QVector<int> &rest, int block) const
{
    // Where in a row (without it) a block may go, as "before rest[p]" for p up to
    // rest.size(): within its family's segment, not past another block of its parents'
    // children out of birth order, and not between twins unless it holds one of them.
    const int family = familyOfBlock(block);
    int lo = 0;
    int hi = int(rest.size());
    for (int k = 0; k < rest.size(); ++k) {
        const int y = rest[k];
        if (m_blocks[y].component < m_blocks[block].component)
            lo = std::max(lo, k + 1);
        if (m_blocks[y].component > m_blocks[block].component)
            hi = std::min(hi, k);
        if (family >= 0 && familyOfBlock(y) == family) {
            if (birthRankIn(y, family) < birthRankIn(block, family))
                lo = std::max(lo, k + 1);
            else
                hi = std::min(hi, k);
        }
    }
    QVector<bool> allowed(rest.size() + 1, false);
    for (int p = lo; p <= hi; ++p)
        allowed[p] = true;
    QMap<int, std::pair<int, int>> twinSpans; // group -> first and last block holding one
    QSet<int> own;
    for (const int i : m_blocks[block].canonical) {
        if (m_nodes[i].twinGroup >= 0)
            own.insert(m_nodes[i].twinGroup);
    }
    for (int k = 0; k < rest.size(); ++k) {
        for (const int i : m_blocks[rest[k]].canonical) {
            const int group = m_nodes[i].twinGroup;
            if (group < 0 || own.contains(group))
                continue;
            auto span = twinSpans.find(group);
            if (span == twinSpans.end())
                twinSpans.insert(group, { k, k });
            else
                span->second = k;
        }
    }
    for (const auto &[first, last] : twinSpans) {
        for (int p = first + 1; p <= last; ++p)
            allowed[p] = false;
    }
    // A twin's block goes next to their twin's.
    for (const int group : own) {
        int first = -1;
        int last = -1;
        for (int k = 0; k < rest.size(); ++k) {
            for (const int i : m_blocks[rest[k]].canonical) {
                if (m_nodes[i].twinGroup == group) {
                    first = first < 0 ? k : first;
                    last = k;
                }
            }
        }
        if (first < 0)
            continue;
        for (int p = 0; p < allowed.size(); ++p) {
            if (p != first && p != last + 1)
                allowed[p] = false;
        }
    }
    return allowed;
}

void Engine::sift(int row)
{
    QVector<int> &blocks = m_rows[row];
    const int count = int(blocks.size());
    if (count < 2)
        return;
    // Where each block's lines end in the rows above and below.
    QHash<int, QVector<double>> ups;
    QHash<int, QVector<double>> downs;
    for (const int b : blocks) {
        for (const int i : m_blocks[b].canonical) {
            const int u = m_nodes[i].parentUnion;
            if (u >= 0) {
                double anchor = 0.0;
                bool above = true;
                for (const int parent : m_unions[u].parents) {
                    above = above && m_nodes[parent].generation == row - 1;
                    anchor += m_nodes[parent].position;
                }
                if (above)
                    ups[b].append(anchor / m_unions[u].parents.size());
            }
            for (const int family : m_nodes[i].unions) {
                if (m_unions[family].parents.first() != i
                    && m_nodes[m_unions[family].parents.first()].block == b)
                    continue; // counted once
                for (const int child : m_unions[family].children) {
                    if (m_nodes[child].generation == row + 1)
                        downs[b].append(m_nodes[child].position);
                }
            }
        }
    }
    // cost(a, b): crossings between a's lines and b's when a stands left of b.
    auto inversions = [](const QVector<double> &left, const QVector<double> &right) {
        int n = 0;
        for (const double l : left) {
            for (const double r : right)
                n += l > r ? 1 : 0;
        }
        return n;
    };
    const QVector<int> moving = blocks;
    QVector<int> slotOf(m_blocks.size(), -1); // block -> its index in moving
    for (int k = 0; k < count; ++k)
        slotOf[moving[k]] = k;
    QVector<int> costs(count * count, 0);
    for (int k = 0; k < count; ++k) {
        const QVector<double> kUps = ups.value(moving[k]);
        const QVector<double> kDowns = downs.value(moving[k]);
        for (int l = 0; l < count; ++l) {
            if (l != k)
                costs[k * count + l] = inversions(kUps, ups.value(moving[l]))
                    + inversions(kDowns, downs.value(moving[l]));
        }
    }
    auto cost = [&](int left, int right) { return costs[slotOf[left] * count + slotOf[right]]; };
    for (const int x : moving) {
        const int from = int(blocks.indexOf(x));
        QVector<int> rest = blocks;
        rest.removeAt(from);
        const QVector<bool> allowed = allowedPlaces(rest, x);
        // Cost of x at place p: everyone before p is left of x.
        int current = 0;
        for (int k = 0; k < rest.size(); ++k)
            current += cost(x, rest[k]);
        int best = from;
        int bestCost = INT_MAX;
        int keepCost = INT_MAX;
        for (int p = 0; p < allowed.size(); ++p) {
            if (p > 0)
                current += cost(rest[p - 1], x) - cost(x, rest[p - 1]);
            if (p == from)
                keepCost = current;
            if (allowed[p] && current < bestCost) {
                bestCost = current;
                best = p;
            }
        }
        // Stay put unless moving crosses fewer lines.
        if (keepCost <= bestCost)
            best = from;
        rest.insert(best, x);
        blocks = rest;
    }
    refreshPositions(row);
    keepTwinsTogether(row);
    orient(row);
}

int Engine::crossings() const
{
    // Lines from a family's parents (their mean position) to each child in the next row
    // cross when their ends are in opposite orders.
    int total = 0;
    for (int row = 0; row + 1 < m_rows.size(); ++row) {
        QVector<std::pair<double, int>> lines;
        for (const Union &family : m_unions) {
            double anchor = 0.0;
            bool inRow = true;
            for (const int parent : family.parents) {
                inRow = inRow && m_nodes[parent].generation == row;
                anchor += m_nodes[parent].position;
            }
            if (!inRow)
                continue;
            anchor /= family.parents.size();
            for (const int child : family.children) {
                if (m_nodes[child].generation == row + 1)
                    lines.append({ anchor, m_nodes[child].position });
            }
        }
        for (int i = 0; i < lines.size(); ++i) {
            for (int j = i + 1; j < lines.size(); ++j) {
                if ((lines[i].first - lines[j].first) * (lines[i].second - lines[j].second) < 0)
                    ++total;
            }
        }
    }
    return total;
}

void Engine::orderRows()
{
    // A first order by walking each family depth first from its top: partners, then
    // children in birth order, then parents.
    const int n = int(m_nodes.size());
    QVector<int> visit(n, -1);
    int counter = 0;
    QVector<int> starts(n);
    std::iota(starts.begin(), starts.end(), 0);
    std::stable_sort(starts.begin(), starts.end(), [this](int a, int b) {
        return std::make_tuple(m_nodes[a].component, m_nodes[a].generation, a)
            < std::make_tuple(m_nodes[b].component, m_nodes[b].generation, b);
    });
    for (const int start : starts) {
        if (visit[start] >= 0)
            continue;
        QVector<int> stack { start };
        while (!stack.isEmpty()) {
            const int current = stack.takeLast();
            if (visit[current] >= 0)
                continue;
            visit[current] = counter++;
            QVector<int> next;
            for (const int e : m_nodes[current].partnerEdges) {
                const PartnerEdge &edge = m_partnerEdges[e];
                next.append(edge.a == current ? edge.b : edge.a);
            }
            for (const int u : m_nodes[current].unions)
                next += m_unions[u].children;
            next += m_nodes[current].parents;
            next += m_nodes[current].links;
            // The stack takes the last first.
            for (auto it = next.crbegin(); it != next.crend(); ++it) {
                if (visit[*it] < 0)
                    stack.append(*it);
            }
        }
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        sortRowKeepingRules(row, [&](int b) -> std::optional<double> {
            int first = INT_MAX;
            for (const int i : m_blocks[b].canonical)
                first = std::min(first, visit[i]);
            return double(first);
        });
    }

    std::optional<Order> best;
    int bestCrossings = INT_MAX;

    auto mean = [](const QVector<double> &values) -> std::optional<double> {
        if (values.isEmpty())
            return std::nullopt;
        return std::accumulate(values.cbegin(), values.cend(), 0.0) / values.size();
    };
    // A block hanging from no one and with no children follows whoever it is linked to.
    auto linkKey = [&](int b) -> std::optional<double> {
        QVector<double> positions;
        for (const int i : m_blocks[b].canonical) {
            if (m_nodes[i].parentUnion >= 0 || !m_nodes[i].unions.isEmpty())
                return std::nullopt;
            for (const int other : m_nodes[i].links)
                positions.append(m_nodes[other].position);
        }
        return mean(positions);
    };
    auto downKey = [&](int b) -> std::optional<double> {
        double sum = 0.0;
        double total = 0.0;
        for (const int i : m_blocks[b].canonical) {
            const int u = m_nodes[i].parentUnion;
            if (u < 0)
                continue;
            double anchor = 0.0;
            bool rooted = false;
            for (const int parent : m_unions[u].parents) {
                anchor += m_nodes[parent].position;
                rooted = rooted || m_nodes[parent].parentUnion >= 0;
            }
            anchor = anchor / m_unions[u].parents.size()
                + 1e-3 * m_nodes[i].birthRank / (1.0 + m_unions[u].children.size());
            // Parents who have no parents here (an in-law's) follow their child going up;
            // going down, the couple follows the other partner's family.
            const double weight = rooted ? 1.0 : 0.1;
            sum += weight * anchor;
            total += weight;
        }
        if (total == 0.0)
            return linkKey(b);
        return std::optional<double>(sum / total);
    };
    auto childrenKey = [&](int b) {
        QVector<double> anchors;
        for (const int i : m_blocks[b].canonical) {
            for (const int u : m_nodes[i].unions) {
                QVector<double> positions;
                for (const int child : m_unions[u].children)
                    positions.append(m_nodes[child].position);
                if (const auto m = mean(positions))
                    anchors.append(*m);
            }
        }
        return mean(anchors);
    };
    // Going up, a block with no children keeps next to its siblings, by birth order.
    auto upKey = [&](int b) -> std::optional<double> {
        if (const auto key = childrenKey(b))
            return key;
        QVector<double> keys;
        for (const int i : m_blocks[b].canonical) {
            const int u = m_nodes[i].parentUnion;
            if (u < 0)
                continue;
            for (const int sibling : m_unions[u].children) {
                const int other = m_nodes[sibling].block;
                if (other == b || m_nodes[sibling].generation != m_nodes[i].generation)
                    continue;
                if (const auto key = childrenKey(other))
                    keys.append(*key + 1e-3 * (m_nodes[i].birthRank - m_nodes[sibling].birthRank));
            }
        }
        return keys.isEmpty() ? linkKey(b) : mean(keys);
    };

    // Only orders just after a sweep down are kept: each row then follows the order of
    // the families above it, so no family's children stand wholly on the wrong side of
    // another's, which rule 4 could not place.
    for (int sweep = 0; sweep < OrderSweeps && bestCrossings > 0; ++sweep) {
        if (sweep > 0) {
            for (int row = int(m_rows.size()) - 2; row >= 0; --row) {
                sortRowKeepingRules(row, upKey);
            }
        }
        for (int row = 1; row < m_rows.size(); ++row) {
            sortRowKeepingRules(row, downKey);
        }
        if (const int c = crossings(); c < bestCrossings) {
            bestCrossings = c;
            best = order();
        }
    }
    restoreOrder(*best);

    // Then each block in turn moves to the place in its row with the fewest crossings,
    // row by row down and up, while that helps.
    for (int round = 0; round < SiftRounds && bestCrossings > 0; ++round) {
        for (int row = 0; row < m_rows.size(); ++row)
            sift(row);
        for (int row = int(m_rows.size()) - 1; row >= 0; --row)
            sift(row);
        const int c = crossings();
        if (c >= bestCrossings)
            break;
        bestCrossings = c;
        best = order();
    }
    restoreOrder(*best);
}

} // namespace doorstep::genogramlayout
