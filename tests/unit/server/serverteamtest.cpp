#include "servertestworld.h"

using namespace doorstep;
using namespace doorstep::server;
using namespace doorstep::test;

// Who a user is at the centre, told with the last batch of every pull (sync/PROTOCOL.md,
// "Team view"), against both databases: least access, so a practitioner hears only of
// themselves and a supervisor only of their own team.

namespace
{

const QString App = QStringLiteral("1.2.0");

QStringList userIds(const TeamView &view)
{
    QStringList ids;
    for (const TeamView::Member &member : view.members)
        ids << member.userId;
    return ids;
}

const TeamView::Member &memberOf(const TeamView &view, const QString &userId)
{
    for (const TeamView::Member &member : view.members) {
        if (member.userId == userId)
            return member;
    }
    FAIL("no member " << userId.toStdString());
    return view.members.constFirst();
}

} // namespace

STORAGE_TEST_CASE(
    "A supervisor's pull names their team and when each tablet last synced", "[server][team]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    const Tablet amara = enrol(server, server.amara, "Amara's tablet");
    server.clock.now = server.clock.now.addSecs(1); // tablets are listed as enrolled
    const Tablet spare = enrol(server, server.amara, "Amara's spare");
    const Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    enrol(server, server.gareth, "Gareth's tablet");

    const QDateTime amaraSynced = server.clock.now;
    pull(s, amara);
    server.clock.now = server.clock.now.addSecs(3600);
    REQUIRE(s.revokeDevice(tom.device.id).ok());
    server.clock.now = server.clock.now.addSecs(60);

    const sync::PullReply reply = pull(s, priya);
    REQUIRE_FALSE(reply.more);
    REQUIRE(reply.team.has_value());
    const TeamView &team = *reply.team;
    CHECK(team.role == TeamView::Role::Supervisor);
    CHECK(team.team == QStringLiteral("North"));
    // Team North only, by name; Gareth (South) is not there.
    CHECK(userIds(team) == QStringList { server.amara, server.priya, server.tom });
    const TeamView::Member &a = memberOf(team, server.amara);
    CHECK(a.name == QStringLiteral("Amara Osei"));
    CHECK(a.role == TeamView::Role::Practitioner);
    REQUIRE(a.devices.size() == 2);
    CHECK(a.devices[0].name == QStringLiteral("Amara's tablet"));
    CHECK(a.devices[0].lastSyncAt == amaraSynced);
    CHECK(a.devices[1].name == QStringLiteral("Amara's spare"));
    CHECK_FALSE(a.devices[1].lastSyncAt.isValid());
    CHECK(a.lastSyncAt() == amaraSynced);
    // A revoked tablet is not Tom's any more.
    CHECK(memberOf(team, server.tom).devices.isEmpty());
    // The supervisor's own tablet shows this very sync.
    const TeamView::Member &p = memberOf(team, server.priya);
    CHECK(p.role == TeamView::Role::Supervisor);
    REQUIRE(p.devices.size() == 1);
    CHECK(p.devices[0].lastSyncAt == server.clock.now);
    (void)spare;
}

STORAGE_TEST_CASE("A practitioner's pull names only themselves, never the team", "[server][team]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    const Tablet amara = enrol(server, server.amara, "Amara's tablet");
    enrol(server, server.tom, "Tom's tablet");
    enrol(server, server.priya, "Priya's tablet");

    const sync::PullReply reply = pull(s, amara);
    REQUIRE(reply.team.has_value());
    CHECK(reply.team->role == TeamView::Role::Practitioner);
    CHECK(reply.team->team == QStringLiteral("North"));
    CHECK(userIds(*reply.team) == QStringList { server.amara });
    CHECK(reply.team->members[0].devices.isEmpty());
}

STORAGE_TEST_CASE("Only the last batch of a pull carries the team", "[server][team]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const QString family = newId();
    REQUIRE(s.push(amara.device, amara.family(family, "Okafor"), App).ok());

    sync::PullRequest request;
    request.limit = 1;
    auto first = s.pull(priya.device, request, App);
    REQUIRE(first.ok());
    REQUIRE(first->more);
    CHECK_FALSE(first->team.has_value());
    request.limit = 500;
    request.cursor = first->cursor;
    request.catchUp = first->catchUp;
    auto last = s.pull(priya.device, request, App);
    REQUIRE(last.ok());
    CHECK_FALSE(last->more);
    CHECK(last->team.has_value());
}
