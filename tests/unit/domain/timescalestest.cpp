#include "domain/timescales.h"

#include <QDate>
#include <QString>
#include <algorithm>
#include <catch2/catch.hpp>

using doorstep::CaseDates;
using doorstep::Deadline;
using doorstep::Timescales;
using doorstep::WorkingCalendar;
using Kind = Deadline::Kind;
using Status = Deadline::Status;

// Catch2 cannot print Qt types by itself; failures should show the value, not "{?}".
namespace Catch
{
template <> struct StringMaker<QDate> {
    static std::string convert(const QDate &value)
    {
        return value.isValid() ? value.toString(Qt::ISODate).toStdString() : "invalid date";
    }
};
template <> struct StringMaker<Deadline::Status> {
    static std::string convert(Deadline::Status value)
    {
        switch (value) {
        case Status::NotYetDue:
            return "NotYetDue";
        case Status::Due:
            return "Due";
        case Status::Overdue:
            return "Overdue";
        case Status::Met:
            return "Met";
        case Status::MetLate:
            return "MetLate";
        }
        return "unknown status";
    }
};
} // namespace Catch

namespace
{

QDate day(int year, int month, int dayOfMonth)
{
    return QDate(year, month, dayOfMonth);
}

Timescales timescales()
{
    auto calendar = WorkingCalendar::englandAndWales();
    REQUIRE(calendar.ok());
    return Timescales(calendar.value());
}

// The one deadline of a kind (the first, for maintenance reviews); fails the test if absent.
Deadline find(const QList<Deadline> &deadlines, Kind kind)
{
    for (const Deadline &deadline : deadlines) {
        if (deadline.kind == kind)
            return deadline;
    }
    FAIL("no deadline of kind " << int(kind));
    return {};
}

bool has(const QList<Deadline> &deadlines, Kind kind)
{
    return std::any_of(deadlines.cbegin(), deadlines.cend(),
        [kind](const Deadline &deadline) { return deadline.kind == kind; });
}

QList<Deadline> maintenanceReviews(const QList<Deadline> &deadlines)
{
    QList<Deadline> reviews;
    for (const Deadline &deadline : deadlines) {
        if (deadline.kind == Kind::MaintenanceReview)
            reviews.append(deadline);
    }
    return reviews;
}

CaseDates allocated(QDate on)
{
    CaseDates dates;
    dates.allocatedOn = on;
    return dates;
}

} // namespace

TEST_CASE("a case with no dates has no deadlines", "[domain]")
{
    CHECK(timescales().deadlines({}).isEmpty());
    CHECK_FALSE(timescales().nextDue({}).has_value());
}

TEST_CASE("allocation starts the first contact, goals and plan deadlines", "[domain]")
{
    const QList<Deadline> deadlines = timescales().deadlines(allocated(day(2025, 3, 3)));
    REQUIRE(deadlines.size() == 3);
    CHECK(deadlines.at(0).kind == Kind::FirstContact);
    CHECK(deadlines.at(1).kind == Kind::Goals);
    CHECK(deadlines.at(2).kind == Kind::Plan);
    for (const Deadline &deadline : deadlines) {
        CHECK(deadline.dueFrom == day(2025, 3, 3));
        CHECK(deadline.isOpen());
    }
}

TEST_CASE("first contact is due within 3 working days of allocation", "[domain]")
{
    // Allocated Monday 3 March 2025: Tuesday, Wednesday, Thursday.
    const Deadline contact
        = find(timescales().deadlines(allocated(day(2025, 3, 3))), Kind::FirstContact);
    CHECK(contact.dueBy == day(2025, 3, 6));
}

TEST_CASE("first contact after a Friday allocation skips the weekend", "[domain]")
{
    const Deadline contact
        = find(timescales().deadlines(allocated(day(2025, 3, 7))), Kind::FirstContact);
    CHECK(contact.dueBy == day(2025, 3, 12));
}

TEST_CASE("first contact skips the Easter bank holidays", "[domain]")
{
    // Allocated Thursday 17 April 2025; Good Friday and Easter Monday do not count.
    const Deadline contact
        = find(timescales().deadlines(allocated(day(2025, 4, 17))), Kind::FirstContact);
    CHECK(contact.dueBy == day(2025, 4, 24));
}

