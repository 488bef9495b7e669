#include "catchhelpers.h"
#include "server/sqlcipherstorage.h"
#include "servertestworld.h"
#include "storagebackends.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <catch2/catch.hpp>

using namespace doorstep;
using namespace doorstep::server;
using namespace doorstep::test;

// Every behaviour case runs against both databases (STORAGE_TEST_CASE): one implementation
// of the logic must behave the same on each.

STORAGE_TEST_CASE("A user is created once and needs an id, a name and a team", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;

    auto found = require(s.findUser(server.amara));
    REQUIRE(found.has_value());
    CHECK(found->name == QStringLiteral("Amara Osei"));
    CHECK(found->role == User::Role::Practitioner);
    CHECK(found->team == QStringLiteral("North"));
    CHECK(require(s.findUser(server.priya))->role == User::Role::Supervisor);

    auto again = s.createUser({ server.amara, QStringLiteral("Amara Mensah"),
        User::Role::Supervisor, QStringLiteral("South") });
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Error::Code::AlreadyExists);
    CHECK(require(s.findUser(server.amara))->team == QStringLiteral("North"));

    for (const User &incomplete : { User { {}, QStringLiteral("Nia Campbell"),
                                        User::Role::Practitioner, QStringLiteral("North") },
             User { QStringLiteral("nia.campbell"), QStringLiteral("  "), User::Role::Practitioner,
                 QStringLiteral("North") },
             User { QStringLiteral("nia.campbell"), QStringLiteral("Nia Campbell"),
                 User::Role::Practitioner, {} } }) {
        auto made = s.createUser(incomplete);
        REQUIRE_FALSE(made.ok());
        CHECK(made.error().code == Error::Code::InvalidArgument);
    }
    CHECK_FALSE(require(s.findUser(QStringLiteral("nia.campbell"))).has_value());
}

STORAGE_TEST_CASE("An enrolment code enrols one tablet, once", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;

    const QString code = require(s.createEnrolmentCode(server.amara, 24 * 3600));
    CHECK(QRegularExpression(QStringLiteral("^\\d{4}-\\d{4}$")).match(code).hasMatch());

    auto [device, token] = require(s.redeemEnrolmentCode(
        code, newDeviceId(), QStringLiteral("Amara's tablet"), QStringLiteral("1.2.0")));
    CHECK(device.userId == server.amara);
    CHECK(device.name == QStringLiteral("Amara's tablet"));
    CHECK(device.appVersion == QStringLiteral("1.2.0"));
    CHECK(device.enrolledAt == server.clock.now);
    CHECK_FALSE(device.revoked);
    CHECK_FALSE(QUuid::fromString(device.id).isNull());
    CHECK(token.size() >= 43);

    auto second = s.redeemEnrolmentCode(
        code, newDeviceId(), QStringLiteral("Someone else's tablet"), QStringLiteral("1.2.0"));
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == Error::Code::NotFound);
    CHECK(second.error().message
        == QStringLiteral("The enrolment code is not valid: it is wrong, used or expired."));
    CHECK(require(s.listDevices()).size() == 1);

    auto unknownUser = s.createEnrolmentCode(QStringLiteral("nobody"), 3600);
    REQUIRE_FALSE(unknownUser.ok());
    CHECK(unknownUser.error().code == Error::Code::NotFound);
}

STORAGE_TEST_CASE("An enrolment code no longer works once it has expired", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    const QString code = require(s.createEnrolmentCode(server.tom, 600));

    server.clock.now = server.clock.now.addSecs(601);
    auto late = s.redeemEnrolmentCode(
        code, newDeviceId(), QStringLiteral("Tom's tablet"), QStringLiteral("1.2.0"));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == Error::Code::NotFound);
    CHECK(require(s.listDevices()).isEmpty());
}

STORAGE_TEST_CASE("An enrolment code is accepted as typed, with or without its dash", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    const QString code = require(s.createEnrolmentCode(server.tom, 600));
    const QString typed = QStringLiteral(" %1 %2 ").arg(code.left(4), code.mid(5));

    auto enrolled = s.redeemEnrolmentCode(
        typed, newDeviceId(), QStringLiteral("Tom's tablet"), QStringLiteral("1.2.0"));
    CHECK(enrolled.ok());
    auto wrong = s.redeemEnrolmentCode(QStringLiteral("not a code"), newDeviceId(),
        QStringLiteral("Tom's tablet"), QStringLiteral("1.2.0"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == Error::Code::NotFound);
}

STORAGE_TEST_CASE("A token authenticates its own device and no other token does", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    const QString code = require(s.createEnrolmentCode(server.amara, 3600));
    auto [device, token] = require(s.redeemEnrolmentCode(
        code, newDeviceId(), QStringLiteral("Amara's tablet"), QStringLiteral("1.2.0")));

    const Device found = require(s.authenticate(token));
    CHECK(found.id == device.id);
    CHECK(found.userId == server.amara);

    for (const QString &wrong :
        { QString(), token.left(token.size() - 1), code, QStringLiteral("Bearer %1").arg(token) }) {
        auto refused = s.authenticate(wrong);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == Error::Code::NotFound);
        CHECK(refused.error().message == QStringLiteral("The device is not enrolled."));
    }
}

