#pragma once

// Seeded random families for the genogram layout tests and benchmark: up to a given number
// of generations and people, with remarriage, step and half siblings, adoption, twins,
// deceased people, pregnancies and in-laws with parents of their own. Ids are random, so
// id order says nothing about the family's shape.

#include "genogram/genogram.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <random>

namespace doorstep::test
{

class FamilyGenerator
{
public:
    explicit FamilyGenerator(quint32 seed)
        : m_random(seed)
    {
    }

    /// A family of at most @p maxPeople people over at most @p generations rows.
    Genogram generate(int maxPeople, int generations)
    {
        m_people.clear();
        m_relations.clear();
        m_households.clear();
        m_maxPeople = maxPeople;
        m_generations = generations;
        const QString grandfather = person(GenogramPerson::Gender::Male, 0, 1930 + below(20));
        const QString grandmother = person(GenogramPerson::Gender::Female, 0, 1930 + below(20));
        partner(grandfather, grandmother, 1);
        QList<Family> todo { { { grandfather, grandmother }, 0 } };
        for (int next = 0; next < todo.size(); ++next)
            addChildren(todo[next], todo);
        if (!m_people.isEmpty())
            m_people[below(int(m_people.size()))].isIndex = true;
        return Genogram(m_people, m_relations, m_households);
    }

    /// Ids of shown partners with a child together, as "a b" pairs, sorted.
    static QStringList couplesWithChildren(const Genogram &genogram)
    {
        QStringList couples;
        for (const GenogramPerson &person : genogram.people()) {
            const QStringList parents = genogram.parentsOf(person.id);
            if (parents.size() == 2)
                couples.append(parents.join(QLatin1Char(' ')));
        }
        couples.sort();
        couples.removeDuplicates();
        return couples;
    }

    /// Adds a child (born after their siblings) to the couple "a b"; returns the child's id.
    QString addChild(Genogram &genogram, const QString &couple)
    {
        const QStringList parents = couple.split(QLatin1Char(' '));
        GenogramPerson child;
        child.id = newId(QStringLiteral("n"));
        child.displayName = QStringLiteral("New child");
        child.gender = chance(0.5) ? GenogramPerson::Gender::Female : GenogramPerson::Gender::Male;
        child.born.year = 2026;
        Q_UNUSED(genogram.addPerson(child));
        for (const QString &parent : parents) {
            GenogramRelation line;
            line.id = newId(QStringLiteral("r"));
            line.type = GenogramRelation::Type::Biological;
            line.fromId = parent;
            line.toId = child.id;
            Q_UNUSED(genogram.addRelation(line));
        }
        return child.id;
    }

    /// Adds a new partner (with no parents of their own) to @p personId; returns their id.
    QString addPartner(Genogram &genogram, QString personId)
    {
        GenogramPerson partnerPerson;
        partnerPerson.id = newId(QStringLiteral("n"));
        partnerPerson.displayName = QStringLiteral("New partner");
        partnerPerson.gender = GenogramPerson::Gender::Unknown;
        Q_UNUSED(genogram.addPerson(partnerPerson));
        GenogramRelation line;
        line.id = newId(QStringLiteral("r"));
        line.type = GenogramRelation::Type::Cohabiting;
        line.fromId = personId;
        line.toId = partnerPerson.id;
        line.order = 9;
        Q_UNUSED(genogram.addRelation(line));
        return partnerPerson.id;
    }

    int below(int n) { return int(m_random() % quint32(n)); }
    bool chance(double p) { return double(m_random()) < p * 4294967296.0; }

private:
    struct Family {
        QStringList parents;
        int generation = 0;
    };

    QString newId(const QString &prefix)
    {
        for (;;) {
            const QString id = prefix + QString::number(m_random(), 16).rightJustified(8, u'0');
            if (!m_ids.contains(id)) {
                m_ids.insert(id);
                return id;
            }
        }
    }

    bool full(int reserve = 0) const { return m_people.size() + reserve >= m_maxPeople; }

    QString person(GenogramPerson::Gender gender, int generation, int bornYear)
    {
        GenogramPerson p;
        p.id = newId(QStringLiteral("p"));
        p.displayName = QStringLiteral("Person %1").arg(m_people.size() + 1);
        p.gender = gender;
        if (!chance(0.1))
            p.born.year = bornYear;
        if (generation == 0 && chance(0.4))
            p.deceased = true;
        else if (generation == 1 && chance(0.1))
            p.deceased = true;
        p.interpreterNeeded = chance(0.05);
        m_people.append(p);
        return p.id;
    }

    QString relation(GenogramRelation::Type type, const QString &from, const QString &to)
    {
        GenogramRelation r;
        r.id = newId(QStringLiteral("r"));
        r.type = type;
        r.fromId = from;
        r.toId = to;
        m_relations.append(r);
        return r.id;
    }

    QString partner(const QString &a, const QString &b, int order)
    {
        static constexpr GenogramRelation::Type types[]
            = { GenogramRelation::Type::Married, GenogramRelation::Type::Cohabiting,
                  GenogramRelation::Type::Separated, GenogramRelation::Type::Divorced };
        const QString id
            = chance(0.5) ? relation(types[below(4)], a, b) : relation(types[below(4)], b, a);
        m_relations.last().order = order;
        if (chance(0.5))
            m_relations.last().start.year = 1950 + below(60);
        return id;
    }

