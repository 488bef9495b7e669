#include "domain/driftanddelay.h"

#include <QLocale>
#include <algorithm>
#include <utility>

namespace doorstep
{

namespace
{

using Kind = Deadline::Kind;

// As in Timescales: an invalid date from a form or an old record counts as not reached.
std::optional<QDate> known(const std::optional<QDate> &date)
{
    if (date && date->isValid())
        return date;
    return std::nullopt;
}

std::optional<Deadline> find(const QList<Deadline> &deadlines, Kind kind)
{
    for (const Deadline &deadline : deadlines) {
        if (deadline.kind == kind)
            return deadline;
    }
    return std::nullopt;
}

// Days after `from` up to and including `to`, which is after it. In working days at least 1,
// so a limit passed on a Friday is "1 working day" late over the weekend, never 0.
int daysLate(DriftAndDelay::DayUnit unit, const WorkingCalendar &calendar, QDate from, QDate to)
{
    if (unit == DriftAndDelay::DayUnit::Working)
        return std::max(1, calendar.workingDaysBetween(from, to));
    return int(from.daysTo(to));
}

DriftAndDelay::CheckResult start(DriftAndDelay::Check check, DriftAndDelay::DayUnit unit)
{
    DriftAndDelay::CheckResult result;
    result.check = check;
    result.unit = unit;
    return result;
}

} // namespace

qint64 DriftAndDelay::CheckResult::sortKey() const
{
    // A band per kind of urgency, then the limit's day number within it.
    constexpr qint64 band = qint64(1) << 32;
    if (!applies || doneOn)
        return 3 * band;
    switch (rag) {
    case Rag::Red:
        return limit.toJulianDay();
    case Rag::Amber:
        return band + limit.toJulianDay();
    case Rag::Green:
        break;
    }
    return 2 * band + limit.toJulianDay();
}

DriftAndDelay::Rag DriftAndDelay::Report::rag() const
{
    Rag worst = Rag::Green;
    for (const CheckResult &result : results)
        worst = std::max(worst, result.rag);
    return worst;
}

qint64 DriftAndDelay::Report::sortKey() const
{
    qint64 key = CheckResult().sortKey();
    for (const CheckResult &result : results)
        key = std::min(key, result.sortKey());
    return key;
}

DriftAndDelay::DriftAndDelay(WorkingCalendar calendar)
    : m_timescales(std::move(calendar))
{
}

// How a deadline check of Timescales' is worded, for the case where it was met in time, met
// late, is late, is due today or is due in some days.
struct DriftAndDelay::DeadlineRule {
    Check check;
    Kind kind;
    DayUnit unit;
    int allowed; ///< the limit, in unit, as the sentences give it
    int amberWithin; ///< in unit
    const char *metInTime; ///< %1 when, %2 allowed
    const char *metLate; ///< %n late by, %1 when, %2 the limit
    const char *late; ///< %n overdue by, %1 allowed, %2 the limit
    const char *dueToday; ///< %1 the limit, %2 allowed
    const char *dueIn; ///< %n days left, %1 the limit
};

namespace
{

// First contact, goals and plan: Timescales' deadlines (3 working days, 28 days and 30
// working days from allocation). Timescales leaves them out before allocation.
const DriftAndDelay::DeadlineRule FirstContactRule { DriftAndDelay::Check::FirstContact,
    Kind::FirstContact, DriftAndDelay::DayUnit::Working, Timescales::firstContactWorkingDays,
    DriftAndDelay::firstContactAmberWorkingDays,
    QT_TRANSLATE_NOOP(
        "DriftAndDelay", "First contact made on %1, within the %2-working-day limit."),
    QT_TRANSLATE_N_NOOP(
        "DriftAndDelay", "First contact made on %1, %n working days after the limit (due %2)."),
    QT_TRANSLATE_N_NOOP("DriftAndDelay",
        "First contact late: %n working days past the %1-working-day limit (due %2)."),
    QT_TRANSLATE_NOOP(
        "DriftAndDelay", "First contact due today (%1), the last day of the %2-working-day limit."),
    QT_TRANSLATE_N_NOOP("DriftAndDelay", "First contact due in %n working days (by %1).") };

const DriftAndDelay::DeadlineRule GoalsRule { DriftAndDelay::Check::GoalsSet, Kind::Goals,
    DriftAndDelay::DayUnit::Calendar, Timescales::goalsCalendarDays, DriftAndDelay::goalsAmberDays,
    QT_TRANSLATE_NOOP("DriftAndDelay", "Goals agreed on %1, within the %2-day limit."),
    QT_TRANSLATE_N_NOOP("DriftAndDelay", "Goals agreed on %1, %n days after the limit (due %2)."),
    QT_TRANSLATE_N_NOOP("DriftAndDelay", "Goals not set: %n days past the %1-day limit (due %2)."),
    QT_TRANSLATE_NOOP("DriftAndDelay", "Goals due today (%1), the last day of the %2-day limit."),
    QT_TRANSLATE_N_NOOP("DriftAndDelay", "Goals due in %n days (by %1).") };

const DriftAndDelay::DeadlineRule PlanRule { DriftAndDelay::Check::PlanComplete, Kind::Plan,
    DriftAndDelay::DayUnit::Working, Timescales::planWorkingDays,
    DriftAndDelay::planAmberWorkingDays,
    QT_TRANSLATE_NOOP("DriftAndDelay", "Plan completed on %1, within the %2-working-day limit."),
    QT_TRANSLATE_N_NOOP(
        "DriftAndDelay", "Plan completed on %1, %n working days after the limit (due %2)."),
    QT_TRANSLATE_N_NOOP("DriftAndDelay",
        "Plan not complete: %n working days past the %1-working-day limit (due %2)."),
    QT_TRANSLATE_NOOP(
        "DriftAndDelay", "Plan due today (%1), the last day of the %2-working-day limit."),
    QT_TRANSLATE_N_NOOP("DriftAndDelay", "Plan due in %n working days (by %1).") };

} // namespace

DriftAndDelay::Report DriftAndDelay::assess(const CaseDates &dates, QDate today) const
{
    Q_ASSERT(today.isValid());
    const bool closed = known(dates.closedOn).has_value();
    const bool inMaintenance = known(dates.maintenanceStartedOn).has_value();
    const QList<Deadline> deadlines = m_timescales.deadlines(dates);

    Report report;
    for (const Check check : checks) {
        CheckResult result = start(check, DayUnit::Calendar);
        if (closed) {
            result.reason = tr("Not applicable: the case is closed.");
        } else if (inMaintenance && check != Check::MaintenanceReview) {
            result.reason = tr("Not applicable: the case is in maintenance.");
        } else {
            switch (check) {
            case Check::FirstContact:
                result = deadlineCheck(FirstContactRule, deadlines, today);
                break;
            case Check::GoalsSet:
                result = deadlineCheck(GoalsRule, deadlines, today);
                break;
            case Check::PlanComplete:
                result = deadlineCheck(PlanRule, deadlines, today);
                break;
            case Check::ReviewOverdue:
                result = reviewOverdue(deadlines, today);
                break;
            case Check::NoProgress:
                result = noProgress(dates, today);
                break;
            case Check::MaintenanceReview:
                result = maintenanceReview(deadlines, today);
                break;
            }
        }
        report.results.append(result);
    }
    return report;
}

void DriftAndDelay::classify(CheckResult &result, QDate today, int amberWithin) const
{
    const WorkingCalendar &calendar = m_timescales.calendar();
    if (today > result.limit) {
        result.rag = Rag::Red;
        result.daysOverdue = daysLate(result.unit, calendar, result.limit, today);
        return;
    }
    result.daysLeft = result.unit == DayUnit::Working
        ? calendar.workingDaysBetween(today, result.limit)
        : int(today.daysTo(result.limit));
    result.rag = result.daysLeft <= amberWithin ? Rag::Amber : Rag::Green;
}

namespace
{

QString dateText(QDate date)
{
    //: Date format (QDate::toString) in drift and delay reasons: "12 March 2025".
    return QLocale().toString(date, DriftAndDelay::tr("d MMMM yyyy", "date format"));
}

} // namespace

DriftAndDelay::CheckResult DriftAndDelay::deadlineCheck(
    const DeadlineRule &rule, const QList<Deadline> &deadlines, QDate today) const
{
    CheckResult result = start(rule.check, rule.unit);
    const std::optional<Deadline> deadline = find(deadlines, rule.kind);
    if (!deadline) {
        result.reason = tr("Not applicable: the case is not allocated yet.");
        return result;
    }
    result.applies = true;
    result.limit = deadline->dueBy;
    const QString limit = dateText(result.limit);
    const QString allowed = QString::number(rule.allowed);
    if (deadline->metOn) {
        result.doneOn = deadline->metOn;
        const QString met = dateText(*deadline->metOn);
        if (*deadline->metOn <= result.limit)
            result.reason = tr(rule.metInTime).arg(met, allowed);
        else
            result.reason = tr(rule.metLate, "",
                daysLate(result.unit, m_timescales.calendar(), result.limit, *deadline->metOn))
                                .arg(met, limit);
        return result;
    }
    classify(result, today, rule.amberWithin);
    if (result.rag == Rag::Red)
        result.reason = tr(rule.late, "", result.daysOverdue).arg(allowed, limit);
    else if (result.daysLeft == 0)
        result.reason = tr(rule.dueToday).arg(limit, allowed);
    else
        result.reason = tr(rule.dueIn, "", result.daysLeft).arg(limit);
    return result;
}

// Timescales' next review: due 4 to 6 weeks after the later of the plan's completion and
// the last review ("reviews every 4-6 weeks", DOMAIN.md), so before any review the 6 weeks
// run from the plan. Overdue after the sixth week; Amber from the fourth, when it is due.
DriftAndDelay::CheckResult DriftAndDelay::reviewOverdue(
    const QList<Deadline> &deadlines, QDate today) const
{
    CheckResult result = start(Check::ReviewOverdue, DayUnit::Calendar);
    const std::optional<Deadline> deadline = find(deadlines, Kind::Review);
    if (!deadline) {
        result.reason = tr("Not applicable: reviews start once the plan is complete.");
        return result;
    }
    result.applies = true;
    result.limit = deadline->dueBy;
    classify(result, today, int(deadline->dueFrom.daysTo(deadline->dueBy)));
    const QString limit = dateText(result.limit);
    if (result.rag == Rag::Red)
        result.reason
            = tr("Review overdue: %n days past the %1-week limit (due %2).", "", result.daysOverdue)
                  .arg(QString::number(Timescales::reviewByDays / 7), limit);
    else if (result.daysLeft == 0)
        result.reason = tr("Review due today (%1), the last day of the %2-week limit.")
                            .arg(limit, QString::number(Timescales::reviewByDays / 7));
    else
        result.reason = tr("Review due in %n days (by %1).", "", result.daysLeft).arg(limit);
    return result;
}

// Counted from allocation, where CaseloadRepository starts a case. Progress recorded at the
// last review keeps the case Green however long it is open; if that review is itself old,
// ReviewOverdue is Red instead.
DriftAndDelay::CheckResult DriftAndDelay::noProgress(const CaseDates &dates, QDate today) const
{
    CheckResult result = start(Check::NoProgress, DayUnit::Calendar);
    const std::optional<QDate> allocated = known(dates.allocatedOn);
    if (!allocated) {
        result.reason = tr("Not applicable: the case is not allocated yet.");
        return result;
    }
    result.applies = true;
    result.limit = allocated->addDays(noProgressDays);
    const QString limit = dateText(result.limit);
    const QString weeks = QString::number(noProgressDays / 7);
    const std::optional<QDate> lastReview = known(dates.lastReviewOn);
    if (lastReview && dates.lastReviewRecordedProgress) {
        result.doneOn = lastReview;
        result.reason
            = tr("Progress recorded at the last review, on %1.").arg(dateText(*lastReview));
        return result;
    }
    classify(result, today, noProgressAmberDays);
    if (result.rag == Rag::Red)
        result.reason = tr("Open %n days longer than %1 weeks without progress recorded at the "
                           "last review (limit %2).",
            "", result.daysOverdue)
                            .arg(weeks, limit);
    else if (result.daysLeft == 0)
        result.reason = tr("Open %1 weeks today (%2) without progress recorded at the last "
                           "review.")
                            .arg(weeks, limit);
    else
        result.reason = tr("Open %1 weeks in %n days (on %2), and no progress is recorded at "
                           "the last review.",
            "", result.daysLeft)
                            .arg(weeks, limit);
    return result;
}

// Timescales' maintenance reviews at 1, 3, 6 and 12 months, each with its 14 days' grace:
// the earliest not held is checked, Amber from its month point, missed (Red) after the grace.
DriftAndDelay::CheckResult DriftAndDelay::maintenanceReview(
    const QList<Deadline> &deadlines, QDate today) const
{
    CheckResult result = start(Check::MaintenanceReview, DayUnit::Calendar);
    std::optional<Deadline> open;
    std::optional<Deadline> lastHeld;
    for (const Deadline &deadline : deadlines) {
        if (deadline.kind != Kind::MaintenanceReview)
            continue;
        if (deadline.isOpen() && !open)
            open = deadline;
        else if (!deadline.isOpen())
            lastHeld = deadline;
    }
    if (!open && !lastHeld) {
        result.reason = tr("Not applicable: the case is not in maintenance.");
        return result;
    }
    result.applies = true;
    if (!open) {
        result.limit = lastHeld->dueBy;
        result.doneOn = lastHeld->metOn;
        result.reason = tr("Every maintenance review has been held, the last on %1.")
                            .arg(dateText(*lastHeld->metOn));
        return result;
    }
    result.limit = open->dueBy;
    classify(result, today, int(open->dueFrom.daysTo(open->dueBy)));
    const QString limit = dateText(result.limit);
    const QString month = QString::number(open->maintenanceMonth);
    if (result.rag == Rag::Red)
        result.reason = tr("%1-month maintenance review missed: %n days past its limit (due %2).",
            "", result.daysOverdue)
                            .arg(month, limit);
    else if (result.daysLeft == 0)
        result.reason = tr("%1-month maintenance review due today (%2), the last day of its "
                           "window.")
                            .arg(month, limit);
    else
        result.reason
            = tr("%1-month maintenance review due in %n days (by %2).", "", result.daysLeft)
                  .arg(month, limit);
    return result;
}

} // namespace doorstep
