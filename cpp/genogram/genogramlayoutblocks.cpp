// Blocks: partners side by side in a row (rule 3), which way round each block is drawn,
// and how wide it must be for its families' children to stand under them (rule 4).

#include "genogram/genogramlayoutengine.h"

#include <QMap>
#include <cmath>
#include <deque>
#include <limits>

namespace doorstep::genogramlayout
{

void Engine::buildBlocks()
{
    const int n = int(m_nodes.size());
    // Families (connected by any line but emotional ones) stand side by side.
    UnionFind families(n);
    for (const Node &node : m_nodes) {
        for (const int parent : node.parents)
            families.unite(parent, m_index.value(node.person->id));
    }
    for (const PartnerEdge &edge : m_partnerEdges)
        families.unite(edge.a, edge.b);
    for (const GenogramRelation *relation : m_relations) {
        if (relation->kind() != Rel::Kind::Emotional)
            families.unite(m_index.value(relation->fromId), m_index.value(relation->toId));
    }
    // Rank: the index person's family first, then larger families, then id; with a
    // previous layout, where the family stood.
    struct FamilyKey {
        double previousLeft = std::numeric_limits<double>::infinity();
        int withoutIndex = 1;
        int size = 0;
    };
    QMap<int, FamilyKey> rankKey;
    for (int i = 0; i < n; ++i) {
        FamilyKey &key = rankKey[families.find(i)];
        if (m_nodes[i].previous)
            key.previousLeft = std::min(key.previousLeft, m_nodes[i].previousX);
        if (m_nodes[i].person->isIndex)
            key.withoutIndex = 0;
        ++key.size;
    }
    QVector<int> familyOrder = rankKey.keys().toVector();
    std::sort(familyOrder.begin(), familyOrder.end(), [&](int a, int b) {
        const FamilyKey &ka = rankKey[a];
        const FamilyKey &kb = rankKey[b];
        if (m_stable && ka.previousLeft != kb.previousLeft)
            return ka.previousLeft < kb.previousLeft;
        return std::make_tuple(ka.withoutIndex, -ka.size, a)
            < std::make_tuple(kb.withoutIndex, -kb.size, b);
    });
    QHash<int, int> familyRank;
    for (int r = 0; r < familyOrder.size(); ++r)
        familyRank.insert(familyOrder[r], r);
    for (int i = 0; i < n; ++i)
        m_nodes[i].component = familyRank.value(families.find(i));

    // Blocks: people joined by partner lines within a row.
    UnionFind partners(n);
    for (const PartnerEdge &edge : m_partnerEdges) {
        if (m_nodes[edge.a].generation == m_nodes[edge.b].generation)
            partners.unite(edge.a, edge.b);
    }
    QMap<int, QVector<int>> blockMembers;
    for (int i = 0; i < n; ++i)
        blockMembers[partners.find(i)].append(i);
    int maxRow = 0;
    for (const Node &node : m_nodes)
        maxRow = std::max(maxRow, node.generation);
    m_rows.resize(maxRow + 1);
    for (auto it = blockMembers.cbegin(); it != blockMembers.cend(); ++it) {
        const QVector<int> &group = it.value();
        // Rule 3: the person with most partners in the middle, partners alternately on
        // the left and right in partnership order, each one's own other partners beyond.
        auto partnersIn = [&](int i) {
            QVector<int> result;
            for (const int e : m_nodes[i].partnerEdges) {
                const PartnerEdge &edge = m_partnerEdges[e];
                const int other = edge.a == i ? edge.b : edge.a;
                if (m_nodes[other].generation == m_nodes[i].generation && !result.contains(other))
                    result.append(other); // partnerEdges are in partnership order
            }
            return result;
        };
        int hub = group.first();
        for (const int i : group) {
            if (partnersIn(i).size() > partnersIn(hub).size())
                hub = i;
        }
        std::deque<int> sequence { hub };
        QHash<int, int> side { { hub, 0 } }; // -1 left, 1 right
        QVector<int> queue { hub };
        for (int q = 0; q < queue.size(); ++q) {
            const int current = queue[q];
            int turn = 0;
            for (const int other : partnersIn(current)) {
                if (side.contains(other))
                    continue;
                int s = side.value(current);
                if (s == 0)
                    s = (turn++ % 2 == 0) ? -1 : 1;
                side.insert(other, s);
                if (s < 0)
                    sequence.push_front(other);
                else
                    sequence.push_back(other);
                queue.append(other);
            }
        }
        Block block;
        block.canonical = QVector<int>(sequence.cbegin(), sequence.cend());
        block.gaps = QVector<double>(block.canonical.size() - 1, L::PersonSpacing);
        block.row = m_nodes[group.first()].generation;
        block.component = m_nodes[group.first()].component;
        const int b = int(m_blocks.size());
        for (const int i : block.canonical)
            m_nodes[i].block = b;
        m_blocks.append(block);
        m_rows[block.row].append(b);
    }
}

void Engine::orient(int row)
{
    // Each block is drawn one way round or the other: the way that puts each member nearer
    // their own siblings and each couple nearer their own children; else a man on the
    // left of a woman; else as built. With a previous layout, as people stood before.
    for (const int b : m_rows[row]) {
        Block &block = m_blocks[b];
        if (block.canonical.size() < 2)
            continue;
        const int size = int(block.canonical.size());
        const int start = m_nodes[block.members().first()].position;
        const int end = start + size - 1;
        // Adds to @p score how much what members are drawn to (pairs of place in the block
        // and where that is in the row) lies further right the further right they stand.
        auto addLeaning = [](double &score, const QVector<std::pair<double, double>> &pulls) {
            if (pulls.size() < 2)
                return;
            double average = 0.0;
            for (const auto &pull : pulls)
                average += pull.second;
            average /= pulls.size();
            for (const auto &pull : pulls)
                score += pull.first * (pull.second - average);
        };
        auto score = [&](const QVector<int> &seq) {
            double twins = 0.0; // a twin faces their twin before anything else
            double structure = 0.0;
            double previous = 0.0;
            double convention = 0.0;
            for (int k = 0; k < seq.size(); ++k) {
                const Node &node = m_nodes[seq[k]];
                if (node.parentUnion >= 0) {
                    int balance = 0;
                    int twinBalance = 0;
                    for (const int sibling : m_unions[node.parentUnion].children) {
                        const Node &other = m_nodes[sibling];
                        if (other.generation != row || other.block == b)
                            continue;
                        const int side
                            = other.position > end ? 1 : (other.position < start ? -1 : 0);
                        if (node.twinGroup >= 0 && other.twinGroup == node.twinGroup)
                            twinBalance += side;
                        balance += side;
                    }
                    structure += k * balance;
                    twins += k * twinBalance;
                }
                for (int l = k + 1; l < seq.size(); ++l) {
                    const Node &other = m_nodes[seq[l]];
                    if (node.previous && other.previous)
                        previous += node.previousX < other.previousX ? 1 : -1;
                }
                if (k + 1 < seq.size()) {
                    const auto g1 = node.person->gender;
                    const auto g2 = m_nodes[seq[k + 1]].person->gender;
                    using G = GenogramPerson::Gender;
                    if (g1 == G::Male && g2 == G::Female)
                        convention += 1;
                    else if (g1 == G::Female && g2 == G::Male)
                        convention -= 1;
                }
            }
            // Members nearer their own parents: where each one's parents stand against the
            // others'.
            QVector<std::pair<double, double>> members; // (place in block, parents' place)
            for (int k = 0; k < seq.size(); ++k) {
                const int u = m_nodes[seq[k]].parentUnion;
                if (u < 0)
                    continue;
                double anchor = 0.0;
                for (const int parent : m_unions[u].parents)
                    anchor += m_nodes[parent].position;
                members.append({ double(k), anchor / m_unions[u].parents.size() });
            }
            addLeaning(structure, members);
            // Couples nearer their children: the mean position of each couple's children
            // against where the couple sits in the block.
            QVector<std::pair<double, double>> couples; // (place in block, children's mean)
            for (int k = 0; k < seq.size(); ++k) {
                for (const int u : m_nodes[seq[k]].unions) {
                    const Union &family = m_unions[u];
                    if (family.parents.first() != seq[k] && family.parents.size() == 2
                        && seq.contains(family.parents.first()))
                        continue; // counted from the first parent
                    double place = 0.0;
                    for (const int parent : family.parents)
                        place += std::max(0, int(seq.indexOf(parent)));
                    place /= family.parents.size();
                    double mean = 0.0;
                    for (const int child : family.children)
                        mean += m_nodes[child].position;
                    if (!family.children.isEmpty())
                        couples.append({ place, mean / family.children.size() });
                }
            }
            addLeaning(structure, couples);
            return std::make_tuple(previous, twins, structure, convention);
        };
        QVector<int> forward = block.canonical;
        QVector<int> backward = forward;
        std::reverse(backward.begin(), backward.end());
        const auto f = score(forward);
        const auto r = score(backward);
        bool reversed = false;
        if (std::abs(std::get<0>(f) - std::get<0>(r)) > 1e-9)
            reversed = std::get<0>(r) > std::get<0>(f);
        else if (std::abs(std::get<1>(f) - std::get<1>(r)) > 1e-9)
            reversed = std::get<1>(r) > std::get<1>(f);
        else if (std::abs(std::get<2>(f) - std::get<2>(r)) > 1e-9)
            reversed = std::get<2>(r) > std::get<2>(f);
        else if (std::abs(std::get<3>(f) - std::get<3>(r)) > 1e-9)
            reversed = std::get<3>(r) > std::get<3>(f);
        block.reversed = reversed;
    }
    refreshPositions(row);
}

void Engine::stretchBlocks()
{
    // Rule 4 needs each family's children to stand at least partly under the parents. In
    // a block like [A P B] with P's own child hanging from P alone between the children of
    // A and P and those of P and B, the middle family needs room: the gap left of its
    // right-hand parent grows until its children fit, packed as they are in the row below.
    for (Block &block : m_blocks)
        std::fill(block.gaps.begin(), block.gaps.end(), L::PersonSpacing);
    for (int row = 0; row + 1 < m_rows.size(); ++row) {
        QHash<int, double> packed;
        {
            double x = 0.0;
            int last = -1;
            for (const int b : m_rows[row + 1]) {
                for (const int i : m_blocks[b].members()) {
                    if (last >= 0)
                        x += separation(last, i);
                    packed.insert(i, x);
                    last = i;
                }
            }
        }
        for (const int b : m_rows[row]) {
            Block &block = m_blocks[b];
            if (block.canonical.size() < 2)
                continue;
            struct Group {
                double first;
                double last;
                int family;
            };
            QVector<Group> groups;
            for (const int i : block.canonical) {
                for (const int u : m_nodes[i].unions) {
                    const Union &family = m_unions[u];
                    if (family.parents.first() != i
                        && block.canonical.contains(family.parents.first()))
                        continue; // counted once, from its first parent
                    bool inBlock = true;
                    for (const int parent : family.parents)
                        inBlock = inBlock && block.canonical.contains(parent);
                    double first = std::numeric_limits<double>::infinity();
                    double last = -first;
                    for (const int child : family.children) {
                        if (packed.contains(child)) {
                            first = std::min(first, packed.value(child));
                            last = std::max(last, packed.value(child));
                        }
                    }
                    if (inBlock && first <= last)
                        groups.append({ first, last, u });
                }
            }
            if (groups.size() < 2)
                continue;
            std::sort(groups.begin(), groups.end(), [](const Group &a, const Group &c) {
                return std::tie(a.first, a.family) < std::tie(c.first, c.family);
            });
            const QVector<int> seq = block.members();
            auto place = [&](int i) {
                const QVector<double> offsets = block.offsets();
                return offsets[seq.indexOf(i)];
            };
            double previousLast = -std::numeric_limits<double>::infinity();
            double previousPacked = 0.0;
            for (const Group &group : groups) {
                int rightParent = m_unions[group.family].parents.first();
                double left = place(rightParent);
                double right = left;
                for (const int parent : m_unions[group.family].parents) {
                    left = std::min(left, place(parent));
                    if (place(parent) > right) {
                        right = place(parent);
                        rightParent = parent;
                    }
                }
                const double width = group.last - group.first;
                double first = left - HangReach - width;
                if (previousLast > -std::numeric_limits<double>::infinity())
                    first = std::max(first, previousLast + (group.first - previousPacked));
                const int index = int(seq.indexOf(rightParent));
                const double deficit = first - (right + HangReach);
                if (deficit > 0.0 && index > 0) {
                    // Widen the gap just left of the right-hand parent (in canonical terms).
                    const int gap = block.reversed ? int(seq.size()) - 1 - index : index - 1;
                    block.gaps[gap] += deficit;
                }
                previousLast = first + width;
                previousPacked = group.last;
            }
        }
    }
    if (m_stable)
        keepPreviousWidths();
}

} // namespace doorstep::genogramlayout
