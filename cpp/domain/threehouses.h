#pragma once

#include "domain/stroke.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace doorstep
{

/// The child's own words in a house, with the question that drew them out, if one was
/// asked. This work can be used in court: who wrote the words down is kept with them.
struct HouseWords {
    enum class WrittenBy { Child, PractitionerScribing };

    QString id;
    QString drawingId;
    QString words;
    WrittenBy writtenBy = WrittenBy::Child;
    QString prompt; ///< the practitioner's question; empty when the child wrote unprompted
    QDateTime writtenAt;
};

/// A sticker the child (or the practitioner) placed in a house: which one, where its centre
/// is (0..1 of the house's page, x across, y down) and how big (a fraction of its width).
struct PlacedSticker {
    QString id;
    QString drawingId;
    QString sticker; ///< an asset name, e.g. "heart"
    double x = 0.5;
    double y = 0.5;
    double size = 0.2;
    bool placedByChild = true;
    QDateTime placedAt;
};

/// One of a child's three houses (a Signs of Safety tool): a drawing of the child with
/// the name the child gave it, the symbol it picked, whether it may be shared, and what is
/// in it.
struct House {
    enum class Kind { Worries, GoodThings, Dreams };

    QString drawingId;
    QString familyId;
    QString personId; ///< the child
    Kind kind = Kind::Worries;
    QString name; ///< as the child calls it; empty for the usual name
    QString symbol; ///< a sticker's name; empty for the house's own art
    bool shareAllowed = false; ///< the child's choice; every export respects it
    QDateTime createdAt;
    QList<Stroke> strokes;
    QList<HouseWords> words;
    QList<PlacedSticker> stickers;

    /// The drawing purpose a house of this kind is stored under.
    static QString purposeOf(Kind kind);
};

/// What a three-houses page needs to know of one child: their houses, in the order
/// worries, good things, dreams (a house not started yet is missing).
struct ThreeHouses {
    QString familyId;
    QString personId;
    QList<House> houses;

    const House *house(House::Kind kind) const;
};

} // namespace doorstep
