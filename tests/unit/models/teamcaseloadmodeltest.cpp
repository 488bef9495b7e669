#include "models/teamcaseloadmodel.h"

#include "client/syncclient.h"
#include "models/englishplurals.h"
#include "modeltesthelpers.h"

#include <QAbstractItemModelTester>

using namespace doorstep;

// The supervisor's team caseload and practitioners view, on a session whose store holds two
// practitioners' families and the team view a sync would have kept.

namespace
{

QStringList names(const TeamCaseloadModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.data(model.index(row), TeamCaseloadModel::FamilyNameRole).toString();
    return result;
}

QVariant roleOf(const QAbstractItemModel &model, int nameRole, const QString &name, int role)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (model.data(index, nameRole).toString() == name)
            return model.data(index, role);
    }
    FAIL("no row " << name.toStdString());
    return {};
}

int sortValue(int check)
{
    return TeamCaseloadModel::SortByCheck + check;
}

/// Team North: Amara with three families, Tom with two, as a supervisor's tablet holds them.
struct TeamFixture : test::SessionFixture {
    QString ashdown, brightwell, carrow, dunmore, ellery;

    QString allocated(
        const QString &name, int daysAgo, const QString &to, const QString &toName, int level)
    {
        const QString id = add("family", { { QStringLiteral("family_name"), name } });
        add("allocation",
            { { QStringLiteral("family_id"), id }, { QStringLiteral("practitioner_id"), to },
                { QStringLiteral("practitioner_name"), toName },
                { QStringLiteral("allocated_on"), today().addDays(-daysAgo) } });
        add("referral",
            { { QStringLiteral("family_id"), id },
                { QStringLiteral("source"), QStringLiteral("school") },
                { QStringLiteral("level_of_need"), qint64(level) },
                { QStringLiteral("referred_on"), today().addDays(-daysAgo - 2) } });
        return id;
    }

    void visited(const QString &family, int daysAgo)
    {
        add("visit",
            { { QStringLiteral("family_id"), family },
                { QStringLiteral("visit_at"),
                    QDateTime(today().addDays(-daysAgo), QTime(10, 0)) } });
    }

    TeamFixture()
    {
        // As the app does: "1 week", "8 weeks".
        REQUIRE(EnglishPlurals::install());
        const QString amara = QStringLiteral("amara"), tom = QStringLiteral("tom");
        const QString amaraName = QStringLiteral("Amara Osei");
        const QString tomName = QStringLiteral("Tom Hughes");
        // Seen at once, goals and plan due: on track.
        ashdown = allocated(QStringLiteral("Ashdown"), 5, amara, amaraName, 3);
        visited(ashdown, 4);
        // Never seen in 60 days: first contact, goals and the plan all drifting.
        brightwell = allocated(QStringLiteral("Brightwell"), 60, amara, amaraName, 3);
        // 24 days in, seen: goals due within the week.
        carrow = allocated(QStringLiteral("Carrow"), 24, amara, amaraName, 2);
        visited(carrow, 22);
        // Tom's: one long open without a recorded review, one new yesterday.
        dunmore = allocated(QStringLiteral("Dunmore"), 200, tom, tomName, 4);
        visited(dunmore, 198);
        add("plan",
            { { QStringLiteral("family_id"), dunmore },
                { QStringLiteral("goals_agreed_on"), today().addDays(-180) },
                { QStringLiteral("completed_on"), today().addDays(-170) } });
        ellery = allocated(QStringLiteral("Ellery"), 1, tom, tomName, 2);

        TeamView view;
        view.role = TeamView::Role::Supervisor;
        view.team = QStringLiteral("North");
        const QDateTime morning(today(), QTime(8, 30));
        view.members = {
            { amara, amaraName, TeamView::Role::Practitioner,
                { { QStringLiteral("Amara's tablet"), morning.toUTC() } } },
            { QStringLiteral("priya"), QStringLiteral("Priya Shah"), TeamView::Role::Supervisor,
                {} },
            { tom, tomName, TeamView::Role::Practitioner,
                { { QStringLiteral("Tom's tablet"), morning.addDays(-12).toUTC() } } },
            { QStringLiteral("sam"), QStringLiteral("Sam Okafor"), TeamView::Role::Practitioner,
                {} },
        };
        REQUIRE(session->store()->saveTeamView(view).ok());
        session->announceChanges({ SyncClient::TeamViewKind });
    }
};

} // namespace

TEST_CASE("The session knows a supervisor from the team view a sync kept", "[models][team]")
{
    test::SessionFixture plain;
    CHECK_FALSE(plain.session->isSupervisor());
    TeamFixture fixture;
    CHECK(fixture.session->isSupervisor());
    CHECK(fixture.session->teamName() == QStringLiteral("North"));
    fixture.session->lock();
    CHECK_FALSE(fixture.session->isSupervisor());
}

