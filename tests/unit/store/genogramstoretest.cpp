#include "catchhelpers.h"
#include "protocol/opcheck.h"
#include "protocol/recordschema.h"
#include "store/genogramchanges.h"
#include "store/genogramrepository.h"
#include "store/migrations.h"
#include "storetesthelpers.h"

#include <QUuid>
#include <catch2/catch.hpp>
#include <cmath>

using namespace doorstep;
using namespace doorstep::test;
using Type = GenogramRelation::Type;
using State = GenogramRelation::State;

// A family's genogram and ecomap in the store: the family record's people with their
// genogram overlay, extended family, lines, households and ecomap links; partial dates;
// deletion that never cascades; and loading that survives a damaged value.

namespace
{

const QString PersonKind = QStringLiteral("genogram_person");

struct Family {
    QString id;
    QString mum;
    QString child;
};

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Family makeFamily(Store &store)
{
    Family family;
    family.id = createFamily(store, QStringLiteral("Okafor"));
    family.mum = require(store.apply(Change::create(QStringLiteral("person"),
        { { QStringLiteral("family_id"), family.id },
            { QStringLiteral("given_name"), QStringLiteral("Grace") },
            { QStringLiteral("family_name"), QStringLiteral("Okafor") },
            { QStringLiteral("gender"), QStringLiteral("female") },
            { QStringLiteral("date_of_birth"), QStringLiteral("1988-04-02") },
            { QStringLiteral("role"), QStringLiteral("parent") } })));
    family.child = require(store.apply(Change::create(QStringLiteral("person"),
        { { QStringLiteral("family_id"), family.id },
            { QStringLiteral("given_name"), QStringLiteral("Chidi") },
            { QStringLiteral("family_name"), QStringLiteral("Okafor") },
            { QStringLiteral("gender"), QStringLiteral("non_binary") },
            { QStringLiteral("date_of_birth"), QStringLiteral("2016-09-30") },
            { QStringLiteral("role"), QStringLiteral("child") } })));
    return family;
}

GenogramPerson grandmother()
{
    GenogramPerson nana;
    nana.id = newId();
    nana.displayName = QStringLiteral("Nana Adaeze");
    nana.gender = GenogramPerson::Gender::Female;
    nana.born = *GenogramDate::fromString(u"1941");
    nana.deceased = true;
    nana.died = *GenogramDate::fromString(u"2019-11");
    nana.ageText = QStringLiteral("78");
    nana.interpreterNeeded = true;
    nana.note = QStringLiteral("Lived in Enugu; the family visit her grave each year.");
    nana.pinned = QPointF(-120.25, 1.0 / 3.0);
    return nana;
}

GenogramRelation line(Type type, const QString &from, const QString &to)
{
    GenogramRelation relation;
    relation.id = newId();
    relation.type = type;
    relation.fromId = from;
    relation.toId = to;
    return relation;
}

FamilyGenogram load(Store &store, const QString &familyId)
{
    return require(GenogramRepository(store).forFamily(familyId));
}

QString errorOf(Store &store, const Change &change)
{
    auto applied = store.apply(change);
    REQUIRE_FALSE(applied.ok());
    return applied.error().message;
}

Change personUpdate(const QString &id, const char *field, const QVariant &value)
{
    return Change::update(PersonKind, id, { { QString::fromLatin1(field), value } });
}

} // namespace