    GenogramPerson::Gender oppositeOf(const QString &id)
    {
        for (const GenogramPerson &p : m_people) {
            if (p.id == id) {
                if (chance(0.05))
                    return p.gender;
                return p.gender == GenogramPerson::Gender::Male ? GenogramPerson::Gender::Female
                                                                : GenogramPerson::Gender::Male;
            }
        }
        return GenogramPerson::Gender::Unknown;
    }

    void hang(const QString &child, const QStringList &parents, GenogramRelation::Type type)
    {
        for (const QString &parent : parents)
            relation(type, parent, child);
    }

    // Takes the family by value: it comes from @p todo, which appending may reallocate.
    void addChildren(const Family family, QList<Family> &todo)
    {
        const int childGeneration = family.generation + 1;
        if (childGeneration >= m_generations || full(1))
            return;
        const int count = 1 + below(4);
        const int baseYear = 1950 + 25 * childGeneration;
        QStringList children;
        for (int k = 0; k < count && !full(); ++k) {
            const auto gender = chance(0.05)
                ? GenogramPerson::Gender::Unknown
                : (chance(0.5) ? GenogramPerson::Gender::Female : GenogramPerson::Gender::Male);
            const QString child = person(gender, childGeneration, baseYear + 2 * k + below(2));
            if (chance(0.08)) {
                hang(child, family.parents, GenogramRelation::Type::Adopted);
                if (chance(0.5) && !full()) {
                    // The birth mother, known but not living with the child.
                    const QString mother
                        = person(GenogramPerson::Gender::Female, family.generation, baseYear - 20);
                    relation(GenogramRelation::Type::Biological, mother, child);
                }
            } else {
                hang(child, family.parents,
                    chance(0.05) ? GenogramRelation::Type::Foster
                                 : GenogramRelation::Type::Biological);
            }
            children.append(child);
        }
        if (children.size() >= 2 && chance(0.15) && !full()) {
            // Twins: the youngest two, born the same year.
            const QString twin = person(GenogramPerson::Gender::Female, childGeneration, 0);
            m_people.last().born = bornOf(children.last());
            hang(twin, family.parents, GenogramRelation::Type::Biological);
            relation(chance(0.4) ? GenogramRelation::Type::IdenticalTwins
                                 : GenogramRelation::Type::NonIdenticalTwins,
                children.last(), twin);
            children.append(twin);
        }
        if (childGeneration == m_generations - 1 && chance(0.15) && !full()) {
            const QString expected = person(GenogramPerson::Gender::Unknown, childGeneration, 0);
            m_people.last().pregnancy = true;
            m_people.last().born = {};
            hang(expected, family.parents, GenogramRelation::Type::Biological);
        }
        if (!children.isEmpty() && chance(0.5)) {
            // They live together.
            m_households.append({ newId(QStringLiteral("h")), family.parents + children, {} });
        }
        if (childGeneration + 1 >= m_generations)
            return;
        for (const QString &child : children) {
            if (full(2) || !chance(0.65))
                continue;
            const QString first = person(oppositeOf(child), childGeneration, baseYear + below(6));
            partner(child, first, 1);
            if (chance(0.3) && !full(3)) {
                // The in-law's own parents and maybe a sibling, not expanded further.
                const QString father
                    = person(GenogramPerson::Gender::Male, family.generation, baseYear - 28);
                const QString mother
                    = person(GenogramPerson::Gender::Female, family.generation, baseYear - 27);
                partner(father, mother, 1);
                hang(first, { father, mother }, GenogramRelation::Type::Biological);
                if (chance(0.5) && !full()) {
                    const QString sibling = person(
                        GenogramPerson::Gender::Male, childGeneration, baseYear + below(8));
                    hang(sibling, { father, mother }, GenogramRelation::Type::Biological);
                }
            }
            todo.append({ { child, first }, childGeneration });
            if (chance(0.25) && !full(2)) {
                // Remarriage: children from both partnerships are half-siblings.
                const QString second
                    = person(oppositeOf(child), childGeneration, baseYear + below(8));
                partner(child, second, 2);
                if (chance(0.4) && !full(2)) {
                    // The new partner brings a child of their own: a step-child.
                    QStringList stepParents { second };
                    if (chance(0.5)) {
                        const QString ex = person(oppositeOf(second), childGeneration, baseYear);
                        partner(second, ex, 1);
                        stepParents.append(ex);
                    }
                    const QString stepChild
                        = person(GenogramPerson::Gender::Male, childGeneration + 1, baseYear + 24);
                    hang(stepChild, stepParents, GenogramRelation::Type::Biological);
                    relation(GenogramRelation::Type::Step, child, stepChild);
                }
                todo.append({ { child, second }, childGeneration });
            }
        }
    }

    GenogramDate bornOf(const QString &id) const
    {
        for (const GenogramPerson &p : m_people) {
            if (p.id == id)
                return p.born;
        }
        return {};
    }

    std::mt19937 m_random;
    QSet<QString> m_ids;
    QList<GenogramPerson> m_people;
    QList<GenogramRelation> m_relations;
    QList<GenogramHousehold> m_households;
    int m_maxPeople = 60;
    int m_generations = 4;
};

} // namespace doorstep::test