TEST_CASE("The team caseload lists every family of the team, most overdue first", "[models][team]")
{
    TeamFixture fixture;
    TeamCaseloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(fixture.session.get());

    CHECK(model.totalCount() == 5);
    CHECK(names(model).first() == QStringLiteral("Dunmore"));
    CHECK(names(model).at(1) == QStringLiteral("Brightwell"));
    CHECK(model.redCount() == 2); // Brightwell and Dunmore
    CHECK(model.amberCount() == 1); // Carrow
    const int name = TeamCaseloadModel::FamilyNameRole;
    CHECK(roleOf(model, name, QStringLiteral("Brightwell"), TeamCaseloadModel::RagRole)
        == QStringLiteral("red"));
    CHECK(roleOf(model, name, QStringLiteral("Brightwell"), TeamCaseloadModel::PractitionerNameRole)
        == QStringLiteral("Amara Osei"));
    CHECK(roleOf(model, name, QStringLiteral("Brightwell"), TeamCaseloadModel::LevelTextRole)
        == QStringLiteral("Level 3: family casework"));
    CHECK(roleOf(model, name, QStringLiteral("Brightwell"), TeamCaseloadModel::WeeksOpenTextRole)
        == QStringLiteral("Open 8 weeks"));
    CHECK(roleOf(model, name, QStringLiteral("Dunmore"), TeamCaseloadModel::WeeksOpenTextRole)
        == QStringLiteral("Open 28 weeks"));
    CHECK(roleOf(model, name, QStringLiteral("Brightwell"), TeamCaseloadModel::HeadlineRole)
              .toString()
              .startsWith(QStringLiteral("First contact late: ")));
    CHECK(roleOf(model, name, QStringLiteral("Carrow"), TeamCaseloadModel::RagRole)
        == QStringLiteral("amber"));
    CHECK(roleOf(model, name, QStringLiteral("Ashdown"), TeamCaseloadModel::RagRole)
        == QStringLiteral("green"));
    CHECK(roleOf(model, name, QStringLiteral("Ashdown"), TeamCaseloadModel::HeadlineRole)
              .toString()
              .isEmpty());
    const QVariantList checks
        = roleOf(model, name, QStringLiteral("Ashdown"), TeamCaseloadModel::ChecksRole).toList();
    REQUIRE(checks.size() == 6);
    CHECK(checks[0].toMap().value(QStringLiteral("name")) == QStringLiteral("First contact"));
}

TEST_CASE(
    "The team caseload filters by practitioner, check, status and level of need", "[models][team]")
{
    TeamFixture fixture;
    TeamCaseloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(fixture.session.get());

    model.setPractitionerFilter(QStringLiteral("tom"));
    CHECK(names(model) == QStringList { QStringLiteral("Dunmore"), QStringLiteral("Ellery") });
    model.setPractitionerFilter({});

    model.setStatusFilter(TeamCaseloadModel::DriftingOnly);
    CHECK(names(model) == QStringList { QStringLiteral("Dunmore"), QStringLiteral("Brightwell") });
    model.setStatusFilter(TeamCaseloadModel::NeedsAttention);
    CHECK(names(model).contains(QStringLiteral("Carrow")));
    CHECK_FALSE(names(model).contains(QStringLiteral("Ashdown")));

    // One check alone: goals set within 28 days is drifting only at Brightwell, due at Carrow.
    model.setCheckFilter(int(DriftAndDelay::Check::GoalsSet));
    CHECK(names(model) == QStringList { QStringLiteral("Brightwell"), QStringLiteral("Carrow") });
    CHECK(roleOf(model, TeamCaseloadModel::FamilyNameRole, QStringLiteral("Carrow"),
        TeamCaseloadModel::HeadlineRole)
              .toString()
              .startsWith(QStringLiteral("Goals due")));
    model.setStatusFilter(TeamCaseloadModel::DriftingOnly);
    CHECK(names(model) == QStringList { QStringLiteral("Brightwell") });
    model.setCheckFilter(int(DriftAndDelay::Check::NoProgress));
    CHECK(names(model) == QStringList { QStringLiteral("Dunmore") });

    model.clearFilters();
    CHECK(model.count() == 5);
    model.setLevelFilter(2);
    CHECK(names(model) == QStringList { QStringLiteral("Carrow"), QStringLiteral("Ellery") });
    model.setSearch(QStringLiteral("ELL"));
    CHECK(names(model) == QStringList { QStringLiteral("Ellery") });
}

