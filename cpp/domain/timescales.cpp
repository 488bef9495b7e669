#include "domain/timescales.h"

#include <algorithm>

namespace doorstep
{

namespace
{

// An optional holding an invalid QDate is treated as not yet reached, so a bad date from
// a form or an old record cannot produce a deadline in year -4713.
std::optional<QDate> known(const std::optional<QDate> &date)
{
    if (date && date->isValid())
        return date;
    return std::nullopt;
}

} // namespace

Deadline::Status Deadline::status(QDate today) const
{
    if (metOn)
        return *metOn <= dueBy ? Status::Met : Status::MetLate;
    Q_ASSERT(today.isValid());
    if (today < dueFrom)
        return Status::NotYetDue;
    if (today <= dueBy)
        return Status::Due;
    return Status::Overdue;
}

Timescales::Timescales(WorkingCalendar calendar)
    : m_calendar(std::move(calendar))
{
}

QList<Deadline> Timescales::deadlines(const CaseDates &dates) const
{
    const bool closed = known(dates.closedOn).has_value();
    const std::optional<QDate> maintenanceStart = known(dates.maintenanceStartedOn);
    const bool caseworkOver = closed || maintenanceStart.has_value();

    QList<Deadline> result;
    const auto add = [&result](Deadline deadline, bool stillOpenable) {
        if (deadline.metOn || stillOpenable)
            result.append(deadline);
    };

    if (const auto allocated = known(dates.allocatedOn)) {
        add({ Deadline::Kind::FirstContact, *allocated,
                m_calendar.addWorkingDays(*allocated, firstContactWorkingDays),
                known(dates.firstContactOn) },
            !caseworkOver);
        add({ Deadline::Kind::Goals, *allocated, allocated->addDays(goalsCalendarDays),
                known(dates.goalsAgreedOn) },
            !caseworkOver);
        add({ Deadline::Kind::Plan, *allocated,
                m_calendar.addWorkingDays(*allocated, planWorkingDays),
                known(dates.planCompletedOn) },
            !caseworkOver);
    }

    // Only the next review is known: earlier ones are summed up in lastReviewOn. The later
    // of the two dates counts, so a review recorded before the plan cannot pull it back.
    const std::optional<QDate> plan = known(dates.planCompletedOn);
    const std::optional<QDate> lastReview = known(dates.lastReviewOn);
    if ((plan || lastReview) && !caseworkOver) {
        const QDate since = plan && lastReview ? std::max(*plan, *lastReview)
                                               : plan.value_or(lastReview.value_or(QDate()));
        add({ Deadline::Kind::Review, since.addDays(reviewFromDays), since.addDays(reviewByDays),
                std::nullopt },
            true);
    }

    if (maintenanceStart) {
        // Reviews held meet the month points in order: practitioners record them as they
        // happen, and an early review still counts as the one it replaced.
        QList<QDate> held;
        for (const QDate &date : dates.maintenanceReviewsHeld) {
            if (date.isValid() && date >= *maintenanceStart)
                held.append(date);
        }
        std::sort(held.begin(), held.end());
        for (int i = 0; i < int(maintenanceMonths.size()); ++i) {
            // addMonths() clamps to the month's last day: 31 January + 1 month is 28 or 29
            // February, never 3 March.
            const QDate point = maintenanceStart->addMonths(maintenanceMonths.at(i));
            Deadline deadline { Deadline::Kind::MaintenanceReview, point,
                point.addDays(maintenanceGraceDays),
                i < held.size() ? std::optional<QDate>(held.at(i)) : std::nullopt,
                maintenanceMonths.at(i) };
            add(deadline, !closed);
        }
    }
    return result;
}

std::optional<Deadline> Timescales::nextDue(const CaseDates &dates) const
{
    const QList<Deadline> all = deadlines(dates);
    std::optional<Deadline> next;
    // Strictly earlier only, so on a tie the earlier stage of the case wins.
    for (const Deadline &deadline : all) {
        if (deadline.isOpen() && (!next || deadline.dueBy < next->dueBy))
            next = deadline;
    }
    return next;
}

} // namespace doorstep
