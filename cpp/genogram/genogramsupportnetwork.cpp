#include "genogram/genogramsupportnetwork.h"

namespace doorstep
{

namespace
{

using Type = GenogramRelation::Type;

bool isLiving(const Genogram &genogram, const QString &id)
{
    const GenogramPerson *person = genogram.person(id);
    return person && !person->deceased;
}

// The index person and their households' members, or every household's without one.
QSet<QString> family(const Genogram &genogram)
{
    QSet<QString> index;
    for (const GenogramPerson &person : genogram.people()) {
        if (person.isIndex)
            index.insert(person.id);
    }
    QSet<QString> centre = index;
    for (const GenogramHousehold &household : genogram.households()) {
        bool withIndex = index.isEmpty();
        for (const QString &member : household.memberIds)
            withIndex = withIndex || index.contains(member);
        if (!withIndex)
            continue;
        for (const QString &member : household.memberIds)
            centre.insert(member);
    }
    QSet<QString> living;
    for (const QString &id : std::as_const(centre)) {
        if (isLiving(genogram, id))
            living.insert(id);
    }
    return living;
}

bool links(Type type)
{
    switch (type) {
    case Type::Support:
    case Type::Close:
    case Type::Married:
    case Type::Cohabiting:
    case Type::Biological:
    case Type::Adopted:
    case Type::Foster:
    case Type::Step:
        return true;
    default:
        return false;
    }
}

bool harms(Type type)
{
    return type == Type::Abuse || type == Type::Conflict || type == Type::CutOff;
}

} // namespace

QSet<QString> GenogramSupportNetwork::people(const Genogram &genogram)
{
    const QSet<QString> centre = family(genogram);
    QSet<QString> harmful;
    QSet<QString> linked;
    for (const GenogramRelation &relation : genogram.relations()) {
        if (!relation.isShown())
            continue;
        const bool fromCentre = centre.contains(relation.fromId);
        const bool toCentre = centre.contains(relation.toId);
        if (!fromCentre && !toCentre)
            continue;
        const QString &other = fromCentre ? relation.toId : relation.fromId;
        if (harms(relation.type)) {
            if (!(fromCentre && toCentre))
                harmful.insert(other);
        } else if (links(relation.type)) {
            linked.insert(other);
        }
    }
    QSet<QString> network = centre;
    for (const QString &id : std::as_const(linked)) {
        if (!harmful.contains(id) && isLiving(genogram, id))
            network.insert(id);
    }
    return network;
}

QSet<QString> GenogramSupportNetwork::relations(const Genogram &genogram)
{
    const QSet<QString> network = people(genogram);
    QSet<QString> ids;
    for (const GenogramRelation &relation : genogram.relations()) {
        const bool kept = links(relation.type) || relation.kind() == GenogramRelation::Kind::Twin;
        if (relation.isShown() && kept && network.contains(relation.fromId)
            && network.contains(relation.toId))
            ids.insert(relation.id);
    }
    return ids;
}

} // namespace doorstep