TEST_CASE("The team caseload sorts by each key and by each check", "[models][team]")
{
    TeamFixture fixture;
    TeamCaseloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(fixture.session.get());

    model.setSortBy(TeamCaseloadModel::SortByFamilyName);
    CHECK(names(model)
        == QStringList { QStringLiteral("Ashdown"), QStringLiteral("Brightwell"),
            QStringLiteral("Carrow"), QStringLiteral("Dunmore"), QStringLiteral("Ellery") });
    model.setSortBy(TeamCaseloadModel::SortByWeeksOpen);
    CHECK(names(model).first() == QStringLiteral("Dunmore"));
    // Ellery (1 day) and Ashdown (5 days) are both in their first week.
    CHECK(names(model).mid(3).contains(QStringLiteral("Ellery")));
    model.setSortBy(TeamCaseloadModel::SortByLevel);
    CHECK(names(model).first() == QStringLiteral("Dunmore"));
    model.setSortBy(TeamCaseloadModel::SortByPractitioner);
    CHECK(names(model).mid(0, 3).contains(QStringLiteral("Brightwell")));
    CHECK(
        names(model).mid(3) == QStringList { QStringLiteral("Dunmore"), QStringLiteral("Ellery") });
    model.setSortBy(sortValue(int(DriftAndDelay::Check::GoalsSet)));
    CHECK(names(model).mid(0, 2)
        == QStringList { QStringLiteral("Brightwell"), QStringLiteral("Carrow") });
    model.setSortBy(sortValue(int(DriftAndDelay::Check::NoProgress)));
    CHECK(names(model).first() == QStringLiteral("Dunmore"));
    CHECK(model.sortChoices().size() == 6 + 6);
}

TEST_CASE("The practitioners view counts caseloads against 20-35 and says when tablets synced",
    "[models][team]")
{
    TeamFixture fixture;
    TeamCaseloadModel model;
    model.setSession(fixture.session.get());
    TeamPractitionerModel &people = *model.practitioners();
    QAbstractItemModelTester tester(&people, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // Practitioners only, in the server's order; the supervisor is not one.
    REQUIRE(people.rowCount() == 3);
    const int name = TeamPractitionerModel::NameRole;
    CHECK(people.data(people.index(0), name) == QStringLiteral("Amara Osei"));
    CHECK(people.data(people.index(1), name) == QStringLiteral("Tom Hughes"));
    CHECK(people.data(people.index(2), name) == QStringLiteral("Sam Okafor"));
    CHECK(roleOf(people, name, QStringLiteral("Amara Osei"), TeamPractitionerModel::CaseloadRole)
        == 3);
    CHECK(roleOf(people, name, QStringLiteral("Amara Osei"), TeamPractitionerModel::RangeRole)
        == QStringLiteral("under"));
    CHECK(roleOf(people, name, QStringLiteral("Amara Osei"), TeamPractitionerModel::RangeTextRole)
        == QStringLiteral("17 below the usual 20–35"));
    CHECK(roleOf(people, name, QStringLiteral("Amara Osei"), TeamPractitionerModel::RedChecksRole)
        == 3);
    CHECK(
        roleOf(people, name, QStringLiteral("Amara Osei"), TeamPractitionerModel::LastSyncTextRole)
        == QStringLiteral("Synced today at 08:30"));
    CHECK_FALSE(
        roleOf(people, name, QStringLiteral("Amara Osei"), TeamPractitionerModel::SyncStaleRole)
            .toBool());
    CHECK(roleOf(people, name, QStringLiteral("Tom Hughes"), TeamPractitionerModel::SyncStaleRole)
              .toBool());
    CHECK(
        roleOf(people, name, QStringLiteral("Tom Hughes"), TeamPractitionerModel::LastSyncTextRole)
            .toString()
            .startsWith(QStringLiteral("Synced 12 days ago")));
    CHECK(
        roleOf(people, name, QStringLiteral("Sam Okafor"), TeamPractitionerModel::LastSyncTextRole)
        == QStringLiteral("No tablet enrolled"));
    CHECK(roleOf(people, name, QStringLiteral("Sam Okafor"), TeamPractitionerModel::DriftTextRole)
        == QStringLiteral("Every case on track"));

    // 36 families make Sam over the range.
    for (int i = 0; i < 36; ++i)
        fixture.allocated(QStringLiteral("Family %1").arg(i), 3, QStringLiteral("sam"),
            QStringLiteral("Sam Okafor"), 2);
    CHECK(roleOf(people, name, QStringLiteral("Sam Okafor"), TeamPractitionerModel::RangeRole)
        == QStringLiteral("over"));
    CHECK(roleOf(people, name, QStringLiteral("Sam Okafor"), TeamPractitionerModel::RangeTextRole)
        == QStringLiteral("1 above the usual 20–35"));
    CHECK(model.totalCount() == 5 + 36);
}