TEST_CASE("Every genogram and ecomap field comes back from the store after a restart",
    "[store][genogram]")
{
    QTemporaryDir folder;
    Family family;
    GenogramPerson nana = grandmother();
    GenogramRelation parent = line(Type::Biological, nana.id, QString());
    GenogramRelation partner = line(Type::Divorced, QString(), QString());
    GenogramHousehold home;
    EcomapLink school;
    EcomapLink gp;
    EcomapLink friends;
    {
        auto store = makeStore(folder.path());
        family = makeFamily(*store);
        require(store->apply(require(GenogramChanges::createPerson(family.id, nana))));
        parent.toId = family.mum;
        partner.fromId = family.mum;
        partner.toId = nana.id; // any two people do for the store
        partner.start = *GenogramDate::fromString(u"2010-06");
        partner.end = *GenogramDate::fromString(u"2015-02-14");
        partner.order = 2;
        partner.note = QStringLiteral("Met at college.");
        require(store->apply(require(GenogramChanges::createRelation(family.id, parent))));
        require(store->apply(require(GenogramChanges::createRelation(family.id, partner))));
        home.id = newId();
        home.memberIds = { family.mum, family.child };
        home.note = QStringLiteral("Flat 3");
        require(store->apply(require(GenogramChanges::createHousehold(family.id, home))));
        school = { newId(), EcomapLink::Agency::School, QStringLiteral("St Mary's Primary"),
            family.child, EcomapLink::Strength::Strong, QStringLiteral("Chidi loves it.") };
        gp = { newId(), EcomapLink::Agency::Gp, QStringLiteral("Dr Khan"), {},
            EcomapLink::Strength::Stressful, QStringLiteral("Appointments are hard to get.") };
        friends = { newId(), EcomapLink::Agency::Friends, QStringLiteral("Church friends"), nana.id,
            EcomapLink::Strength::Weak, {} };
        for (const EcomapLink &link : { friends, school, gp })
            require(store->apply(require(GenogramChanges::createEcomapLink(family.id, link))));

        // A family-record person's genogram fields, in their overlay.
        FamilyGenogram current = load(*store, family.id);
        GenogramPerson chidi = *current.genogram.person(family.child);
        chidi.isIndex = true;
        chidi.pinned = QPointF(40, 80.5);
        chidi.ageText = QStringLiteral("9");
        chidi.note = QStringLiteral("Draws the family as animals.");
        require(store->apply(require(GenogramChanges::savePerson(family.id, chidi, current))));
        REQUIRE(require(store->verify()).ok());
    }

    auto reopened = Store::open(folder.path(), testKey());
    REQUIRE(reopened.ok());
    const FamilyGenogram loaded = load(**reopened, family.id);
    const Genogram &genogram = loaded.genogram;
    REQUIRE(genogram.people().size() == 3);
    CHECK(loaded.familyRecordIds == QSet<QString> { family.mum, family.child });
    CHECK(loaded.overlayIds == QSet<QString> { family.child });

    const GenogramPerson *grace = genogram.person(family.mum);
    REQUIRE(grace);
    CHECK(grace->displayName == QStringLiteral("Grace Okafor"));
    CHECK(grace->gender == GenogramPerson::Gender::Female);
    CHECK(grace->born.toString() == QStringLiteral("1988-04-02"));
    CHECK_FALSE(grace->pinned);
    const GenogramPerson *chidi = genogram.person(family.child);
    REQUIRE(chidi);
    CHECK(chidi->gender == GenogramPerson::Gender::Unknown); // non_binary: the neutral symbol
    CHECK(chidi->isIndex);
    CHECK(chidi->pinned == std::optional<QPointF>(QPointF(40, 80.5)));
    CHECK(chidi->ageText == QStringLiteral("9"));
    CHECK(chidi->note == QStringLiteral("Draws the family as animals."));

    const GenogramPerson *read = genogram.person(nana.id);
    REQUIRE(read);
    CHECK(read->displayName == nana.displayName);
    CHECK(read->gender == nana.gender);
    CHECK(read->born == nana.born);
    CHECK(read->deceased);
    CHECK(read->died == nana.died);
    CHECK(read->ageText == nana.ageText);
    CHECK_FALSE(read->isIndex);
    CHECK(read->interpreterNeeded);
    CHECK_FALSE(read->pregnancy);
    CHECK(read->note == nana.note);
    REQUIRE(read->pinned);
    CHECK(read->pinned->x() == nana.pinned->x()); // exactly: the layout keeps it so
    CHECK(read->pinned->y() == nana.pinned->y());

    REQUIRE(genogram.relations().size() == 2);
    const GenogramRelation *readPartner = genogram.relation(partner.id);
    REQUIRE(readPartner);
    CHECK(readPartner->type == Type::Divorced);
    CHECK(readPartner->fromId == family.mum);
    CHECK(readPartner->toId == nana.id);
    CHECK(readPartner->start.toString() == QStringLiteral("2010-06"));
    CHECK(readPartner->end.toString() == QStringLiteral("2015-02-14"));
    CHECK(readPartner->order == 2);
    CHECK(readPartner->note == partner.note);
    const GenogramRelation *readParent = genogram.relation(parent.id);
    REQUIRE(readParent);
    CHECK(readParent->type == Type::Biological);
    CHECK(readParent->order == 0);
    CHECK_FALSE(readParent->start.isValid());

    REQUIRE(genogram.households().size() == 1);
    CHECK(genogram.households().first().id == home.id);
    CHECK(genogram.households().first().memberIds == home.memberIds);
    CHECK(genogram.households().first().note == home.note);

    // By agency (the chooser's order), then name.
    CHECK(loaded.ecomap == QList<EcomapLink> { school, gp, friends });
}

