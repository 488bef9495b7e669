#include "store/caseloadrepository.h"

#include "storetesthelpers.h"

using namespace doorstep;

namespace
{

const QString Me = QStringLiteral("practitioner-1");

Timescales timescales()
{
    auto calendar = WorkingCalendar::englandAndWales();
    REQUIRE(calendar.ok());
    return Timescales(*calendar);
}

QString add(Store &store, const char *kind, QList<FieldValue> fields)
{
    auto id = store.apply(Change::create(QString::fromLatin1(kind), std::move(fields)));
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    return *id;
}

QString allocate(Store &store, const QString &family, QDate on, const QString &to = Me)
{
    return add(store, "allocation",
        { { QStringLiteral("family_id"), family }, { QStringLiteral("practitioner_id"), to },
            { QStringLiteral("allocated_on"), on } });
}

QString visit(Store &store, const QString &family, const QDateTime &at)
{
    return add(store, "visit",
        { { QStringLiteral("family_id"), family }, { QStringLiteral("visit_at"), at } });
}

QDateTime at(QDate day)
{
    return QDateTime(day, QTime(10, 0), Qt::UTC);
}

QList<CaseloadEntry> caseload(Store &store, const QString &search = {})
{
    auto entries = CaseloadRepository(store, timescales()).forPractitioner(Me, search);
    INFO((entries ? QString() : entries.error().message).toStdString());
    REQUIRE(entries.ok());
    return *entries;
}

QStringList names(const QList<CaseloadEntry> &entries)
{
    QStringList result;
    for (const CaseloadEntry &entry : entries)
        result << entry.familyName;
    return result;
}

const QDate Monday(2026, 3, 2);

} // namespace

TEST_CASE("The caseload holds live families with an open allocation to the practitioner", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString mine = test::createFamily(*store, QStringLiteral("Okafor"));
    allocate(*store, mine, Monday);
    const QString colleagues = test::createFamily(*store, QStringLiteral("Shah"));
    allocate(*store, colleagues, Monday, QStringLiteral("practitioner-2"));
    const QString ended = test::createFamily(*store, QStringLiteral("Brown"));
    const QString endedAllocation = allocate(*store, ended, Monday);
    REQUIRE(store
                ->apply(Change::update(QStringLiteral("allocation"), endedAllocation,
                    { { QStringLiteral("ended_on"), Monday.addDays(10) } }))
                .ok());
    const QString deleted = test::createFamily(*store, QStringLiteral("Green"));
    allocate(*store, deleted, Monday);
    REQUIRE(store->apply(Change::remove(QStringLiteral("family"), deleted)).ok());
    test::createFamily(*store, QStringLiteral("Unallocated"));

    const auto entries = caseload(*store);
    REQUIRE(entries.size() == 1);
    CHECK(entries.at(0).familyId == mine);
    CHECK(entries.at(0).familyName == QStringLiteral("Okafor"));
    CHECK(entries.at(0).allocatedOn == Monday);
}

TEST_CASE("The caseload comes most urgent first, families with nothing open last", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString later = test::createFamily(*store, QStringLiteral("Later"));
    allocate(*store, later, Monday.addDays(7));
    const QString closed = test::createFamily(*store, QStringLiteral("Aardvark"));
    allocate(*store, closed, Monday.addDays(-30));
    add(*store, "closure",
        { { QStringLiteral("family_id"), closed }, { QStringLiteral("closed_on"), Monday },
            { QStringLiteral("outcome"), QStringLiteral("stepped_down") } });
    const QString sooner = test::createFamily(*store, QStringLiteral("Sooner"));
    allocate(*store, sooner, Monday);
    const QString sameDay = test::createFamily(*store, QStringLiteral("Also sooner"));
    allocate(*store, sameDay, Monday);

    const auto entries = caseload(*store);
    CHECK(names(entries)
        == QStringList({ QStringLiteral("Also sooner"), QStringLiteral("Sooner"),
            QStringLiteral("Later"), QStringLiteral("Aardvark") }));
    REQUIRE(entries.at(0).nextDue.has_value());
    CHECK(entries.at(0).nextDue->kind == Deadline::Kind::FirstContact);
    CHECK(entries.at(0).nextDue->dueBy == Monday.addDays(3));
    CHECK_FALSE(entries.at(3).nextDue.has_value());
}

TEST_CASE("The first live visit on or after the allocation meets first contact", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    allocate(*store, family, Monday);
    visit(*store, family, at(Monday.addDays(-20))); // an earlier case's visit
    const QString deleted = visit(*store, family, at(Monday.addDays(1)));
    REQUIRE(store->apply(Change::remove(QStringLiteral("visit"), deleted)).ok());

    auto entries = caseload(*store);
    REQUIRE(entries.at(0).nextDue.has_value());
    CHECK(entries.at(0).nextDue->kind == Deadline::Kind::FirstContact);

    visit(*store, family, at(Monday.addDays(2)));
    entries = caseload(*store);
    REQUIRE(entries.at(0).nextDue.has_value());
    CHECK(entries.at(0).nextDue->kind == Deadline::Kind::Goals);
    CHECK(entries.at(0).nextDue->dueBy == Monday.addDays(Timescales::goalsCalendarDays));
}

