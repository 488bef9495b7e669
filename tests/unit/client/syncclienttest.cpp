#include "client/syncclient.h"

#include "catchhelpers.h"
#include "localsyncserver.h"
#include "store/genogramchanges.h"
#include "store/genogramrepository.h"
#include "store/threehouseschanges.h"
#include "store/threehousesrepository.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <catch2/catch.hpp>
#include <optional>

using namespace doorstep;
using namespace doorstep::test;

namespace
{

/// A real doorstep-server in this process (SQLCipher storage, TLS with a council CA made for
/// the test, a free loopback port) and one enrolled tablet's store.
struct Fixture : LocalSyncServer {
    std::unique_ptr<Store> store;

    Fixture()
    {
        INFO(problem.toStdString());
        REQUIRE(storage);
        REQUIRE(serve().ok());

        auto created = Store::create(dir.filePath(QStringLiteral("tablet")),
            QByteArray(Database::KeyBytes, 'k'), QStringLiteral("practitioner-1"));
        REQUIRE(created.ok());
        store = std::move(*created);
        enrol(*store);
    }

    std::unique_ptr<Store> secondTablet()
    {
        auto created = Store::create(dir.filePath(QStringLiteral("second")),
            QByteArray(Database::KeyBytes, 'k'), QStringLiteral("practitioner-1"));
        REQUIRE(created.ok());
        enrol(**created);
        return std::move(*created);
    }

    /// A tablet of another practitioner in the same team.
    std::unique_ptr<Store> colleaguesTablet()
    {
        const QString colleague = QStringLiteral("practitioner-2");
        REQUIRE(storage
                    ->createUser({ colleague, QStringLiteral("Sam Hale"),
                        server::User::Role::Practitioner, QStringLiteral("north") })
                    .ok());
        auto created = Store::create(dir.filePath(QStringLiteral("colleague")),
            QByteArray(Database::KeyBytes, 'k'), colleague);
        REQUIRE(created.ok());
        enrol(**created, colleague);
        return std::move(*created);
    }

    void enrol(Store &tablet, const QString &userId = QStringLiteral("practitioner-1"))
    {
        auto code = storage->createEnrolmentCode(userId, 3600);
        REQUIRE(code.ok());
        SyncClient client(tablet, QStringLiteral(DOORSTEP_VERSION));
        std::optional<SyncClient::Outcome> outcome;
        client.enrol(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)), ca.certificatePem,
            *code, QStringLiteral("Test tablet"),
            [&](SyncClient::Outcome given) { outcome = given; });
        REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
        INFO(outcome->message.toStdString());
        REQUIRE(outcome->ok);
    }

    SyncClient::Outcome sync() { return syncStore(*store); }

    SyncClient::Outcome syncStore(Store &tablet)
    {
        SyncClient client(tablet, QStringLiteral(DOORSTEP_VERSION));
        std::optional<SyncClient::Outcome> outcome;
        client.sync([&](SyncClient::Outcome given) { outcome = given; });
        REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 30000));
        INFO(outcome->message.toStdString());
        REQUIRE(outcome->ok);
        return *outcome;
    }

    void addFamilies(int count)
    {
        QList<Change> changes;
        for (int i = 0; i < count; ++i)
            changes << Change::create(QStringLiteral("family"),
                { { QStringLiteral("family_name"), QStringLiteral("Family %1").arg(i) } });
        REQUIRE(store->apply(changes).ok());
    }
};

} // namespace

TEST_CASE("A sync with changes is one request: the push brings back the pull's answer", "[sync]")
{
    Fixture fixture;
    auto second = fixture.secondTablet();
    fixture.addFamilies(1);
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.pushRequests == 1);
    CHECK(outcome.pullRequests == 0);
    CHECK(outcome.requests() == 1);
    // The other tablet's change comes back in the answer to this one's push.
    REQUIRE(second
                ->apply(Change::create(QStringLiteral("family"),
                    { { QStringLiteral("family_name"), QStringLiteral("Ashdown") } }))
                .ok());
    const SyncClient::Outcome sent = fixture.syncStore(*second);
    CHECK(sent.requests() == 1);
    CHECK(sent.pulled > 0); // the first tablet's family
    fixture.addFamilies(1);
    const SyncClient::Outcome both = fixture.sync();
    CHECK(both.requests() == 1);
    CHECK(both.pushed > 0);
    CHECK(both.pulled > 0); // the second tablet's family, in the push's answer
    CHECK(outcome.bodyBytesSent > 0);
    CHECK(outcome.bodyBytesReceived > 0);
}

