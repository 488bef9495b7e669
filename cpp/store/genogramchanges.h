#pragma once

#include "domain/result.h"
#include "genogram/ecomap.h"
#include "genogram/genogram.h"
#include "store/change.h"
#include "store/familygenogram.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <optional>

namespace doorstep
{

/// The changes a genogram and ecomap editor makes, each for Store::apply. Every edit has its
/// undo in these terms: a create is undone by a remove, a remove by a restore, and a save by
/// saving the values from before (from a FamilyGenogram read before the edit).
///
/// The index person: setting isIndex on one person does not clear it on another. To move the
/// marker, save the old index person with isIndex false and the new one with isIndex true,
/// and apply both lists of changes together in one Store::apply (one transaction), so no
/// replica ever sees two index people or none in between.
class GenogramChanges
{
public:
    /// The id of the overlay of a family-record person, made from their people id (a
    /// version-5 UUID): the same on every tablet, so two tablets that each start one start
    /// the same record, which merges when they sync.
    static QString overlayId(const QString &personId);

    /// How a pinned place is kept: "x,y", shortest text that reads back to the same numbers.
    static QString pinnedText(const QPointF &position);
    /// The reverse; nullopt for anything that is not two finite numbers separated by a comma.
    static std::optional<QPointF> pinnedFromText(const QString &text);

    /// Adds someone of the extended family (a grandparent, an aunt, an earlier partner). The
    /// caller sets person.id to a new UUID (empty: the store makes one, returned by apply).
    [[nodiscard]] static Result<Change> createPerson(
        const QString &familyId, const GenogramPerson &person);
    /// The changes that make the store hold person's fields. For someone of the extended
    /// family, an update of every genogram field (name and gender only when they differ from
    /// current: the store may hold them more finely than GenogramPerson says them). For a
    /// family-record person, only the overlay's fields (deceased, died, age text, index,
    /// interpreter, pregnancy, note, pinned), creating the overlay first when current has
    /// none: their name, gender and date of birth belong to the family record and are never
    /// written from the genogram. A new overlay carries only the fields set, so two tablets
    /// that start it with different edits both keep theirs when they sync.
    [[nodiscard]] static Result<QList<Change>> savePerson(
        const QString &familyId, const GenogramPerson &person, const FamilyGenogram &current);
    /// Deletes someone of the extended family (a tombstone: lines to them stay, Dangling).
    /// Refused with a sentence for a family-record person.
    [[nodiscard]] static Result<Change> removePerson(
        const QString &personId, const FamilyGenogram &current);
    static Change restorePerson(const QString &personId);

    /// A line between two genogram ids. The caller sets relation.id (empty: the store makes
    /// one) and checks it against the model first (Genogram::checkRelation).
    [[nodiscard]] static Result<Change> createRelation(
        const QString &familyId, const GenogramRelation &relation);
    /// An update of every field of the relation.
    [[nodiscard]] static Result<Change> saveRelation(const GenogramRelation &relation);
    static Change removeRelation(const QString &id);
    static Change restoreRelation(const QString &id);

    /// People who live together; member ids are genogram ids and may not contain spaces.
    [[nodiscard]] static Result<Change> createHousehold(
        const QString &familyId, const GenogramHousehold &household);
    [[nodiscard]] static Result<Change> saveHousehold(const GenogramHousehold &household);
    static Change removeHousehold(const QString &id);
    static Change restoreHousehold(const QString &id);

    /// A link with a service or group; link.personId a genogram id, or empty for the whole
    /// family.
    [[nodiscard]] static Result<Change> createEcomapLink(
        const QString &familyId, const EcomapLink &link);
    [[nodiscard]] static Result<Change> saveEcomapLink(const EcomapLink &link);
    static Change removeEcomapLink(const QString &id);
    static Change restoreEcomapLink(const QString &id);
};

} // namespace doorstep