TEST_CASE("Genogram dates may be a year, a month or a day, and nothing else", "[store][genogram]")
{
    QTemporaryDir folder;
    auto store = makeStore(folder.path());
    const Family family = makeFamily(*store);
    GenogramPerson uncle;
    uncle.id = newId();
    uncle.displayName = QStringLiteral("Uncle Emeka");
    require(store->apply(require(GenogramChanges::createPerson(family.id, uncle))));

    for (const char *good : { "1962", "1962-07", "1962-07-14", "2000-02-29", " 1970 " }) {
        INFO(good);
        require(store->apply(personUpdate(uncle.id, "born", QString::fromLatin1(good))));
        CHECK(load(*store, family.id).genogram.person(uncle.id)->born.toString()
            == QString::fromLatin1(good).trimmed());
    }
    for (const char *bad : { "62", "1962-13", "1962-7", "1962-02-30", "1900-02-29", "0000",
             "1962/07/14", "1962-07-14T10:00", "July 1962", "-1962" }) {
        INFO(bad);
        CHECK(errorOf(*store, personUpdate(uncle.id, "died", QString::fromLatin1(bad)))
            == QStringLiteral("The date of death must be a year, month or day written as 1962, "
                              "1962-07 or 1962-07-14."));
    }
    // A relation's dates are partial too; full dates written before version 10 still are.
    GenogramRelation partner = line(Type::Married, family.mum, uncle.id);
    require(store->apply(require(GenogramChanges::createRelation(family.id, partner))));
    CHECK(errorOf(*store,
              Change::update(QStringLiteral("genogram_relation"), partner.id,
                  { { QStringLiteral("start_date"), QStringLiteral("1999-1") } }))
        == QStringLiteral("The start date must be a year, month or day written as 1962, "
                          "1962-07 or 1962-07-14."));
    require(store->apply(Change::update(QStringLiteral("genogram_relation"), partner.id,
        { { QStringLiteral("end_date"), QDate(2004, 5, 6) } })));
    CHECK(load(*store, family.id).genogram.relation(partner.id)->end.toString()
        == QStringLiteral("2004-05-06"));

    // The same rule for what comes over the network.
    CHECK(RecordSchema::isPartialDate(QStringLiteral("1962-07")));
    CHECK_FALSE(RecordSchema::isPartialDate(QStringLiteral(" 1962")));
    Op op;
    op.id = QStringLiteral("device-1:1");
    op.deviceId = QStringLiteral("device-1");
    op.kind = PersonKind;
    op.recordId = uncle.id;
    op.field = QStringLiteral("born");
    op.value = QStringLiteral("1962-00");
    CHECK(OpCheck::problem(op)
        == std::optional<QString>(QStringLiteral("has a date of birth that is not a year, month "
                                                 "or day written as 1962, 1962-07 or "
                                                 "1962-07-14")));
    op.value = QStringLiteral("1962-07");
    CHECK_FALSE(OpCheck::problem(op));
}

