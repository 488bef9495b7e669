#include "servertestworld.h"

#include <QSet>

using namespace doorstep;
using namespace doorstep::server;
using namespace doorstep::test;

// A supervisor's records (issue 8) at the server, against both databases: only a supervisor
// may decide on a plan, write a case supervision note, or set a plan signed off or returned.
// A practitioner's push holding any of them is refused whole, and nothing of it is logged.

namespace
{

const QString App = QStringLiteral("1.2.0");

struct Plan {
    QString id = newId();
    QList<Op> ops;

    Plan(Tablet &tablet, const QString &family)
    {
        ops = tablet.create(QStringLiteral("plan"), id,
            { { "family_id", family }, { "status", QStringLiteral("complete") } });
    }
};

QList<Op> decision(Tablet &tablet, const QString &family, const QString &plan, const char *what)
{
    return tablet.create(QStringLiteral("plan_decision"), newId(),
        { { "family_id", family }, { "plan_id", plan }, { "decision", QString::fromLatin1(what) },
            { "decided_by", QStringLiteral("priya.shah") },
            { "decided_at", QStringLiteral("2026-03-04T09:00:00.000Z") } });
}

QList<Op> supervisionNote(Tablet &tablet, const QString &family)
{
    return tablet.create(QStringLiteral("supervision_note"), newId(),
        { { "family_id", family }, { "held_on", QStringLiteral("2026-03-04") },
            { "discussion", QStringLiteral("Rent arrears and school attendance") },
            { "author_id", QStringLiteral("priya.shah") } });
}

} // namespace

STORAGE_TEST_CASE("A practitioner can neither decide on a plan nor write a supervision note",
    "[server][supervision]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Casework okafor(amara, "Okafor");
    const Plan plan(amara, okafor.family);
    push(s, amara, okafor.ops + plan.ops);

    const struct {
        const char *what;
        QList<Op> ops;
        QString refusal;
    } attempts[] = {
        { "a sign-off", decision(amara, okafor.family, plan.id, "signed_off"),
            QStringLiteral("only a supervisor may make") },
        { "a supervision note", supervisionNote(amara, okafor.family),
            QStringLiteral("only a supervisor may write") },
        { "a plan set signed off",
            { amara.op(QStringLiteral("plan"), plan.id, QStringLiteral("status"),
                QStringLiteral("signed_off")) },
            QStringLiteral("only a supervisor may do") },
    };
    for (const auto &attempt : attempts) {
        INFO(attempt.what);
        // With an ordinary edit beside it: the push is refused whole.
        const QList<Op> ops = QList<Op> { amara.op(QStringLiteral("family"), okafor.family,
                                  QStringLiteral("postcode"), QStringLiteral("LS9 9ZZ")) }
            + attempt.ops;
        auto refused = s.push(amara.device, ops, App);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == Error::Code::InvalidArgument);
        CHECK(refused.error().message.contains(attempt.refusal));
    }
    // Nothing of them reached the log: the supervisor pulls the practitioner's work only.
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    CHECK(byId(opsOf(pull(s, priya))) == byId(okafor.ops + plan.ops));

    // Completing the plan again (after a return) is the practitioner's, and is taken.
    push(s, amara,
        { amara.op(QStringLiteral("plan"), plan.id, QStringLiteral("status"),
            QStringLiteral("complete")) });
}

STORAGE_TEST_CASE(
    "A supervisor's decision and supervision note reach the practitioner", "[server][supervision]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet priya = enrol(server, server.priya, "Priya's tablet");
    Tablet gareth = enrol(server, server.gareth, "Gareth's tablet");
    const Casework okafor(amara, "Okafor");
    const Plan plan(amara, okafor.family);
    push(s, amara, okafor.ops + plan.ops);
    pull(s, priya);
    const sync::PullReply caughtUp = pull(s, amara);

    const QList<Op> decided = decision(priya, okafor.family, plan.id, "returned")
        + QList<Op> { priya.op(
            QStringLiteral("plan"), plan.id, QStringLiteral("status"), QStringLiteral("returned")) }
        + supervisionNote(priya, okafor.family);
    push(s, priya, decided);
    CHECK(byId(opsOf(pull(s, amara, caughtUp.cursor, 500, caughtUp.catchUp))) == byId(decided));

    // Another team's supervisor is still refused: the family is not theirs.
    auto refused
        = s.push(gareth.device, decision(gareth, okafor.family, plan.id, "signed_off"), App);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("outside this user's caseload")));
}