STORAGE_TEST_CASE("A revoked device is still recognised but can neither push nor pull", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    const QString code = require(s.createEnrolmentCode(server.amara, 3600));
    auto [device, token] = require(s.redeemEnrolmentCode(
        code, newDeviceId(), QStringLiteral("Amara's tablet"), QStringLiteral("1.2.0")));
    Tablet tablet { device, &server.clock };
    const Casework work(tablet);

    requireOk(s.revokeDevice(device.id));

    CHECK(require(s.authenticate(token)).revoked);
    auto pushed = s.push(tablet.device, work.ops, QStringLiteral("1.2.0"));
    REQUIRE_FALSE(pushed.ok());
    CHECK(pushed.error().code == Error::Code::LockedOut);
    CHECK(pushed.error().message.contains(QStringLiteral("revoked")));
    auto pulled = s.pull(tablet.device, { 0, 100, {} }, QStringLiteral("1.2.0"));
    REQUIRE_FALSE(pulled.ok());
    CHECK(pulled.error().code == Error::Code::LockedOut);

    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    CHECK(pull(s, priya).ops.isEmpty());
    CHECK(require(s.listDevices()).constFirst().revoked);

    auto unknown = s.revokeDevice(newId());
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == Error::Code::NotFound);
}

STORAGE_TEST_CASE("The device list shows each tablet's user, app version and last sync", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    server.clock.now = server.clock.now.addSecs(60);
    const Tablet amara = enrol(server, server.amara, "Amara's tablet");
    server.clock.now = server.clock.now.addSecs(60);
    const Tablet amaraSpare = enrol(server, server.amara, "Amara's spare tablet");

    server.clock.now = server.clock.now.addSecs(3600);
    const QDateTime synced = server.clock.now;
    const Casework work(tom);
    require(s.push(tom.device, work.ops, QStringLiteral("1.3.0")));

    const QList<Device> devices = require(s.listDevices());
    REQUIRE(devices.size() == 3);
    CHECK(devices[0].id == amara.device.id);
    CHECK(devices[1].id == amaraSpare.device.id);
    CHECK(devices[2].id == tom.device.id);
    CHECK(devices[0].lastSyncAt.isNull());
    CHECK(devices[2].userId == server.tom);
    CHECK(devices[2].name == QStringLiteral("Tom's tablet"));
    CHECK(devices[2].appVersion == QStringLiteral("1.3.0"));
    CHECK(devices[2].lastSyncAt == synced);
    CHECK(devices[2].enrolledAt == synced.addSecs(-3720));

    server.clock.now = server.clock.now.addSecs(300);
    pull(s, amara);
    CHECK(require(s.listDevices())[0].lastSyncAt == server.clock.now);
}

STORAGE_TEST_CASE("A practitioner's new family reaches their other tablet whole", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet first = enrol(server, server.amara, "Amara's tablet");
    const Tablet second = enrol(server, server.amara, "Amara's spare tablet");
    const Casework work(first);

    const PushOutcome outcome = push(s, first, work.ops);
    CHECK(outcome.accepted == work.ops.size());
    CHECK(outcome.repeated == 0);
    CHECK(outcome.acked == work.ops.size());

    const sync::PullReply reply = pull(s, second);
    CHECK(opsOf(reply) == work.ops);
    for (int i = 0; i < reply.ops.size(); ++i)
        CHECK(reply.ops[i].serverSeq == i + 1);
    CHECK(reply.cursor == work.ops.size());
    CHECK_FALSE(reply.more);
    CHECK(reply.snapshot); // a new tablet takes its families whole, then the log
    CHECK(reply.removedFamilies.isEmpty());
    CHECK(reply.serverHlc == Hlc(server.clock.now.toMSecsSinceEpoch(), 0));

    const sync::PullReply next = pull(s, second, reply.cursor, 500, reply.catchUp);
    CHECK(next.ops.isEmpty());
    CHECK_FALSE(next.snapshot);
}

