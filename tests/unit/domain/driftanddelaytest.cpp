#include "domain/driftanddelay.h"

#include <QDate>
#include <QLocale>
#include <QString>
#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

using doorstep::CaseDates;
using doorstep::DriftAndDelay;
using doorstep::WorkingCalendar;
using Check = DriftAndDelay::Check;
using Rag = DriftAndDelay::Rag;

// Catch2 cannot print Qt types by itself; failures should show the value, not "{?}".
namespace Catch
{
template <> struct StringMaker<QDate> {
    static std::string convert(const QDate &value)
    {
        return value.isValid() ? value.toString(Qt::ISODate).toStdString() : "invalid date";
    }
};
template <> struct StringMaker<QString> {
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
template <> struct StringMaker<DriftAndDelay::Rag> {
    static std::string convert(DriftAndDelay::Rag value)
    {
        switch (value) {
        case Rag::Green:
            return "Green";
        case Rag::Amber:
            return "Amber";
        case Rag::Red:
            return "Red";
        }
        return "unknown RAG";
    }
};
} // namespace Catch

namespace
{

QDate day(int year, int month, int dayOfMonth)
{
    return QDate(year, month, dayOfMonth);
}

DriftAndDelay rules()
{
    auto calendar = WorkingCalendar::englandAndWales();
    REQUIRE(calendar.ok());
    return DriftAndDelay(calendar.value());
}

CaseDates allocated(QDate on)
{
    CaseDates dates;
    dates.allocatedOn = on;
    return dates;
}

CaseDates planCompleted(QDate allocatedOn, QDate completedOn)
{
    CaseDates dates = allocated(allocatedOn);
    dates.firstContactOn = allocatedOn;
    dates.goalsAgreedOn = allocatedOn.addDays(7);
    dates.planCompletedOn = completedOn;
    return dates;
}

CaseDates reviewed(CaseDates dates, QDate on, bool progress = false)
{
    dates.lastReviewOn = on;
    dates.lastReviewRecordedProgress = progress;
    return dates;
}

CaseDates inMaintenance(QDate from, const QList<QDate> &held = {})
{
    CaseDates dates;
    dates.maintenanceStartedOn = from;
    dates.maintenanceReviewsHeld = held;
    return dates;
}

// One row of a table: a case on a day, and what one check should say about it.
struct Row {
    const char *what;
    CaseDates dates;
    QDate today;
    Rag rag;
    QDate limit;
    int daysLeft;
    int daysOverdue;
};

void checkRows(Check check, const std::vector<Row> &rows)
{
    const DriftAndDelay drift = rules();
    for (const Row &row : rows) {
        INFO(row.what << ", on " << row.today.toString(Qt::ISODate).toStdString());
        const DriftAndDelay::CheckResult result = drift.assess(row.dates, row.today).result(check);
        CHECK(result.check == check);
        CHECK(result.applies);
        CHECK(result.rag == row.rag);
        CHECK(result.limit == row.limit);
        CHECK(result.daysLeft == row.daysLeft);
        CHECK(result.daysOverdue == row.daysOverdue);
        CHECK_FALSE(result.reason.isEmpty());
    }
}

// Reasons name months: pin the language so the test does not depend on the machine's.
class LocaleGuard
{
public:
    explicit LocaleGuard(const QLocale &locale)
        : m_saved(QLocale())
    {
        QLocale::setDefault(locale);
    }
    ~LocaleGuard() { QLocale::setDefault(m_saved); }
    LocaleGuard(const LocaleGuard &) = delete;
    LocaleGuard &operator=(const LocaleGuard &) = delete;

private:
    QLocale m_saved;
};

} // namespace

TEST_CASE("first contact is late after 3 working days, across weekends and holidays", "[domain]")
{
    const CaseDates monday = allocated(day(2025, 3, 3));
    const CaseDates tuesday = allocated(day(2025, 3, 4));
    const CaseDates easter = allocated(day(2025, 4, 17));
    const CaseDates christmas = allocated(day(2026, 12, 24));
    const QDate thu6Mar = day(2025, 3, 6);
    const QDate fri7Mar = day(2025, 3, 7);
    const QDate thu24Apr = day(2025, 4, 24);
    const QDate thu31Dec = day(2026, 12, 31);
    checkRows(Check::FirstContact,
        {
            { "a plain week, last green day", monday, day(2025, 3, 4), Rag::Green, thu6Mar, 2, 0 },
            { "first amber day", monday, day(2025, 3, 5), Rag::Amber, thu6Mar, 1, 0 },
            { "the limit day, last amber day", monday, thu6Mar, Rag::Amber, thu6Mar, 0, 0 },
            { "the day after the limit", monday, fri7Mar, Rag::Red, thu6Mar, 0, 1 },
            { "limit on Friday: Saturday", tuesday, day(2025, 3, 8), Rag::Red, fri7Mar, 0, 1 },
            { "limit on Friday: Sunday", tuesday, day(2025, 3, 9), Rag::Red, fri7Mar, 0, 1 },
            { "limit on Friday: Monday", tuesday, day(2025, 3, 10), Rag::Red, fri7Mar, 0, 1 },
            { "limit on Friday: Tuesday", tuesday, day(2025, 3, 11), Rag::Red, fri7Mar, 0, 2 },
            { "Good Friday does not count", easter, day(2025, 4, 18), Rag::Green, thu24Apr, 3, 0 },
            { "Easter Monday does not count", easter, day(2025, 4, 21), Rag::Green, thu24Apr, 3,
                0 },
            { "after Easter", easter, day(2025, 4, 22), Rag::Green, thu24Apr, 2, 0 },
            { "after Easter, amber", easter, day(2025, 4, 23), Rag::Amber, thu24Apr, 1, 0 },
            { "after Easter, late", easter, day(2025, 4, 25), Rag::Red, thu24Apr, 0, 1 },
            { "after Easter, late over a weekend", easter, day(2025, 4, 28), Rag::Red, thu24Apr, 0,
                2 },
            { "Christmas Day", christmas, day(2026, 12, 25), Rag::Green, thu31Dec, 3, 0 },
            { "substitute Boxing Day", christmas, day(2026, 12, 28), Rag::Green, thu31Dec, 3, 0 },
            { "between Christmas and New Year", christmas, day(2026, 12, 30), Rag::Amber, thu31Dec,
                1, 0 },
            { "New Year's Day after the limit", christmas, day(2027, 1, 1), Rag::Red, thu31Dec, 0,
                1 },
            { "the first working day of 2027", christmas, day(2027, 1, 4), Rag::Red, thu31Dec, 0,
                1 },
            { "the second working day of 2027", christmas, day(2027, 1, 5), Rag::Red, thu31Dec, 0,
                2 },
        });
}

TEST_CASE("goals are late after 28 calendar days, bank holidays included", "[domain]")
{
    const CaseDates easter = allocated(day(2025, 4, 17));
    const CaseDates boxingDay = allocated(day(2025, 11, 28));
    const QDate thu15May = day(2025, 5, 15);
    const QDate fri26Dec = day(2025, 12, 26);
    checkRows(Check::GoalsSet,
        {
            { "last green day", easter, day(2025, 5, 7), Rag::Green, thu15May, 8, 0 },
            { "first amber day", easter, day(2025, 5, 8), Rag::Amber, thu15May, 7, 0 },
            { "the limit day", easter, thu15May, Rag::Amber, thu15May, 0, 0 },
            { "the day after", easter, day(2025, 5, 16), Rag::Red, thu15May, 0, 1 },
            { "a weekend counts", easter, day(2025, 5, 19), Rag::Red, thu15May, 0, 4 },
            { "limit on Boxing Day, first amber day", boxingDay, day(2025, 12, 19), Rag::Amber,
                fri26Dec, 7, 0 },
            { "Christmas Day counts", boxingDay, day(2025, 12, 25), Rag::Amber, fri26Dec, 1, 0 },
            { "a limit on a bank holiday does not move", boxingDay, fri26Dec, Rag::Amber, fri26Dec,
                0, 0 },
            { "the Saturday after Boxing Day", boxingDay, day(2025, 12, 27), Rag::Red, fri26Dec, 0,
                1 },
            { "past New Year", boxingDay, day(2026, 1, 2), Rag::Red, fri26Dec, 0, 7 },
        });
}

TEST_CASE("the plan is late after 30 working days, across weekends and holidays", "[domain]")
{
    const CaseDates march = allocated(day(2025, 3, 3));
    const CaseDates easter = allocated(day(2025, 4, 17));
    const CaseDates christmas = allocated(day(2025, 12, 22));
    const QDate mon14Apr = day(2025, 4, 14);
    const QDate wed4Jun = day(2025, 6, 4);
    const QDate thu5Feb = day(2026, 2, 5);
    checkRows(Check::PlanComplete,
        {
            { "last green day", march, day(2025, 4, 4), Rag::Green, mon14Apr, 6, 0 },
            { "first amber day", march, day(2025, 4, 7), Rag::Amber, mon14Apr, 5, 0 },
            { "the Saturday before the limit", march, day(2025, 4, 12), Rag::Amber, mon14Apr, 1,
                0 },
            { "the limit day", march, mon14Apr, Rag::Amber, mon14Apr, 0, 0 },
            { "the day after", march, day(2025, 4, 15), Rag::Red, mon14Apr, 0, 1 },
            { "three working days late", march, day(2025, 4, 17), Rag::Red, mon14Apr, 0, 3 },
            { "Good Friday adds nothing", march, day(2025, 4, 18), Rag::Red, mon14Apr, 0, 3 },
            { "nor does Easter Monday", march, day(2025, 4, 22), Rag::Red, mon14Apr, 0, 4 },
            { "spring bank holiday", easter, day(2025, 5, 26), Rag::Green, wed4Jun, 7, 0 },
            { "after Easter and May holidays, last green day", easter, day(2025, 5, 27), Rag::Green,
                wed4Jun, 6, 0 },
            { "after Easter and May holidays, first amber day", easter, day(2025, 5, 28),
                Rag::Amber, wed4Jun, 5, 0 },
            { "over Christmas and New Year, last green day", christmas, day(2026, 1, 28),
                Rag::Green, thu5Feb, 6, 0 },
            { "over Christmas and New Year, first amber day", christmas, day(2026, 1, 29),
                Rag::Amber, thu5Feb, 5, 0 },
            { "over Christmas and New Year, the day after", christmas, day(2026, 2, 6), Rag::Red,
                thu5Feb, 0, 1 },
            { "over Christmas and New Year, after a weekend", christmas, day(2026, 2, 9), Rag::Red,
                thu5Feb, 0, 2 },
        });
}

TEST_CASE("a review is overdue more than 6 weeks after the plan or the last review", "[domain]")
{
    const CaseDates plan = planCompleted(day(2025, 4, 17), day(2025, 6, 4));
    const CaseDates summer = reviewed(plan, day(2025, 7, 10));
    const CaseDates christmas
        = reviewed(planCompleted(day(2025, 6, 2), day(2025, 7, 10)), day(2025, 11, 19));
    const CaseDates reviewBeforePlan = reviewed(plan, day(2025, 5, 1));
    const QDate wed16Jul = day(2025, 7, 16);
    const QDate thu21Aug = day(2025, 8, 21);
    const QDate wed31Dec = day(2025, 12, 31);
    checkRows(Check::ReviewOverdue,
        {
            { "from the plan, before 4 weeks", plan, day(2025, 7, 1), Rag::Green, wed16Jul, 15, 0 },
            { "from the plan, 4 weeks: first amber day", plan, day(2025, 7, 2), Rag::Amber,
                wed16Jul, 14, 0 },
            { "from the plan, 6 weeks: the limit day", plan, wed16Jul, Rag::Amber, wed16Jul, 0, 0 },
            { "from the plan, the day after", plan, day(2025, 7, 17), Rag::Red, wed16Jul, 0, 1 },
            { "from the last review, the day after", summer, day(2025, 8, 22), Rag::Red, thu21Aug,
                0, 1 },
            { "summer bank holiday counts", summer, day(2025, 8, 25), Rag::Red, thu21Aug, 0, 4 },
            { "Christmas Day counts", christmas, day(2025, 12, 25), Rag::Amber, wed31Dec, 6, 0 },
            { "overdue into the new year", christmas, day(2026, 1, 2), Rag::Red, wed31Dec, 0, 2 },
            { "a review before the plan does not count", reviewBeforePlan, day(2025, 7, 17),
                Rag::Red, wed16Jul, 0, 1 },
        });
}

TEST_CASE("a case open over 26 weeks without progress at the last review is red", "[domain]")
{
    const CaseDates noProgress = reviewed(allocated(day(2025, 3, 3)), day(2025, 8, 20));
    const CaseDates neverReviewed = allocated(day(2025, 3, 3));
    CaseDates progressWithoutReview = allocated(day(2025, 3, 3));
    progressWithoutReview.lastReviewRecordedProgress = true;
    const CaseDates christmas = allocated(day(2025, 6, 24));
    const QDate mon1Sep = day(2025, 9, 1);
    const QDate tue23Dec = day(2025, 12, 23);
    checkRows(Check::NoProgress,
        {
            { "last green day", noProgress, day(2025, 8, 3), Rag::Green, mon1Sep, 29, 0 },
            { "first amber day", noProgress, day(2025, 8, 4), Rag::Amber, mon1Sep, 28, 0 },
            { "26 weeks to the day", noProgress, mon1Sep, Rag::Amber, mon1Sep, 0, 0 },
            { "the day after", noProgress, day(2025, 9, 2), Rag::Red, mon1Sep, 0, 1 },
            { "never reviewed", neverReviewed, day(2025, 9, 2), Rag::Red, mon1Sep, 0, 1 },
            { "progress without a review date does not count", progressWithoutReview,
                day(2025, 9, 2), Rag::Red, mon1Sep, 0, 1 },
            { "Christmas Day counts", christmas, day(2025, 12, 25), Rag::Red, tue23Dec, 0, 2 },
            { "a weekend counts", christmas, day(2025, 12, 27), Rag::Red, tue23Dec, 0, 4 },
        });
}

TEST_CASE("progress recorded at the last review keeps a long case green", "[domain]")
{
    const CaseDates dates = reviewed(allocated(day(2025, 3, 3)), day(2025, 8, 20), true);
    for (const QDate today : { day(2025, 9, 2), day(2025, 12, 1) }) {
        const auto result = rules().assess(dates, today).result(Check::NoProgress);
        CHECK(result.applies);
        CHECK(result.rag == Rag::Green);
        CHECK(result.doneOn == day(2025, 8, 20));
        CHECK(result.daysOverdue == 0);
    }
}

TEST_CASE("a maintenance review is missed 14 days after its month point", "[domain]")
{
    const CaseDates march = inMaintenance(day(2025, 3, 15));
    const CaseDates firstHeld = inMaintenance(day(2025, 3, 15), { day(2025, 4, 10) });
    const CaseDates november = inMaintenance(day(2025, 11, 10));
    const CaseDates christmas = inMaintenance(day(2025, 11, 25));
    const QDate tue29Apr = day(2025, 4, 29);
    const QDate thu8Jan = day(2026, 1, 8);
    checkRows(Check::MaintenanceReview,
        {
            { "before the 1-month point", march, day(2025, 4, 14), Rag::Green, tue29Apr, 15, 0 },
            { "the 1-month point: first amber day", march, day(2025, 4, 15), Rag::Amber, tue29Apr,
                14, 0 },
            { "end of the grace: last amber day", march, tue29Apr, Rag::Amber, tue29Apr, 0, 0 },
            { "the day after", march, day(2025, 4, 30), Rag::Red, tue29Apr, 0, 1 },
            { "the earliest missed one counts", march, day(2025, 7, 1), Rag::Red, tue29Apr, 0, 63 },
            { "once the first is held, the 3-month one", firstHeld, day(2025, 7, 1), Rag::Red,
                day(2025, 6, 29), 0, 2 },
            { "missed over Christmas", november, day(2025, 12, 27), Rag::Red, day(2025, 12, 24), 0,
                3 },
            { "the day before a point on Christmas Day", christmas, day(2025, 12, 24), Rag::Green,
                thu8Jan, 15, 0 },
            { "a point on Christmas Day is still due", christmas, day(2025, 12, 25), Rag::Amber,
                thu8Jan, 14, 0 },
        });
}

TEST_CASE("a deadline met is green whether on time or late", "[domain]")
{
    CaseDates dates = allocated(day(2025, 3, 3));
    dates.firstContactOn = day(2025, 3, 10); // late: due 6 March
    dates.goalsAgreedOn = day(2025, 3, 20);
    dates.planCompletedOn = day(2025, 4, 22); // late: due 14 April
    const auto report = rules().assess(dates, day(2025, 5, 1));
    for (const Check check : { Check::FirstContact, Check::GoalsSet, Check::PlanComplete }) {
        const auto &result = report.result(check);
        INFO(int(check));
        CHECK(result.applies);
        CHECK(result.rag == Rag::Green);
        CHECK(result.doneOn.has_value());
        CHECK(result.daysOverdue == 0);
    }
    CHECK(report.result(Check::FirstContact).limit == day(2025, 3, 6));
    CHECK(report.result(Check::PlanComplete).limit == day(2025, 4, 14));
}

TEST_CASE("every maintenance review held leaves nothing to check", "[domain]")
{
    const CaseDates dates = inMaintenance(day(2025, 3, 15),
        { day(2025, 4, 15), day(2025, 6, 16), day(2025, 9, 15), day(2026, 3, 16) });
    const auto result = rules().assess(dates, day(2026, 6, 1)).result(Check::MaintenanceReview);
    CHECK(result.applies);
    CHECK(result.rag == Rag::Green);
    CHECK(result.doneOn == day(2026, 3, 16));
}

TEST_CASE("a closed case is green on every check", "[domain]")
{
    // Goals and the plan were never recorded and first contact was late: closing ends it.
    CaseDates dates = allocated(day(2025, 3, 3));
    dates.firstContactOn = day(2025, 3, 20);
    dates.closedOn = day(2025, 9, 30);
    const auto report = rules().assess(dates, day(2025, 10, 1));
    REQUIRE(report.results.size() == int(DriftAndDelay::checks.size()));
    for (const auto &result : report.results) {
        CHECK(result.rag == Rag::Green);
        CHECK_FALSE(result.applies);
    }
    CHECK(report.rag() == Rag::Green);
}

TEST_CASE("a closed maintenance case is green even with reviews missed", "[domain]")
{
    CaseDates dates = inMaintenance(day(2025, 3, 15));
    dates.closedOn = day(2025, 8, 1);
    const auto report = rules().assess(dates, day(2025, 9, 1));
    CHECK(report.result(Check::MaintenanceReview).rag == Rag::Green);
    CHECK(report.rag() == Rag::Green);
}

TEST_CASE("a case in maintenance is checked only for its maintenance reviews", "[domain]")
{
    // Goals never agreed and 26 weeks long past: casework checks no longer apply.
    CaseDates dates = planCompleted(day(2025, 3, 3), day(2025, 4, 10));
    dates.goalsAgreedOn.reset();
    dates.maintenanceStartedOn = day(2025, 10, 1);
    const auto report = rules().assess(dates, day(2025, 11, 20));
    for (const Check check : { Check::FirstContact, Check::GoalsSet, Check::PlanComplete,
             Check::ReviewOverdue, Check::NoProgress }) {
        INFO(int(check));
        CHECK(report.result(check).rag == Rag::Green);
        CHECK_FALSE(report.result(check).applies);
    }
    // The 1-month review, due by 15 November, was missed.
    CHECK(report.result(Check::MaintenanceReview).rag == Rag::Red);
    CHECK(report.result(Check::MaintenanceReview).daysOverdue == 5);
    CHECK(report.rag() == Rag::Red);
}

TEST_CASE("a case not yet allocated has nothing to check", "[domain]")
{
    const auto report = rules().assess({}, day(2025, 3, 3));
    for (const auto &result : report.results) {
        CHECK_FALSE(result.applies);
        CHECK_FALSE(result.limit.isValid());
        CHECK(result.rag == Rag::Green);
    }
}

TEST_CASE("no review is checked before the plan is complete", "[domain]")
{
    const auto result
        = rules().assess(allocated(day(2025, 3, 3)), day(2025, 6, 1)).result(Check::ReviewOverdue);
    CHECK_FALSE(result.applies);
    CHECK(result.rag == Rag::Green);
}

TEST_CASE("each reason is one sentence with the days and the limit", "[domain]")
{
    const LocaleGuard english(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const DriftAndDelay drift = rules();
    const CaseDates easter = allocated(day(2025, 4, 17));
    CHECK(drift.assess(easter, day(2025, 5, 18)).result(Check::GoalsSet).reason
        == QStringLiteral("Goals not set: 3 days past the 28-day limit (due 15 May 2025)."));
    CHECK(drift.assess(easter, day(2025, 4, 28)).result(Check::FirstContact).reason
        == QStringLiteral("First contact late: 2 working days past the 3-working-day limit (due "
                          "24 April 2025)."));
    CHECK(drift.assess(easter, day(2025, 6, 4)).result(Check::PlanComplete).reason
        == QStringLiteral(
            "Plan due today (4 June 2025), the last day of the 30-working-day limit."));
    CHECK(drift.assess(inMaintenance(day(2025, 3, 15)), day(2025, 5, 2))
              .result(Check::MaintenanceReview)
              .reason
        == QStringLiteral(
            "1-month maintenance review missed: 3 days past its limit (due 29 April 2025)."));
    CaseDates planLate = allocated(day(2025, 3, 3));
    planLate.planCompletedOn = day(2025, 4, 22);
    CHECK(drift.assess(planLate, day(2025, 5, 1)).result(Check::PlanComplete).reason
        == QStringLiteral("Plan completed on 22 April 2025, 4 working days after the limit (due 14 "
                          "April 2025)."));
    CaseDates closed = easter;
    closed.closedOn = day(2025, 5, 1);
    CHECK(drift.assess(closed, day(2025, 5, 18)).result(Check::GoalsSet).reason
        == QStringLiteral("Not applicable: the case is closed."));
}

TEST_CASE("a case's overall status is its worst check", "[domain]")
{
    // Goals amber (2 days left) and first contact red (not made) on 22 April 2025.
    const auto report = rules().assess(allocated(day(2025, 3, 27)), day(2025, 4, 22));
    CHECK(report.result(Check::GoalsSet).rag == Rag::Amber);
    CHECK(report.result(Check::FirstContact).rag == Rag::Red);
    CHECK(report.result(Check::PlanComplete).rag == Rag::Green);
    CHECK(report.rag() == Rag::Red);
    CHECK(report.sortKey() == report.result(Check::FirstContact).sortKey());
}

TEST_CASE("a caseload sorts reds by most overdue, then ambers by fewest days left", "[domain]")
{
    const QDate today = day(2025, 4, 22); // the Tuesday after Easter Monday
    struct Case {
        QString name;
        CaseDates dates;
        Rag rag;
    };

    CaseDates planLate = allocated(day(2025, 3, 3)); // plan due 14 April: 8 days ago
    planLate.firstContactOn = day(2025, 3, 4);
    planLate.goalsAgreedOn = day(2025, 3, 20);
    const CaseDates contactLate = allocated(day(2025, 4, 14)); // due 17 April: 5 days ago
    CaseDates goalsSoon = allocated(day(2025, 3, 27)); // goals due 24 April: 2 days left
    goalsSoon.firstContactOn = day(2025, 3, 28);
    const CaseDates reviewSoon // review due 29 April: 7 days left
        = planCompleted(day(2025, 2, 3), day(2025, 3, 18));
    const CaseDates justAllocated = allocated(today); // first contact due 25 April
    CaseDates closed = allocated(day(2025, 1, 6));
    closed.closedOn = day(2025, 4, 1);

    // Listed out of order, as a caseload comes from the store.
    QList<Case> caseload {
        { QStringLiteral("closed"), closed, Rag::Green },
        { QStringLiteral("reviewSoon"), reviewSoon, Rag::Amber },
        { QStringLiteral("contactLate"), contactLate, Rag::Red },
        { QStringLiteral("justAllocated"), justAllocated, Rag::Green },
        { QStringLiteral("goalsSoon"), goalsSoon, Rag::Amber },
        { QStringLiteral("planLate"), planLate, Rag::Red },
    };
    const DriftAndDelay drift = rules();
    for (const Case &entry : caseload) {
        INFO(entry.name.toStdString());
        CHECK(drift.assess(entry.dates, today).rag() == entry.rag);
    }
    std::stable_sort(caseload.begin(), caseload.end(), [&](const Case &a, const Case &b) {
        return drift.assess(a.dates, today).sortKey() < drift.assess(b.dates, today).sortKey();
    });
    QStringList order;
    for (const Case &entry : caseload)
        order.append(entry.name);
    CHECK(order
        == QStringList { QStringLiteral("planLate"), QStringLiteral("contactLate"),
            QStringLiteral("goalsSoon"), QStringLiteral("reviewSoon"),
            QStringLiteral("justAllocated"), QStringLiteral("closed") });
}

TEST_CASE("a caseload can be filtered and sorted by one check", "[domain]")
{
    const QDate today = day(2025, 5, 20);
    const DriftAndDelay drift = rules();
    // Goals: due 15 May (5 days late), due 29 April (21 days late), agreed, due 22 May.
    const QList<CaseDates> caseload { allocated(day(2025, 4, 17)), allocated(day(2025, 4, 1)),
        planCompleted(day(2025, 4, 1), day(2025, 5, 1)), allocated(day(2025, 4, 24)) };

    QList<DriftAndDelay::CheckResult> goals;
    for (const CaseDates &dates : caseload)
        goals.append(drift.assess(dates, today).result(Check::GoalsSet));
    const auto red = std::count_if(goals.cbegin(), goals.cend(),
        [](const DriftAndDelay::CheckResult &result) { return result.rag == Rag::Red; });
    CHECK(red == 2);

    std::stable_sort(goals.begin(), goals.end(),
        [](const DriftAndDelay::CheckResult &a, const DriftAndDelay::CheckResult &b) {
            return a.sortKey() < b.sortKey();
        });
    CHECK(goals.at(0).daysOverdue == 21);
    CHECK(goals.at(1).daysOverdue == 5);
    CHECK(goals.at(2).rag == Rag::Amber);
    CHECK(goals.at(2).daysLeft == 2);
    CHECK(goals.at(3).doneOn.has_value());
}
