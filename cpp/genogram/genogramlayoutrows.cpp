// Rule 1: the row (generation) of each person.

#include "genogram/genogramlayoutengine.h"

namespace doorstep::genogramlayout
{

void Engine::assignGenerations()
{
    const int n = int(m_nodes.size());
    // Rule 1: partners (and co-parents) share a row, unless that would put someone in a
    // row with their own ancestor or descendant: such a pair is left in separate rows.
    UnionFind rows(n);
    QVector<QVector<int>> members(n);
    for (int i = 0; i < n; ++i)
        members[i] = { i };
    QVector<QVector<int>> children(n);
    for (int i = 0; i < n; ++i) {
        for (const int parent : m_nodes[i].parents)
            children[parent].append(i);
    }
    auto reaches = [&](int fromRoot, int toRoot) {
        QVector<bool> seen(n, false);
        QVector<int> todo = members[fromRoot];
        for (const int i : todo)
            seen[i] = true;
        while (!todo.isEmpty()) {
            const int current = todo.takeLast();
            if (rows.find(current) == toRoot)
                return true;
            auto visit = [&](int next) {
                if (!seen[next]) {
                    seen[next] = true;
                    todo.append(next);
                }
            };
            for (const int child : children[current])
                visit(child);
            for (const int member : members[rows.find(current)])
                visit(member);
        }
        return false;
    };
    // Co-parents first: a child's parents side by side matter more than a partner line.
    QVector<QPair<int, int>> pairs;
    for (const PartnerEdge &edge : m_partnerEdges) {
        if (edge.key.implicit)
            pairs.append({ edge.a, edge.b });
    }
    for (const Union &family : m_unions) {
        if (family.parents.size() == 2)
            pairs.append({ family.parents[0], family.parents[1] });
    }
    for (const PartnerEdge &edge : m_partnerEdges) {
        if (!edge.key.implicit)
            pairs.append({ edge.a, edge.b });
    }
    for (const auto &[a, b] : pairs) {
        const int ra = rows.find(a);
        const int rb = rows.find(b);
        if (ra == rb || reaches(ra, rb) || reaches(rb, ra))
            continue;
        rows.unite(ra, rb);
        const int root = rows.find(ra);
        const int other = root == ra ? rb : ra;
        members[root] += members[other];
        members[other].clear();
    }

    // Longest path down from the people with no parents, over groups sharing a row.
    QVector<int> root(n);
    for (int i = 0; i < n; ++i)
        root[i] = rows.find(i);
    QVector<QVector<int>> successors(n);
    QVector<QVector<int>> predecessors(n);
    for (int i = 0; i < n; ++i) {
        for (const int parent : m_nodes[i].parents) {
            successors[root[parent]].append(root[i]);
            predecessors[root[i]].append(root[parent]);
        }
    }
    QVector<int> indegree(n, 0);
    QVector<int> groups;
    for (int i = 0; i < n; ++i) {
        if (root[i] == i) {
            groups.append(i);
            indegree[i] = int(predecessors[i].size());
        }
    }
    // Kahn's algorithm, smallest index first.
    QVector<int> ready;
    for (const int g : groups) {
        if (indegree[g] == 0)
            ready.append(g);
    }
    QVector<int> topological;
    while (!ready.isEmpty()) {
        const auto smallest = std::min_element(ready.begin(), ready.end());
        const int g = *smallest;
        ready.erase(smallest);
        topological.append(g);
        for (const int next : successors[g]) {
            if (--indegree[next] == 0)
                ready.append(next);
        }
    }
    Q_ASSERT(topological.size() == groups.size());
    // Longest path down: everyone as high as their parents allow.
    QVector<int> generation(n, 0);
    for (const int g : topological) {
        for (const int next : successors[g])
            generation[next] = std::max(generation[next], generation[g] + 1);
    }
    // Then each group with no parents (an in-law's parents, say) comes down, with the part
    // of the family that hangs only from it, until its lines to the rest are one row long:
    // in-laws' parents stand just above the in-law, not in the oldest row. Groups only
    // move down and never past a child, so this ends.
    QVector<bool> owned(n, false);
    for (bool changed = true; changed;) {
        changed = false;
        for (const int g : topological) {
            if (!predecessors[g].isEmpty() || successors[g].isEmpty())
                continue;
            // What hangs only from g: every parent in the set already.
            QVector<int> part { g };
            owned.fill(false);
            owned[g] = true;
            for (const int h : topological) {
                if (owned[h] || predecessors[h].isEmpty())
                    continue;
                const bool mine = std::all_of(predecessors[h].cbegin(), predecessors[h].cend(),
                    [&owned](int p) { return owned[p]; });
                if (mine) {
                    owned[h] = true;
                    part.append(h);
                }
            }
            int slack = INT_MAX;
            for (const int h : part) {
                for (const int next : successors[h]) {
                    if (!owned[next])
                        slack = std::min(slack, generation[next] - generation[h] - 1);
                }
            }
            if (slack == INT_MAX || slack <= 0)
                continue;
            for (const int h : part)
                generation[h] += slack;
            changed = true;
        }
    }

    // Groups with no parent-child links at all take a row from another line of theirs.
    QVector<bool> settled(n, false);
    for (const int g : groups)
        settled[g] = !predecessors[g].isEmpty() || !successors[g].isEmpty();
    for (bool changed = true; changed;) {
        changed = false;
        for (const GenogramRelation *relation : m_relations) {
            const int from = root[m_index.value(relation->fromId)];
            const int to = root[m_index.value(relation->toId)];
            if (settled[from] == settled[to])
                continue;
            const bool parentLine = relation->kind() == Rel::Kind::Parent;
            if (!settled[from]) {
                generation[from] = generation[to] - (parentLine ? 1 : 0);
                settled[from] = true;
            } else {
                generation[to] = generation[from] + (parentLine ? 1 : 0);
                settled[to] = true;
            }
            changed = true;
        }
    }
    int indexGeneration = 0;
    for (int i = 0; i < n; ++i) {
        if (m_nodes[i].person->isIndex && settled[root[i]]) {
            indexGeneration = generation[root[i]];
            break;
        }
    }
    for (const int g : groups) {
        if (!settled[g])
            generation[g] = indexGeneration;
    }

    int top = INT_MAX;
    for (int i = 0; i < n; ++i)
        top = std::min(top, generation[root[i]]);
    for (int i = 0; i < n; ++i)
        m_nodes[i].generation = generation[root[i]] - top;

    if (m_stable)
        keepPreviousRows();
}

} // namespace doorstep::genogramlayout