TEST_CASE("A sync with nothing to send and nothing to receive is one pull request", "[sync]")
{
    Fixture fixture;
    fixture.addFamilies(1);
    fixture.sync();
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.pushed == 0);
    CHECK(outcome.pulled == 0);
    CHECK(outcome.pushRequests == 0);
    CHECK(outcome.pullRequests == 1);
}

TEST_CASE("An outbox of thousands of ops goes in few pushes", "[sync]")
{
    Fixture fixture;
    fixture.addFamilies(3000); // two ops each (name and life): 6,000 ops
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.pushed == 6000);
    CHECK(outcome.pushRequests == 2);
    CHECK(fixture.store->outbox(10).value().isEmpty());
}

TEST_CASE("A push is split when its body would be too large", "[sync]")
{
    Fixture fixture;
    QList<Change> changes;
    const QString address(100'000, QLatin1Char('a'));
    for (int i = 0; i < 30; ++i)
        changes << Change::create(QStringLiteral("family"),
            { { QStringLiteral("family_name"), QStringLiteral("Family %1").arg(i) },
                { QStringLiteral("address"), address } });
    REQUIRE(fixture.store->apply(changes).ok());
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.pushRequests >= 2);
    CHECK(outcome.bodyBytesSent > 3'000'000);
    CHECK(fixture.store->outbox(10).value().isEmpty());
}

TEST_CASE("A new tablet pulls thousands of ops in few requests", "[sync]")
{
    Fixture fixture;
    fixture.addFamilies(3000);
    fixture.sync();
    auto second = fixture.secondTablet();
    const SyncClient::Outcome outcome = fixture.syncStore(*second);
    CHECK(outcome.pulled == 6000);
    // The first pull asks for FirstPullBatch; small ops then let the next ask for the most.
    CHECK(outcome.pullRequests == 2);
}

TEST_CASE("A family allocated to someone else leaves the tablet at its next sync", "[sync]")
{
    Fixture fixture;
    REQUIRE(fixture.storage
                ->createUser({ QStringLiteral("practitioner-2"), QStringLiteral("Sam Hale"),
                    server::User::Role::Practitioner, QStringLiteral("north") })
                .ok());
    auto moving = fixture.store->apply(Change::create(
        QStringLiteral("family"), { { QStringLiteral("family_name"), QStringLiteral("Okafor") } }));
    REQUIRE(moving.ok());
    auto visit = fixture.store->apply(Change::create(QStringLiteral("visit"),
        { { QStringLiteral("family_id"), *moving },
            { QStringLiteral("visit_at"), QStringLiteral("2026-03-04T10:30:00Z") } }));
    REQUIRE(visit.ok());
    fixture.addFamilies(1);
    fixture.sync();

    REQUIRE(fixture.storage->allocate(*moving, QStringLiteral("practitioner-2")).ok());
    const SyncClient::Outcome outcome = fixture.sync();
    CHECK(outcome.familiesRemoved == 1);
    CHECK(outcome.message.contains(QLatin1String("1 family allocated to someone else")));
    CHECK(outcome.changedKinds.contains(QStringLiteral("visit")));
    auto families = fixture.store->query(QStringLiteral("SELECT count(*) FROM families"));
    REQUIRE(families.ok());
    REQUIRE(families->step().ok());
    CHECK(families->integer(0) == 1); // the other family stays

    // The server keeps saying so; the tablet has nothing left to remove.
    CHECK(fixture.sync().familiesRemoved == 0);
}

namespace
{

qint64 countOf(Store &tablet, const QString &sql, const QString &id)
{
    auto query = tablet.query(sql);
    REQUIRE(query.ok());
    query->bind(1, id);
    auto row = query->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return query->integer(0);
}

} // namespace