TEST_CASE("first contact skips Christmas and the substitute Boxing Day 2026", "[domain]")
{
    const Deadline contact
        = find(timescales().deadlines(allocated(day(2026, 12, 24))), Kind::FirstContact);
    CHECK(contact.dueBy == day(2026, 12, 31));
}

TEST_CASE("goals are due 28 calendar days after allocation, bank holidays included", "[domain]")
{
    const Deadline goals = find(timescales().deadlines(allocated(day(2025, 4, 17))), Kind::Goals);
    CHECK(goals.dueBy == day(2025, 5, 15));
}

TEST_CASE("the plan is due 30 working days after allocation", "[domain]")
{
    // From Monday 3 March 2025: six whole weeks, no bank holidays.
    const Deadline plan = find(timescales().deadlines(allocated(day(2025, 3, 3))), Kind::Plan);
    CHECK(plan.dueBy == day(2025, 4, 14));
}

TEST_CASE("the plan deadline moves for every bank holiday it spans", "[domain]")
{
    // From Thursday 17 April 2025 it spans Good Friday, Easter Monday, the early May and
    // spring bank holidays: counted by hand, 4 June.
    const Deadline plan = find(timescales().deadlines(allocated(day(2025, 4, 17))), Kind::Plan);
    CHECK(plan.dueBy == day(2025, 6, 4));
}

TEST_CASE("the plan deadline spans Christmas and New Year", "[domain]")
{
    // From Monday 22 December 2025, leaving out 25 and 26 December and 1 January.
    const Deadline plan = find(timescales().deadlines(allocated(day(2025, 12, 22))), Kind::Plan);
    CHECK(plan.dueBy == day(2026, 2, 5));
}

TEST_CASE("beyond the bank holiday list only weekends are left out", "[domain]")
{
    // The list ends with 2030, so Christmas 2031 counts as working days: a known limit,
    // documented on WorkingCalendar, which this test will flag when the list is extended.
    const Deadline contact
        = find(timescales().deadlines(allocated(day(2031, 12, 24))), Kind::FirstContact);
    CHECK(contact.dueBy == day(2031, 12, 29));
}

TEST_CASE("an open deadline is due up to its last day and overdue the day after", "[domain]")
{
    const Deadline contact
        = find(timescales().deadlines(allocated(day(2025, 3, 3))), Kind::FirstContact);
    CHECK(contact.status(day(2025, 3, 3)) == Status::Due);
    CHECK(contact.status(day(2025, 3, 6)) == Status::Due);
    CHECK(contact.status(day(2025, 3, 7)) == Status::Overdue);
}

TEST_CASE("a deadline met by its last day is met, whatever today is", "[domain]")
{
    CaseDates dates = allocated(day(2025, 3, 3));
    dates.firstContactOn = day(2025, 3, 6);
    const Deadline contact = find(timescales().deadlines(dates), Kind::FirstContact);
    CHECK(contact.metOn == day(2025, 3, 6));
    CHECK(contact.status(day(2025, 3, 4)) == Status::Met);
    CHECK(contact.status(day(2026, 1, 1)) == Status::Met);
}

TEST_CASE("a deadline met after its last day is met late", "[domain]")
{
    CaseDates dates = allocated(day(2025, 3, 3));
    dates.goalsAgreedOn = day(2025, 4, 1);
    const Deadline goals = find(timescales().deadlines(dates), Kind::Goals);
    CHECK(goals.dueBy == day(2025, 3, 31));
    CHECK(goals.status(day(2025, 4, 1)) == Status::MetLate);
}

TEST_CASE("there is no review before the plan is complete", "[domain]")
{
    CHECK_FALSE(has(timescales().deadlines(allocated(day(2025, 3, 3))), Kind::Review));
}

TEST_CASE(
    "the first review is due from 4 weeks and overdue after 6 weeks from the plan", "[domain]")
{
    CaseDates dates = allocated(day(2025, 4, 17));
    dates.planCompletedOn = day(2025, 6, 4);
    const Deadline review = find(timescales().deadlines(dates), Kind::Review);
    CHECK(review.dueFrom == day(2025, 7, 2));
    CHECK(review.dueBy == day(2025, 7, 16));
    CHECK(review.status(day(2025, 7, 1)) == Status::NotYetDue);
    CHECK(review.status(day(2025, 7, 2)) == Status::Due);
    CHECK(review.status(day(2025, 7, 16)) == Status::Due);
    CHECK(review.status(day(2025, 7, 17)) == Status::Overdue);
}

