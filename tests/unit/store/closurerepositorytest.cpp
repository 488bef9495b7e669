#include "store/closurerepository.h"

#include "storetesthelpers.h"

using namespace doorstep;

namespace
{

QString add(Store &store, const char *kind, QList<FieldValue> fields)
{
    auto id = store.apply(Change::create(QString::fromLatin1(kind), std::move(fields)));
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    return *id;
}

} // namespace

TEST_CASE("A case's closures read back oldest first, from the current case", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    add(*store, "closure",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("closed_on"), QDate(2024, 9, 1) },
            { QStringLiteral("outcome"), QStringLiteral("stepped_down") } });
    const QString maintenance = add(*store, "closure",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("closed_on"), QDate(2026, 3, 1) },
            { QStringLiteral("outcome"), QStringLiteral("maintenance") },
            { QStringLiteral("reason"), QStringLiteral("Goals met; a light touch for a year") } });
    const QString closed = add(*store, "closure",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("closed_on"), QDate(2027, 3, 1) },
            { QStringLiteral("outcome"), QStringLiteral("closed") } });

    ClosureRepository endings(*store);
    auto all = endings.closures(family);
    REQUIRE(all.ok());
    CHECK(all->size() == 3);
    auto current = endings.closures(family, QDate(2025, 10, 1));
    REQUIRE(current.ok());
    REQUIRE(current->size() == 2);
    CHECK(current->at(0).id == maintenance);
    CHECK(current->at(0).outcome == QStringLiteral("maintenance"));
    CHECK(current->at(0).reason == QStringLiteral("Goals met; a light touch for a year"));
    CHECK(current->at(0).closedOn == QDate(2026, 3, 1));
    CHECK(current->at(1).id == closed);
    CHECK(current->at(1).reason.isEmpty());
}

TEST_CASE("The latest crisis card and ending letter of the current case", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    ClosureRepository endings(*store);

    auto noCard = endings.crisisCard(family);
    REQUIRE(noCard.ok());
    CHECK_FALSE(noCard->has_value());
    auto noLetter = endings.endingLetter(family);
    REQUIRE(noLetter.ok());
    CHECK_FALSE(noLetter->has_value());

    add(*store, "crisis_card",
        { { QStringLiteral("family_id"), family }, { QStringLiteral("made_on"), QDate(2024, 8, 1) },
            { QStringLiteral("warning_signs"), QStringLiteral("Old card") } });
    const QString card = add(*store, "crisis_card",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("made_on"), QDate(2026, 2, 20) },
            { QStringLiteral("warning_signs"), QStringLiteral("Not sleeping, shouting") },
            { QStringLiteral("what_to_do"), QStringLiteral("Take ten minutes outside") },
            { QStringLiteral("who_to_call"), QStringLiteral("Gran, then the duty line") } });
    const QString letter = add(*store, "ending_letter",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("written_on"), QDate(2026, 2, 27) },
            { QStringLiteral("addressed_to"), QStringLiteral("Ada and Bola") },
            { QStringLiteral("progress"), QStringLiteral("Bola goes to school every day") },
            { QStringLiteral("author_id"), QStringLiteral("practitioner-1") } });

    auto found = endings.crisisCard(family);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->id == card);
    CHECK((*found)->madeOn == QDate(2026, 2, 20));
    CHECK((*found)->warningSigns == QStringLiteral("Not sleeping, shouting"));
    CHECK((*found)->whatToDo == QStringLiteral("Take ten minutes outside"));
    CHECK((*found)->whoToCall == QStringLiteral("Gran, then the duty line"));
    auto later = endings.crisisCard(family, QDate(2026, 3, 1));
    REQUIRE(later.ok());
    CHECK_FALSE(later->has_value());

    auto written = endings.endingLetter(family, QDate(2026, 1, 1));
    REQUIRE(written.ok());
    REQUIRE(written->has_value());
    CHECK((*written)->id == letter);
    CHECK((*written)->addressedTo == QStringLiteral("Ada and Bola"));
    CHECK((*written)->progress == QStringLiteral("Bola goes to school every day"));
    CHECK((*written)->whereToGetHelp.isEmpty());
    CHECK((*written)->authorId == QStringLiteral("practitioner-1"));
}