TEST_CASE("A visit just after local midnight on the allocation day is first contact", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    const QDate summer(2026, 6, 5);
    allocate(*store, family, summer);
    // In British Summer Time this is 23:30 UTC the day before.
    visit(*store, family, QDateTime(summer, QTime(0, 30), Qt::LocalTime));

    const auto entries = caseload(*store);
    REQUIRE(entries.at(0).nextDue.has_value());
    CHECK(entries.at(0).nextDue->kind == Deadline::Kind::Goals);
}

TEST_CASE("After the plan the next review is due from the later of plan and last review", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    allocate(*store, family, Monday);
    visit(*store, family, at(Monday.addDays(1)));
    add(*store, "plan",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("goals_agreed_on"), Monday.addDays(10) },
            { QStringLiteral("completed_on"), Monday.addDays(20) } });

    auto entries = caseload(*store);
    REQUIRE(entries.at(0).nextDue.has_value());
    CHECK(entries.at(0).nextDue->kind == Deadline::Kind::Review);
    CHECK(entries.at(0).nextDue->dueBy == Monday.addDays(20 + Timescales::reviewByDays));

    const QDate reviewed = Monday.addDays(50);
    add(*store, "review",
        { { QStringLiteral("family_id"), family }, { QStringLiteral("held_on"), reviewed } });
    entries = caseload(*store);
    REQUIRE(entries.at(0).nextDue.has_value());
    CHECK(entries.at(0).nextDue->dueBy == reviewed.addDays(Timescales::reviewByDays));
    CHECK_FALSE(entries.at(0).dates.lastReviewRecordedProgress);

    // Whether the family is making progress is the latest review's, not any earlier one's.
    add(*store, "review",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("held_on"), reviewed.addDays(30) },
            { QStringLiteral("progress"), true } });
    CHECK(caseload(*store).at(0).dates.lastReviewRecordedProgress);
    add(*store, "review",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("held_on"), reviewed.addDays(60) },
            { QStringLiteral("progress"), false } });
    CHECK_FALSE(caseload(*store).at(0).dates.lastReviewRecordedProgress);
}

TEST_CASE("In maintenance the next due is the next maintenance review", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    allocate(*store, family, Monday);
    const QDate maintenance = Monday.addDays(120);
    add(*store, "closure",
        { { QStringLiteral("family_id"), family }, { QStringLiteral("closed_on"), maintenance },
            { QStringLiteral("outcome"), QStringLiteral("maintenance") } });

    auto entries = caseload(*store);
    REQUIRE(entries.at(0).nextDue.has_value());
    CHECK(entries.at(0).nextDue->kind == Deadline::Kind::MaintenanceReview);
    CHECK(entries.at(0).nextDue->maintenanceMonth == 1);

    add(*store, "review",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("kind"), QStringLiteral("maintenance") },
            { QStringLiteral("held_on"), maintenance.addMonths(1) } });
    entries = caseload(*store);
    REQUIRE(entries.at(0).nextDue.has_value());
    CHECK(entries.at(0).nextDue->maintenanceMonth == 3);
    CHECK(entries.at(0).nextDue->dueBy
        == maintenance.addMonths(3).addDays(Timescales::maintenanceGraceDays));
}

TEST_CASE("Plans, reviews and closures from before the allocation are not counted", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    const QDate earlier = Monday.addDays(-200);
    add(*store, "plan",
        { { QStringLiteral("family_id"), family }, { QStringLiteral("goals_agreed_on"), earlier },
            { QStringLiteral("completed_on"), earlier.addDays(10) } });
    add(*store, "closure",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("closed_on"), earlier.addDays(100) },
            { QStringLiteral("outcome"), QStringLiteral("stepped_down") } });
    allocate(*store, family, Monday);

    const auto entries = caseload(*store);
    REQUIRE(entries.at(0).nextDue.has_value());
    CHECK(entries.at(0).nextDue->kind == Deadline::Kind::FirstContact);
}

TEST_CASE("Searching finds part of the family name in any case", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    for (const char *name : { "Ashdown", "Nash", "Brightwell", "Łukasiewicz", "O'Brien 100%" })
        allocate(*store, test::createFamily(*store, QString::fromUtf8(name)), Monday);

    CHECK(names(caseload(*store, QStringLiteral(" ASH ")))
        == QStringList({ QStringLiteral("Ashdown"), QStringLiteral("Nash") }));
    CHECK(names(caseload(*store, QStringLiteral("łUKA")))
        == QStringList({ QString::fromUtf8("Łukasiewicz") }));
    CHECK(names(caseload(*store, QStringLiteral("%")))
        == QStringList({ QStringLiteral("O'Brien 100%") }));
    CHECK(caseload(*store, QStringLiteral("zz")).isEmpty());
    CHECK(caseload(*store).size() == 5);
}

