#include "store/threehouseschanges.h"

#include "domain/strokepoints.h"

#include <QUuid>
#include <algorithm>
#include <cmath>

namespace doorstep
{

namespace
{

FieldValue field(const char *name, const QVariant &value)
{
    return { QString::fromLatin1(name), value };
}

// The namespace of the name-based (version 5) UUIDs of three-houses drawings.
const QUuid HousesNamespace(QStringLiteral("{5b0f3c7e-2a4d-4e8b-9c61-7d2e8f4a1b35}"));

} // namespace

QString ThreeHousesChanges::houseId(const QString &personId, House::Kind kind)
{
    return QUuid::createUuidV5(
        HousesNamespace, personId + QLatin1Char('/') + House::purposeOf(kind))
        .toString(QUuid::WithoutBraces);
}

QList<Change> ThreeHousesChanges::start(const QString &familyId, const QString &personId,
    const QList<House::Kind> &kinds, const QDateTime &at)
{
    QList<Change> changes;
    for (const House::Kind kind : kinds) {
        changes << Change::create(QStringLiteral("drawing"),
            { field("family_id", familyId), field("person_id", personId),
                field("purpose", House::purposeOf(kind)), field("created_at", at),
                field("share_allowed", false) },
            houseId(personId, kind));
    }
    return changes;
}

Result<Change> ThreeHousesChanges::stroke(const QString &drawingId, const QList<QPointF> &points,
    const QList<double> &pressures, const QString &colour, double width, bool byChild,
    const QDateTime &at)
{
    auto encoded = StrokePoints::encode(points, pressures);
    if (!encoded)
        return encoded.error();
    if (!std::isfinite(width))
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("A stroke's width is not a number."));
    return Change::create(QStringLiteral("stroke"),
        { field("drawing_id", drawingId),
            field("drawn_by", byChild ? QStringLiteral("child") : QStringLiteral("practitioner")),
            field("points", *encoded), field("colour", colour),
            field("width", std::clamp(width, 0.0, 1.0)), field("drawn_at", at) });
}

Change ThreeHousesChanges::words(const QString &drawingId, const QString &words,
    HouseWords::WrittenBy writtenBy, const QString &prompt, const QDateTime &at)
{
    QList<FieldValue> fields { field("drawing_id", drawingId), field("words", words),
        field("written_by",
            writtenBy == HouseWords::WrittenBy::Child ? QStringLiteral("child")
                                                      : QStringLiteral("practitioner_scribing")),
        field("written_at", at) };
    if (!prompt.trimmed().isEmpty())
        fields << field("prompt", prompt.trimmed());
    return Change::create(QStringLiteral("house_words"), fields);
}

Change ThreeHousesChanges::sticker(const PlacedSticker &sticker)
{
    return Change::create(QStringLiteral("sticker"),
        { field("drawing_id", sticker.drawingId), field("sticker", sticker.sticker),
            field("x", std::clamp(sticker.x, 0.0, 1.0)),
            field("y", std::clamp(sticker.y, 0.0, 1.0)),
            field("size", std::clamp(sticker.size, 0.05, 1.0)),
            field("placed_by",
                sticker.placedByChild ? QStringLiteral("child") : QStringLiteral("practitioner")),
            field("placed_at", sticker.placedAt) });
}

Change ThreeHousesChanges::rename(const QString &drawingId, const QString &name)
{
    const QString trimmed = name.trimmed();
    return Change::update(QStringLiteral("drawing"), drawingId,
        { field("title", trimmed.isEmpty() ? QVariant() : QVariant(trimmed)) });
}

Change ThreeHousesChanges::chooseSymbol(const QString &drawingId, const QString &symbol)
{
    return Change::update(QStringLiteral("drawing"), drawingId,
        { field("symbol", symbol.isEmpty() ? QVariant() : QVariant(symbol)) });
}

Change ThreeHousesChanges::share(const QString &drawingId, bool allowed)
{
    return Change::update(
        QStringLiteral("drawing"), drawingId, { field("share_allowed", allowed) });
}

} // namespace doorstep
