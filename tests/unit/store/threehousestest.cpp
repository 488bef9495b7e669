#include "catchhelpers.h"
#include "domain/strokepoints.h"
#include "store/threehouseschanges.h"
#include "store/threehousesrepository.h"
#include "storetesthelpers.h"

#include <catch2/catch.hpp>

using namespace doorstep;
using namespace doorstep::test;

// A child's three houses in the store: started once per child on any tablet, holding
// strokes, the child's words (and who wrote them down) and stickers; renamed, given a
// symbol and shared only by the child's choice.

namespace
{

const QDateTime At(QDate(2026, 3, 4), QTime(10, 30), Qt::UTC);

QString childOf(Store &store, const QString &familyId)
{
    return require(store.apply(Change::create(QStringLiteral("person"),
        { { QStringLiteral("family_id"), familyId },
            { QStringLiteral("given_name"), QStringLiteral("Chidi") },
            { QStringLiteral("date_of_birth"), QStringLiteral("2017-05-12") },
            { QStringLiteral("role"), QStringLiteral("child") } })));
}

const QList<House::Kind> AllKinds { House::Kind::Worries, House::Kind::GoodThings,
    House::Kind::Dreams };

} // namespace

TEST_CASE("A child's three houses hold their drawing, words and stickers", "[store][houses]")
{
    QTemporaryDir folder;
    auto store = makeStore(folder.path());
    const QString family = createFamily(*store, QStringLiteral("Okafor"));
    const QString child = childOf(*store, family);
    CHECK(require(ThreeHousesRepository(*store).forChild(child)).houses.isEmpty());

    require(store->apply(ThreeHousesChanges::start(family, child, AllKinds, At)));
    const QString worries = ThreeHousesChanges::houseId(child, House::Kind::Worries);
    const QString dreams = ThreeHousesChanges::houseId(child, House::Kind::Dreams);
    require(store->apply(Change::create(QStringLiteral("stroke"),
        { { QStringLiteral("drawing_id"), worries },
            { QStringLiteral("drawn_by"), QStringLiteral("child") },
            { QStringLiteral("points"),
                require(StrokePoints::encode({ QPointF(0.1, 0.2), QPointF(0.3, 0.4) })) },
            { QStringLiteral("drawn_at"), At.addSecs(60) } })));
    require(store->apply(ThreeHousesChanges::words(worries, QStringLiteral("When mum shouts"),
        HouseWords::WrittenBy::PractitionerScribing, QStringLiteral("What worries you at home?"),
        At.addSecs(120))));
    require(store->apply(ThreeHousesChanges::words(
        dreams, QStringLiteral("A dog"), HouseWords::WrittenBy::Child, {}, At.addSecs(180))));
    // A sticker dragged off the page stays on it.
    require(store->apply(ThreeHousesChanges::sticker(
        { {}, dreams, QStringLiteral("dog"), 1.4, 0.5, 0.3, true, At.addSecs(200) })));
    require(store->apply(ThreeHousesChanges::rename(dreams, QStringLiteral("  My dream house "))));
    require(store->apply(ThreeHousesChanges::chooseSymbol(dreams, QStringLiteral("star"))));
    require(store->apply(ThreeHousesChanges::share(dreams, true)));

    const ThreeHouses houses = require(ThreeHousesRepository(*store).forChild(child));
    CHECK(houses.familyId == family);
    REQUIRE(houses.houses.size() == 3);
    const House *worriesHouse = houses.house(House::Kind::Worries);
    REQUIRE(worriesHouse);
    CHECK(worriesHouse->strokes.size() == 1);
    REQUIRE(worriesHouse->words.size() == 1);
    CHECK(worriesHouse->words.first().words == QStringLiteral("When mum shouts"));
    CHECK(worriesHouse->words.first().writtenBy == HouseWords::WrittenBy::PractitionerScribing);
    CHECK(worriesHouse->words.first().prompt == QStringLiteral("What worries you at home?"));
    CHECK_FALSE(worriesHouse->shareAllowed); // not shared until the child says so
    const House *dreamsHouse = houses.house(House::Kind::Dreams);
    REQUIRE(dreamsHouse);
    CHECK(dreamsHouse->name == QStringLiteral("My dream house"));
    CHECK(dreamsHouse->symbol == QStringLiteral("star"));
    CHECK(dreamsHouse->shareAllowed);
    REQUIRE(dreamsHouse->stickers.size() == 1);
    CHECK(dreamsHouse->stickers.first().x == 1.0);
    CHECK(dreamsHouse->stickers.first().placedByChild);
    CHECK(dreamsHouse->words.first().writtenBy == HouseWords::WrittenBy::Child);
    CHECK(dreamsHouse->words.first().prompt.isEmpty());

    // What a child said is never edited, only taken back.
    const QString said = dreamsHouse->words.first().id;
    auto edit = store->apply(Change::update(QStringLiteral("house_words"), said,
        { { QStringLiteral("words"), QStringLiteral("A cat") } }));
    REQUIRE_FALSE(edit.ok());
    require(store->apply(Change::remove(QStringLiteral("house_words"), said)));
    CHECK(require(ThreeHousesRepository(*store).forChild(child))
              .house(House::Kind::Dreams)
              ->words.isEmpty());
    CHECK(require(store->verify()).ok());
}

TEST_CASE("Houses started on two tablets offline are one set after they sync", "[store][houses]")
{
    QTemporaryDir folder;
    ManualClock leadClock;
    ManualClock schoolClock;
    auto lead = makeStore(folder.filePath(QStringLiteral("lead")), &leadClock);
    auto school = makeStore(folder.filePath(QStringLiteral("school")), &schoolClock);
    const QString family = createFamily(*lead, QStringLiteral("Okafor"));
    const QString child = childOf(*lead, family);
    // The school tablet has the family, then both start the houses with the child offline.
    const QList<Op> first = require(lead->outbox(100));
    require(school->applyPulled(first, 1, {}));
    requireOk(lead->acknowledge(opSequence(first.last().id)));
    require(lead->apply(ThreeHousesChanges::start(family, child, AllKinds, At)));
    schoolClock.now += 60'000;
    require(school->apply(ThreeHousesChanges::start(family, child, AllKinds, At.addSecs(3600))));
    const QString goodThings = ThreeHousesChanges::houseId(child, House::Kind::GoodThings);
    require(lead->apply(ThreeHousesChanges::words(
        goodThings, QStringLiteral("Football"), HouseWords::WrittenBy::Child, {}, At.addSecs(60))));
    require(school->apply(ThreeHousesChanges::words(goodThings, QStringLiteral("My teacher"),
        HouseWords::WrittenBy::Child, QStringLiteral("Who helps you?"), At.addSecs(3660))));

    require(school->applyPulled(require(lead->outbox(100)), 2, {}));
    require(lead->applyPulled(require(school->outbox(100)), 1, {}));
    for (Store *store : { lead.get(), school.get() }) {
        const ThreeHouses houses = require(ThreeHousesRepository(*store).forChild(child));
        REQUIRE(houses.houses.size() == 3);
        QStringList words;
        for (const HouseWords &one : houses.house(House::Kind::GoodThings)->words)
            words << one.words;
        CHECK(words == QStringList { QStringLiteral("Football"), QStringLiteral("My teacher") });
        CHECK(require(store->verify()).ok());
    }
}