TEST_CASE("Each caseload entry counts the family's live children and young people", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    allocate(*store, family, Monday);
    const auto member = [&](const char *name, const char *role) {
        return add(*store, "person",
            { { QStringLiteral("family_id"), family },
                { QStringLiteral("given_name"), QString::fromLatin1(name) },
                { QStringLiteral("role"), QString::fromLatin1(role) } });
    };
    member("Ada", "parent");
    member("Bola", "child");
    member("Chidi", "young_person");
    const QString gone = member("Dayo", "child");
    REQUIRE(store->apply(Change::remove(QStringLiteral("person"), gone)).ok());

    const auto entries = caseload(*store);
    REQUIRE(entries.size() == 1);
    CHECK(entries.at(0).childCount == 2);
}

TEST_CASE("One family's case comes with its dates, whoever it is allocated to", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Shah"));
    allocate(*store, family, Monday, QStringLiteral("practitioner-2"));
    visit(*store, family, at(Monday.addDays(1)));
    const QString unallocated = test::createFamily(*store, QStringLiteral("Brown"));

    CaseloadRepository repository(*store, timescales());
    auto found = repository.forFamily(family);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    const CaseloadEntry &entry = **found;
    CHECK(entry.familyName == QStringLiteral("Shah"));
    CHECK(entry.dates.allocatedOn == Monday);
    CHECK(entry.dates.firstContactOn == Monday.addDays(1));
    REQUIRE(entry.nextDue.has_value());
    CHECK(entry.nextDue->kind == Deadline::Kind::Goals);

    auto none = repository.forFamily(unallocated);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
}

TEST_CASE("The team caseload holds every open allocation with its lead practitioner and level",
    "[store][team]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString mine = test::createFamily(*store, QStringLiteral("Okafor"));
    const QString earliest = add(*store, "allocation",
        { { QStringLiteral("family_id"), mine }, { QStringLiteral("practitioner_id"), Me },
            { QStringLiteral("practitioner_name"), QStringLiteral("Amara Osei") },
            { QStringLiteral("allocated_on"), Monday } });
    // A school family practitioner joins later: the lead is still the earliest allocation.
    add(*store, "allocation",
        { { QStringLiteral("family_id"), mine },
            { QStringLiteral("practitioner_id"), QStringLiteral("school-1") },
            { QStringLiteral("practitioner_name"), QStringLiteral("Jo School") },
            { QStringLiteral("allocated_on"), Monday.addDays(14) } });
    add(*store, "referral",
        { { QStringLiteral("family_id"), mine },
            { QStringLiteral("source"), QStringLiteral("school") },
            { QStringLiteral("level_of_need"), qint64(2) },
            { QStringLiteral("referred_on"), Monday.addDays(-40) } });
    add(*store, "referral",
        { { QStringLiteral("family_id"), mine },
            { QStringLiteral("source"), QStringLiteral("police") },
            { QStringLiteral("level_of_need"), qint64(3) },
            { QStringLiteral("referred_on"), Monday.addDays(-3) } });
    const QString colleagues = test::createFamily(*store, QStringLiteral("Shah"));
    add(*store, "allocation",
        { { QStringLiteral("family_id"), colleagues },
            { QStringLiteral("practitioner_id"), QStringLiteral("practitioner-2") },
            { QStringLiteral("practitioner_name"), QStringLiteral("Tom Hughes") },
            { QStringLiteral("allocated_on"), Monday.addDays(-7) } });
    test::createFamily(*store, QStringLiteral("Unallocated"));

    auto team = CaseloadRepository(*store, timescales()).forTeam();
    REQUIRE(team.ok());
    REQUIRE(team->size() == 2);
    CHECK(names(*team) == QStringList { QStringLiteral("Shah"), QStringLiteral("Okafor") });
    const CaseloadEntry &okafor = team->at(1);
    CHECK(okafor.practitionerId == Me);
    CHECK(okafor.practitionerName == QStringLiteral("Amara Osei"));
    CHECK(okafor.levelOfNeed == 3);
    CHECK(okafor.allocatedOn == Monday);
    CHECK(team->at(0).practitionerName == QStringLiteral("Tom Hughes"));
    CHECK(team->at(0).levelOfNeed == 0);
    // The practitioner's own caseload reads the same columns.
    const auto own = caseload(*store);
    REQUIRE(own.size() == 1);
    CHECK(own.at(0).practitionerName == QStringLiteral("Amara Osei"));

    // Ending the lead's allocation makes the other the lead.
    REQUIRE(store
                ->apply(Change::update(QStringLiteral("allocation"), earliest,
                    { { QStringLiteral("ended_on"), Monday.addDays(20) } }))
                .ok());
    team = CaseloadRepository(*store, timescales()).forTeam(QStringLiteral("oka"));
    REQUIRE(team.ok());
    REQUIRE(team->size() == 1);
    CHECK(team->at(0).practitionerName == QStringLiteral("Jo School"));
}
