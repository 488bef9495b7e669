#include "models/reviewcontroller.h"

#include "modeltesthelpers.h"
#include "store/caseloadrepository.h"
#include "store/reviewrepository.h"

#include <QTest>

using namespace doorstep;

namespace
{

std::optional<Deadline> nextDue(test::SessionFixture &fixture, const QString &family)
{
    auto calendar = WorkingCalendar::englandAndWales();
    REQUIRE(calendar.ok());
    auto entry
        = CaseloadRepository(*fixture.session->store(), Timescales(*calendar)).forFamily(family);
    REQUIRE(entry.ok());
    REQUIRE(entry->has_value());
    return (*entry)->nextDue;
}

// A case 60 days old whose plan was completed 30 days ago: its first review is due.
struct Case {
    QString family;
    QString plan;
};

Case planComplete(test::SessionFixture &fixture)
{
    Case c;
    c.family = fixture.family(QStringLiteral("Okafor"), 60);
    fixture.add("visit",
        { { QStringLiteral("family_id"), c.family },
            { QStringLiteral("visit_at"),
                QDateTime(fixture.today().addDays(-59), QTime(10, 0)) } });
    c.plan = fixture.add("plan",
        { { QStringLiteral("family_id"), c.family },
            { QStringLiteral("status"), QStringLiteral("complete") },
            { QStringLiteral("started_on"), fixture.today().addDays(-55) },
            { QStringLiteral("goals_agreed_on"), fixture.today().addDays(-40) },
            { QStringLiteral("completed_on"), fixture.today().addDays(-30) } });
    return c;
}

} // namespace

TEST_CASE("A review is saved as typed, for the plan, and moves the next review", "[models]")
{
    test::SessionFixture fixture;
    const Case c = planComplete(fixture);
    REQUIRE(nextDue(fixture, c.family)->kind == Deadline::Kind::Review);
    REQUIRE(nextDue(fixture, c.family)->status(fixture.today()) == Deadline::Status::Due);

    ReviewController review;
    review.setSession(fixture.session.get());
    review.setFamilyId(c.family);
    CHECK(review.reviewId().isEmpty());
    CHECK(review.kind() == QStringLiteral("review"));
    CHECK(review.heldOnText() == QStringLiteral("12/03/2026"));
    CHECK_FALSE(review.canDiscard());

    review.setAttendees(QStringLiteral("Ada, Bola, Mr Shah from school"));
    review.setOutcome(QStringLiteral("Attendance is up to 92%. Keep the morning routine."));
    review.setProgress(true);
    REQUIRE(QTest::qWaitFor([&] { return review.saveState() == QStringLiteral("Saved"); }, 2000));
    REQUIRE_FALSE(review.reviewId().isEmpty());
    CHECK(review.canDiscard());

    auto stored = ReviewRepository(*fixture.session->store()).find(review.reviewId());
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->planId == c.plan);
    CHECK((*stored)->heldOn == fixture.today());
    CHECK((*stored)->kind == QStringLiteral("review"));
    CHECK((*stored)->attendees == QStringLiteral("Ada, Bola, Mr Shah from school"));
    CHECK(
        (*stored)->outcome == QStringLiteral("Attendance is up to 92%. Keep the morning routine."));
    CHECK((*stored)->progress);

    const auto next = nextDue(fixture, c.family);
    CHECK(next->kind == Deadline::Kind::Review);
    CHECK(next->dueFrom == fixture.today().addDays(28));

    // Opened again, the same review reads back and cannot be discarded from here.
    ReviewController again;
    again.setSession(fixture.session.get());
    again.setFamilyId(c.family);
    again.setReviewId(review.reviewId());
    CHECK(again.attendees() == QStringLiteral("Ada, Bola, Mr Shah from school"));
    CHECK(again.progress());
    CHECK_FALSE(again.canDiscard());
}

TEST_CASE("A review date must be a real date that is not in the future", "[models]")
{
    test::SessionFixture fixture;
    const Case c = planComplete(fixture);
    ReviewController review;
    review.setSession(fixture.session.get());
    review.setFamilyId(c.family);

    review.setHeldOnText(QStringLiteral("20/03/2026"));
    CHECK_FALSE(review.saveNow());
    CHECK(review.heldOnProblem().contains(QStringLiteral("after today")));
    CHECK(review.reviewId().isEmpty());
    review.setHeldOnText(QStringLiteral("3/13/2026"));
    CHECK_FALSE(review.saveNow());
    CHECK(review.heldOnProblem().startsWith(QStringLiteral("Write the date of the review")));
    CHECK(review.heldOnText() == QStringLiteral("3/13/2026"));

    review.setHeldOnText(QStringLiteral("10/03/2026"));
    CHECK(review.saveNow());
    CHECK(review.heldOnProblem().isEmpty());
    auto stored = ReviewRepository(*fixture.session->store()).find(review.reviewId());
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->heldOn == QDate(2026, 3, 10));
}

TEST_CASE("A review made in the dialog can be discarded", "[models]")
{
    test::SessionFixture fixture;
    const Case c = planComplete(fixture);
    ReviewController review;
    review.setSession(fixture.session.get());
    review.setFamilyId(c.family);
    review.setOutcome(QStringLiteral("Typed by mistake"));
    REQUIRE(review.saveNow());
    REQUIRE(review.canDiscard());
    REQUIRE(review.discard());
    CHECK(review.reviewId().isEmpty());
    CHECK(review.outcome().isEmpty());
    auto all = ReviewRepository(*fixture.session->store()).forFamily(c.family);
    REQUIRE(all.ok());
    CHECK(all->isEmpty());
}

TEST_CASE("A case in maintenance records maintenance reviews", "[models]")
{
    test::SessionFixture fixture;
    const Case c = planComplete(fixture);
    fixture.add("closure",
        { { QStringLiteral("family_id"), c.family },
            { QStringLiteral("closed_on"), fixture.today().addMonths(-1) },
            { QStringLiteral("outcome"), QStringLiteral("maintenance") },
            { QStringLiteral("reason"), QStringLiteral("Goals met") } });
    auto next = nextDue(fixture, c.family);
    REQUIRE(next->kind == Deadline::Kind::MaintenanceReview);
    REQUIRE(next->maintenanceMonth == 1);

    ReviewController review;
    review.setSession(fixture.session.get());
    review.setFamilyId(c.family);
    CHECK(review.kind() == QStringLiteral("maintenance"));
    review.setAttendees(QStringLiteral("Ada"));
    REQUIRE(review.saveNow());

    next = nextDue(fixture, c.family);
    REQUIRE(next);
    CHECK(next->kind == Deadline::Kind::MaintenanceReview);
    CHECK(next->maintenanceMonth == 3);
}
