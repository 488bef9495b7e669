#include "store/threehousesrepository.h"

#include "store/rowreader.h"
#include "store/store.h"
#include "store/strokerepository.h"
#include "store/threehouseschanges.h"

namespace doorstep
{

Result<ThreeHouses> ThreeHousesRepository::forChild(const QString &personId) const
{
    ThreeHouses result;
    result.personId = personId;
    auto drawings = m_store.query(QStringLiteral(
        "SELECT id, family_id, coalesce(title, ''), coalesce(symbol, ''), share_allowed, "
        "created_at FROM drawings WHERE id = ? AND person_id = ? AND causal_length % 2 = 1"));
    if (!drawings)
        return drawings.error();
    auto words = m_store.query(QStringLiteral(
        "SELECT id, drawing_id, words, written_by, coalesce(prompt, ''), written_at FROM "
        "house_words WHERE drawing_id = ? AND causal_length % 2 = 1 ORDER BY written_at, rowid"));
    if (!words)
        return words.error();
    auto stickers = m_store.query(QStringLiteral(
        "SELECT id, drawing_id, sticker, x, y, size, placed_by, placed_at FROM stickers WHERE "
        "drawing_id = ? AND causal_length % 2 = 1 ORDER BY placed_at, rowid"));
    if (!stickers)
        return stickers.error();

    for (const House::Kind kind :
        { House::Kind::Worries, House::Kind::GoodThings, House::Kind::Dreams }) {
        drawings->reset();
        drawings->bind(1, ThreeHousesChanges::houseId(personId, kind)).bind(2, personId);
        auto found = readFirst<House>(*drawings, [kind, &personId](const Statement &s) {
            RowReader r(s);
            House house;
            house.drawingId = r.text();
            house.familyId = r.text();
            house.personId = personId;
            house.kind = kind;
            house.name = r.text();
            house.symbol = r.text();
            house.shareAllowed = r.boolean();
            house.createdAt = r.dateTime();
            return house;
        });
        if (!found)
            return found.error();
        if (!*found)
            continue;
        House house = std::move(**found);
        result.familyId = house.familyId;

        auto strokes = StrokeRepository(m_store).forDrawing(house.drawingId);
        if (!strokes)
            return strokes.error();
        house.strokes = std::move(*strokes);

        words->reset();
        words->bind(1, house.drawingId);
        auto said = readAll<HouseWords>(*words, [](const Statement &s) {
            RowReader r(s);
            HouseWords one;
            one.id = r.text();
            one.drawingId = r.text();
            one.words = r.text();
            one.writtenBy = r.text() == QLatin1String("child")
                ? HouseWords::WrittenBy::Child
                : HouseWords::WrittenBy::PractitionerScribing;
            one.prompt = r.text();
            one.writtenAt = r.dateTime();
            return one;
        });
        if (!said)
            return said.error();
        house.words = std::move(*said);

        stickers->reset();
        stickers->bind(1, house.drawingId);
        auto placed = readAll<PlacedSticker>(*stickers, [](const Statement &s) {
            RowReader r(s);
            PlacedSticker one;
            one.id = r.text();
            one.drawingId = r.text();
            one.sticker = r.text();
            one.x = r.real();
            one.y = r.real();
            one.size = r.real();
            one.placedByChild = r.text() == QLatin1String("child");
            one.placedAt = r.dateTime();
            return one;
        });
        if (!placed)
            return placed.error();
        house.stickers = std::move(*placed);
        result.houses << house;
    }
    return result;
}

} // namespace doorstep