TEST_CASE("Values the genogram cannot hold are refused with a sentence", "[store][genogram]")
{
    QTemporaryDir folder;
    auto store = makeStore(folder.path());
    const Family family = makeFamily(*store);
    GenogramPerson aunt;
    aunt.id = newId();
    aunt.displayName = QStringLiteral("Aunt Ngozi");
    require(store->apply(require(GenogramChanges::createPerson(family.id, aunt))));
    const FamilyGenogram current = load(*store, family.id);

    CHECK(errorOf(*store, personUpdate(aunt.id, "gender", QStringLiteral("robot")))
              .startsWith(QStringLiteral("The gender must be one of: female, male")));
    CHECK(errorOf(*store, personUpdate(aunt.id, "is_index", 5))
        == QStringLiteral("The index person must be yes or no."));
    CHECK(errorOf(*store,
              Change::update(QStringLiteral("genogram_relation"), newId(),
                  { { QStringLiteral("ordinal"), -1 } }))
        == QStringLiteral("The partnership order must be between 0 and 999."));

    GenogramPerson adrift = aunt;
    adrift.pinned = QPointF(qQNaN(), 3);
    auto pinned = GenogramChanges::savePerson(family.id, adrift, current);
    REQUIRE_FALSE(pinned.ok());
    CHECK(pinned.error().message
        == QStringLiteral("A genogram symbol can only be pinned at a place given in numbers."));
    CHECK_FALSE(GenogramChanges::pinnedFromText(QStringLiteral("1,inf")));
    CHECK_FALSE(GenogramChanges::pinnedFromText(QStringLiteral("1;2")));
    CHECK_FALSE(GenogramChanges::pinnedFromText(QStringLiteral("1,2,3")));

    GenogramHousehold home;
    home.id = newId();
    home.memberIds = { family.mum, QStringLiteral("two words") };
    auto household = GenogramChanges::createHousehold(family.id, home);
    REQUIRE_FALSE(household.ok());
    CHECK(household.error().message
        == QStringLiteral("A household member's id cannot contain spaces."));

    auto removal = GenogramChanges::removePerson(family.child, current);
    REQUIRE_FALSE(removal.ok());
    CHECK(removal.error().message
        == QStringLiteral("This person is in the family record, so they stay on the genogram. "
                          "To remove them, change the family record."));

    auto lineless = GenogramChanges::createRelation(family.id, line(Type::Close, family.mum, {}));
    REQUIRE_FALSE(lineless.ok());
    CHECK(
        lineless.error().message == QStringLiteral("A genogram line needs a person at each end."));

    CHECK(errorOf(*store,
        Change::create(QStringLiteral("ecomap_link"),
            { { QStringLiteral("family_id"), family.id },
                { QStringLiteral("agency"), QStringLiteral("spaceport") } }))
              .startsWith(QStringLiteral("The kind of service must be one of: school, gp")));
    CHECK(require(store->verify()).ok());
}

