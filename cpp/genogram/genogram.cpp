#include "genogram/genogram.h"

#include <QDate>
#include <QSet>
#include <algorithm>
#include <array>
#include <numeric>
#include <tuple>
#include <utility>

namespace doorstep
{

namespace
{

using Type = GenogramRelation::Type;
using Kind = GenogramRelation::Kind;

struct TypeName {
    Type type;
    Kind kind;
    const char *name;
};

// The store's words; never change one once records carry it.
constexpr std::array<TypeName, 16> typeNames { {
    { Type::Married, Kind::Partner, "married" },
    { Type::Cohabiting, Kind::Partner, "cohabiting" },
    { Type::Separated, Kind::Partner, "separated" },
    { Type::Divorced, Kind::Partner, "divorced" },
    { Type::Biological, Kind::Parent, "biological" },
    { Type::Adopted, Kind::Parent, "adopted" },
    { Type::Foster, Kind::Parent, "foster" },
    { Type::Step, Kind::Parent, "step" },
    { Type::IdenticalTwins, Kind::Twin, "identical" },
    { Type::NonIdenticalTwins, Kind::Twin, "non_identical" },
    { Type::Close, Kind::Emotional, "close" },
    { Type::Distant, Kind::Emotional, "distant" },
    { Type::Conflict, Kind::Emotional, "conflict" },
    { Type::CutOff, Kind::Emotional, "cut_off" },
    { Type::Abuse, Kind::Emotional, "abuse" },
    { Type::Support, Kind::Emotional, "support" },
} };

constexpr std::array<std::pair<Kind, const char *>, 4> kindNames { {
    { Kind::Partner, "partner" },
    { Kind::Parent, "parent" },
    { Kind::Twin, "twin" },
    { Kind::Emotional, "emotional" },
} };

// A child has at most two parents of these kinds; foster and step parents can be more.
bool limitedToTwo(Type type)
{
    return type == Type::Biological || type == Type::Adopted;
}

// Which line a relation is, whoever drew it: its kind (an emotional line its type) and its
// two people, in either order but for a parent line. Two people have one line of each.
QString pairKey(const GenogramRelation &relation)
{
    QString first = relation.fromId;
    QString second = relation.toId;
    if (relation.kind() != Kind::Parent && second < first)
        std::swap(first, second);
    const QString type = relation.kind() == Kind::Emotional
        ? GenogramRelation::typeName(relation.type)
        : GenogramRelation::kindName(relation.kind());
    return type + u'\n' + first + u'\n' + second;
}

bool readNumber(QStringView text, int digits, int &value)
{
    if (text.size() != digits)
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    bool ok = false;
    value = text.toInt(&ok);
    return ok;
}

} // namespace

std::optional<GenogramDate> GenogramDate::fromString(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return GenogramDate {};
    const QList<QStringView> parts = trimmed.split(u'-');
    GenogramDate date;
    if (parts.size() > 3 || !readNumber(parts[0], 4, date.year) || date.year == 0)
        return std::nullopt;
    if (parts.size() >= 2
        && (!readNumber(parts[1], 2, date.month) || date.month < 1 || date.month > 12))
        return std::nullopt;
    if (parts.size() == 3
        && (!readNumber(parts[2], 2, date.day)
            || !QDate(date.year, date.month, date.day).isValid()))
        return std::nullopt;
    return date;
}

QString GenogramDate::toString() const
{
    if (!isValid())
        return {};
    QString text = QStringLiteral("%1").arg(year, 4, 10, QLatin1Char('0'));
    if (month > 0)
        text += QStringLiteral("-%1").arg(month, 2, 10, QLatin1Char('0'));
    if (month > 0 && day > 0)
        text += QStringLiteral("-%1").arg(day, 2, 10, QLatin1Char('0'));
    return text;
}

GenogramRelation::Kind GenogramRelation::kindOf(Type type)
{
    for (const TypeName &entry : typeNames) {
        if (entry.type == type)
            return entry.kind;
    }
    Q_UNREACHABLE();
    return Kind::Partner;
}

QString GenogramRelation::kindName(Kind kind)
{
    for (const auto &entry : kindNames) {
        if (entry.first == kind)
            return QString::fromLatin1(entry.second);
    }
    Q_UNREACHABLE();
    return {};
}

QString GenogramRelation::typeName(Type type)
{
    for (const TypeName &entry : typeNames) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    Q_UNREACHABLE();
    return {};
}

Result<GenogramRelation::Type> GenogramRelation::typeFromNames(
    const QString &kind, const QString &subtype)
{
    std::optional<Kind> foundKind;
    for (const auto &entry : kindNames) {
        if (kind == QLatin1String(entry.second))
            foundKind = entry.first;
    }
    if (!foundKind) {
        return makeError(Error::Code::Unsupported,
            tr("\"%1\" is not a kind of genogram line this version knows.").arg(kind));
    }
    if (subtype.isEmpty()) {
        if (*foundKind == Kind::Parent)
            return Type::Biological;
        if (*foundKind == Kind::Twin)
            return Type::NonIdenticalTwins;
        return makeError(Error::Code::InvalidArgument,
            tr("A %1 line needs a type, such as \"%2\".")
                .arg(kind, typeName(*foundKind == Kind::Partner ? Type::Married : Type::Close)));
    }
    for (const TypeName &entry : typeNames) {
        if (subtype != QLatin1String(entry.name))
            continue;
        if (entry.kind != *foundKind) {
            return makeError(Error::Code::InvalidArgument,
                tr("\"%1\" is a type of %2 line, not of %3 line.")
                    .arg(subtype, kindName(entry.kind), kind));
        }
        return entry.type;
    }
    return makeError(Error::Code::Unsupported,
        tr("\"%1\" is not a type of %2 line this version knows.").arg(subtype, kind));
}

Genogram::Genogram(QList<GenogramPerson> people, QList<GenogramRelation> relations,
    QList<GenogramHousehold> households)
    : m_relations(std::move(relations))
    , m_households(std::move(households))
{
    // A repeated person id can only come from a bug upstream (the store's key is unique);
    // the first is kept so there is one symbol per id.
    for (GenogramPerson &person : people) {
        if (person.id.isEmpty() || m_personIndex.contains(person.id)) {
            m_loadIssues.append({ GenogramIssue::Code::DuplicateId, person.id,
                tr("A second person with the id \"%1\" is hidden.").arg(person.id) });
            continue;
        }
        m_personIndex.insert(person.id, int(m_people.size()));
        m_people.append(std::move(person));
    }
    resolve();
}

const GenogramPerson *Genogram::person(const QString &id) const
{
    const auto found = m_personIndex.constFind(id);
    return found == m_personIndex.cend() ? nullptr : &m_people[*found];
}

const GenogramRelation *Genogram::relation(const QString &id) const
{
    const auto found = m_relationIndex.constFind(id);
    return found == m_relationIndex.cend() ? nullptr : &m_relations[*found];
}

const GenogramHousehold *Genogram::household(const QString &id) const
{
    const auto found = m_householdIndex.constFind(id);
    return found == m_householdIndex.cend() ? nullptr : &m_households[*found];
}

QStringList Genogram::parentsOf(const QString &personId) const
{
    QStringList ids;
    for (const GenogramRelation &relation : m_relations) {
        if (relation.isShown() && relation.kind() == Kind::Parent && relation.toId == personId)
            ids.append(relation.fromId);
    }
    ids.sort();
    ids.removeDuplicates();
    return ids;
}

QStringList Genogram::childrenOf(const QString &personId) const
{
    QStringList ids;
    for (const GenogramRelation &relation : m_relations) {
        if (relation.isShown() && relation.kind() == Kind::Parent && relation.fromId == personId)
            ids.append(relation.toId);
    }
    ids.sort();
    ids.removeDuplicates();
    return ids;
}

QStringList Genogram::partnersOf(const QString &personId) const
{
    QStringList ids;
    for (const GenogramRelation &relation : m_relations) {
        if (!relation.isShown() || relation.kind() != Kind::Partner)
            continue;
        if (relation.fromId == personId)
            ids.append(relation.toId);
        else if (relation.toId == personId)
            ids.append(relation.fromId);
    }
    ids.sort();
    ids.removeDuplicates();
    return ids;
}

QString Genogram::nameOf(const QString &personId) const
{
    const GenogramPerson *found = person(personId);
    if (!found || found->displayName.isEmpty())
        return tr("someone not named");
    return found->displayName;
}

bool Genogram::isAncestor(
    const QString &ancestorId, const QString &personId, const QString &ignoredRelationId) const
{
    // Walks up from personId over shown parent lines.
    QStringList todo { personId };
    QSet<QString> seen;
    while (!todo.isEmpty()) {
        const QString current = todo.takeLast();
        if (current == ancestorId)
            return true;
        if (seen.contains(current))
            continue;
        seen.insert(current);
        for (const GenogramRelation &relation : m_relations) {
            if (relation.isShown() && relation.kind() == Kind::Parent && relation.toId == current
                && relation.id != ignoredRelationId)
                todo.append(relation.fromId);
        }
    }
    return false;
}

void Genogram::resolve()
{
    m_issues = m_loadIssues;
    m_relationIndex.clear();
    m_householdIndex.clear();
    auto flag = [this](GenogramIssue::Code code, const QString &id, const QString &message) {
        m_issues.append({ code, id, message });
    };

    // Relations are judged in id order, whatever order they came in, so every device that
    // holds the same records hides the same lines.
    QList<int> order(m_relations.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
        [this](int a, int b) { return m_relations[a].id < m_relations[b].id; });
    for (GenogramRelation &relation : m_relations)
        relation.state = GenogramRelation::State::Refused;

    // Parent lines accepted so far, child -> parents, to refuse the one that closes a cycle.
    QHash<QString, QStringList> acceptedParents;
    auto reachesUp = [&acceptedParents](const QString &from, const QString &target) {
        QStringList todo { from };
        QSet<QString> seen;
        while (!todo.isEmpty()) {
            const QString current = todo.takeLast();
            if (current == target)
                return true;
            if (seen.contains(current))
                continue;
            seen.insert(current);
            todo += acceptedParents.value(current);
        }
        return false;
    };
    QHash<QString, int> parentCount; // child id and type name -> parents
    // A line of a kind between two people, shown once: two tablets that each drew it offline
    // sync two records, and the one with the lower id is drawn.
    QSet<QString> joined;

    for (const int index : order) {
        GenogramRelation &relation = m_relations[index];
        if (relation.id.isEmpty() || m_relationIndex.contains(relation.id)) {
            flag(GenogramIssue::Code::DuplicateId, relation.id,
                tr("A second line with the id \"%1\" is hidden.").arg(relation.id));
            continue;
        }
        m_relationIndex.insert(relation.id, index);
        const bool fromKnown = m_personIndex.contains(relation.fromId);
        const bool toKnown = m_personIndex.contains(relation.toId);
        if (!fromKnown || !toKnown) {
            relation.state = GenogramRelation::State::Dangling;
            const QString known = fromKnown ? relation.fromId : relation.toId;
            flag(GenogramIssue::Code::DanglingRelation, relation.id,
                fromKnown || toKnown
                    ? tr("A line from %1 is hidden: the person at its other end has been "
                         "removed.")
                          .arg(nameOf(known))
                    : tr("A line is hidden: both people it joined have been removed."));
            continue;
        }
        if (relation.fromId == relation.toId) {
            flag(GenogramIssue::Code::SelfRelation, relation.id,
                relation.kind() == Kind::Partner
                    ? tr("%1 cannot be their own partner: the line is hidden.")
                          .arg(nameOf(relation.fromId))
                    : tr("A line from %1 to themselves is hidden.").arg(nameOf(relation.fromId)));
            continue;
        }
        if (joined.contains(pairKey(relation))) {
            flag(GenogramIssue::Code::DuplicateLine, relation.id,
                tr("A second line between %1 and %2 is hidden: they are already joined by one "
                   "like it.")
                    .arg(nameOf(relation.fromId), nameOf(relation.toId)));
            continue;
        }
        if (relation.kind() == Kind::Parent) {
            if (reachesUp(relation.fromId, relation.toId)) {
                flag(GenogramIssue::Code::ParentCycle, relation.id,
                    tr("%1 cannot be a parent of %2, who is already their parent or "
                       "grandparent: the line is hidden.")
                        .arg(nameOf(relation.fromId), nameOf(relation.toId)));
                continue;
            }
            acceptedParents[relation.toId].append(relation.fromId);
            if (limitedToTwo(relation.type)
                && ++parentCount[relation.toId + u'\n' + GenogramRelation::typeName(relation.type)]
                    == 3) {
                flag(GenogramIssue::Code::TooManyParents, relation.toId,
                    tr("%1 has more than two %2 parents; the layout uses two of them.")
                        .arg(nameOf(relation.toId), GenogramRelation::typeName(relation.type)));
            }
        }
        joined.insert(pairKey(relation));
        relation.state = GenogramRelation::State::Shown;
    }

    // Twins are siblings: flag twins whose parents are all known and differ.
    for (const int index : order) {
        const GenogramRelation &relation = m_relations[index];
        if (!relation.isShown() || relation.kind() != Kind::Twin)
            continue;
        const QStringList first = acceptedParents.value(relation.fromId);
        const QStringList second = acceptedParents.value(relation.toId);
        const bool shareOne = std::any_of(first.cbegin(), first.cend(),
            [&second](const QString &id) { return second.contains(id); });
        if (!first.isEmpty() && !second.isEmpty() && !shareOne) {
            flag(GenogramIssue::Code::TwinsNotSiblings, relation.id,
                tr("%1 and %2 are marked as twins but have no parent in common.")
                    .arg(nameOf(relation.fromId), nameOf(relation.toId)));
        }
    }

    for (int i = 0; i < m_households.size(); ++i) {
        const GenogramHousehold &household = m_households[i];
        if (household.id.isEmpty() || m_householdIndex.contains(household.id)) {
            flag(GenogramIssue::Code::DuplicateId, household.id,
                tr("A second household with the id \"%1\" is hidden.").arg(household.id));
            continue;
        }
        m_householdIndex.insert(household.id, i);
        const auto missing = std::count_if(household.memberIds.cbegin(), household.memberIds.cend(),
            [this](const QString &id) { return !person(id); });
        if (missing > 0) {
            flag(GenogramIssue::Code::MissingMember, household.id,
                tr("A household names %n people who have been removed; they are left out.", nullptr,
                    int(missing)));
        }
    }

    std::sort(m_issues.begin(), m_issues.end(), [](const auto &a, const auto &b) {
        return std::tie(a.elementId, a.code) < std::tie(b.elementId, b.code);
    });
}

Result<void> Genogram::addPerson(const GenogramPerson &person)
{
    if (person.id.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("A person needs an id."));
    if (m_personIndex.contains(person.id)) {
        return makeError(Error::Code::AlreadyExists,
            tr("There is already a person with the id \"%1\".").arg(person.id));
    }
    m_personIndex.insert(person.id, int(m_people.size()));
    m_people.append(person);
    // Lines left dangling when this person was removed are shown again.
    resolve();
    return {};
}

Result<void> Genogram::updatePerson(const GenogramPerson &person)
{
    const auto found = m_personIndex.constFind(person.id);
    if (found == m_personIndex.cend())
        return makeError(Error::Code::NotFound, tr("That person is no longer in the genogram."));
    m_people[*found] = person;
    return {};
}

void Genogram::removePerson(const QString &personId)
{
    const auto found = m_personIndex.constFind(personId);
    if (found == m_personIndex.cend())
        return;
    m_people.removeAt(*found);
    m_personIndex.clear();
    for (int i = 0; i < m_people.size(); ++i)
        m_personIndex.insert(m_people[i].id, i);
    resolve();
}

Result<void> Genogram::setPinned(const QString &personId, std::optional<QPointF> position)
{
    const auto found = m_personIndex.constFind(personId);
    if (found == m_personIndex.cend())
        return makeError(Error::Code::NotFound, tr("That person is no longer in the genogram."));
    m_people[*found].pinned = position;
    return {};
}

Result<void> Genogram::checkRelation(const GenogramRelation &relation) const
{
    if (relation.id.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("A line needs an id."));
    if (!person(relation.fromId) || !person(relation.toId)) {
        return makeError(Error::Code::NotFound,
            tr("Both people a line joins must be in the genogram: add them first."));
    }
    if (relation.fromId == relation.toId) {
        switch (relation.kind()) {
        case Kind::Partner:
            return makeError(Error::Code::InvalidArgument,
                tr("%1 cannot be their own partner.").arg(nameOf(relation.fromId)));
        case Kind::Parent:
            return makeError(Error::Code::InvalidArgument,
                tr("%1 cannot be their own parent.").arg(nameOf(relation.fromId)));
        case Kind::Twin:
            return makeError(Error::Code::InvalidArgument,
                tr("%1 cannot be their own twin.").arg(nameOf(relation.fromId)));
        case Kind::Emotional:
            return makeError(
                Error::Code::InvalidArgument, tr("A line needs two different people."));
        }
    }
    // One line of a kind between two people (a second tap on Add must not draw a second
    // parent line, which would count as a third parent); two people may still be close and
    // in conflict at once.
    const QString key = pairKey(relation);
    for (const GenogramRelation &other : m_relations) {
        if (other.isShown() && other.id != relation.id && pairKey(other) == key) {
            return makeError(Error::Code::AlreadyExists,
                tr("%1 and %2 are already joined by a line like this: tap it to change it.")
                    .arg(nameOf(relation.fromId), nameOf(relation.toId)));
        }
    }
    if (relation.kind() == Kind::Parent) {
        if (isAncestor(relation.toId, relation.fromId, relation.id)) {
            return makeError(Error::Code::InvalidArgument,
                tr("%1 cannot be a parent of %2: %2 is already their parent or grandparent.")
                    .arg(nameOf(relation.fromId), nameOf(relation.toId)));
        }
        if (limitedToTwo(relation.type)) {
            const auto others = std::count_if(m_relations.cbegin(), m_relations.cend(),
                [&relation](const GenogramRelation &other) {
                    return other.isShown() && other.id != relation.id && other.type == relation.type
                        && other.toId == relation.toId && other.fromId != relation.fromId;
                });
            if (others >= 2) {
                return makeError(Error::Code::InvalidArgument,
                    relation.type == Type::Biological
                        ? tr("%1 already has two birth parents.").arg(nameOf(relation.toId))
                        : tr("%1 already has two adoptive parents.").arg(nameOf(relation.toId)));
            }
        }
    }
    return {};
}

Result<void> Genogram::addRelation(const GenogramRelation &relation)
{
    if (m_relationIndex.contains(relation.id)) {
        return makeError(Error::Code::AlreadyExists,
            tr("There is already a line with the id \"%1\".").arg(relation.id));
    }
    if (auto checked = checkRelation(relation); !checked)
        return checked;
    m_relations.append(relation);
    resolve();
    return {};
}

Result<void> Genogram::updateRelation(const GenogramRelation &relation)
{
    const auto found = m_relationIndex.constFind(relation.id);
    if (found == m_relationIndex.cend())
        return makeError(Error::Code::NotFound, tr("That line is no longer in the genogram."));
    if (auto checked = checkRelation(relation); !checked)
        return checked;
    m_relations[*found] = relation;
    resolve();
    return {};
}

void Genogram::removeRelation(const QString &relationId)
{
    const auto before = m_relations.size();
    m_relations.erase(
        std::remove_if(m_relations.begin(), m_relations.end(),
            [&relationId](const auto &relation) { return relation.id == relationId; }),
        m_relations.end());
    if (m_relations.size() != before)
        resolve();
}

Result<void> Genogram::checkHousehold(const GenogramHousehold &household, bool replacing) const
{
    if (household.id.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("A household needs an id."));
    if (!replacing && m_householdIndex.contains(household.id)) {
        return makeError(Error::Code::AlreadyExists,
            tr("There is already a household with the id \"%1\".").arg(household.id));
    }
    for (const QString &id : household.memberIds) {
        if (!person(id)) {
            return makeError(Error::Code::NotFound,
                tr("Everyone in a household must be in the genogram: add them first."));
        }
    }
    return {};
}

Result<void> Genogram::addHousehold(const GenogramHousehold &household)
{
    if (auto checked = checkHousehold(household, false); !checked)
        return checked;
    m_households.append(household);
    resolve();
    return {};
}

Result<void> Genogram::updateHousehold(const GenogramHousehold &household)
{
    const auto found = m_householdIndex.constFind(household.id);
    if (found == m_householdIndex.cend()) {
        return makeError(Error::Code::NotFound, tr("That household is no longer in the genogram."));
    }
    if (auto checked = checkHousehold(household, true); !checked)
        return checked;
    m_households[*found] = household;
    resolve();
    return {};
}

void Genogram::removeHousehold(const QString &householdId)
{
    const auto before = m_households.size();
    m_households.erase(
        std::remove_if(m_households.begin(), m_households.end(),
            [&householdId](const auto &household) { return household.id == householdId; }),
        m_households.end());
    if (m_households.size() != before)
        resolve();
}

} // namespace doorstep