TEST_CASE("A family allocated to a tablet that has synced past its history arrives whole", "[sync]")
{
    Fixture fixture;
    std::unique_ptr<Store> colleague = fixture.colleaguesTablet();
    auto moving = fixture.store->apply(Change::create(
        QStringLiteral("family"), { { QStringLiteral("family_name"), QStringLiteral("Okafor") } }));
    REQUIRE(moving.ok());
    for (const char *at : { "2026-03-04T10:30:00Z", "2026-03-11T10:30:00Z" }) {
        REQUIRE(fixture.store
                    ->apply(Change::create(QStringLiteral("visit"),
                        { { QStringLiteral("family_id"), *moving },
                            { QStringLiteral("visit_at"), QString::fromLatin1(at) } }))
                    .ok());
    }
    fixture.sync();
    // The colleague's tablet syncs after: its cursor passes the Okafor family's ops, which
    // it may not see yet.
    fixture.syncStore(*colleague);
    const QString visits = QStringLiteral("SELECT count(*) FROM visits WHERE family_id = ?");
    const QString families = QStringLiteral("SELECT count(*) FROM families WHERE id = ?");
    REQUIRE(countOf(*colleague, families, *moving) == 0);

    REQUIRE(fixture.storage->allocate(*moving, QStringLiteral("practitioner-2")).ok());
    const SyncClient::Outcome arrived = fixture.syncStore(*colleague);
    CHECK(arrived.changedKinds.contains(QStringLiteral("visit")));
    CHECK(countOf(*colleague, families, *moving) == 1);
    CHECK(countOf(*colleague, visits, *moving) == 2);
    CHECK(fixture.sync().familiesRemoved == 1);
    CHECK(countOf(*fixture.store, visits, *moving) == 0);

    // The colleague writes; the family comes back to its first practitioner, whose tablet
    // removed it meanwhile, and gets it whole with the colleague's visit.
    REQUIRE(colleague
                ->apply(Change::create(QStringLiteral("visit"),
                    { { QStringLiteral("family_id"), *moving },
                        { QStringLiteral("visit_at"), QStringLiteral("2026-03-18T10:30:00Z") } }))
                .ok());
    fixture.syncStore(*colleague);
    REQUIRE(fixture.storage->allocate(*moving, QStringLiteral("practitioner-1")).ok());
    fixture.sync();
    CHECK(countOf(*fixture.store, families, *moving) == 1);
    CHECK(countOf(*fixture.store, visits, *moving) == 3);
    for (Store *tablet : { fixture.store.get(), colleague.get() }) {
        auto verified = tablet->verify();
        REQUIRE(verified.ok());
        CHECK(verified->problems.join(QLatin1Char('\n')).toStdString() == "");
    }
}

TEST_CASE("What was done on the tablet reaches the server's audit, once", "[sync]")
{
    Fixture fixture;
    auto family = fixture.store->apply(Change::create(
        QStringLiteral("family"), { { QStringLiteral("family_name"), QStringLiteral("Okafor") } }));
    REQUIRE(family.ok());
    REQUIRE(fixture.store
                ->apply(Change::update(QStringLiteral("family"), *family,
                    { { QStringLiteral("postcode"), QStringLiteral("LS9 8AB") } }))
                .ok());
    // One push carries the changes and their audit.
    const SyncClient::Outcome first = fixture.sync();
    CHECK(first.pushRequests == 1);

    auto audit = fixture.storage->audit(50);
    REQUIRE(audit.ok());
    QStringList fromTablet;
    for (const server::ServerStorage::AuditEntry &entry : *audit) {
        if (!entry.action.startsWith(QLatin1String("device ")))
            continue;
        CHECK(entry.deviceId == fixture.store->deviceId());
        CHECK(entry.userId == QStringLiteral("practitioner-1"));
        CHECK(entry.recordId == *family);
        CHECK_FALSE(entry.detail.contains(QLatin1String("Okafor"))); // names of fields only
        fromTablet.prepend(entry.action);
    }
    CHECK(fromTablet
        == QStringList { QStringLiteral("device create"), QStringLiteral("device update") });

    // Nothing new: the next sync is one pull again.
    const SyncClient::Outcome second = fixture.sync();
    CHECK(second.requests() == 1);
}