TEST_CASE("A family-record person's genogram fields live in an overlay made once for all "
          "tablets",
    "[store][genogram]")
{
    QTemporaryDir folder;
    auto store = makeStore(folder.path());
    const Family family = makeFamily(*store);
    const QString overlay = GenogramChanges::overlayId(family.mum);
    CHECK(overlay == GenogramChanges::overlayId(family.mum));
    CHECK(overlay != GenogramChanges::overlayId(family.child));
    CHECK_FALSE(QUuid::fromString(overlay).isNull());

    FamilyGenogram current = load(*store, family.id);
    CHECK(current.overlayIds.isEmpty());
    GenogramPerson grace = *current.genogram.person(family.mum);
    grace.pinned = QPointF(10, 20);
    // The family record owns these: the genogram does not write them.
    grace.displayName = QStringLiteral("Someone else");
    grace.gender = GenogramPerson::Gender::Male;
    grace.born = *GenogramDate::fromString(u"1950");
    const QList<Change> first = require(GenogramChanges::savePerson(family.id, grace, current));
    REQUIRE(first.size() == 1);
    CHECK(first.first().op == Change::Op::Create);
    CHECK(first.first().recordId == overlay);
    QStringList fields;
    for (const FieldValue &value : first.first().fields)
        fields << value.field;
    // A new overlay carries only what was set, so another tablet's overlay edits survive.
    CHECK(fields
        == QStringList {
            QStringLiteral("family_id"), QStringLiteral("person_id"), QStringLiteral("pinned") });
    require(store->apply(first));

    current = load(*store, family.id);
    CHECK(current.overlayIds == QSet<QString> { family.mum });
    const GenogramPerson *read = current.genogram.person(family.mum);
    CHECK(read->displayName == QStringLiteral("Grace Okafor"));
    CHECK(read->gender == GenogramPerson::Gender::Female);
    CHECK(read->born.toString() == QStringLiteral("1988-04-02"));
    CHECK(read->pinned == std::optional<QPointF>(QPointF(10, 20)));
    // Only one genogram symbol for her: the overlay is not someone of the extended family.
    CHECK(current.genogram.people().size() == 2);

    // A second save updates the overlay; moving the index marker clears the old one in the
    // same apply.
    GenogramPerson again = *read;
    again.isIndex = true;
    again.deceased = false;
    require(store->apply(require(GenogramChanges::savePerson(family.id, again, current))));
    current = load(*store, family.id);
    CHECK(current.genogram.person(family.mum)->isIndex);
    GenogramPerson oldIndex = *current.genogram.person(family.mum);
    oldIndex.isIndex = false;
    GenogramPerson newIndex = *current.genogram.person(family.child);
    newIndex.isIndex = true;
    QList<Change> move = require(GenogramChanges::savePerson(family.id, oldIndex, current));
    move << require(GenogramChanges::savePerson(family.id, newIndex, current));
    require(store->apply(move));
    current = load(*store, family.id);
    CHECK_FALSE(current.genogram.person(family.mum)->isIndex);
    CHECK(current.genogram.person(family.mum)->pinned == std::optional<QPointF>(QPointF(10, 20)));
    CHECK(current.genogram.person(family.child)->isIndex);
    CHECK(current.overlayIds == QSet<QString> { family.mum, family.child });
    CHECK(require(store->verify()).ok());
}

TEST_CASE("Deleting someone of the extended family is a tombstone that can be restored",
    "[store][genogram]")
{
    QTemporaryDir folder;
    auto store = makeStore(folder.path());
    const Family family = makeFamily(*store);
    const GenogramPerson nana = grandmother();
    require(store->apply(require(GenogramChanges::createPerson(family.id, nana))));
    EcomapLink link { newId(), EcomapLink::Agency::Housing, QStringLiteral("Northshire Homes"), {},
        EcomapLink::Strength::Stressful, {} };
    require(store->apply(require(GenogramChanges::createEcomapLink(family.id, link))));
    GenogramHousehold home { newId(), { family.mum, family.child }, {} };
    require(store->apply(require(GenogramChanges::createHousehold(family.id, home))));

    FamilyGenogram current = load(*store, family.id);
    require(store->apply(require(GenogramChanges::removePerson(nana.id, current))));
    require(store->apply(GenogramChanges::removeEcomapLink(link.id)));
    require(store->apply(GenogramChanges::removeHousehold(home.id)));
    current = load(*store, family.id);
    CHECK_FALSE(current.genogram.person(nana.id));
    CHECK(current.ecomap.isEmpty());
    CHECK(current.genogram.households().isEmpty());
    // Nothing is edited while deleted.
    auto edit = GenogramChanges::savePerson(family.id, nana, current);
    REQUIRE(edit.ok());
    CHECK_FALSE(store->apply(*edit).ok());

    require(store->apply(GenogramChanges::restorePerson(nana.id)));
    require(store->apply(GenogramChanges::restoreEcomapLink(link.id)));
    require(store->apply(GenogramChanges::restoreHousehold(home.id)));
    current = load(*store, family.id);
    REQUIRE(current.genogram.person(nana.id));
    CHECK(current.genogram.person(nana.id)->note == nana.note);
    CHECK(current.ecomap == QList<EcomapLink> { link });
    CHECK(current.genogram.households().size() == 1);

    // Lines and links go the same way.
    GenogramRelation close = line(Type::Close, nana.id, family.child);
    require(store->apply(require(GenogramChanges::createRelation(family.id, close))));
    require(store->apply(GenogramChanges::removeRelation(close.id)));
    CHECK(load(*store, family.id).genogram.relations().isEmpty());
    require(store->apply(GenogramChanges::restoreRelation(close.id)));
    close.type = Type::CutOff;
    close.note = QStringLiteral("Since the funeral.");
    require(store->apply(require(GenogramChanges::saveRelation(close))));
    link.strength = EcomapLink::Strength::Strong;
    link.personId = family.mum;
    require(store->apply(require(GenogramChanges::saveEcomapLink(link))));
    home.memberIds = { family.child };
    require(store->apply(require(GenogramChanges::saveHousehold(home))));
    current = load(*store, family.id);
    REQUIRE(current.genogram.relation(close.id));
    CHECK(current.genogram.relation(close.id)->type == Type::CutOff);
    CHECK(current.genogram.relation(close.id)->note == close.note);
    CHECK(current.ecomap == QList<EcomapLink> { link });
    CHECK(current.genogram.households().first().memberIds == QStringList { family.child });
    CHECK(require(store->verify()).ok());
}

