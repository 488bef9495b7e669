#include "storetesthelpers.h"

using namespace doorstep;

// Who the tablet's user is at the centre (Store::teamView): kept in the encrypted store so
// a supervisor's tablet shows the team offline, replaced whole by each sync that tells it.

namespace
{

TeamView northTeam()
{
    TeamView view;
    view.role = TeamView::Role::Supervisor;
    view.team = QStringLiteral("North");
    view.members = {
        { QStringLiteral("amara"), QStringLiteral("Amara Osei"), TeamView::Role::Practitioner,
            { { QStringLiteral("Amara's tablet"),
                  QDateTime(QDate(2026, 11, 30), QTime(9, 15, 2, 250), Qt::UTC) },
                { QStringLiteral("Spare"), {} } } },
        { QStringLiteral("priya"), QStringLiteral("Priya Shah"), TeamView::Role::Supervisor, {} },
    };
    return view;
}

} // namespace

TEST_CASE("A store holds no team view until a sync tells it", "[store][team]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    auto view = store->teamView();
    REQUIRE(view.ok());
    CHECK_FALSE(view->has_value());
}

TEST_CASE("The team view survives a reopen and is replaced whole", "[store][team]")
{
    QTemporaryDir dir;
    {
        auto store = test::makeStore(dir.path());
        REQUIRE(store->saveTeamView(northTeam()).ok());
    }
    auto reopened = Store::open(dir.path(), test::testKey());
    REQUIRE(reopened.ok());
    Store &store = **reopened;
    auto view = store.teamView();
    REQUIRE(view.ok());
    REQUIRE(view->has_value());
    CHECK(**view == northTeam());
    CHECK((*view)->members[0].devices[0].lastSyncAt.timeSpec() == Qt::UTC);

    // Moved to practitioner in team South: nothing of North stays.
    TeamView moved;
    moved.team = QStringLiteral("South");
    moved.members = { { QStringLiteral("priya"), QStringLiteral("Priya Shah"),
        TeamView::Role::Practitioner, {} } };
    REQUIRE(store.saveTeamView(moved).ok());
    view = store.teamView();
    REQUIRE(view.ok());
    REQUIRE(view->has_value());
    CHECK(**view == moved);
    CHECK_FALSE((*view)->isSupervisor());

    // Nothing of it is journalled: it is the server's to say, never pushed back.
    auto journal = store.query(QStringLiteral("SELECT count(*) FROM change_journal"));
    REQUIRE(journal.ok());
    REQUIRE(journal->step().ok());
    CHECK(journal->integer(0) == 0);
}

TEST_CASE("A team view naming a person twice is refused and the last one kept", "[store][team]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    REQUIRE(store->saveTeamView(northTeam()).ok());
    TeamView twice = northTeam();
    twice.members.append(twice.members.constFirst());
    CHECK_FALSE(store->saveTeamView(twice).ok());
    auto view = store->teamView();
    REQUIRE(view.ok());
    REQUIRE(view->has_value());
    CHECK(**view == northTeam());
}