TEST_CASE("A code made for another practitioner does not enrol the tablet", "[sync]")
{
    Fixture fixture;
    REQUIRE(fixture.storage
                ->createUser({ QStringLiteral("practitioner-2"), QStringLiteral("Sam Hale"),
                    server::User::Role::Practitioner, QStringLiteral("north") })
                .ok());
    auto created = Store::create(fixture.dir.filePath(QStringLiteral("spare")),
        QByteArray(Database::KeyBytes, 'k'), QStringLiteral("practitioner-1"));
    REQUIRE(created.ok());
    auto code = fixture.storage->createEnrolmentCode(QStringLiteral("practitioner-2"), 3600);
    REQUIRE(code.ok());
    SyncClient client(**created, QStringLiteral(DOORSTEP_VERSION));
    std::optional<SyncClient::Outcome> outcome;
    client.enrol(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(fixture.port)),
        fixture.ca.certificatePem, *code, QStringLiteral("Spare tablet"),
        [&](SyncClient::Outcome given) { outcome = given; });
    REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
    CHECK_FALSE(outcome->ok);
    CHECK(outcome->message.contains(QLatin1String("made for practitioner-2")));
    auto endpoint = (*created)->syncEndpoint();
    REQUIRE(endpoint.ok());
    CHECK_FALSE(endpoint->isEnrolled());
}

