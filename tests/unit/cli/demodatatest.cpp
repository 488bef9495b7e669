#include "cli/demodata.h"

#include "domain/nhsnumber.h"
#include "store/familyrepository.h"
#include "store/genogramrepository.h"
#include "store/personrepository.h"
#include "store/threehousesrepository.h"
#include "unit/store/storetesthelpers.h"

#include <QSet>

using namespace doorstep;

namespace
{

DemoData::Options options(quint32 seed)
{
    DemoData::Options o;
    o.seed = seed;
    o.practitionerId = QStringLiteral("practitioner-1");
    return o;
}

QStringList describe(const QList<Change> &changes)
{
    QStringList lines;
    for (const Change &change : changes) {
        QString line = change.kind + QLatin1Char(' ') + change.recordId;
        for (const FieldValue &field : change.fields)
            line += QLatin1Char(' ') + field.field + QLatin1Char('=') + field.value.toString();
        lines << line;
    }
    return lines;
}

} // namespace

TEST_CASE("The same seed gives the same families, ids and values", "[cli]")
{
    for (int i = 0; i < 20; ++i)
        CHECK(
            describe(DemoData::family(options(7), i)) == describe(DemoData::family(options(7), i)));
}

TEST_CASE("Different seeds give different families", "[cli]")
{
    CHECK(describe(DemoData::family(options(1), 0)) != describe(DemoData::family(options(2), 0)));
}

TEST_CASE("Demo NHS numbers are valid, unique and in the NHS test range", "[cli]")
{
    QSet<QString> seen;
    for (int i = 0; i < 500; ++i) {
        for (const Change &change : DemoData::family(options(3), i)) {
            for (const FieldValue &field : change.fields) {
                if (field.field != QLatin1String("nhs_number"))
                    continue;
                const QString number = field.value.toString();
                CHECK(number.startsWith(QStringLiteral("999")));
                CHECK(NhsNumber::parse(number).ok());
                CHECK_FALSE(seen.contains(number));
                seen.insert(number);
            }
        }
    }
    CHECK(seen.size() > 1000);
}

TEST_CASE("Demo families go through the write path and pass verify", "[cli]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    QList<Change> all;
    for (int i = 0; i < 25; ++i)
        all << DemoData::family(options(11), i);
    auto applied = store->apply(all);
    INFO((applied ? QString() : applied.error().message).toStdString());
    REQUIRE(applied.ok());
    auto families = FamilyRepository(*store).list();
    REQUIRE(families->size() == 25);
    for (const Family &family : *families) {
        auto people = PersonRepository(*store).forFamily(family.id);
        CHECK(people->size() >= 2); // at least one adult and one child
    }
    CHECK(store->verify()->ok());
}

namespace
{

qint64 liveRows(Store &store, const char *table)
{
    auto query = store.query(QStringLiteral("SELECT count(*) FROM %1 WHERE causal_length % 2 = 1")
                                 .arg(QString::fromLatin1(table)));
    REQUIRE(query.ok());
    REQUIRE(*query->step());
    return query->integer(0);
}

} // namespace

TEST_CASE("Demo families have genograms and ecomaps with every kind of line", "[cli]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    constexpr int Families = 12;
    QList<Change> all;
    for (int i = 0; i < Families; ++i) {
        all << DemoData::family(options(1), i);
        const QList<Change> genogram = DemoData::genogram(options(1), i);
        CHECK(describe(genogram) == describe(DemoData::genogram(options(1), i)));
        all << genogram;
    }
    auto applied = store->apply(all);
    INFO((applied ? QString() : applied.error().message).toStdString());
    REQUIRE(applied.ok());

    using Type = GenogramRelation::Type;
    QSet<Type> types;
    int deceased = 0;
    int interpreters = 0;
    int halfSiblingFamilies = 0;
    qint64 overlays = 0;
    auto families = FamilyRepository(*store).list();
    REQUIRE(families.ok());
    REQUIRE(families->size() == Families);
    for (const Family &family : *families) {
        auto loaded = GenogramRepository(*store).forFamily(family.id);
        REQUIRE(loaded.ok());
        const Genogram &genogram = loaded->genogram;
        INFO(family.familyName.toStdString());
        CHECK(genogram.issues().isEmpty()); // every line drawable
        CHECK(genogram.people().size() >= 7); // the family, four grandparents, an aunt
        CHECK(genogram.households().size() == 2);
        CHECK(loaded->ecomap.size() >= 5);
        CHECK(loaded->ecomap.size() <= 8);
        int indexPeople = 0;
        bool partnered = false;
        for (const GenogramPerson &person : genogram.people()) {
            indexPeople += person.isIndex ? 1 : 0;
            deceased += person.deceased ? 1 : 0;
            interpreters += person.interpreterNeeded ? 1 : 0;
        }
        CHECK(indexPeople == 1);
        QHash<QString, int> partnerships;
        for (const GenogramRelation &relation : genogram.relations()) {
            types.insert(relation.type);
            if (relation.kind() == GenogramRelation::Kind::Partner) {
                partnered = true;
                ++partnerships[relation.fromId];
            }
        }
        CHECK(partnered);
        // An earlier partnership: a parent with two partners, a child of each.
        if (std::any_of(partnerships.cbegin(), partnerships.cend(), [](int n) { return n > 1; }))
            ++halfSiblingFamilies;
        overlays += loaded->overlayIds.size();
    }
    CHECK(deceased >= Families);
    CHECK(interpreters >= 1);
    CHECK(halfSiblingFamilies >= 1);
    for (const Type type : { Type::Married, Type::Separated, Type::Divorced, Type::Biological,
             Type::Foster, Type::Step, Type::IdenticalTwins, Type::Close, Type::Conflict,
             Type::CutOff, Type::Support })
        CHECK(types.contains(type));

    // The records themselves: extended family and overlays, lines, households and links.
    CHECK(liveRows(*store, "genogram_people") >= Families * 5);
    CHECK(overlays == Families); // the index child's
    CHECK(liveRows(*store, "genogram_relations") >= Families * 12);
    CHECK(liveRows(*store, "genogram_households") == Families * 2);
    CHECK(liveRows(*store, "ecomap_links") >= Families * 5);
    CHECK(store->verify()->ok());
}

TEST_CASE("Demo children have drawn their three houses, two of them shared", "[cli]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    int withHouses = 0;
    for (int i = 0; i < 10; ++i) {
        QList<Change> changes = DemoData::family(options(1), i);
        const QList<Change> houses = DemoData::threeHouses(options(1), i);
        CHECK(describe(houses) == describe(DemoData::threeHouses(options(1), i)));
        changes << houses;
        auto applied = store->apply(changes);
        INFO((applied ? QString() : applied.error().message).toStdString());
        REQUIRE(applied.ok());
        if (houses.isEmpty())
            continue;
        ++withHouses;
        const QString childId = houses.constFirst().fields.at(1).value.toString();
        auto read = ThreeHousesRepository(*store).forChild(childId);
        REQUIRE(read.ok());
        REQUIRE(read->houses.size() == 3);
        CHECK_FALSE(read->house(House::Kind::Worries)->shareAllowed);
        CHECK(read->house(House::Kind::GoodThings)->shareAllowed);
        CHECK(read->house(House::Kind::GoodThings)->name == QStringLiteral("My happy house"));
        CHECK(read->house(House::Kind::GoodThings)->strokes.size() == 2);
        CHECK(read->house(House::Kind::Worries)->words.size() == 2);
    }
    CHECK(withHouses >= 3);
    CHECK(store->verify()->ok());
}