STORAGE_TEST_CASE("A supervisor's allocation from a tablet moves the family between practitioners",
    "[server][supervision]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Casework okafor(amara, "Okafor");
    const QString amarasAllocation = newId();
    const QList<Op> allocatedToAmara = amara.create(QStringLiteral("allocation"), amarasAllocation,
        { { "family_id", okafor.family }, { "practitioner_id", server.amara },
            { "allocated_on", QStringLiteral("2026-03-01") } });
    push(s, amara, okafor.ops + allocatedToAmara);
    const sync::PullReply amaraBefore = pull(s, amara);
    const sync::PullReply tomBefore = pull(s, tom);
    CHECK(tomBefore.ops.isEmpty());
    pull(s, priya);

    // Priya ends Amara's allocation and allocates the family to Tom, in one push.
    server.clock.now = server.clock.now.addSecs(60);
    const QList<Op> reallocation
        = QList<Op> { priya.op(QStringLiteral("allocation"), amarasAllocation,
              QStringLiteral("ended_on"), QStringLiteral("2026-03-04")) }
        + priya.create(QStringLiteral("allocation"), newId(),
            { { "family_id", okafor.family }, { "practitioner_id", server.tom },
                { "allocated_on", QStringLiteral("2026-03-04") } });
    push(s, priya, reallocation);

    // Tom's tablet receives the family whole; Amara's is told to remove it.
    const sync::PullReply tomAfter = pull(s, tom, tomBefore.cursor, 500, tomBefore.catchUp);
    CHECK(byId(opsOf(tomAfter)) == byId(okafor.ops + allocatedToAmara + reallocation));
    const sync::PullReply amaraAfter = pull(s, amara, amaraBefore.cursor, 500, amaraBefore.catchUp);
    CHECK(amaraAfter.removedFamilies == QStringList { okafor.family });

    // And the audit says who moved it, from which tablet.
    const auto audit = require(s.audit(50));
    const bool audited = std::any_of(audit.cbegin(), audit.cend(), [&](const auto &entry) {
        return entry.action == QStringLiteral("allocate") && entry.userId == server.priya
            && entry.deviceId == priya.device.id && entry.recordId == okafor.family
            && entry.detail.contains(QStringLiteral("reallocated to tom.hughes"));
    });
    CHECK(audited);
}

STORAGE_TEST_CASE("Only a supervisor allocates to someone else, and only within their team",
    "[server][supervision]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Casework okafor(amara, "Okafor");
    push(s, amara, okafor.ops);
    pull(s, priya);

    const auto allocation = [&](Tablet &tablet, const QString &to) {
        return tablet.create(QStringLiteral("allocation"), newId(),
            { { "family_id", okafor.family }, { "practitioner_id", to },
                { "allocated_on", QStringLiteral("2026-03-04") } });
    };
    // A practitioner records their own allocation, but cannot hand the family to Tom.
    push(s, amara, allocation(amara, server.amara));
    auto refused = s.push(amara.device, allocation(amara, server.tom), App);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("only a supervisor may do")));
    // A supervisor cannot allocate to another team's supervisor, or to nobody known.
    for (const QString &to : { server.gareth, QStringLiteral("nobody") }) {
        refused = s.push(priya.device, allocation(priya, to), App);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.contains(QStringLiteral("not a practitioner of this team")));
    }
}

STORAGE_TEST_CASE("A supervisor reads a family's audit; a practitioner and another team cannot",
    "[server][supervision][audit]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Tablet gareth = enrol(server, server.gareth, "Gareth's tablet");
    const Casework okafor(amara, "Okafor");
    const Casework other(amara, "Other");
    push(s, amara, okafor.ops + other.ops);
    // What Amara did on her tablet reaches the centre's audit with the next sync.
    REQUIRE(s.recordDeviceAudit(amara.device,
                 { { 1, QStringLiteral("2026-03-04T08:59:00.000Z"), server.amara,
                     QStringLiteral("update"), QStringLiteral("visit"), okafor.visit,
                     QStringLiteral("worries"), QStringLiteral("local") } },
                 App)
                .ok());
    pull(s, priya);

    const auto trail = require(s.familyAudit(priya.device, { okafor.family, 200 }, App));
    REQUIRE_FALSE(trail.entries.isEmpty());
    QSet<QString> records;
    for (const sync::FamilyAuditEntry &entry : trail.entries) {
        records.insert(entry.recordId);
        CHECK(entry.recordId != other.family); // nothing of another family
        CHECK(entry.recordId != other.visit);
    }
    CHECK(records.contains(okafor.family));
    CHECK(records.contains(okafor.visit));
    const auto onTablet = std::find_if(trail.entries.cbegin(), trail.entries.cend(),
        [](const auto &entry) { return entry.action == QStringLiteral("device update"); });
    REQUIRE(onTablet != trail.entries.cend());
    CHECK(onTablet->userName == QStringLiteral("Amara Osei"));
    CHECK(onTablet->deviceName == QStringLiteral("Amara's tablet"));
    CHECK(onTablet->detail.endsWith(QStringLiteral("fields: worries")));
    // Newest first, and at most the limit.
    CHECK(require(s.familyAudit(priya.device, { okafor.family, 2 }, App)).entries.size() == 2);

    auto practitioner = s.familyAudit(amara.device, { okafor.family, 200 }, App);
    REQUIRE_FALSE(practitioner.ok());
    CHECK(practitioner.error().code == Error::Code::NotPermitted);
    auto otherTeam = s.familyAudit(gareth.device, { okafor.family, 200 }, App);
    REQUIRE_FALSE(otherTeam.ok());
    CHECK(otherTeam.error().code == Error::Code::NotFound);

    // The reading is itself on record, and the refusals too.
    const auto audit = require(s.audit(20));
    CHECK(std::any_of(audit.cbegin(), audit.cend(), [&](const auto &entry) {
        return entry.action == QStringLiteral("audit read") && entry.userId == server.priya
            && entry.recordId == okafor.family;
    }));
    CHECK(std::any_of(audit.cbegin(), audit.cend(), [&](const auto &entry) {
        return entry.action == QStringLiteral("refused") && entry.userId == server.amara;
    }));
}