TEST_CASE("A document's bytes go to the server and on to the other tablet, in ranges", "[sync]")
{
    Fixture fixture;
    auto second = fixture.secondTablet();
    auto family = fixture.store->apply(Change::create(
        QStringLiteral("family"), { { QStringLiteral("family_name"), QStringLiteral("Okafor") } }));
    REQUIRE(family.ok());
    // Larger than one range, so it takes three each way.
    QByteArray form(2 * sync::MaxBlobRangeBytes + 12'345, Qt::Uninitialized);
    for (qsizetype i = 0; i < form.size(); ++i)
        form[i] = char((i * 7919) >> 3);
    const QString hash = Store::blobSha256(form);
    auto document = fixture.store->apply(
        { Change::create(QStringLiteral("document"),
            { { QStringLiteral("family_id"), *family },
                { QStringLiteral("purpose"), QStringLiteral("signed_consent") },
                { QStringLiteral("media_type"), QStringLiteral("application/pdf") },
                { QStringLiteral("sha256"), hash }, { QStringLiteral("size"), qint64(form.size()) },
                { QStringLiteral("made_at"), QStringLiteral("2026-03-04T10:30:00Z") } }) },
        { form });
    REQUIRE(document.ok());

    const SyncClient::Outcome sent = fixture.sync();
    CHECK(sent.blobsSent == 1);
    // One request asks how far the server has it, then three ranges.
    CHECK(sent.blobRequests == 4);
    CHECK(sent.blobProblems.isEmpty());
    auto toSend = fixture.store->blobsToSend();
    REQUIRE(toSend.ok());
    CHECK(toSend->isEmpty());

    const SyncClient::Outcome received = fixture.syncStore(*second);
    CHECK(received.blobsReceived == 1);
    CHECK(received.blobRequests == 3);
    auto bytes = second->blob(hash);
    REQUIRE(bytes.ok());
    CHECK(*bytes == std::optional<QByteArray>(form));

    // Nothing more to move: the next sync of each is one pull.
    CHECK(fixture.sync().requests() == 1);
    CHECK(fixture.syncStore(*second).requests() == 1);
}

namespace
{

QList<Stroke> worriesStrokes(Store &tablet, const QString &personId)
{
    auto houses = ThreeHousesRepository(tablet).forChild(personId);
    REQUIRE(houses.ok());
    const House *worries = houses->house(House::Kind::Worries);
    REQUIRE(worries);
    return worries->strokes;
}

Change strokeAt(const QString &drawingId, double y)
{
    auto change = ThreeHousesChanges::stroke(drawingId, { QPointF(0.1, y), QPointF(0.9, y) }, {},
        QStringLiteral("#1d3557"), 0.02, true, QDateTime::currentDateTimeUtc());
    REQUIRE(change.ok());
    return *change;
}

QSet<QString> idsOf(const QList<Stroke> &strokes)
{
    QSet<QString> ids;
    for (const Stroke &stroke : strokes)
        ids.insert(stroke.id);
    return ids;
}

} // namespace

TEST_CASE("Two tablets drawing the same house offline merge every stroke, with no conflict",
    "[sync][houses]")
{
    Fixture fixture;
    auto second = fixture.secondTablet();
    auto family = fixture.store->apply(Change::create(QStringLiteral("family"),
        { { QStringLiteral("family_name"), QStringLiteral("Ashdown") } }));
    REQUIRE(family.ok());
    auto mia = fixture.store->apply(Change::create(QStringLiteral("person"),
        { { QStringLiteral("family_id"), *family },
            { QStringLiteral("given_name"), QStringLiteral("Mia") },
            { QStringLiteral("family_name"), QStringLiteral("Ashdown") } }));
    REQUIRE(mia.ok());
    fixture.sync();
    fixture.syncStore(*second);

    // Each tablet starts the houses offline (the same ids on both) and draws in them.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<House::Kind> all { House::Kind::Worries, House::Kind::GoodThings,
        House::Kind::Dreams };
    const QString worries = ThreeHousesChanges::houseId(*mia, House::Kind::Worries);
    for (Store *tablet : { fixture.store.get(), second.get() }) {
        REQUIRE(tablet->apply(ThreeHousesChanges::start(*family, *mia, all, now)).ok());
        for (int i = 0; i < 3; ++i)
            REQUIRE(tablet->apply(strokeAt(worries, 0.1 + 0.1 * i)).ok());
    }
    REQUIRE(
        fixture.store->apply(ThreeHousesChanges::rename(worries, QStringLiteral("Rainy"))).ok());

    fixture.sync();
    fixture.syncStore(*second);
    fixture.sync();
    const QList<Stroke> first = worriesStrokes(*fixture.store, *mia);
    CHECK(first.size() == 6);
    CHECK(idsOf(first) == idsOf(worriesStrokes(*second, *mia)));

    // One erases a stroke the other drew while the other draws another: both kept.
    const QString erased = worriesStrokes(*second, *mia).constFirst().id;
    REQUIRE(second->apply(Change::remove(QStringLiteral("stroke"), erased)).ok());
    REQUIRE(fixture.store->apply(strokeAt(worries, 0.9)).ok());
    fixture.sync();
    fixture.syncStore(*second);
    fixture.sync();
    const QList<Stroke> after = worriesStrokes(*fixture.store, *mia);
    CHECK(after.size() == 6);
    CHECK_FALSE(idsOf(after).contains(erased));
    CHECK(idsOf(after) == idsOf(worriesStrokes(*second, *mia)));
    auto houses = ThreeHousesRepository(*second).forChild(*mia);
    REQUIRE(houses.ok());
    CHECK(houses->house(House::Kind::Worries)->name == QStringLiteral("Rainy"));
    for (Store *tablet : { fixture.store.get(), second.get() }) {
        auto conflicts = tablet->familyConflicts(*family);
        REQUIRE(conflicts.ok());
        CHECK(conflicts->isEmpty());
    }
}

