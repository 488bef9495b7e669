#pragma once

#include "domain/result.h"
#include "domain/threehouses.h"
#include "store/change.h"

#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QString>

namespace doorstep
{

/// The changes the three houses make, each for Store::apply. A child's houses have ids
/// made from the child's id and the house's kind, so two tablets that start them offline
/// start the same three records, which merge when they sync, rather than two sets.
class ThreeHousesChanges
{
public:
    /// The id of a child's house of a kind, the same on every tablet.
    static QString houseId(const QString &personId, House::Kind kind);
    /// Starts the three houses of a child (three drawings of the child, not shared until the
    /// child says so). Apply only for houses not started on this tablet: start() of a house
    /// already here is refused by the store as a record that exists.
    static QList<Change> start(const QString &familyId, const QString &personId,
        const QList<House::Kind> &kinds, const QDateTime &at);
    /// A stroke drawn in a house, by the child or the practitioner: points normalised to the
    /// house's square, pressures one per point or none, width a fraction of its side.
    /// Refused (as StrokePoints::encode refuses) for no points or points that are not numbers.
    static Result<Change> stroke(const QString &drawingId, const QList<QPointF> &points,
        const QList<double> &pressures, const QString &colour, double width, bool byChild,
        const QDateTime &at);
    /// The child's words, or the practitioner's scribing of them, in a house.
    static Change words(const QString &drawingId, const QString &words,
        HouseWords::WrittenBy writtenBy, const QString &prompt, const QDateTime &at);
    /// A sticker placed in a house; its centre kept within the page, its size between a
    /// twentieth and the page's width.
    static Change sticker(const PlacedSticker &sticker);
    /// The name the child gives a house (empty: its usual name).
    static Change rename(const QString &drawingId, const QString &name);
    /// The symbol the child picks for a house (a sticker's name; empty: the house's own).
    static Change chooseSymbol(const QString &drawingId, const QString &symbol);
    /// The child's choice of whether the house may be shared.
    static Change share(const QString &drawingId, bool allowed);
};

} // namespace doorstep
