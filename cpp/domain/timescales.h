#pragma once

#include "domain/workingcalendar.h"

#include <QDate>
#include <QList>
#include <array>
#include <optional>

namespace doorstep
{

/// The dates a case has reached so far; an empty optional means "not yet".
struct CaseDates {
    std::optional<QDate> allocatedOn;
    std::optional<QDate> firstContactOn;
    std::optional<QDate> goalsAgreedOn;
    std::optional<QDate> planCompletedOn;
    std::optional<QDate> lastReviewOn;
    /// The case closed into maintenance: casework reviews stop, maintenance reviews start.
    std::optional<QDate> maintenanceStartedOn;
    /// Maintenance reviews held so far, in any order.
    QList<QDate> maintenanceReviewsHeld;
    /// The case is closed for good (stepped up, stepped down or maintenance finished).
    std::optional<QDate> closedOn;
    /// Whether the review on lastReviewOn recorded that the family is making progress;
    /// ignored without lastReviewOn. Not recorded counts as no progress (DriftAndDelay).
    /// Last so that positional initialisers written before it still compile.
    bool lastReviewRecordedProgress = false;
};

/// One timescale a case must meet: a window of dates and, once done, when it was met.
struct Deadline {
    enum class Kind { FirstContact, Goals, Plan, Review, MaintenanceReview };
    enum class Status {
        NotYetDue, ///< before dueFrom
        Due, ///< from dueFrom up to and including dueBy
        Overdue, ///< after dueBy and not met
        Met, ///< met on or before dueBy (early counts)
        MetLate, ///< met after dueBy
    };

    Kind kind = Kind::FirstContact;
    QDate dueFrom;
    QDate dueBy;
    std::optional<QDate> metOn;
    /// 1, 3, 6 or 12 for a MaintenanceReview, so it can be named; 0 for other kinds.
    int maintenanceMonth = 0;

    /// Met and MetLate do not depend on `today`; the others compare it with the window.
    Status status(QDate today) const;
    bool isOpen() const { return !metOn.has_value(); }

    friend bool operator==(const Deadline &a, const Deadline &b)
    {
        return a.kind == b.kind && a.dueFrom == b.dueFrom && a.dueBy == b.dueBy
            && a.metOn == b.metOn && a.maintenanceMonth == b.maintenanceMonth;
    }
    friend bool operator!=(const Deadline &a, const Deadline &b) { return !(a == b); }
};

/// The early help case timescales, worked out from a case's dates on a working calendar.
class Timescales
{
public:
    /// Contact within 3 working days of allocation (the "48 hours" of the sources,
    /// counted so a Friday allocation does not fall due on Sunday).
    static constexpr int firstContactWorkingDays = 3;
    static constexpr int goalsCalendarDays = 28;
    static constexpr int planWorkingDays = 30;
    /// Reviews every 4 to 6 weeks after the plan is complete or the last review.
    static constexpr int reviewFromDays = 4 * 7;
    static constexpr int reviewByDays = 6 * 7;
    static constexpr std::array<int, 4> maintenanceMonths { 1, 3, 6, 12 };
    /// The sources give maintenance reviews "at" 1, 3, 6 and 12 months but no window; this
    /// grace after each month point is our choice, matching the 2-week window of reviews.
    static constexpr int maintenanceGraceDays = 14;

    explicit Timescales(WorkingCalendar calendar);

    /// Every timescale the case has now, in the order of the case: the three casework
    /// deadlines once allocated, the next review once the plan is complete, and the four
    /// maintenance reviews once in maintenance. When the case moves on (into maintenance
    /// or closed) its unmet casework deadlines are dropped, not left overdue; a closed
    /// case keeps only deadlines that were met, so nothing is open.
    QList<Deadline> deadlines(const CaseDates &dates) const;
    /// The open deadline with the earliest dueBy, so an overdue one comes first.
    std::optional<Deadline> nextDue(const CaseDates &dates) const;

    const WorkingCalendar &calendar() const { return m_calendar; }

private:
    WorkingCalendar m_calendar;
};

} // namespace doorstep