namespace
{

/// Everything a FamilyGenogram says, a line per element, to compare two tablets' copies.
QStringList describe(const FamilyGenogram &loaded)
{
    QStringList lines;
    for (const GenogramPerson &person : loaded.genogram.people()) {
        lines << QStringLiteral("person %1 %2 %3 %4 %5 %6 %7 %8 %9")
                     .arg(person.id, person.displayName, person.born.toString(),
                         person.died.toString(), person.ageText, person.note,
                         person.pinned ? GenogramChanges::pinnedText(*person.pinned) : QString())
                     .arg(int(person.gender))
                     .arg(QStringLiteral("%1%2%3%4")
                              .arg(int(person.deceased))
                              .arg(int(person.isIndex))
                              .arg(int(person.interpreterNeeded))
                              .arg(int(person.pregnancy)));
    }
    for (const GenogramRelation &relation : loaded.genogram.relations()) {
        lines << QStringLiteral("relation %1 %2 %3 %4 %5 %6 %7 %8 %9")
                     .arg(relation.id, GenogramRelation::typeName(relation.type), relation.fromId,
                         relation.toId, relation.start.toString(), relation.end.toString(),
                         relation.note)
                     .arg(relation.order)
                     .arg(int(relation.state));
    }
    for (const GenogramHousehold &household : loaded.genogram.households())
        lines << QStringLiteral("household %1 %2 %3")
                     .arg(household.id, household.memberIds.join(QLatin1Char(' ')), household.note);
    for (const GenogramIssue &issue : loaded.genogram.issues())
        lines << QStringLiteral("issue %1 %2").arg(issue.elementId).arg(int(issue.code));
    for (const EcomapLink &link : loaded.ecomap)
        lines
            << QStringLiteral("link %1 %2 %3 %4").arg(link.id, link.name, link.personId, link.note);
    QStringList ids = loaded.familyRecordIds.values();
    ids.sort();
    lines << QStringLiteral("family record ") + ids.join(QLatin1Char(' '));
    ids = loaded.overlayIds.values();
    ids.sort();
    lines << QStringLiteral("overlays ") + ids.join(QLatin1Char(' '));
    return lines;
}

FamilyGenogram genogramOf(Store &tablet, const QString &familyId)
{
    auto loaded = GenogramRepository(tablet).forFamily(familyId);
    INFO((loaded ? QString() : loaded.error().message).toStdString());
    REQUIRE(loaded.ok());
    return *loaded;
}

QString applied(Store &tablet, const Result<Change> &change)
{
    INFO((change ? QString() : change.error().message).toStdString());
    REQUIRE(change.ok());
    auto id = tablet.apply(*change);
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    return *id;
}

void appliedAll(Store &tablet, const Result<QList<Change>> &changes)
{
    INFO((changes ? QString() : changes.error().message).toStdString());
    REQUIRE(changes.ok());
    auto ids = tablet.apply(*changes);
    INFO((ids ? QString() : ids.error().message).toStdString());
    REQUIRE(ids.ok());
}

GenogramPerson relative(const QString &name, GenogramPerson::Gender gender, const char *born)
{
    GenogramPerson person;
    person.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    person.displayName = name;
    person.gender = gender;
    person.born = *GenogramDate::fromString(QString::fromLatin1(born));
    return person;
}

GenogramRelation relationOf(GenogramRelation::Type type, const QString &fromId, const QString &toId)
{
    GenogramRelation relation;
    relation.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    relation.type = type;
    relation.fromId = fromId;
    relation.toId = toId;
    return relation;
}

} // namespace

