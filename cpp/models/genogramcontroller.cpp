#include "models/genogramcontroller.h"

#include "genogram/genogramexport.h"
#include "models/familydocuments.h"
#include "models/session.h"
#include "store/familyrepository.h"
#include "store/genogramchanges.h"
#include "store/genogramrepository.h"

#include <QUuid>
#include <algorithm>
#include <cmath>
#include <tuple>

namespace doorstep
{

namespace
{

using Type = GenogramRelation::Type;
using Kind = GenogramRelation::Kind;
using Gender = GenogramPerson::Gender;

const QStringList &shownKinds()
{
    static const QStringList kinds { QStringLiteral("genogram_person"),
        QStringLiteral("genogram_relation"), QStringLiteral("genogram_household"),
        QStringLiteral("ecomap_link"), QStringLiteral("person"), QStringLiteral("family") };
    return kinds;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct TypeLabel {
    Type type;
    const char *label;
};

// In the order a chooser offers them: each kind's usual type first.
constexpr TypeLabel TypeLabels[] = {
    { Type::Married, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Married") },
    { Type::Cohabiting, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Living together") },
    { Type::Separated, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Separated") },
    { Type::Divorced, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Divorced") },
    { Type::Biological, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Birth parent") },
    { Type::Adopted, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Adoptive parent") },
    { Type::Foster, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Foster carer") },
    { Type::Step, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Step-parent") },
    { Type::NonIdenticalTwins, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Twins") },
    { Type::IdenticalTwins, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Identical twins") },
    { Type::Close, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Close") },
    { Type::Support, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Support") },
    { Type::Distant, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Distant") },
    { Type::Conflict, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Conflict") },
    { Type::CutOff, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Cut off") },
    { Type::Abuse, QT_TRANSLATE_NOOP("doorstep::GenogramController", "Abuse (from the first)") },
};

QString typeLabel(Type type)
{
    for (const TypeLabel &entry : TypeLabels) {
        if (entry.type == type)
            return GenogramController::tr(entry.label);
    }
    return {};
}

std::optional<Type> typeFromName(const QString &name)
{
    for (const TypeLabel &entry : TypeLabels) {
        if (GenogramRelation::typeName(entry.type) == name)
            return entry.type;
    }
    return std::nullopt;
}

QString kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Partner:
        return GenogramController::tr("Partners");
    case Kind::Parent:
        return GenogramController::tr("Parent and child");
    case Kind::Twin:
        return GenogramController::tr("Twins");
    case Kind::Emotional:
        return GenogramController::tr("Relationship");
    }
    return {};
}

QVariantList typesOf(std::optional<Kind> kind)
{
    QVariantList list;
    for (const TypeLabel &entry : TypeLabels) {
        const Kind entryKind = GenogramRelation::kindOf(entry.type);
        if (kind && entryKind != *kind)
            continue;
        list << QVariantMap { { QStringLiteral("name"), GenogramRelation::typeName(entry.type) },
            { QStringLiteral("label"), GenogramController::tr(entry.label) },
            { QStringLiteral("kind"), GenogramRelation::kindName(entryKind) } };
    }
    return list;
}

QString genderName(Gender gender)
{
    switch (gender) {
    case Gender::Female:
        return QStringLiteral("female");
    case Gender::Male:
        return QStringLiteral("male");
    case Gender::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<Gender> genderFrom(const QString &name)
{
    if (name == QLatin1String("female"))
        return Gender::Female;
    if (name == QLatin1String("male"))
        return Gender::Male;
    if (name == QLatin1String("unknown") || name.isEmpty())
        return Gender::Unknown;
    return std::nullopt;
}

// Later partnerships win: the order the practitioner gave, then the start date, then the id,
// as the layout sorts them.
auto partnershipKey(const GenogramRelation &relation)
{
    return std::make_tuple(relation.order == 0 ? 1 : 0, relation.order, relation.start.year,
        relation.start.month, relation.start.day, relation.id);
}

} // namespace

GenogramController::GenogramController(QObject *parent)
    : QObject(parent)
    , m_scene(std::make_unique<GenogramScene>())
{
}

GenogramController::~GenogramController() = default;

void GenogramController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &GenogramController::reload);
        connect(m_session, &Session::recordsChanged, this, &GenogramController::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void GenogramController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    reload();
}

QVariantList GenogramController::people() const
{
    QList<const GenogramPerson *> sorted;
    for (const GenogramPerson &person : m_current.genogram.people())
        sorted << &person;
    std::sort(sorted.begin(), sorted.end(), [](const GenogramPerson *a, const GenogramPerson *b) {
        const int byName = QString::localeAwareCompare(a->displayName, b->displayName);
        return byName != 0 ? byName < 0 : a->id < b->id;
    });
    QVariantList list;
    for (const GenogramPerson *person : std::as_const(sorted)) {
        list << QVariantMap {
            { QStringLiteral("id"), person->id }, { QStringLiteral("name"), person->displayName },
            { QStringLiteral("fromFamilyRecord"), m_current.familyRecordIds.contains(person->id) }
        };
    }
    return list;
}

QStringList GenogramController::issues() const
{
    QStringList messages;
    for (const GenogramIssue &issue : m_current.genogram.issues())
        messages << issue.message;
    return messages;
}

QVariantList GenogramController::links() const
{
    QVariantList list;
    for (const EcomapLink &entry : m_current.ecomap)
        list << link(entry.id);
    return list;
}

QVariantList GenogramController::agencies()
{
    QVariantList list;
    for (const EcomapLink::Agency agency : EcomapLink::allAgencies()) {
        list << QVariantMap { { QStringLiteral("name"), EcomapLink::agencyName(agency) },
            { QStringLiteral("label"), EcomapLayout::agencyLabel(agency) } };
    }
    return list;
}

QString GenogramController::undoText() const
{
    return m_undo.isEmpty() ? QString() : tr("Undo %1").arg(m_undo.constLast().text);
}

QString GenogramController::redoText() const
{
    return m_redo.isEmpty() ? QString() : tr("Redo %1").arg(m_redo.constLast().text);
}

QString GenogramController::defaultExportFolder()
{
    return FamilyDocuments::defaultFolder();
}

QVariantMap GenogramController::person(const QString &personId) const
{
    const Genogram &genogram = m_current.genogram;
    const GenogramPerson *found = genogram.person(personId);
    if (!found)
        return {};
    QVariantMap map { { QStringLiteral("id"), found->id },
        { QStringLiteral("name"), found->displayName },
        { QStringLiteral("gender"), genderName(found->gender) },
        { QStringLiteral("born"), found->born.toString() },
        { QStringLiteral("died"), found->died.toString() },
        { QStringLiteral("deceased"), found->deceased },
        { QStringLiteral("ageText"), found->ageText },
        { QStringLiteral("isIndex"), found->isIndex },
        { QStringLiteral("interpreterNeeded"), found->interpreterNeeded },
        { QStringLiteral("pregnancy"), found->pregnancy }, { QStringLiteral("note"), found->note },
        { QStringLiteral("pinned"), found->pinned.has_value() },
        { QStringLiteral("fromFamilyRecord"), m_current.familyRecordIds.contains(found->id) },
        { QStringLiteral("parents"), genogram.parentsOf(personId).size() },
        { QStringLiteral("partners"), genogram.partnersOf(personId).size() },
        { QStringLiteral("children"), genogram.childrenOf(personId).size() } };
    return map;
}

QVariantMap GenogramController::relation(const QString &relationId) const
{
    const GenogramRelation *found = m_current.genogram.relation(relationId);
    if (!found)
        return {};
    return { { QStringLiteral("id"), found->id },
        { QStringLiteral("kind"), GenogramRelation::kindName(found->kind()) },
        { QStringLiteral("kindLabel"), kindLabel(found->kind()) },
        { QStringLiteral("type"), GenogramRelation::typeName(found->type) },
        { QStringLiteral("typeLabel"), typeLabel(found->type) },
        { QStringLiteral("types"), typesOf(found->kind()) },
        { QStringLiteral("fromId"), found->fromId },
        { QStringLiteral("fromName"), nameOf(found->fromId) },
        { QStringLiteral("toId"), found->toId }, { QStringLiteral("toName"), nameOf(found->toId) },
        { QStringLiteral("start"), found->start.toString() },
        { QStringLiteral("end"), found->end.toString() }, { QStringLiteral("note"), found->note } };
}

QVariantList GenogramController::lineTypes()
{
    QVariantList list;
    // A line drawn between two people already there: partners, twins or how they get on.
    // Parent lines come with the person added (addRelative), or as a parent line here too,
    // for a step-parent or a second family's child.
    for (const QVariant &type : typesOf(std::nullopt))
        list << type;
    return list;
}

const EcomapLink *GenogramController::linkOf(const QString &linkId) const
{
    for (const EcomapLink &entry : m_current.ecomap) {
        if (entry.id == linkId)
            return &entry;
    }
    return nullptr;
}

QVariantMap GenogramController::link(const QString &linkId) const
{
    if (const EcomapLink *found = linkOf(linkId)) {
        const EcomapLink &entry = *found;
        return { { QStringLiteral("id"), entry.id },
            { QStringLiteral("agency"), EcomapLink::agencyName(entry.agency) },
            { QStringLiteral("agencyLabel"), EcomapLayout::agencyLabel(entry.agency) },
            { QStringLiteral("name"), entry.name }, { QStringLiteral("personId"), entry.personId },
            { QStringLiteral("personName"),
                entry.personId.isEmpty() ? tr("The whole family") : nameOf(entry.personId) },
            { QStringLiteral("strength"), EcomapLink::strengthName(entry.strength) },
            { QStringLiteral("note"), entry.note } };
    }
    return {};
}

QString GenogramController::addRelative(const QString &personId, const QString &relationship,
    const QString &givenName, const QString &gender)
{
    const Genogram &genogram = m_current.genogram;
    const GenogramPerson *from = genogram.person(personId);
    if (!from) {
        refuse(tr("Nobody was added: choose someone on the genogram first."));
        return {};
    }
    const QString name = givenName.simplified();
    if (name.isEmpty()) {
        refuse(tr("Nobody was added: give them a name, even just \"Grandma\"."));
        return {};
    }
    const auto parsedGender = genderFrom(gender);
    if (!parsedGender) {
        refuse(tr("Nobody was added: \"%1\" is not female, male or unknown.").arg(gender));
        return {};
    }
    GenogramPerson added;
    added.id = newId();
    added.displayName = name;
    added.gender = *parsedGender;

    const auto line = [](Type type, const QString &fromId, const QString &toId) {
        GenogramRelation relation;
        relation.id = newId();
        relation.type = type;
        relation.fromId = fromId;
        relation.toId = toId;
        return relation;
    };
    QList<GenogramRelation> lines;
    if (relationship == QLatin1String("parent")) {
        lines << line(Type::Biological, added.id, personId);
    } else if (relationship == QLatin1String("partner")) {
        GenogramRelation partnership = line(Type::Married, personId, added.id);
        // After every partnership already drawn, so the new partner stands outermost.
        for (const GenogramRelation &existing : genogram.relations()) {
            if (existing.kind() == Kind::Partner
                && (existing.fromId == personId || existing.toId == personId))
                partnership.order = std::max(partnership.order, existing.order);
        }
        partnership.order += 1;
        lines << partnership;
    } else if (relationship == QLatin1String("child")) {
        lines << line(Type::Biological, personId, added.id);
        // A child of the person's present partnership: the latest one not ended.
        const GenogramRelation *present = nullptr;
        for (const GenogramRelation &existing : genogram.relations()) {
            if (!existing.isShown() || existing.kind() != Kind::Partner
                || (existing.fromId != personId && existing.toId != personId)
                || existing.type == Type::Separated || existing.type == Type::Divorced)
                continue;
            if (!present || partnershipKey(*present) < partnershipKey(existing))
                present = &existing;
        }
        if (present) {
            const QString partnerId = present->fromId == personId ? present->toId : present->fromId;
            lines << line(Type::Biological, partnerId, added.id);
        }
    } else if (relationship == QLatin1String("sibling")) {
        // A brother or sister hangs from the same parents, by the same kind of line.
        for (const GenogramRelation &existing : genogram.relations()) {
            if (existing.isShown() && existing.kind() == Kind::Parent && existing.toId == personId
                && existing.type != Type::Step && existing.type != Type::Foster)
                lines << line(existing.type, existing.fromId, added.id);
        }
        if (lines.isEmpty()) {
            refuse(tr("Nobody was added: add %1's parents first; brothers and sisters hang from "
                      "their parents' line.")
                       .arg(from->displayName));
            return {};
        }
    } else {
        refuse(tr("Nobody was added: \"%1\" is not a parent, partner, child or sibling.")
                   .arg(relationship));
        return {};
    }

    // The rules are the model's: try the edit on a copy before writing anything.
    Genogram trial = genogram;
    if (auto ok = trial.addPerson(added); !ok) {
        refuse(ok.error().message);
        return {};
    }
    QList<Change> changes;
    QList<Change> undo;
    QList<Change> redo;
    auto createdPerson = GenogramChanges::createPerson(m_familyId, added);
    if (!createdPerson) {
        refuse(createdPerson.error().message);
        return {};
    }
    changes << *createdPerson;
    redo << GenogramChanges::restorePerson(added.id);
    for (const GenogramRelation &relation : std::as_const(lines)) {
        if (auto ok = trial.addRelation(relation); !ok) {
            refuse(ok.error().message);
            return {};
        }
        auto created = GenogramChanges::createRelation(m_familyId, relation);
        if (!created) {
            refuse(created.error().message);
            return {};
        }
        changes << *created;
        redo << GenogramChanges::restoreRelation(relation.id);
        undo << GenogramChanges::removeRelation(relation.id);
    }
    auto removed = GenogramChanges::removePerson(added.id, [&] {
        FamilyGenogram after = m_current;
        after.genogram = trial;
        return after;
    }());
    if (!removed) {
        refuse(removed.error().message);
        return {};
    }
    undo << *removed;
    //: What undo takes back: "Undo adding Rose".
    const QString text = tr("adding %1").arg(name);
    if (!editFixed(text, changes, undo, redo))
        return {};
    return added.id;
}

bool GenogramController::savePerson(const QString &personId, const QVariantMap &details)
{
    const GenogramPerson *found = m_current.genogram.person(personId);
    if (!found)
        return refuse(tr("Nothing was changed: this person is no longer on the genogram."));
    const bool fromRecord = m_current.familyRecordIds.contains(personId);
    GenogramPerson after = *found;
    const auto text = [&details](const char *key) {
        return details.value(QString::fromLatin1(key)).toString().trimmed();
    };
    const auto has
        = [&details](const char *key) { return details.contains(QString::fromLatin1(key)); };
    if (!fromRecord) {
        if (has("name")) {
            if (text("name").isEmpty())
                return refuse(tr("Nothing was changed: a person on the genogram needs a name."));
            after.displayName = text("name").simplified();
        }
        if (has("gender")) {
            const auto gender = genderFrom(text("gender"));
            if (!gender)
                return refuse(tr("Nothing was changed: \"%1\" is not female, male or unknown.")
                                  .arg(text("gender")));
            after.gender = *gender;
        }
        if (has("born")) {
            const auto born = GenogramDate::fromString(text("born"));
            if (!born)
                return refuse(tr("Nothing was changed: write the year of birth as 1962, "
                                 "1962-07 or 1962-07-14."));
            after.born = *born;
        }
    }
    if (has("died")) {
        const auto died = GenogramDate::fromString(text("died"));
        if (!died)
            return refuse(tr("Nothing was changed: write the year of death as 1998, 1998-03 or "
                             "1998-03-02."));
        after.died = *died;
    }
    if (has("deceased"))
        after.deceased = details.value(QStringLiteral("deceased")).toBool();
    if (has("ageText"))
        after.ageText = text("ageText").left(12);
    if (has("interpreterNeeded"))
        after.interpreterNeeded = details.value(QStringLiteral("interpreterNeeded")).toBool();
    if (has("pregnancy"))
        after.pregnancy = details.value(QStringLiteral("pregnancy")).toBool();
    if (has("note"))
        after.note = details.value(QStringLiteral("note")).toString();
    if (has("isIndex"))
        after.isIndex = details.value(QStringLiteral("isIndex")).toBool();

    QList<std::pair<GenogramPerson, GenogramPerson>> edits { { *found, after } };
    // One index person: choosing someone else moves the double outline to them.
    if (after.isIndex && !found->isIndex) {
        for (const GenogramPerson &other : m_current.genogram.people()) {
            if (other.isIndex && other.id != personId) {
                GenogramPerson cleared = other;
                cleared.isIndex = false;
                edits.append({ other, cleared });
            }
        }
    }
    //: What undo takes back: "Undo changing Rose".
    return editPeople(tr("changing %1").arg(after.displayName), edits);
}

bool GenogramController::editPeople(
    const QString &text, const QList<std::pair<GenogramPerson, GenogramPerson>> &edits)
{
    Genogram trial = m_current.genogram;
    QList<Change> changes;
    for (const auto &[before, after] : edits) {
        if (auto ok = trial.updatePerson(after); !ok)
            return refuse(ok.error().message);
        auto saved = GenogramChanges::savePerson(m_familyId, after, m_current);
        if (!saved)
            return refuse(saved.error().message);
        changes.append(*saved);
    }
    // Worked out when undone or redone, against what is stored then: a family member's
    // first edit creates their overlay, which undo and redo then update, and only fields
    // that differ from the store's are written.
    const auto all = [this, edits](bool wantAfter) {
        QList<Change> list;
        for (const auto &[before, after] : edits) {
            if (auto saved
                = GenogramChanges::savePerson(m_familyId, wantAfter ? after : before, m_current))
                list.append(*saved);
        }
        return list;
    };
    return edit(
        text, changes, [all] { return all(false); }, [all] { return all(true); });
}

bool GenogramController::removePerson(const QString &personId)
{
    const GenogramPerson *found = m_current.genogram.person(personId);
    if (!found)
        return refuse(tr("Nothing was removed: this person is no longer on the genogram."));
    auto removed = GenogramChanges::removePerson(personId, m_current);
    if (!removed)
        return refuse(removed.error().message);
    QList<Change> changes { *removed };
    QList<Change> undo { GenogramChanges::restorePerson(personId) };
    // Their lines go with them here, where the practitioner sees it happen; a line left to
    // someone deleted on another tablet is only hidden and flagged (Genogram::issues()).
    for (const GenogramRelation &relation : m_current.genogram.relations()) {
        if (relation.fromId == personId || relation.toId == personId) {
            changes << GenogramChanges::removeRelation(relation.id);
            undo << GenogramChanges::restoreRelation(relation.id);
        }
    }
    //: What undo takes back: "Undo removing Rose".
    return editFixed(tr("removing %1").arg(found->displayName), changes, undo, changes);
}

bool GenogramController::pin(const QString &personId, qreal x, qreal y)
{
    const GenogramPerson *found = m_current.genogram.person(personId);
    if (!found)
        return refuse(tr("Nothing was moved: this person is no longer on the genogram."));
    if (!std::isfinite(x) || !std::isfinite(y))
        return refuse(tr("Nothing was moved: that is not a place on the genogram."));
    GenogramPerson after = *found;
    after.pinned = QPointF(x, y);
    //: What undo takes back: "Undo moving Rose".
    return editPeople(tr("moving %1").arg(found->displayName), { { *found, after } });
}

bool GenogramController::unpin(const QString &personId)
{
    const GenogramPerson *found = m_current.genogram.person(personId);
    if (!found || !found->pinned)
        return false;
    GenogramPerson after = *found;
    after.pinned.reset();
    //: What undo takes back: "Undo placing Rose automatically".
    return editPeople(
        tr("placing %1 automatically").arg(found->displayName), { { *found, after } });
}

QString GenogramController::addLine(const QString &fromId, const QString &toId, const QString &type)
{
    const auto parsed = typeFromName(type);
    if (!parsed) {
        refuse(tr("No line was drawn: \"%1\" is not a kind of line.").arg(type));
        return {};
    }
    GenogramRelation relation;
    relation.id = newId();
    relation.type = *parsed;
    relation.fromId = fromId;
    relation.toId = toId;
    if (relation.kind() == Kind::Partner) {
        for (const GenogramRelation &existing : m_current.genogram.relations()) {
            if (existing.kind() == Kind::Partner
                && (existing.fromId == fromId || existing.toId == fromId))
                relation.order = std::max(relation.order, existing.order);
        }
        relation.order += 1;
    }
    if (auto ok = m_current.genogram.checkRelation(relation); !ok) {
        refuse(ok.error().message);
        return {};
    }
    //: What undo takes back: "Undo the Close line between Rose and Ben".
    const QString text = tr("the %1 line between %2 and %3")
                             .arg(typeLabel(relation.type), nameOf(fromId), nameOf(toId));
    if (!editCreate(text, GenogramChanges::createRelation(m_familyId, relation),
            GenogramChanges::removeRelation(relation.id),
            GenogramChanges::restoreRelation(relation.id)))
        return {};
    return relation.id;
}

bool GenogramController::setRelationType(const QString &relationId, const QString &type)
{
    const GenogramRelation *found = m_current.genogram.relation(relationId);
    if (!found)
        return refuse(tr("Nothing was changed: this line is no longer on the genogram."));
    const auto parsed = typeFromName(type);
    if (!parsed)
        return refuse(tr("Nothing was changed: \"%1\" is not a kind of line.").arg(type));
    if (GenogramRelation::kindOf(*parsed) != found->kind())
        return refuse(tr("Nothing was changed: a line between %1 can be %2, not %3. Remove it "
                         "and draw a new line instead.")
                          .arg(kindLabel(found->kind()).toLower(), typeLabel(found->type),
                              typeLabel(*parsed)));
    GenogramRelation after = *found;
    after.type = *parsed;
    //: What undo takes back: "Undo making the line between Rose and Ben Divorced".
    return editRelation(tr("making the line between %1 and %2 %3")
                            .arg(nameOf(after.fromId), nameOf(after.toId), typeLabel(after.type)),
        *found, after);
}

bool GenogramController::saveRelation(const QString &relationId, const QVariantMap &details)
{
    const GenogramRelation *found = m_current.genogram.relation(relationId);
    if (!found)
        return refuse(tr("Nothing was changed: this line is no longer on the genogram."));
    GenogramRelation after = *found;
    if (details.contains(QStringLiteral("start"))) {
        const auto start
            = GenogramDate::fromString(details.value(QStringLiteral("start")).toString());
        if (!start)
            return refuse(tr("Nothing was changed: write when it started as 2009, 2009-06 or "
                             "2009-06-20."));
        after.start = *start;
    }
    if (details.contains(QStringLiteral("end"))) {
        const auto end = GenogramDate::fromString(details.value(QStringLiteral("end")).toString());
        if (!end)
            return refuse(tr("Nothing was changed: write when it ended as 2015, 2015-01 or "
                             "2015-01-31."));
        after.end = *end;
    }
    if (after.start.isValid() && after.end.isValid() && after.end < after.start)
        return refuse(tr("Nothing was changed: it cannot end before it started."));
    if (details.contains(QStringLiteral("note")))
        after.note = details.value(QStringLiteral("note")).toString();
    //: What undo takes back: "Undo changing the line between Rose and Ben".
    return editRelation(
        tr("changing the line between %1 and %2").arg(nameOf(after.fromId), nameOf(after.toId)),
        *found, after);
}

bool GenogramController::editRelation(
    const QString &text, const GenogramRelation &before, const GenogramRelation &after)
{
    if (auto ok = m_current.genogram.checkRelation(after); !ok)
        return refuse(ok.error().message);
    return editSave(
        text, GenogramChanges::saveRelation(after), GenogramChanges::saveRelation(before));
}

bool GenogramController::removeRelation(const QString &relationId)
{
    const GenogramRelation *found = m_current.genogram.relation(relationId);
    if (!found)
        return refuse(tr("Nothing was removed: this line is no longer on the genogram."));
    const QList<Change> redo { GenogramChanges::removeRelation(relationId) };
    const QList<Change> undo { GenogramChanges::restoreRelation(relationId) };
    //: What undo takes back: "Undo removing the line between Rose and Ben".
    return editFixed(
        tr("removing the line between %1 and %2").arg(nameOf(found->fromId), nameOf(found->toId)),
        redo, undo, redo);
}

// The family's household is the one that holds most of the family record's people (the
// first by id on a tie): the outline drawn around those who live at the family's address.
const GenogramHousehold *GenogramController::familyHousehold() const
{
    const GenogramHousehold *best = nullptr;
    qsizetype bestCount = -1;
    for (const GenogramHousehold &household : m_current.genogram.households()) {
        const qsizetype count
            = std::count_if(household.memberIds.cbegin(), household.memberIds.cend(),
                [this](const QString &id) { return m_current.familyRecordIds.contains(id); });
        if (count > bestCount || (count == bestCount && household.id < best->id)) {
            best = &household;
            bestCount = count;
        }
    }
    return best;
}

bool GenogramController::livesInHousehold(const QString &personId) const
{
    const GenogramHousehold *household = familyHousehold();
    return household && household->memberIds.contains(personId);
}

bool GenogramController::setLivesInHousehold(const QString &personId, bool lives)
{
    const GenogramPerson *found = m_current.genogram.person(personId);
    if (!found)
        return refuse(tr("Nothing was changed: this person is no longer on the genogram."));
    if (livesInHousehold(personId) == lives)
        return true;
    //: What undo takes back: "Undo Rose living in the household".
    const QString text = lives ? tr("%1 living in the household").arg(found->displayName)
                               : tr("%1 living elsewhere").arg(found->displayName);
    const GenogramHousehold *household = familyHousehold();
    if (!household) {
        GenogramHousehold started;
        started.id = newId();
        started.memberIds = { personId };
        return editCreate(text, GenogramChanges::createHousehold(m_familyId, started),
            GenogramChanges::removeHousehold(started.id),
            GenogramChanges::restoreHousehold(started.id));
    }
    GenogramHousehold after = *household;
    if (lives)
        after.memberIds.append(personId);
    else
        after.memberIds.removeAll(personId);
    return editSave(
        text, GenogramChanges::saveHousehold(after), GenogramChanges::saveHousehold(*household));
}

QString GenogramController::addLink(const QString &agency, const QString &name,
    const QString &personId, const QString &strength, const QString &note)
{
    EcomapLink added;
    added.id = newId();
    if (!EcomapLink::agencyFromName(agency, &added.agency)) {
        refuse(tr("No link was added: \"%1\" is not a kind of service.").arg(agency));
        return {};
    }
    if (!EcomapLink::strengthFromName(strength, &added.strength)) {
        refuse(tr("No link was added: a link is strong, weak or stressful, not \"%1\".")
                   .arg(strength));
        return {};
    }
    if (!personId.isEmpty() && !m_current.genogram.person(personId)) {
        refuse(tr("No link was added: that person is no longer on the genogram."));
        return {};
    }
    added.name = name.simplified();
    added.personId = personId;
    added.note = note;
    //: What undo takes back: "Undo linking to St Mary's Primary".
    const QString text
        = tr("linking to %1")
              .arg(added.name.isEmpty() ? EcomapLayout::agencyLabel(added.agency) : added.name);
    if (!editCreate(text, GenogramChanges::createEcomapLink(m_familyId, added),
            GenogramChanges::removeEcomapLink(added.id),
            GenogramChanges::restoreEcomapLink(added.id)))
        return {};
    return added.id;
}

bool GenogramController::saveLink(const QString &linkId, const QVariantMap &details)
{
    const EcomapLink *found = linkOf(linkId);
    if (!found)
        return refuse(tr("Nothing was changed: this link is no longer on the ecomap."));
    EcomapLink after = *found;
    if (details.contains(QStringLiteral("agency"))
        && !EcomapLink::agencyFromName(
            details.value(QStringLiteral("agency")).toString(), &after.agency))
        return refuse(tr("Nothing was changed: \"%1\" is not a kind of service.")
                          .arg(details.value(QStringLiteral("agency")).toString()));
    if (details.contains(QStringLiteral("strength"))
        && !EcomapLink::strengthFromName(
            details.value(QStringLiteral("strength")).toString(), &after.strength))
        return refuse(tr("Nothing was changed: a link is strong, weak or stressful, not \"%1\".")
                          .arg(details.value(QStringLiteral("strength")).toString()));
    if (details.contains(QStringLiteral("name")))
        after.name = details.value(QStringLiteral("name")).toString().simplified();
    if (details.contains(QStringLiteral("note")))
        after.note = details.value(QStringLiteral("note")).toString();
    if (details.contains(QStringLiteral("personId"))) {
        after.personId = details.value(QStringLiteral("personId")).toString();
        if (!after.personId.isEmpty() && !m_current.genogram.person(after.personId))
            return refuse(tr("Nothing was changed: that person is no longer on the genogram."));
    }
    //: What undo takes back: "Undo changing the link to St Mary's Primary".
    return editSave(
        tr("changing the link to %1")
            .arg(after.name.isEmpty() ? EcomapLayout::agencyLabel(after.agency) : after.name),
        GenogramChanges::saveEcomapLink(after), GenogramChanges::saveEcomapLink(*found));
}

bool GenogramController::removeLink(const QString &linkId)
{
    const EcomapLink *found = linkOf(linkId);
    if (!found)
        return refuse(tr("Nothing was removed: this link is no longer on the ecomap."));
    const QList<Change> redo { GenogramChanges::removeEcomapLink(linkId) };
    const QList<Change> undo { GenogramChanges::restoreEcomapLink(linkId) };
    //: What undo takes back: "Undo removing the link to St Mary's Primary".
    return editFixed(
        tr("removing the link to %1")
            .arg(found->name.isEmpty() ? EcomapLayout::agencyLabel(found->agency) : found->name),
        redo, undo, redo);
}

bool GenogramController::undo()
{
    return travel(m_undo, m_redo, &Step::undo);
}

bool GenogramController::redo()
{
    return travel(m_redo, m_undo, &Step::redo);
}

bool GenogramController::travel(
    QList<Step> &from, QList<Step> &to, std::function<QList<Change>()> Step::*changes)
{
    if (from.isEmpty())
        return false;
    const Step step = from.constLast();
    if (!apply((step.*changes)()))
        return false;
    from.removeLast();
    to.append(step);
    Q_EMIT historyChanged();
    return true;
}

QString GenogramController::saveExport(
    const QString &what, const QString &format, const QString &folder)
{
    if (!m_found || !m_session) {
        setError(tr("Nothing was saved: the family's genogram is not open."));
        return {};
    }
    const bool ecomap = what == QLatin1String("ecomap");
    if (!ecomap && what != QLatin1String("genogram")) {
        setError(tr("Nothing was saved: choose the genogram or the ecomap."));
        return {};
    }
    const bool svg = format == QLatin1String("svg");
    if (!svg && format != QLatin1String("pdf")) {
        setError(
            tr("Nothing was saved: it is saved as \"svg\" or \"pdf\", not \"%1\".").arg(format));
        return {};
    }
    const QString title = ecomap ? tr("The %1 family and who is around them").arg(m_familyName)
                                 : tr("The %1 family tree").arg(m_familyName);
    const GenogramScene &scene = *m_scene;
    const QByteArray bytes = ecomap
        ? (svg ? GenogramExport::ecomapSvg(scene.ecomap(), title)
               : GenogramExport::ecomapPdf(scene.ecomap(), title))
        : (svg ? GenogramExport::svg(scene.genogram(), scene.layout(), title)
               : GenogramExport::pdf(scene.genogram(), scene.layout(), title));
    //: Part of a file name: "Okafor genogram 2026-03-12.pdf".
    QString name = FamilyDocuments::fileName(
        m_familyName, ecomap ? tr("ecomap") : tr("genogram"), m_session->today());
    if (svg)
        name = name.left(name.size() - 4) + QStringLiteral(".svg");
    auto saved = FamilyDocuments::saveBytes(folder, name, bytes);
    if (!saved) {
        setError(saved.error().message);
        return {};
    }
    clearError();
    return *saved;
}

void GenogramController::reload()
{
    load(false);
}

void GenogramController::load(bool keepPlaces)
{
    const bool wasFound = m_found;
    m_found = false;
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || m_familyId.isEmpty()) {
        m_current = {};
        m_familyName.clear();
        m_scene->clear();
        if (wasFound || !m_undo.isEmpty() || !m_redo.isEmpty()) {
            m_undo.clear();
            m_redo.clear();
            Q_EMIT historyChanged();
        }
        Q_EMIT loaded();
        return;
    }
    auto family = FamilyRepository(*store).find(m_familyId);
    auto read = GenogramRepository(*store).forFamily(m_familyId);
    if (!family || !*family || !read) {
        setError(!family   ? family.error().message
                : !*family ? tr("This family is no longer on this tablet.")
                           : read.error().message);
        m_current = {};
        m_scene->clear();
        Q_EMIT loaded();
        return;
    }
    m_familyName = (*family)->familyName;
    m_current = std::move(*read);
    m_scene->setGenogram(m_current.genogram, keepPlaces);
    m_scene->setEcomap(m_familyName, m_current.ecomap, FamilyDocuments::ecomapMembers(m_current));
    m_found = true;
    Q_EMIT loaded();
}

void GenogramController::onRecordsChanged(const QStringList &kinds)
{
    if (m_writing || !Session::touches(kinds, shownKinds()))
        return;
    // Someone else wrote (a sync, the family page): undo could now overwrite their change
    // with this page's older values, so the history starts again from what is stored.
    if (!m_undo.isEmpty() || !m_redo.isEmpty()) {
        m_undo.clear();
        m_redo.clear();
        Q_EMIT historyChanged();
    }
    load(true);
}

bool GenogramController::apply(const QList<Change> &changes)
{
    if (!m_session || !m_session->store())
        return refuse(tr("Doorstep is locked; nothing was saved."));
    m_writing = true;
    auto ids = m_session->apply(changes);
    m_writing = false;
    if (!ids) {
        setError(ids.error().message);
        return false;
    }
    clearError();
    load(true);
    return true;
}

bool GenogramController::editCreate(
    const QString &text, const Result<Change> &created, const Change &remove, const Change &restore)
{
    if (!created)
        return refuse(created.error().message);
    return editFixed(text, { *created }, { remove }, { restore });
}

bool GenogramController::editSave(
    const QString &text, const Result<Change> &after, const Result<Change> &before)
{
    if (!after)
        return refuse(after.error().message);
    if (!before)
        return refuse(before.error().message);
    return editFixed(text, { *after }, { *before }, { *after });
}

bool GenogramController::editFixed(const QString &text, const QList<Change> &changes,
    const QList<Change> &undo, const QList<Change> &redo)
{
    return edit(
        text, changes, [undo] { return undo; }, [redo] { return redo; });
}

bool GenogramController::edit(const QString &text, const QList<Change> &changes,
    const std::function<QList<Change>()> &undo, const std::function<QList<Change>()> &redo)
{
    if (!apply(changes))
        return false;
    m_undo.append({ text, redo, undo });
    m_redo.clear();
    Q_EMIT historyChanged();
    return true;
}

QString GenogramController::nameOf(const QString &personId) const
{
    const GenogramPerson *found = m_current.genogram.person(personId);
    return found ? found->displayName : tr("someone removed");
}

bool GenogramController::refuse(const QString &message)
{
    setError(message);
    return false;
}

void GenogramController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

void GenogramController::clearError()
{
    setError({});
}

} // namespace doorstep
