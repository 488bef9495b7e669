#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace doorstep
{

/// Working days, Monday to Friday less bank holidays, for counting case timescales.
///
/// Bank holidays are known only for the years the list covers (see covers()); for any
/// other date only weekends are excluded, so a timescale that runs past the last listed
/// year can come out a day or two early. Extend the data file before that matters.
class WorkingCalendar
{
    Q_DECLARE_TR_FUNCTIONS(WorkingCalendar)

public:
    /// The England and Wales bank holidays compiled into the program.
    [[nodiscard]] static Result<WorkingCalendar> englandAndWales();
    /// Reads a list in the format of bankholidays-england-wales.txt: "2024-01-01 Name"
    /// lines, "#" comments and blank lines. Dates must be weekdays, in order, each year
    /// from the first to the last listed; any other line is an error naming its number.
    [[nodiscard]] static Result<WorkingCalendar> fromText(const QString &text);

    /// False for Saturdays, Sundays, listed bank holidays and invalid dates.
    bool isWorkingDay(QDate date) const;
    bool isBankHoliday(QDate date) const { return m_holidays.contains(date); }
    /// The holiday's name as listed ("Boxing Day (substitute day)"), or empty.
    QString bankHolidayName(QDate date) const { return m_holidays.value(date); }
    /// Every listed bank holiday, earliest first.
    QList<QDate> bankHolidays() const { return m_holidays.keys(); }

    /// The n-th working day after `from`, which itself is not counted, so n = 0 gives
    /// `from` even at a weekend. Invalid for an invalid `from` or a negative n.
    QDate addWorkingDays(QDate from, int n) const;
    /// The working days after `a` up to and including `b`, so that
    /// workingDaysBetween(a, addWorkingDays(a, n)) == n; negative when b is before a.
    int workingDaysBetween(QDate a, QDate b) const;

    /// Whether the list covers the date's year, so bank holidays in it are known.
    bool covers(QDate date) const;
    int firstYear() const { return m_firstYear; }
    int lastYear() const { return m_lastYear; }

private:
    WorkingCalendar() = default;

    QMap<QDate, QString> m_holidays;
    int m_firstYear = 0;
    int m_lastYear = -1;
};

} // namespace doorstep