TEST_CASE("Two tablets editing one genogram offline agree after they sync, a line to someone "
          "deleted hidden and flagged on both",
    "[sync][genogram]")
{
    Fixture fixture;
    auto second = fixture.secondTablet();
    Store &first = *fixture.store;
    const QString family = applied(first,
        Change::create(QStringLiteral("family"),
            { { QStringLiteral("family_name"), QStringLiteral("Adeyemi") } }));
    const auto member = [&](const char *name, const char *gender, const char *born) {
        return applied(first,
            Change::create(QStringLiteral("person"),
                { { QStringLiteral("family_id"), family },
                    { QStringLiteral("given_name"), QString::fromLatin1(name) },
                    { QStringLiteral("family_name"), QStringLiteral("Adeyemi") },
                    { QStringLiteral("gender"), QString::fromLatin1(gender) },
                    { QStringLiteral("date_of_birth"), QString::fromLatin1(born) } }));
    };
    const QString mum = member("Bisi", "female", "1987-03-09");
    const QString child = member("Tobi", "male", "2015-10-21");
    const GenogramPerson uncle
        = relative(QStringLiteral("Uncle Femi"), GenogramPerson::Gender::Male, "1979");
    applied(first, GenogramChanges::createPerson(family, uncle));
    fixture.sync();
    fixture.syncStore(*second);
    REQUIRE(describe(genogramOf(first, family)) == describe(genogramOf(*second, family)));

    // Offline. The first adds a grandmother, her line to mum, and a close line from the uncle
    // to Tobi, and marks Tobi as the index child.
    const GenogramPerson nana
        = relative(QStringLiteral("Nana Funmi"), GenogramPerson::Gender::Female, "1950-05");
    applied(first, GenogramChanges::createPerson(family, nana));
    const GenogramRelation nanasDaughter
        = relationOf(GenogramRelation::Type::Biological, nana.id, mum);
    applied(first, GenogramChanges::createRelation(family, nanasDaughter));
    const GenogramRelation close = relationOf(GenogramRelation::Type::Close, uncle.id, child);
    applied(first, GenogramChanges::createRelation(family, close));
    FamilyGenogram before = genogramOf(first, family);
    GenogramPerson tobi = *before.genogram.person(child);
    tobi.isIndex = true;
    appliedAll(first, GenogramChanges::savePerson(family, tobi, before));

    // The second drags mum and Tobi (each pinned: an overlay made here too) and deletes the
    // uncle the first just linked to.
    before = genogramOf(*second, family);
    for (const QString &id : { mum, child }) {
        GenogramPerson dragged = *before.genogram.person(id);
        dragged.pinned = id == mum ? QPointF(-80, 0) : QPointF(12.5, 140);
        appliedAll(*second, GenogramChanges::savePerson(family, dragged, before));
    }
    applied(*second, GenogramChanges::removePerson(uncle.id, before));

    fixture.sync();
    fixture.syncStore(*second);
    fixture.sync();

    const FamilyGenogram one = genogramOf(first, family);
    const FamilyGenogram other = genogramOf(*second, family);
    CHECK(describe(one) == describe(other));
    for (const FamilyGenogram *loaded : { &one, &other }) {
        const Genogram &genogram = loaded->genogram;
        CHECK_FALSE(genogram.person(uncle.id));
        REQUIRE(genogram.person(nana.id));
        REQUIRE(genogram.relation(nanasDaughter.id));
        CHECK(genogram.relation(nanasDaughter.id)->isShown());
        const GenogramRelation *dangling = genogram.relation(close.id);
        REQUIRE(dangling);
        CHECK(dangling->state == GenogramRelation::State::Dangling);
        REQUIRE(genogram.issues().size() == 1);
        CHECK(genogram.issues().first().code == GenogramIssue::Code::DanglingRelation);
        CHECK(genogram.issues().first().elementId == close.id);
        // Both tablets' overlay edits of Tobi kept: his index marker and where he was dragged.
        CHECK(genogram.person(child)->isIndex);
        CHECK(genogram.person(child)->pinned == std::optional<QPointF>(QPointF(12.5, 140)));
        CHECK(genogram.person(mum)->pinned == std::optional<QPointF>(QPointF(-80, 0)));
        CHECK(loaded->overlayIds == QSet<QString> { mum, child });
    }
    for (Store *tablet : { &first, second.get() }) {
        auto conflicts = tablet->familyConflicts(family);
        REQUIRE(conflicts.ok());
        CHECK(conflicts->isEmpty());
        auto report = tablet->verify();
        REQUIRE(report.ok());
        CHECK(report->ok());
    }
}

TEST_CASE("The server refuses a genogram date that is not a year, month or day", "[sync][genogram]")
{
    Fixture fixture;
    Store &tablet = *fixture.store;
    const QString family = applied(tablet,
        Change::create(QStringLiteral("family"),
            { { QStringLiteral("family_name"), QStringLiteral("Adeyemi") } }));
    fixture.sync();
    applied(tablet,
        GenogramChanges::createPerson(
            family, relative(QStringLiteral("Grandad"), GenogramPerson::Gender::Male, "1948")));

    // An op as only a faulty or hostile client would send it: the store never writes one.
    QList<Op> ops = require(tablet.outbox(100));
    bool tampered = false;
    for (Op &op : ops) {
        if (op.field == QLatin1String("born")) {
            op.value = QStringLiteral("1948-13");
            tampered = true;
        }
    }
    REQUIRE(tampered);
    auto endpoint = tablet.syncEndpoint();
    REQUIRE(endpoint.ok());
    auto device = fixture.storage->authenticate(endpoint->token);
    REQUIRE(device.ok());
    auto refused = fixture.storage->push(*device, ops, QStringLiteral(DOORSTEP_VERSION));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.startsWith(
        QStringLiteral("The push was refused and nothing was kept: its op ")));
    CHECK(refused.error().message.endsWith(QStringLiteral(
        " has a date of birth that is not a year, month or day written as 1962, 1962-07 or "
        "1962-07-14.")));

    // The ops as the store wrote them go through.
    fixture.sync();
    CHECK(require(tablet.outbox(100)).isEmpty());
}

