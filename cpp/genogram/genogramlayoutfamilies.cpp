// The genogram read into the layout's terms: people in id order, which parents each child
// hangs from (rule 2), partnerships, links and twins, and each family's birth order.

#include "genogram/genogramlayoutengine.h"

#include <QMap>

namespace doorstep::genogramlayout
{

namespace
{

// Parents a child hangs from, most preferred kind first (rule 2).
int parentPreference(Rel::Type type)
{
    switch (type) {
    case Rel::Type::Adopted:
        return 0;
    case Rel::Type::Biological:
        return 1;
    case Rel::Type::Foster:
        return 2;
    default:
        return 3;
    }
}

} // namespace

void Engine::buildNodes()
{
    // Everything is indexed in id order, never in the order records came in.
    QList<const GenogramPerson *> people;
    for (const GenogramPerson &person : m_genogram.people())
        people.append(&person);
    std::sort(people.begin(), people.end(),
        [](const GenogramPerson *a, const GenogramPerson *b) { return a->id < b->id; });
    for (const GenogramPerson *person : people) {
        Node node;
        node.person = person;
        if (person->pinned) {
            node.pinned = true;
            node.pin = *person->pinned;
            m_hasPins = true;
        }
        m_index.insert(person->id, int(m_nodes.size()));
        m_nodes.append(node);
    }

    for (const GenogramRelation &relation : m_genogram.relations()) {
        if (relation.isShown() && m_index.contains(relation.fromId)
            && m_index.contains(relation.toId))
            m_relations.append(&relation);
    }
    std::sort(m_relations.begin(), m_relations.end(),
        [](const GenogramRelation *a, const GenogramRelation *b) { return a->id < b->id; });

    // Rule 2: the parents each child hangs from.
    QVector<QVector<const GenogramRelation *>> parentLines(m_nodes.size());
    for (const GenogramRelation *relation : m_relations) {
        if (relation->kind() == Rel::Kind::Parent)
            parentLines[m_index.value(relation->toId)].append(relation);
    }
    QMap<QVector<int>, int> unionOf;
    for (int child = 0; child < m_nodes.size(); ++child) {
        auto lines = parentLines[child];
        if (lines.isEmpty())
            continue;
        std::stable_sort(lines.begin(), lines.end(), [this](const auto *a, const auto *b) {
            return std::make_tuple(parentPreference(a->type), m_index.value(a->fromId))
                < std::make_tuple(parentPreference(b->type), m_index.value(b->fromId));
        });
        const int preferred = parentPreference(lines.first()->type);
        Node &node = m_nodes[child];
        for (const GenogramRelation *line : lines) {
            const int parent = m_index.value(line->fromId);
            if (parentPreference(line->type) != preferred)
                continue;
            if (node.parents.contains(parent)) {
                node.parentRelations.append(line->id);
            } else if (node.parents.size() < 2) {
                node.parents.append(parent);
                node.parentRelations.append(line->id);
            }
        }
        std::sort(node.parents.begin(), node.parents.end());
        node.parentRelations.sort();
        auto found = unionOf.find(node.parents);
        if (found == unionOf.end()) {
            found = unionOf.insert(node.parents, int(m_unions.size()));
            m_unions.append(Union { node.parents, {} });
        }
        node.parentUnion = *found;
        m_unions[*found].children.append(child);
    }
    // Unions in the order of their parents' ids, so their indices are stable too.
    QVector<int> renumber(m_unions.size());
    {
        int i = 0;
        for (auto it = unionOf.cbegin(); it != unionOf.cend(); ++it)
            renumber[*it] = i++;
        QVector<Union> sorted(m_unions.size());
        for (int u = 0; u < m_unions.size(); ++u)
            sorted[renumber[u]] = m_unions[u];
        m_unions = sorted;
        for (Node &node : m_nodes) {
            if (node.parentUnion >= 0)
                node.parentUnion = renumber[node.parentUnion];
        }
        for (int u = 0; u < m_unions.size(); ++u) {
            for (const int parent : m_unions[u].parents)
                m_nodes[parent].unions.append(u);
        }
    }

    // Partners: partner lines, then parents with a child but no partner line.
    QSet<QPair<int, int>> paired;
    for (const GenogramRelation *relation : m_relations) {
        if (relation->kind() != Rel::Kind::Partner)
            continue;
        PartnerEdge edge;
        edge.a = std::min(m_index.value(relation->fromId), m_index.value(relation->toId));
        edge.b = std::max(m_index.value(relation->fromId), m_index.value(relation->toId));
        if (paired.contains({ edge.a, edge.b }))
            continue;
        paired.insert({ edge.a, edge.b });
        edge.relationId = relation->id;
        edge.key.order = relation->order > 0 ? relation->order : INT_MAX;
        edge.key.dateKnown = relation->start.isValid() ? 0 : 1;
        edge.key.start = relation->start;
        edge.key.relationId = relation->id;
        m_partnerEdges.append(edge);
    }
    for (const Union &family : m_unions) {
        if (family.parents.size() != 2 || paired.contains({ family.parents[0], family.parents[1] }))
            continue;
        paired.insert({ family.parents[0], family.parents[1] });
        PartnerEdge edge;
        edge.a = family.parents[0];
        edge.b = family.parents[1];
        edge.key.implicit = true;
        edge.key.relationId = m_nodes[edge.a].person->id + u'\n' + m_nodes[edge.b].person->id;
        m_partnerEdges.append(edge);
    }
    std::sort(m_partnerEdges.begin(), m_partnerEdges.end(),
        [](const PartnerEdge &a, const PartnerEdge &b) { return a.key < b.key; });
    for (int e = 0; e < m_partnerEdges.size(); ++e) {
        m_nodes[m_partnerEdges[e].a].partnerEdges.append(e);
        m_nodes[m_partnerEdges[e].b].partnerEdges.append(e);
    }

    for (const GenogramRelation *relation : m_relations) {
        const int from = m_index.value(relation->fromId);
        const int to = m_index.value(relation->toId);
        const bool hung
            = relation->kind() == Rel::Kind::Parent && m_nodes[to].parents.contains(from);
        const bool linking = relation->kind() == Rel::Kind::Twin
            || (relation->kind() == Rel::Kind::Parent && !hung);
        if (linking && !m_nodes[from].links.contains(to)) {
            m_nodes[from].links.append(to);
            m_nodes[to].links.append(from);
        }
    }

    // Twins joined by twin lines, among children of the same parents.
    UnionFind twins(int(m_nodes.size()));
    QVector<bool> isTwin(m_nodes.size(), false);
    for (const GenogramRelation *relation : m_relations) {
        if (relation->kind() != Rel::Kind::Twin)
            continue;
        const int a = m_index.value(relation->fromId);
        const int b = m_index.value(relation->toId);
        // A twin dragged elsewhere hangs by their own line; the other keeps their place.
        if (m_nodes[a].parentUnion < 0 || m_nodes[a].parentUnion != m_nodes[b].parentUnion
            || m_nodes[a].pinned || m_nodes[b].pinned)
            continue;
        twins.unite(a, b);
        isTwin[a] = isTwin[b] = true;
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (isTwin[i])
            m_nodes[i].twinGroup = twins.find(i);
    }
}

void Engine::rankChildren()
{
    // Birth order, oldest first: twins together at the earlier twin's date, unknown dates
    // after known ones, a pregnancy last; then id.
    QHash<int, GenogramDate> twinDate;
    QHash<int, int> twinFirst;
    for (int i = 0; i < m_nodes.size(); ++i) {
        const Node &node = m_nodes[i];
        if (node.twinGroup < 0)
            continue;
        const GenogramDate born = node.person->born;
        auto date = twinDate.find(node.twinGroup);
        if (date == twinDate.end())
            twinDate.insert(node.twinGroup, born);
        else if (born.isValid() && (!date->isValid() || born < *date))
            *date = born;
        twinFirst.insert(node.twinGroup, std::min(twinFirst.value(node.twinGroup, i), i));
    }
    auto key = [&](int i) {
        const Node &node = m_nodes[i];
        const bool twin = node.twinGroup >= 0;
        const GenogramDate born = twin ? twinDate.value(node.twinGroup) : node.person->born;
        return std::make_tuple(node.person->pregnancy ? 1 : 0, born.isValid() ? 0 : 1, born,
            twin ? twinFirst.value(node.twinGroup) : i, i);
    };
    for (Union &family : m_unions) {
        std::sort(family.children.begin(), family.children.end(),
            [&key](int a, int b) { return key(a) < key(b); });
        for (int r = 0; r < family.children.size(); ++r)
            m_nodes[family.children[r]].birthRank = r;
    }
}

} // namespace doorstep::genogramlayout
