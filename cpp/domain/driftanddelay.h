#pragma once

#include "domain/timescales.h"
#include "domain/workingcalendar.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace doorstep
{

/// The supervisor's red/amber/green drift and delay checks for one case on a day (issue 8).
///
/// Six checks, each Green (fine, done or not applicable), Amber (the limit is near or is
/// today) or Red (the limit has passed and it is not done). The limits are Timescales' where
/// it has one; the amber windows are ours (constants below). A closed case is Green
/// throughout, and a case in maintenance only has its maintenance reviews checked, as
/// Timescales drops the casework deadlines of a case that has moved on.
///
/// A limit is the last day in time: on it a check is Amber with 0 days left, and Red from
/// the next day. Days are counted as each rule is written: working days for first contact
/// and the plan, calendar days for the rest.
class DriftAndDelay
{
    Q_DECLARE_TR_FUNCTIONS(DriftAndDelay)

public:
    enum class Check {
        FirstContact, ///< first contact late
        GoalsSet, ///< goals not set by 28 days
        PlanComplete, ///< plan not complete within 30 working days
        ReviewOverdue, ///< more than 6 weeks since the plan or the last review
        NoProgress, ///< open longer than 26 weeks without progress at the last review
        MaintenanceReview, ///< a maintenance review missed
    };
    static constexpr std::array<Check, 6> checks { Check::FirstContact, Check::GoalsSet,
        Check::PlanComplete, Check::ReviewOverdue, Check::NoProgress, Check::MaintenanceReview };

    /// In order of severity, so the worst of several is the greatest.
    enum class Rag { Green, Amber, Red };
    enum class DayUnit { Calendar, Working };

    /// Amber while at most this many working days are left: the whole limit is only 3
    /// working days, so a longer warning would turn every new case amber on allocation.
    static constexpr int firstContactAmberWorkingDays = 1;
    /// Amber in the last week of the 28 days.
    static constexpr int goalsAmberDays = 7;
    /// Amber in the last working week of the 30 working days.
    static constexpr int planAmberWorkingDays = 5;
    /// "Typical intervention 16-26 weeks ... longer only while the family keeps making
    /// progress" (DOMAIN.md): the limit is the end of week 26 after allocation.
    static constexpr int noProgressDays = 26 * 7;
    /// Amber for the last 4 weeks before week 26, one review interval: the review in them
    /// should record progress or plan the ending.
    static constexpr int noProgressAmberDays = 4 * 7;
    // Reviews and maintenance reviews are Amber inside Timescales' window (from 4 weeks
    // for a review, from the month point for a maintenance review), Red after it.

    /// One check's outcome.
    struct CheckResult {
        Check check = Check::FirstContact;
        Rag rag = Rag::Green;
        /// False when the check does not apply to the case (not allocated, closed, in
        /// maintenance, no plan yet, ...): then it is Green and limit is invalid.
        bool applies = false;
        /// The last day in time; invalid when the check does not apply.
        QDate limit;
        DayUnit unit = DayUnit::Calendar;
        /// Days after today up to and including the limit, in unit; 0 on the limit day and
        /// once done or overdue.
        int daysLeft = 0;
        /// Days in unit after the limit up to and including today, when Red; else 0. A Red
        /// in working days is at least 1, even on a weekend or bank holiday just after it.
        int daysOverdue = 0;
        /// When it was done (contact made, goals agreed, plan completed, the review that
        /// recorded progress, every maintenance review held: the last); Green then.
        std::optional<QDate> doneOn;
        /// One translated sentence saying why, for the supervisor.
        QString reason;

        /// Ascending is most urgent first: Reds by the earliest limit (most calendar days
        /// overdue), then Ambers by the earliest limit (fewest days left), then Greens with
        /// a limit still to come by the earliest, then done or not applicable. Calendar
        /// days, so working-day and calendar-day checks sort together.
        qint64 sortKey() const;
    };

    /// Every check for one case on one day.
    struct Report {
        /// One per check, in the order of `checks`.
        QList<CheckResult> results;

        const CheckResult &result(Check check) const { return results.at(int(check)); }
        /// The worst of the checks.
        Rag rag() const;
        /// The most urgent check's sortKey(): a caseload sorted by it ascending puts the
        /// most overdue case first.
        qint64 sortKey() const;
    };

    explicit DriftAndDelay(WorkingCalendar calendar);

    /// How one of Timescales' deadlines is checked and worded (the .cpp holds the three).
    struct DeadlineRule;

    Report assess(const CaseDates &dates, QDate today) const;

    const Timescales &timescales() const { return m_timescales; }

private:
    /// First contact, goals and the plan: one of Timescales' deadlines, met or not.
    CheckResult deadlineCheck(
        const DeadlineRule &rule, const QList<Deadline> &deadlines, QDate today) const;
    CheckResult reviewOverdue(const QList<Deadline> &deadlines, QDate today) const;
    CheckResult noProgress(const CaseDates &dates, QDate today) const;
    CheckResult maintenanceReview(const QList<Deadline> &deadlines, QDate today) const;
    /// Sets rag, daysLeft and daysOverdue of an applying, not yet done check.
    void classify(CheckResult &result, QDate today, int amberWithin) const;

    Timescales m_timescales;
};

} // namespace doorstep