TEST_CASE(
    "A sync keeps who the user is at the centre, and says so only when it changed", "[sync][team]")
{
    Fixture fixture;
    CHECK_FALSE(require(fixture.store->teamView()).has_value());
    const SyncClient::Outcome first = fixture.sync();
    CHECK(first.changedKinds.contains(SyncClient::TeamViewKind));
    CHECK(first.requests() == 1);
    auto view = require(fixture.store->teamView());
    REQUIRE(view.has_value());
    CHECK(view->role == TeamView::Role::Practitioner);
    CHECK(view->team == QStringLiteral("north"));
    REQUIRE(view->members.size() == 1);
    CHECK(view->members[0].userId == LocalSyncServer::Practitioner);

    // The supervisor's tablet hears of the whole team, and when each tablet synced.
    const QString supervisor = QStringLiteral("supervisor-1");
    REQUIRE(fixture.storage
                ->createUser({ supervisor, QStringLiteral("Gill Morgan"),
                    server::User::Role::Supervisor, QStringLiteral("north") })
                .ok());
    auto created = Store::create(fixture.dir.filePath(QStringLiteral("supervisor")),
        QByteArray(Database::KeyBytes, 'k'), supervisor);
    REQUIRE(created.ok());
    Store &supervisorsTablet = **created;
    fixture.enrol(supervisorsTablet, supervisor);
    fixture.syncStore(supervisorsTablet);
    view = require(supervisorsTablet.teamView());
    REQUIRE(view.has_value());
    CHECK(view->isSupervisor());
    REQUIRE(view->members.size() == 2);
    CHECK(view->members[0].name == QStringLiteral("Gill Morgan"));
    CHECK(view->members[1].userId == LocalSyncServer::Practitioner);
    REQUIRE(view->members[1].devices.size() == 1);
    CHECK(view->members[1].devices[0].lastSyncAt.isValid());

    // Nothing new for the practitioner: their next sync leaves it be and says nothing.
    const SyncClient::Outcome again = fixture.sync();
    CHECK_FALSE(again.changedKinds.contains(SyncClient::TeamViewKind));
    // The supervisor's next sync hears of the practitioner's latest.
    const QDateTime before = view->members[1].devices[0].lastSyncAt;
    fixture.syncStore(supervisorsTablet);
    view = require(supervisorsTablet.teamView());
    REQUIRE(view.has_value());
    CHECK(view->members[1].devices[0].lastSyncAt > before);
}

TEST_CASE("A practitioner's tablet that writes a supervisor's record is told why, and keeps it",
    "[sync][supervision]")
{
    Fixture fixture;
    const QString family = require(fixture.store->apply(Change::create(QStringLiteral("family"),
        { { QStringLiteral("family_name"), QStringLiteral("Okafor") } })));
    fixture.sync();
    const QString note = require(fixture.store->apply(Change::create(
        QStringLiteral("supervision_note"),
        { { QStringLiteral("family_id"), family }, { QStringLiteral("held_on"), QDate(2026, 3, 4) },
            { QStringLiteral("discussion"), QStringLiteral("Written in the supervisor's name") },
            { QStringLiteral("author_id"), LocalSyncServer::Practitioner } })));

    SyncClient client(*fixture.store, QStringLiteral(DOORSTEP_VERSION));
    std::optional<SyncClient::Outcome> outcome;
    client.sync([&](SyncClient::Outcome given) { outcome = given; });
    REQUIRE(QTest::qWaitFor([&] { return outcome.has_value(); }, 30000));
    CHECK_FALSE(outcome->ok);
    CHECK(outcome->problem == SyncClient::Outcome::Problem::Refused);
    INFO(outcome->message.toStdString());
    CHECK(outcome->message.contains(QStringLiteral("only a supervisor may write")));
    // Nothing is lost: the note is still on the tablet, waiting.
    auto kept = fixture.store->query(
        QStringLiteral("SELECT count(*) FROM supervision_notes WHERE id = ?"));
    REQUIRE(kept.ok());
    kept->bind(1, note);
    REQUIRE(kept->step().ok());
    CHECK(kept->integer(0) == 1);
}