TEST_CASE(
    "A line to a deleted person loads hidden and flagged, not cascaded away", "[store][genogram]")
{
    QTemporaryDir folder;
    auto store = makeStore(folder.path());
    const Family family = makeFamily(*store);
    const GenogramPerson nana = grandmother();
    require(store->apply(require(GenogramChanges::createPerson(family.id, nana))));
    const GenogramRelation parent = line(Type::Biological, nana.id, family.mum);
    require(store->apply(require(GenogramChanges::createRelation(family.id, parent))));
    require(store->apply(require(GenogramChanges::removePerson(nana.id, load(*store, family.id)))));

    const FamilyGenogram loaded = load(*store, family.id);
    const GenogramRelation *dangling = loaded.genogram.relation(parent.id);
    REQUIRE(dangling);
    CHECK(dangling->state == State::Dangling);
    CHECK_FALSE(dangling->isShown());
    REQUIRE(loaded.genogram.issues().size() == 1);
    CHECK(loaded.genogram.issues().first().code == GenogramIssue::Code::DanglingRelation);
    CHECK(loaded.genogram.issues().first().elementId == parent.id);
    // The relation's row is still live in the store.
    auto live
        = store->query(QStringLiteral("SELECT causal_length FROM genogram_relations WHERE id = ?"));
    REQUIRE(live.ok());
    live->bind(1, parent.id);
    REQUIRE(require(live->step()));
    CHECK(live->integer(0) == 1);
}

TEST_CASE(
    "A damaged value in a genogram row is ignored, and the rest still loads", "[store][genogram]")
{
    QTemporaryDir folder;
    Family family;
    const GenogramPerson nana = grandmother();
    GenogramRelation partner;
    EcomapLink link;
    {
        auto store = makeStore(folder.path());
        family = makeFamily(*store);
        require(store->apply(require(GenogramChanges::createPerson(family.id, nana))));
        partner = line(Type::Separated, family.mum, nana.id);
        partner.start = *GenogramDate::fromString(u"2001");
        require(store->apply(require(GenogramChanges::createRelation(family.id, partner))));
        link = { newId(), EcomapLink::Agency::Gp, QStringLiteral("Dr Khan"), {},
            EcomapLink::Strength::Strong, {} };
        require(store->apply(require(GenogramChanges::createEcomapLink(family.id, link))));
    }
    {
        // Behind the write path, as damage or a newer Doorstep's words would be.
        auto db = Database::open(
            StorePaths { folder.path() }.database(), testKey(), Database::Mode::OpenExisting);
        REQUIRE(db.ok());
        requireOk(db->exec(QStringLiteral("UPDATE genogram_people SET born = 'last spring', "
                                          "pinned = 'by the door', died = '2019-13'")));
        requireOk(db->exec(QStringLiteral(
            "UPDATE genogram_relations SET subtype = 'engaged', end_date = 'soon'")));
        requireOk(db->exec(
            QStringLiteral("UPDATE ecomap_links SET agency = 'spaceport', strength = 'wobbly'")));
    }
    auto store = Store::open(folder.path(), testKey());
    REQUIRE(store.ok());
    const FamilyGenogram loaded = load(**store, family.id);
    const GenogramPerson *read = loaded.genogram.person(nana.id);
    REQUIRE(read);
    CHECK(read->displayName == nana.displayName);
    CHECK_FALSE(read->born.isValid());
    CHECK_FALSE(read->died.isValid());
    CHECK(read->deceased);
    CHECK_FALSE(read->pinned);
    CHECK(read->note == nana.note);
    const GenogramRelation *readPartner = loaded.genogram.relation(partner.id);
    REQUIRE(readPartner);
    CHECK(readPartner->kind() == GenogramRelation::Kind::Partner);
    CHECK(readPartner->type == Type::Cohabiting); // the plainest partner line
    CHECK(readPartner->start.toString() == QStringLiteral("2001"));
    CHECK_FALSE(readPartner->end.isValid());
    CHECK(readPartner->isShown());
    REQUIRE(loaded.ecomap.size() == 1);
    CHECK(loaded.ecomap.first().agency == EcomapLink::Agency::Other);
    CHECK(loaded.ecomap.first().strength == EcomapLink::Strength::Weak);
    CHECK(loaded.ecomap.first().name == link.name);
}