TEST_CASE("the next review counts from the last review", "[domain]")
{
    CaseDates dates = allocated(day(2025, 4, 17));
    dates.planCompletedOn = day(2025, 6, 4);
    dates.lastReviewOn = day(2025, 7, 10);
    const Deadline review = find(timescales().deadlines(dates), Kind::Review);
    CHECK(review.dueFrom == day(2025, 8, 7));
    CHECK(review.dueBy == day(2025, 8, 21));
    CHECK(review.isOpen());
}

TEST_CASE("a review dated before the plan does not pull the next review earlier", "[domain]")
{
    CaseDates dates;
    dates.planCompletedOn = day(2025, 6, 4);
    dates.lastReviewOn = day(2025, 5, 1);
    CHECK(find(timescales().deadlines(dates), Kind::Review).dueBy == day(2025, 7, 16));
}

TEST_CASE("maintenance reviews fall 1, 3, 6 and 12 months after maintenance starts", "[domain]")
{
    CaseDates dates;
    dates.maintenanceStartedOn = day(2025, 3, 15);
    const QList<Deadline> reviews = maintenanceReviews(timescales().deadlines(dates));
    REQUIRE(reviews.size() == 4);
    const QList<QDate> points { day(2025, 4, 15), day(2025, 6, 15), day(2025, 9, 15),
        day(2026, 3, 15) };
    const QList<int> months { 1, 3, 6, 12 };
    for (int i = 0; i < 4; ++i) {
        CHECK(reviews.at(i).maintenanceMonth == months.at(i));
        CHECK(reviews.at(i).dueFrom == points.at(i));
        CHECK(reviews.at(i).dueBy == points.at(i).addDays(14));
    }
}

TEST_CASE("maintenance months from the 31st end on the last day of shorter months", "[domain]")
{
    CaseDates dates;
    dates.maintenanceStartedOn = day(2025, 1, 31);
    QList<QDate> points;
    for (const Deadline &review : maintenanceReviews(timescales().deadlines(dates)))
        points.append(review.dueFrom);
    CHECK(points
        == QList<QDate> { day(2025, 2, 28), day(2025, 4, 30), day(2025, 7, 31), day(2026, 1, 31) });
}

TEST_CASE("one month after 31 January in a leap year is 29 February", "[domain]")
{
    CaseDates dates;
    dates.maintenanceStartedOn = day(2028, 1, 31);
    CHECK(find(timescales().deadlines(dates), Kind::MaintenanceReview).dueFrom == day(2028, 2, 29));
}

TEST_CASE("maintenance reviews held meet the month points in order", "[domain]")
{
    CaseDates dates;
    dates.maintenanceStartedOn = day(2025, 3, 15);
    // Recorded out of order; the second was held after the 3-month review's 14 days' grace.
    dates.maintenanceReviewsHeld = { day(2025, 7, 1), day(2025, 4, 10) };
    const QList<Deadline> reviews = maintenanceReviews(timescales().deadlines(dates));
    REQUIRE(reviews.size() == 4);
    const QDate today = day(2025, 7, 2);
    CHECK(reviews.at(0).status(today) == Status::Met);
    CHECK(reviews.at(1).status(today) == Status::MetLate);
    CHECK(reviews.at(2).status(today) == Status::NotYetDue);
    CHECK(reviews.at(3).status(today) == Status::NotYetDue);
}

TEST_CASE("a maintenance review is overdue 14 days after its month point", "[domain]")
{
    CaseDates dates;
    dates.maintenanceStartedOn = day(2025, 3, 15);
    const Deadline first = find(timescales().deadlines(dates), Kind::MaintenanceReview);
    CHECK(first.status(day(2025, 4, 14)) == Status::NotYetDue);
    CHECK(first.status(day(2025, 4, 29)) == Status::Due);
    CHECK(first.status(day(2025, 4, 30)) == Status::Overdue);
}

TEST_CASE("maintenance stops casework reviews and drops unmet casework deadlines", "[domain]")
{
    CaseDates dates = allocated(day(2025, 3, 3));
    dates.firstContactOn = day(2025, 3, 5);
    dates.planCompletedOn = day(2025, 4, 10);
    dates.maintenanceStartedOn = day(2025, 9, 1);
    const QList<Deadline> deadlines = timescales().deadlines(dates);
    CHECK(has(deadlines, Kind::FirstContact));
    CHECK(has(deadlines, Kind::Plan));
    // Goals were never recorded, but the case has moved on: not left overdue for ever.
    CHECK_FALSE(has(deadlines, Kind::Goals));
    CHECK_FALSE(has(deadlines, Kind::Review));
    CHECK(maintenanceReviews(deadlines).size() == 4);
}