STORAGE_TEST_CASE(
    "Another practitioner can neither pull nor push a family that is not theirs", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Casework work(amara);
    push(s, amara, work.ops);

    const sync::PullReply seen = pull(s, tom);
    CHECK(seen.ops.isEmpty());
    CHECK(seen.cursor == work.ops.size());

    QList<Op> intrusion = tom.create(QStringLiteral("note"), newId(),
        { { "family_id", work.family }, { "written_at", QStringLiteral("2026-03-04T09:00:00Z") },
            { "body", QStringLiteral("Mum says the landlord visited") } });
    auto refused = s.push(tom.device, intrusion, QStringLiteral("1.2.0"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Error::Code::InvalidArgument);
    CHECK(refused.error().message.contains(QStringLiteral("outside this user's caseload")));

    auto editVisit = s.push(tom.device,
        { tom.op(QStringLiteral("visit"), work.visit, QStringLiteral("worries"),
            QStringLiteral("Nothing to worry about")) },
        QStringLiteral("1.2.0"));
    REQUIRE_FALSE(editVisit.ok());

    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    CHECK(opsOf(pull(s, priya)) == work.ops);
    CHECK(push(s, tom, {}).acked == 0);
}

STORAGE_TEST_CASE("A supervisor sees their team's families and not another team's", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Tablet gareth = enrol(server, server.gareth, "Gareth's tablet");
    const Casework okafor(amara, "Okafor");
    const Casework byrne(tom, "Byrne");
    push(s, amara, okafor.ops);
    push(s, tom, byrne.ops);

    CHECK(byId(opsOf(pull(s, priya))) == byId(okafor.ops + byrne.ops));
    const sync::PullReply south = pull(s, gareth);
    CHECK(south.ops.isEmpty());
    CHECK(south.cursor == okafor.ops.size() + byrne.ops.size());
    CHECK(south.removedFamilies.isEmpty());

    auto refused = s.push(gareth.device,
        { Tablet { gareth.device, &server.clock }.op(QStringLiteral("family"), okafor.family,
            QStringLiteral("postcode"), QStringLiteral("LS9 9ZZ")) },
        QStringLiteral("1.2.0"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Error::Code::InvalidArgument);
}

STORAGE_TEST_CASE("A supervisor's new family stays in their team until it is allocated", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet gareth = enrol(server, server.gareth, "Gareth's tablet");
    const Tablet priyasOther = enrol(server, server.priya, "Priya's other tablet");
    const Casework work(priya, "Kowalski");

    CHECK(push(s, priya, work.ops).accepted == work.ops.size());
    CHECK(pull(s, amara).ops.isEmpty());
    CHECK(pull(s, gareth).ops.isEmpty());
    CHECK(opsOf(pull(s, priyasOther)) == work.ops);
    CHECK(pull(s, priya).ops.isEmpty()); // its own ops: it has them

    requireOk(s.allocate(work.family, server.amara));
    CHECK(opsOf(pull(s, amara)) == work.ops);
    CHECK(opsOf(pull(s, priyasOther)) == work.ops);
}

STORAGE_TEST_CASE(
    "Pushing the same ops again logs nothing new and acknowledges the same", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Casework work(amara);

    const PushOutcome first = push(s, amara, work.ops);
    const PushOutcome again = push(s, amara, work.ops);
    CHECK(again.acked == first.acked);
    CHECK(again.accepted == 0);
    CHECK(again.repeated == work.ops.size());
    CHECK(pull(s, priya).ops.size() == work.ops.size());

    const PushOutcome doubled = push(s, amara, { work.ops[0], work.ops[0] });
    CHECK(doubled.repeated == 2);
    CHECK(pull(s, priya).ops.size() == work.ops.size());
}

STORAGE_TEST_CASE(
    "The acknowledgement stops before the first local sequence the server lacks", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const QString family = newId();
    const QList<Op> ops = amara.create(QStringLiteral("family"), family,
        { { "family_name", QStringLiteral("Haddad") }, { "postcode", QStringLiteral("LS8 2QR") },
            { "language", QStringLiteral("Arabic") }, { "interpreter_needed", qint64(1) },
            { "address", QStringLiteral("14 Elm Row") } });
    REQUIRE(ops.size() == 6);

    CHECK(push(s, amara, ops.mid(0, 3)).acked == 3);
    const PushOutcome gap = push(s, amara, ops.mid(4, 2));
    CHECK(gap.acked == 3);
    CHECK(gap.accepted == 2);
    const PushOutcome filled = push(s, amara, { ops[3] });
    CHECK(filled.acked == 6);
    CHECK(filled.accepted == 1);
    CHECK(push(s, amara, ops).acked == 6);
}

STORAGE_TEST_CASE("An op claiming to come from another device is refused", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet spare = enrol(server, server.amara, "Amara's spare tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Casework work(spare);

    auto refused = s.push(amara.device, work.ops, QStringLiteral("1.2.0"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Error::Code::InvalidArgument);
    CHECK(refused.error().message.contains(QStringLiteral("another device")));
    CHECK(pull(s, priya).ops.isEmpty());
}

STORAGE_TEST_CASE("An op dated more than a day ahead of the server's clock is refused", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    TestClock fastClock;
    fastClock.now = server.clock.now.addSecs(25 * 3600);
    Tablet fast { amara.device, &fastClock };
    const Casework future(fast);

    auto refused = s.push(amara.device, future.ops, QStringLiteral("1.2.0"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Error::Code::InvalidArgument);
    CHECK(refused.error().message.contains(QStringLiteral("ahead of the server's clock")));
    CHECK(pull(s, priya).ops.isEmpty());

    fastClock.now = server.clock.now.addSecs(23 * 3600);
    Tablet slightlyFast { amara.device, &fastClock };
    const Casework tolerated(slightlyFast);
    CHECK(push(s, slightlyFast, tolerated.ops).accepted == tolerated.ops.size());
}

STORAGE_TEST_CASE("A push with one unsound op is refused whole", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    Casework work(amara);
    work.ops.insert(3,
        amara.op(QStringLiteral("family"), work.family, QStringLiteral("favourite_colour"),
            QStringLiteral("green")));

    auto refused = s.push(amara.device, work.ops, QStringLiteral("1.2.0"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Error::Code::InvalidArgument);
    CHECK(refused.error().message.contains(QStringLiteral("op 4")));
    CHECK(refused.error().message.contains(QStringLiteral("field the family does not have")));
    CHECK_FALSE(refused.error().message.contains(QStringLiteral("green")));
    CHECK(pull(s, priya).ops.isEmpty());
    CHECK(push(s, amara, {}).acked == 0);
}

STORAGE_TEST_CASE("A record cannot be moved to another family", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Casework okafor(amara, "Okafor");
    const Casework byrne(amara, "Byrne");
    push(s, amara, okafor.ops + byrne.ops);
    const qsizetype held = pull(s, priya).ops.size();

    auto moved = s.push(amara.device,
        { amara.op(
            QStringLiteral("person"), okafor.child, QStringLiteral("family_id"), byrne.family) },
        QStringLiteral("1.2.0"));
    REQUIRE_FALSE(moved.ok());
    CHECK(moved.error().code == Error::Code::InvalidArgument);
    CHECK(moved.error().message.contains(QStringLiteral("another family")));
    CHECK(pull(s, priya).ops.size() == held);

    const PushOutcome restated = push(s, amara,
        { amara.op(
            QStringLiteral("person"), okafor.child, QStringLiteral("family_id"), okafor.family) });
    CHECK(restated.accepted == 1);
}

STORAGE_TEST_CASE("An op for a record the server has never seen is refused", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    push(s, amara, Casework(amara).ops);

    auto refused = s.push(amara.device,
        { amara.op(QStringLiteral("visit"), newId(), QStringLiteral("worries"),
            QStringLiteral("Rent arrears")) },
        QStringLiteral("1.2.0"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Error::Code::InvalidArgument);
    CHECK(refused.error().message.contains(QStringLiteral("record the server does not know")));
    CHECK_FALSE(refused.error().message.contains(QStringLiteral("Rent arrears")));
}

STORAGE_TEST_CASE("A record's family may come after its other fields in the same push", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const QString family = newId();
    QList<Op> ops = amara.family(family, "Nowak");
    ops << amara.create(QStringLiteral("referral"), newId(),
        { { "source", QStringLiteral("school") }, { "level_of_need", qint64(3) },
            { "referred_on", QStringLiteral("2026-02-20") }, { "family_id", family } });

    CHECK(push(s, amara, ops).accepted == ops.size());
    CHECK(opsOf(pull(s, priya)) == ops);
    CHECK(pull(s, tom).ops.isEmpty());
}

STORAGE_TEST_CASE("Ink strokes belong to their drawing's family", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Casework work(amara);
    const QString drawing = newId();
    QList<Op> ops = work.ops;
    ops << amara.create(QStringLiteral("drawing"), drawing,
        { { "family_id", work.family }, { "person_id", work.child },
            { "purpose", QStringLiteral("house_of_worries") },
            { "created_at", QStringLiteral("2026-03-04T09:10:00.000Z") } });
    ops << amara.create(QStringLiteral("stroke"), newId(),
        { { "drawing_id", drawing }, { "drawn_by", QStringLiteral("child") },
            { "points", QByteArray::fromHex("0001000200030004ff") }, { "width", 2.5 },
            { "drawn_at", QStringLiteral("2026-03-04T09:11:00.000Z") } });
    push(s, amara, ops);

    CHECK(opsOf(pull(s, priya)) == ops);
    CHECK(pull(s, tom).ops.isEmpty());

    auto stray = s.push(amara.device,
        amara.create(QStringLiteral("stroke"), newId(),
            { { "drawing_id", newId() }, { "drawn_by", QStringLiteral("child") },
                { "points", QByteArray::fromHex("0001") },
                { "drawn_at", QStringLiteral("2026-03-04T09:12:00.000Z") } }),
        QStringLiteral("1.2.0"));
    REQUIRE_FALSE(stray.ok());
    CHECK(stray.error().code == Error::Code::InvalidArgument);
}

STORAGE_TEST_CASE("Goals and actions belong to their plan's family", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Casework work(amara);
    const QString plan = newId();
    const QString goal = newId();
    QList<Op> ops = work.ops;
    ops << amara.create(QStringLiteral("plan"), plan,
        { { "family_id", work.family }, { "status", QStringLiteral("draft") } });
    ops << amara.create(QStringLiteral("goal"), goal,
        { { "plan_id", plan }, { "words", QStringLiteral("Chidi gets to school on time") } });
    ops << amara.create(QStringLiteral("action"), newId(),
        { { "plan_id", plan }, { "goal_id", goal },
            { "description", QStringLiteral("Set two alarms") } });
    push(s, amara, ops);

    CHECK(opsOf(pull(s, priya)) == ops);
    CHECK(pull(s, tom).ops.isEmpty());
}

STORAGE_TEST_CASE(
    "Reallocating a family moves it from the old practitioner's tablets to the new one's",
    "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Tablet amarasOther = enrol(server, server.amara, "Amara's other tablet");
    const Casework okafor(amara, "Okafor");
    const Casework byrne(amara, "Byrne");
    push(s, amara, okafor.ops + byrne.ops);

    requireOk(s.allocate(okafor.family, server.tom));

    const sync::PullReply amaraPull = pull(s, amarasOther);
    CHECK(amaraPull.removedFamilies == QStringList { okafor.family });
    CHECK(opsOf(amaraPull) == byrne.ops);
    CHECK(pull(s, amara).removedFamilies == QStringList { okafor.family });
    CHECK(pull(s, amara).ops.isEmpty());
    const sync::PullReply tomsPull = pull(s, tom);
    CHECK(opsOf(tomsPull) == okafor.ops);
    CHECK(tomsPull.removedFamilies.isEmpty());

    const QList<Op> tomsVisit = tom.visit(okafor.family, newId());
    CHECK(push(s, tom, tomsVisit).accepted == tomsVisit.size());
    CHECK(pull(s, amarasOther, amaraPull.cursor, 500, amaraPull.catchUp).ops.isEmpty());
    // Work Amara's tablet did before it heard of the move is still taken, and reaches
    // Tom: nothing written at a kitchen table is lost for arriving late.
    const QList<Op> late { amara.op(QStringLiteral("family"), okafor.family,
        QStringLiteral("postcode"), QStringLiteral("LS9 7HD")) };
    CHECK(push(s, amara, late).accepted == 1);
    CHECK(opsOf(pull(s, tom, tomsPull.cursor, 500, tomsPull.catchUp)) == late);
    // Someone who never held the family still cannot write to it.
    Tablet gareth = enrol(server, server.gareth, "Gareth's tablet");
    auto stranger = s.push(gareth.device,
        { gareth.op(QStringLiteral("family"), okafor.family, QStringLiteral("postcode"),
            QStringLiteral("LS9 7HD")) },
        QStringLiteral("1.2.0"));
    REQUIRE_FALSE(stranger.ok());
    CHECK(stranger.error().code == Error::Code::InvalidArgument);
}

STORAGE_TEST_CASE(
    "A family reallocated to a tablet that has synced past its history is sent whole", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Casework okafor(amara, "Okafor");
    const Casework adeyemi(amara, "Adeyemi");
    push(s, amara, okafor.ops + adeyemi.ops);
    const Casework byrne(tom, "Byrne");
    push(s, tom, byrne.ops);
    // Tom's tablet is up to date: its cursor is past both of Amara's families.
    const Pulled before = pullAll(s, tom);
    CHECK(before.ops.isEmpty());
    CHECK(before.cursor == okafor.ops.size() + adeyemi.ops.size() + byrne.ops.size());

    requireOk(s.allocate(okafor.family, server.tom));
    requireOk(s.allocate(adeyemi.family, server.tom));

    // Three ops a request: one family after the other (in the order of their ids), each
    // from where the last request left off, while the cursor waits.
    const QList<Op> whole
        = okafor.family < adeyemi.family ? okafor.ops + adeyemi.ops : adeyemi.ops + okafor.ops;
    const sync::PullReply first = pull(s, tom, before.cursor, 3);
    CHECK(first.snapshot);
    CHECK(first.more);
    CHECK(first.cursor == before.cursor);
    CHECK(opsOf(first) == whole.mid(0, 3));
    // A request repeated because its reply was lost gets the same ops again.
    CHECK(opsOf(pull(s, tom, before.cursor, 3, before.catchUp)) == opsOf(first));
    const Pulled caughtUp = pullAll(s, tom, { opsOf(first), first.cursor, first.catchUp }, 3);
    CHECK(caughtUp.ops == whole);
    CHECK(caughtUp.cursor == before.cursor);

    // Caught up: what happens to the families next comes in the log, once.
    const QList<Op> amarasLate { amara.op(QStringLiteral("family"), okafor.family,
        QStringLiteral("postcode"), QStringLiteral("LS9 7HD")) };
    push(s, amara, amarasLate);
    const Pulled after = pullAll(s, tom, caughtUp);
    CHECK(after.ops == caughtUp.ops + amarasLate);
    CHECK(pullAll(s, tom, after).ops == after.ops);
}

STORAGE_TEST_CASE(
    "A family that leaves a tablet's scope and comes back is sent whole again", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Casework work(amara);
    push(s, amara, work.ops);
    const Pulled start = pullAll(s, amara);
    CHECK(start.ops.isEmpty()); // its own ops: the tablet has them

    requireOk(s.allocate(work.family, server.tom));
    const Pulled away = pullAll(s, amara, start);
    CHECK(pull(s, amara, away.cursor, 500, away.catchUp).removedFamilies
        == QStringList { work.family });
    // The tablet removed the family, its own work in it included; back, it comes whole.
    requireOk(s.allocate(work.family, server.amara));
    CHECK(pullAll(s, amara, away).ops == work.ops);
}

STORAGE_TEST_CASE("A family reallocated before its tablet's cursor passed its work comes back "
                  "with that work",
    "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Casework adeyemi(tom, "Adeyemi");
    push(s, tom, adeyemi.ops);
    const Casework earlier(amara, "Byrne");
    push(s, amara, earlier.ops);
    const Pulled start = pullAll(s, amara);
    // A family of Tom's comes to Amara: while her tablet catches up on it, its cursor waits.
    requireOk(s.allocate(adeyemi.family, server.amara));
    // Amara's new family, pushed past that cursor, is moved to Tom meanwhile: the tablet is
    // told to remove it, its own work with it.
    const Casework work(amara, "Okafor");
    push(s, amara, work.ops);
    requireOk(s.allocate(work.family, server.tom));
    const sync::PullReply catchingUp = pull(s, amara, start.cursor, 3, start.catchUp);
    CHECK(catchingUp.snapshot);
    CHECK(catchingUp.cursor == start.cursor);
    CHECK(catchingUp.removedFamilies == QStringList { work.family });

    requireOk(s.allocate(work.family, server.amara));
    const Pulled back
        = pullAll(s, amara, { opsOf(catchingUp), catchingUp.cursor, catchingUp.catchUp, 1 }, 3);
    CHECK(byId(back.ops) == byId(adeyemi.ops + work.ops));
}

STORAGE_TEST_CASE("A family moved into a supervisor's team reaches their tablet whole", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    requireOk(s.createUser({ QStringLiteral("ewan.price"), QStringLiteral("Ewan Price"),
        User::Role::Practitioner, QStringLiteral("South") }));
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet gareth = enrol(server, server.gareth, "Gareth's tablet");
    const Casework work(amara);
    push(s, amara, work.ops);
    const Pulled start = pullAll(s, gareth);
    CHECK(start.ops.isEmpty());
    CHECK(start.cursor == work.ops.size());

    requireOk(s.allocate(work.family, QStringLiteral("ewan.price")));
    CHECK(pullAll(s, gareth, start).ops == work.ops);
}

STORAGE_TEST_CASE("A family allocated back is no longer removed from its practitioner", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Tablet amarasOther = enrol(server, server.amara, "Amara's other tablet");
    const Casework work(amara);
    push(s, amara, work.ops);

    requireOk(s.allocate(work.family, server.tom));
    requireOk(s.allocate(work.family, server.amara));

    const sync::PullReply back = pull(s, amarasOther);
    CHECK(back.removedFamilies.isEmpty());
    CHECK(opsOf(back) == work.ops);
    CHECK(pull(s, tom).removedFamilies == QStringList { work.family });
}

STORAGE_TEST_CASE(
    "A family moved to another team is removed from its supervisor's tablets", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    requireOk(s.createUser({ QStringLiteral("ewan.price"), QStringLiteral("Ewan Price"),
        User::Role::Practitioner, QStringLiteral("South") }));
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Tablet gareth = enrol(server, server.gareth, "Gareth's tablet");
    const Casework work(amara);
    push(s, amara, work.ops);

    requireOk(s.allocate(work.family, QStringLiteral("ewan.price")));

    const sync::PullReply north = pull(s, priya);
    CHECK(north.removedFamilies == QStringList { work.family });
    CHECK(north.ops.isEmpty());
    CHECK(opsOf(pull(s, gareth)) == work.ops);
}

STORAGE_TEST_CASE("A family can be allocated only to a practitioner the server knows", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    const QString family = newId();

    for (const QString &who : { server.priya, QStringLiteral("nobody") }) {
        auto refused = s.allocate(family, who);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == Error::Code::InvalidArgument);
    }
    auto notAnId = s.allocate(QStringLiteral("the Okafor family"), server.amara);
    REQUIRE_FALSE(notAnId.ok());
    CHECK(notAnId.error().code == Error::Code::InvalidArgument);

    // Allocated before any tablet has sent it: only its practitioner may bring it.
    requireOk(s.allocate(family, server.amara));
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    auto taken = s.push(tom.device, tom.family(family, "Okafor"), QStringLiteral("1.2.0"));
    REQUIRE_FALSE(taken.ok());
    const QList<Op> ops = amara.family(family, "Okafor");
    CHECK(push(s, amara, ops).accepted == ops.size());
}

STORAGE_TEST_CASE("A pull's cursor moves past ops the device may not see", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Casework own(amara);
    push(s, amara, own.ops);
    const Pulled start = pullAll(s, amara);
    CHECK(start.ops.isEmpty()); // its own: the tablet has them
    CHECK(start.cursor == own.ops.size());
    CHECK(start.requests == 1);

    const QString family = newId();
    QList<Op> busy = tom.family(family, "Byrne");
    while (busy.size() < 30)
        busy << tom.op(QStringLiteral("family"), family, QStringLiteral("postcode"),
            QStringLiteral("LS6 %1AB").arg(busy.size()));
    push(s, tom, busy);
    const qint64 end = own.ops.size() + busy.size();

    // An established tablet reads only its own families: one request passes all of Tom's.
    const sync::PullReply first = pull(s, amara, start.cursor, 1, start.catchUp);
    CHECK(first.ops.isEmpty());
    CHECK(first.cursor == end);
    CHECK_FALSE(first.more);

    // A new tablet reads its scope, not the whole log: one with no families goes straight
    // to the end of the log, and one with a family takes it whole and goes there too.
    const Tablet gareth = enrol(server, server.gareth, "Gareth's tablet");
    const sync::PullReply nothing = pull(s, gareth, 0, 1);
    CHECK(nothing.ops.isEmpty());
    CHECK(nothing.cursor == end);
    CHECK_FALSE(nothing.more);
    const Tablet amarasOther = enrol(server, server.amara, "Amara's other tablet");
    const Pulled mine = pullAll(s, amarasOther, {}, 2);
    CHECK(mine.ops == own.ops);
    CHECK(mine.cursor == end);

    // Among others' ops, a full reply stops at the last op it holds, and the next goes on
    // from there to the end.
    const QList<Op> written { amara.op(QStringLiteral("family"), own.family,
                                  QStringLiteral("postcode"), QStringLiteral("LS9 1AA")),
        amara.op(QStringLiteral("family"), own.family, QStringLiteral("postcode"),
            QStringLiteral("LS9 1AB")) };
    push(s, amara, { written[0] });
    push(s, tom,
        { tom.op(QStringLiteral("family"), family, QStringLiteral("postcode"),
            QStringLiteral("LS6 9ZZ")) });
    push(s, amara, { written[1] });
    push(s, tom,
        { tom.op(QStringLiteral("family"), family, QStringLiteral("postcode"),
            QStringLiteral("LS6 9ZY")) });
    const sync::PullReply one = pull(s, amarasOther, mine.cursor, 1, mine.catchUp);
    CHECK(opsOf(one) == QList<Op> { written[0] });
    CHECK(one.cursor == end + 1);
    CHECK(one.more);
    const sync::PullReply two = pull(s, amarasOther, one.cursor, 1, one.catchUp);
    CHECK(opsOf(two) == QList<Op> { written[1] });
    CHECK(two.cursor == end + 4);
    CHECK_FALSE(two.more);
}

STORAGE_TEST_CASE("A pull asking for fewer than 1 or more than 5000 ops is refused", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    const Tablet amara = enrol(server, server.amara, "Amara's tablet");

    for (int limit : { -1, 0, 5001 }) {
        auto refused = s.pull(amara.device, { 0, limit, {} }, QStringLiteral("1.2.0"));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == Error::Code::InvalidArgument);
    }
    CHECK(s.pull(amara.device, { 0, 1, {} }, QStringLiteral("1.2.0")).ok());
    CHECK(s.pull(amara.device, { 0, 5000, {} }, QStringLiteral("1.2.0")).ok());
    CHECK_FALSE(s.pull(amara.device, { -1, 100, {} }, QStringLiteral("1.2.0")).ok());
}

STORAGE_TEST_CASE(
    "The audit says who did what and when, newest first, without personal data", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Casework work(amara, "Okafor");
    push(s, amara, work.ops);
    pull(s, amara);
    requireOk(s.allocate(work.family, server.tom));
    requireOk(s.revokeDevice(tom.device.id));
    server.clock.now = server.clock.now.addSecs(60);
    REQUIRE_FALSE(s.pull(tom.device, { 0, 100, {} }, QStringLiteral("1.2.0")).ok());

    const QList<ServerStorage::AuditEntry> entries = require(s.audit(100));
    REQUIRE_FALSE(entries.isEmpty());
    const ServerStorage::AuditEntry &newest = entries.constFirst();
    CHECK(newest.action == QStringLiteral("refused"));
    CHECK(newest.userId == server.tom);
    CHECK(newest.deviceId == tom.device.id);
    CHECK(newest.at == server.clock.now);

    QStringList actions;
    for (const auto &entry : entries) {
        actions << entry.action;
        for (const QString &text : { entry.detail, entry.recordId, entry.recordKind }) {
            CHECK_FALSE(text.contains(QStringLiteral("Okafor")));
            CHECK_FALSE(text.contains(QStringLiteral("Rent arrears")));
            CHECK_FALSE(text.contains(QStringLiteral("Chidi")));
        }
    }
    for (const char *action : { "push", "pull", "enrol", "revoke", "allocate", "refused" })
        CHECK(actions.contains(QString::fromLatin1(action)));

    const auto pushedFamily = std::find_if(entries.cbegin(), entries.cend(), [&](const auto &e) {
        return e.action == QStringLiteral("push") && e.recordId == work.family;
    });
    REQUIRE(pushedFamily != entries.cend());
    CHECK(pushedFamily->recordKind == QStringLiteral("family"));
    CHECK(pushedFamily->userId == server.amara);
    CHECK(pushedFamily->deviceId == amara.device.id);

    CHECK(require(s.audit(2)).size() == 2);
}

STORAGE_TEST_CASE("A refused push is audited though nothing else is kept", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Casework work(amara);
    push(s, amara, work.ops);

    REQUIRE_FALSE(
        s.push(tom.device, tom.visit(work.family, newId()), QStringLiteral("1.2.0")).ok());

    const auto newest = require(s.audit(1)).constFirst();
    CHECK(newest.action == QStringLiteral("refused"));
    CHECK(newest.userId == server.tom);
    CHECK(newest.deviceId == tom.device.id);
    CHECK(newest.detail.contains(QStringLiteral("outside this user's caseload")));
    CHECK(require(s.listDevices())[1].lastSyncAt.isNull());
}

STORAGE_TEST_CASE("The server's storage keeps everything when it is opened again", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet amarasOther = enrol(server, server.amara, "Amara's other tablet");
    const Casework work(amara);
    push(server.s, amara, work.ops);
    server.storage.reset();

    std::unique_ptr<ServerStorage> reopened = server.backend.open(server.clock.function());
    CHECK(require(reopened->findUser(server.priya)).has_value());
    CHECK(opsOf(pull(*reopened, amarasOther)) == work.ops);
    CHECK(push(*reopened, amara, work.ops).acked == work.ops.size());
}

// Specific to the embedded backend: its file is encrypted with the server's key.
TEST_CASE("The server's database cannot be opened with another key", "[server]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("server.db"));
    {
        auto made = SqlCipherStorage::open(path, testKey());
        REQUIRE(made.ok());
    }
    auto wrong = SqlCipherStorage::open(path, testKey('w'));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == Error::Code::Damaged);
    auto short_ = SqlCipherStorage::open(path, QByteArray(16, 's'));
    REQUIRE_FALSE(short_.ok());
    CHECK(require(SqlCipherStorage::open(path, testKey()))->audit(10).ok());
}

// doorstep-server's admin commands connect to the database while the server is serving it.
STORAGE_TEST_CASE("Two connections to the server's database see each other's changes", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    TestType backend;
    TestClock clock;
    std::unique_ptr<ServerStorage> serving = backend.open(clock.function());
    std::unique_ptr<ServerStorage> admin = backend.open(clock.function());

    requireOk(admin->createUser({ QStringLiteral("amara.osei"), QStringLiteral("Amara Osei"),
        User::Role::Practitioner, QStringLiteral("North") }));
    CHECK(require(serving->findUser(QStringLiteral("amara.osei"))).has_value());
    const QString code = require(admin->createEnrolmentCode(QStringLiteral("amara.osei"), 600));
    CHECK(serving
              ->redeemEnrolmentCode(
                  code, newDeviceId(), QStringLiteral("Amara's tablet"), QStringLiteral("1.2.0"))
              .ok());
    CHECK(require(admin->listDevices()).size() == 1);
}

STORAGE_TEST_CASE("A device is enrolled under its own id, once", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    TestType backend;
    TestClock clock;
    auto storage = backend.open(clock.function());
    ServerStorage &s = *storage;
    REQUIRE(s.createUser({ QStringLiteral("p-amara"), QStringLiteral("Amara Okoye"),
                             User::Role::Practitioner, QStringLiteral("north") })
                .ok());
    const QString id = newDeviceId();
    auto first
        = s.redeemEnrolmentCode(require(s.createEnrolmentCode(QStringLiteral("p-amara"), 3600)), id,
            QStringLiteral("Amara's tablet"), QStringLiteral("1.2.0"));
    REQUIRE(first.ok());
    CHECK(first->first.id == id);
    auto again
        = s.redeemEnrolmentCode(require(s.createEnrolmentCode(QStringLiteral("p-amara"), 3600)), id,
            QStringLiteral("Amara's tablet"), QStringLiteral("1.2.0"));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Error::Code::AlreadyExists);
    auto notUuid
        = s.redeemEnrolmentCode(require(s.createEnrolmentCode(QStringLiteral("p-amara"), 3600)),
            QStringLiteral("tablet-7"), QStringLiteral("Amara's tablet"), QStringLiteral("1.2.0"));
    REQUIRE_FALSE(notUuid.ok());
    CHECK(notUuid.error().code == Error::Code::InvalidArgument);
}

// Specific to PostgreSQL: its writers are serialised by one advisory lock, as SQLite's are by
// its one writer, so a call waits for another's transaction (and gives up as SQLite does).
TEST_CASE("A PostgreSQL writer waits for another's transaction to end", "[server]")
{
    if (!PostgresBackend::ready())
        return;
    PostgresBackend backend;
    auto storage = backend.open();
    auto other = require(PostgresConnection::open(backend.conninfo()));
    requireOk(other->begin());

    const User amara { QStringLiteral("amara.osei"), QStringLiteral("Amara Osei"),
        User::Role::Practitioner, QStringLiteral("North") };
    QElapsedTimer waited;
    waited.start();
    auto blocked = storage->createUser(amara);
    REQUIRE_FALSE(blocked.ok());
    CHECK(blocked.error().code == Error::Code::Io);
    CHECK(waited.elapsed() >= 4000);
    CHECK_FALSE(require(storage->findUser(amara.id)).has_value());

    other->rollback();
    requireOk(storage->createUser(amara));
}

STORAGE_TEST_CASE(
    "A tablet's own audit entries are kept once, with its user and device", "[server]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    const Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const QList<sync::DeviceAuditEntry> entries {
        { 4, QStringLiteral("2026-03-04T10:30:00.000Z"), server.amara, QStringLiteral("create"),
            QStringLiteral("visit"), QStringLiteral("visit-1"), QStringLiteral("worries"),
            QStringLiteral("local") },
        { 9, QStringLiteral("2026-03-04T10:35:00.000Z"), server.amara, QStringLiteral("merge"),
            QStringLiteral("visit"), QStringLiteral("visit-1"), QStringLiteral("worries"),
            QStringLiteral("local") },
    };
    CHECK(require(s.recordDeviceAudit(amara.device, entries, QStringLiteral("1.2.0"))) == 9);
    // Sent again (the acknowledgement was lost), with one more: only the new one is kept.
    QList<sync::DeviceAuditEntry> again = entries;
    again << sync::DeviceAuditEntry { 10, QStringLiteral("2026-03-04T10:40:00.000Z"), server.amara,
        QStringLiteral("delete"), QStringLiteral("person"), QStringLiteral("person-1"), {},
        QStringLiteral("local") };
    CHECK(require(s.recordDeviceAudit(amara.device, again, QStringLiteral("1.2.0"))) == 10);

    QStringList kept;
    for (const ServerStorage::AuditEntry &entry : require(s.audit(20))) {
        if (!entry.action.startsWith(QLatin1String("device ")))
            continue;
        CHECK(entry.userId == server.amara);
        CHECK(entry.deviceId == amara.device.id);
        kept.prepend(entry.action + QLatin1Char(' ') + entry.recordId);
    }
    CHECK(kept
        == QStringList { QStringLiteral("device create visit-1"),
            QStringLiteral("device merge visit-1"), QStringLiteral("device delete person-1") });

    // An entry claiming another user did it is refused, and nothing of the batch is kept.
    QList<sync::DeviceAuditEntry> forged { { 11, QStringLiteral("2026-03-04T10:45:00.000Z"),
                                               server.amara, QStringLiteral("update"),
                                               QStringLiteral("visit"), QStringLiteral("visit-1"),
                                               QStringLiteral("notes"), QStringLiteral("local") },
        { 12, QStringLiteral("2026-03-04T10:46:00.000Z"), server.tom, QStringLiteral("update"),
            QStringLiteral("visit"), QStringLiteral("visit-1"), QStringLiteral("notes"),
            QStringLiteral("local") } };
    auto refused = s.recordDeviceAudit(amara.device, forged, QStringLiteral("1.2.0"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QLatin1String("entry 2")));
    CHECK(require(s.recordDeviceAudit(amara.device, {}, QStringLiteral("1.2.0"))) == 10);
}