TEST_CASE("A version-9 store keeps its genogram lines when it upgrades to version 10",
    "[store][genogram]")
{
    QTemporaryDir folder;
    const StorePaths paths { folder.path() };
    const QString familyId = QStringLiteral("0f4b5f2e-7a0c-4a53-9d8e-1c2b3a4d5e6f");
    const QString relationId = QStringLiteral("5e6f7a8b-0000-4000-8000-000000000005");
    {
        auto db = Database::open(paths.database(), testKey(), Database::Mode::CreateNew);
        REQUIRE(db.ok());
        REQUIRE(require(Migrations::run(*db, 9)) == 9);
        requireOk(db->exec(QStringLiteral(R"SQL(
BEGIN;
INSERT INTO meta VALUES ('device_id', 'v9-device'), ('user_id', 'practitioner-1'),
    ('next_op_seq', 1), ('hlc', 0), ('created_at', '2026-01-01T00:00:00.000Z');
INSERT INTO families (id, family_name) VALUES ('0f4b5f2e-7a0c-4a53-9d8e-1c2b3a4d5e6f', 'Nine');
INSERT INTO genogram_relations (id, family_id, from_person_id, to_person_id, kind, subtype,
    start_date, note) VALUES ('5e6f7a8b-0000-4000-8000-000000000005',
    '0f4b5f2e-7a0c-4a53-9d8e-1c2b3a4d5e6f', 'a', 'b', 'partner', 'married', '1999-05-01',
    'Written before version 10');
COMMIT;
)SQL")));
    }
    auto store = Store::open(folder.path(), testKey());
    INFO((store ? QString() : store.error().message).toStdString());
    REQUIRE(store.ok());
    CHECK(Migrations::latestVersion() >= 10);
    FamilyGenogram loaded = load(**store, familyId);
    const GenogramRelation *kept = loaded.genogram.relation(relationId);
    REQUIRE(kept);
    CHECK(kept->type == Type::Married);
    CHECK(kept->start.toString() == QStringLiteral("1999-05-01"));
    CHECK(kept->order == 0);
    CHECK(kept->note == QStringLiteral("Written before version 10"));
    CHECK(kept->state == State::Dangling); // "a" and "b" are no one in the genogram

    // The upgraded store writes the new field and the new kinds through the write path.
    GenogramRelation reordered = *kept;
    reordered.order = 1;
    require((*store)->apply(require(GenogramChanges::saveRelation(reordered))));
    GenogramPerson a;
    a.id = newId();
    a.displayName = QStringLiteral("A");
    require((*store)->apply(require(GenogramChanges::createPerson(familyId, a))));
    loaded = load(**store, familyId);
    CHECK(loaded.genogram.relation(relationId)->order == 1);
    CHECK(loaded.genogram.people().size() == 1);
}