TEST_CASE("a closed case has no open deadlines", "[domain]")
{
    CaseDates dates = allocated(day(2025, 3, 3));
    dates.firstContactOn = day(2025, 3, 5);
    dates.planCompletedOn = day(2025, 4, 10);
    dates.lastReviewOn = day(2025, 5, 20);
    dates.closedOn = day(2025, 6, 1);
    const QList<Deadline> deadlines = timescales().deadlines(dates);
    CHECK_FALSE(timescales().nextDue(dates).has_value());
    for (const Deadline &deadline : deadlines)
        CHECK_FALSE(deadline.isOpen());
    // What was met stays visible as the case's history.
    CHECK(has(deadlines, Kind::FirstContact));
    CHECK(has(deadlines, Kind::Plan));
}

TEST_CASE("closing a case in maintenance ends its remaining maintenance reviews", "[domain]")
{
    CaseDates dates;
    dates.maintenanceStartedOn = day(2025, 3, 15);
    dates.maintenanceReviewsHeld = { day(2025, 4, 15) };
    dates.closedOn = day(2025, 5, 1);
    const QList<Deadline> reviews = maintenanceReviews(timescales().deadlines(dates));
    REQUIRE(reviews.size() == 1);
    CHECK(reviews.at(0).maintenanceMonth == 1);
    CHECK_FALSE(timescales().nextDue(dates).has_value());
}

TEST_CASE("next due is the open deadline with the earliest last day", "[domain]")
{
    CaseDates dates = allocated(day(2025, 3, 3));
    dates.firstContactOn = day(2025, 3, 4);
    auto next = timescales().nextDue(dates);
    REQUIRE(next.has_value());
    CHECK(next->kind == Kind::Goals);

    dates.goalsAgreedOn = day(2025, 3, 20);
    next = timescales().nextDue(dates);
    REQUIRE(next.has_value());
    CHECK(next->kind == Kind::Plan);
}

TEST_CASE("next due puts an overdue deadline before one not yet due", "[domain]")
{
    CaseDates dates = allocated(day(2025, 3, 3));
    dates.goalsAgreedOn = day(2025, 3, 20);
    dates.planCompletedOn = day(2025, 4, 10);
    // First contact was never recorded: it is overdue and outranks the review.
    const auto next = timescales().nextDue(dates);
    REQUIRE(next.has_value());
    CHECK(next->kind == Kind::FirstContact);
    CHECK(next->status(day(2025, 5, 1)) == Status::Overdue);
}

TEST_CASE("a case through to maintenance shows the right status on given days", "[domain]")
{
    // Allocated the Monday before Christmas 2025 and followed to its first maintenance review.
    CaseDates dates = allocated(day(2025, 12, 22));
    const Timescales rules = timescales();

    auto next = rules.nextDue(dates);
    REQUIRE(next.has_value());
    CHECK(next->kind == Kind::FirstContact);
    CHECK(next->dueBy == day(2025, 12, 29));
    CHECK(next->status(day(2025, 12, 29)) == Status::Due);

    dates.firstContactOn = day(2025, 12, 23);
    dates.goalsAgreedOn = day(2026, 1, 19);
    dates.planCompletedOn = day(2026, 2, 6);
    CHECK(find(rules.deadlines(dates), Kind::Goals).status(day(2026, 2, 6)) == Status::Met);
    CHECK(find(rules.deadlines(dates), Kind::Plan).status(day(2026, 2, 6)) == Status::MetLate);
    next = rules.nextDue(dates);
    REQUIRE(next.has_value());
    CHECK(next->kind == Kind::Review);
    CHECK(next->dueBy == day(2026, 3, 20));
    CHECK(next->status(day(2026, 3, 21)) == Status::Overdue);

    dates.lastReviewOn = day(2026, 3, 9);
    dates.maintenanceStartedOn = day(2026, 6, 30);
    next = rules.nextDue(dates);
    REQUIRE(next.has_value());
    CHECK(next->kind == Kind::MaintenanceReview);
    CHECK(next->dueFrom == day(2026, 7, 30));
    CHECK(next->status(day(2026, 7, 29)) == Status::NotYetDue);
}
