#include "domain/workingcalendar.h"

#include <QDate>
#include <QFile>
#include <QMap>
#include <QString>
#include <catch2/catch.hpp>

using doorstep::Error;
using doorstep::WorkingCalendar;

// Catch2 cannot print Qt types by itself; failures should show the value, not "{?}".
namespace Catch
{
template <> struct StringMaker<QString> {
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
template <> struct StringMaker<QDate> {
    static std::string convert(const QDate &value)
    {
        return value.isValid() ? value.toString(Qt::ISODate).toStdString() : "invalid date";
    }
};
} // namespace Catch

namespace
{

QDate day(int year, int month, int dayOfMonth)
{
    return QDate(year, month, dayOfMonth);
}

WorkingCalendar englandAndWales()
{
    auto calendar = WorkingCalendar::englandAndWales();
    REQUIRE(calendar.ok());
    return calendar.value();
}

// The data file's dates, read without WorkingCalendar so its checks are not the ones tested.
QList<QDate> datesInDataFile()
{
    QFile file(QStringLiteral(":/doorstep/domain/bankholidays-england-wales.txt"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QList<QDate> dates;
    const QString text = QString::fromUtf8(file.readAll());
    for (const QString &line : text.split(u'\n')) {
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        const QDate date = QDate::fromString(line.left(10), Qt::ISODate);
        INFO(line.toStdString());
        REQUIRE(date.isValid());
        dates.append(date);
    }
    return dates;
}

QString loadError(const QString &text)
{
    const auto result = WorkingCalendar::fromText(text);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::InvalidArgument);
    return result.error().message;
}

} // namespace

TEST_CASE("the built-in England and Wales list loads and covers 2024 to 2030", "[domain]")
{
    const auto calendar = WorkingCalendar::englandAndWales();
    INFO(calendar.error().message.toStdString());
    REQUIRE(calendar.ok());
    CHECK(calendar->firstYear() == 2024);
    CHECK(calendar->lastYear() == 2030);
    CHECK(calendar->bankHolidays().size() == 7 * 8);
}

TEST_CASE("the data file has eight bank holidays in each year from 2024 to 2030", "[domain]")
{
    // No year in this range has a one-off holiday (the last was the 2023 coronation).
    QMap<int, int> perYear;
    for (const QDate &date : datesInDataFile())
        ++perYear[date.year()];
    CHECK(perYear.keys() == QList<int> { 2024, 2025, 2026, 2027, 2028, 2029, 2030 });
    for (auto it = perYear.cbegin(); it != perYear.cend(); ++it) {
        INFO(it.key());
        CHECK(it.value() == 8);
    }
}

TEST_CASE("the data file lists only weekdays", "[domain]")
{
    for (const QDate &date : datesInDataFile()) {
        INFO(date.toString(Qt::ISODate).toStdString());
        CHECK(date.dayOfWeek() <= Qt::Friday);
    }
}

TEST_CASE("the data file lists dates in order, each once", "[domain]")
{
    const QList<QDate> dates = datesInDataFile();
    for (int i = 1; i < dates.size(); ++i) {
        INFO(dates.at(i).toString(Qt::ISODate).toStdString());
        CHECK(dates.at(i - 1) < dates.at(i));
    }
}

TEST_CASE("the data file matches gov.uk for 2024 to 2026", "[domain]")
{
    const QList<QDate> govUk {
        day(2024, 1, 1),
        day(2024, 3, 29),
        day(2024, 4, 1),
        day(2024, 5, 6),
        day(2024, 5, 27),
        day(2024, 8, 26),
        day(2024, 12, 25),
        day(2024, 12, 26),
        day(2025, 1, 1),
        day(2025, 4, 18),
        day(2025, 4, 21),
        day(2025, 5, 5),
        day(2025, 5, 26),
        day(2025, 8, 25),
        day(2025, 12, 25),
        day(2025, 12, 26),
        day(2026, 1, 1),
        day(2026, 4, 3),
        day(2026, 4, 6),
        day(2026, 5, 4),
        day(2026, 5, 25),
        day(2026, 8, 31),
        day(2026, 12, 25),
        day(2026, 12, 28),
    };
    CHECK(datesInDataFile().mid(0, govUk.size()) == govUk);
}

TEST_CASE("the data file has substitute days for holidays at weekends", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    // Boxing Day 2026 is a Saturday; Christmas and Boxing Day 2027 a Saturday and Sunday;
    // New Year's Day 2028 a Saturday.
    for (const QDate &date :
        { day(2026, 12, 28), day(2027, 12, 27), day(2027, 12, 28), day(2028, 1, 3) }) {
        INFO(date.toString(Qt::ISODate).toStdString());
        CHECK(calendar.bankHolidayName(date).endsWith(QStringLiteral("(substitute day)")));
    }
}

TEST_CASE("the data file follows the Easter rule after 2026", "[domain]")
{
    // Easter Sundays by the anonymous Gregorian algorithm, checked against published tables:
    // 28 March 2027, 16 April 2028, 1 April 2029, 21 April 2030.
    const WorkingCalendar calendar = englandAndWales();
    for (const QDate &easter :
        { day(2027, 3, 28), day(2028, 4, 16), day(2029, 4, 1), day(2030, 4, 21) }) {
        INFO(easter.toString(Qt::ISODate).toStdString());
        CHECK(calendar.bankHolidayName(easter.addDays(-2)) == QStringLiteral("Good Friday"));
        CHECK(calendar.bankHolidayName(easter.addDays(1)) == QStringLiteral("Easter Monday"));
    }
}

TEST_CASE("Saturdays and Sundays are not working days", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    CHECK_FALSE(calendar.isWorkingDay(day(2025, 3, 8)));
    CHECK_FALSE(calendar.isWorkingDay(day(2025, 3, 9)));
    CHECK(calendar.isWorkingDay(day(2025, 3, 7)));
    CHECK(calendar.isWorkingDay(day(2025, 3, 10)));
}

TEST_CASE("bank holidays are not working days", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    CHECK_FALSE(calendar.isWorkingDay(day(2025, 4, 18)));
    CHECK_FALSE(calendar.isWorkingDay(day(2025, 4, 21)));
    CHECK(calendar.isWorkingDay(day(2025, 4, 17)));
    CHECK(calendar.isWorkingDay(day(2025, 4, 22)));
}

TEST_CASE("an invalid date is not a working day", "[domain]")
{
    CHECK_FALSE(englandAndWales().isWorkingDay(QDate()));
}

TEST_CASE("adding working days does not count the start day", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    CHECK(calendar.addWorkingDays(day(2025, 3, 3), 1) == day(2025, 3, 4));
    CHECK(calendar.addWorkingDays(day(2025, 3, 7), 1) == day(2025, 3, 10));
}

TEST_CASE("adding working days from a weekend starts counting on Monday", "[domain]")
{
    CHECK(englandAndWales().addWorkingDays(day(2025, 3, 8), 1) == day(2025, 3, 10));
}

TEST_CASE("adding zero working days gives the start date, even at a weekend", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    CHECK(calendar.addWorkingDays(day(2025, 3, 5), 0) == day(2025, 3, 5));
    CHECK(calendar.addWorkingDays(day(2025, 3, 8), 0) == day(2025, 3, 8));
}

TEST_CASE("adding working days skips Good Friday and Easter Monday 2025", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    // Thursday 17 April; Friday 18 and Monday 21 are bank holidays.
    CHECK(calendar.addWorkingDays(day(2025, 4, 17), 1) == day(2025, 4, 22));
    CHECK(calendar.addWorkingDays(day(2025, 4, 16), 3) == day(2025, 4, 23));
}

TEST_CASE("adding working days skips Christmas 2026 and its substitute Boxing Day", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    // Friday 25 December, the weekend, then Monday 28 in place of Saturday's Boxing Day.
    CHECK(calendar.addWorkingDays(day(2026, 12, 24), 1) == day(2026, 12, 29));
    CHECK(calendar.addWorkingDays(day(2026, 12, 23), 2) == day(2026, 12, 29));
}

TEST_CASE("working days between counts the end day but not the start day", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    CHECK(calendar.workingDaysBetween(day(2025, 3, 3), day(2025, 3, 7)) == 4);
    CHECK(calendar.workingDaysBetween(day(2025, 3, 3), day(2025, 3, 3)) == 0);
    // Friday to Monday across a weekend is one working day.
    CHECK(calendar.workingDaysBetween(day(2025, 3, 7), day(2025, 3, 10)) == 1);
}

TEST_CASE("working days between leaves out bank holidays", "[domain]")
{
    // Christmas Eve 2026 to New Year's Eve: 29, 30 and 31 December only.
    CHECK(englandAndWales().workingDaysBetween(day(2026, 12, 24), day(2026, 12, 31)) == 3);
}

TEST_CASE("working days between is negative when the end comes first", "[domain]")
{
    CHECK(englandAndWales().workingDaysBetween(day(2025, 3, 7), day(2025, 3, 3)) == -4);
}

TEST_CASE("working days between undoes adding working days on every covered day", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    for (QDate from = day(2024, 1, 1); from <= day(2030, 12, 31); from = from.addDays(1)) {
        for (const int n : { 0, 1, 3, 30 }) {
            const QDate to = calendar.addWorkingDays(from, n);
            if (calendar.workingDaysBetween(from, to) != n || (n > 0 && !calendar.isWorkingDay(to)))
                FAIL(from.toString(Qt::ISODate).toStdString() << " + " << n << " working days");
        }
    }
}

TEST_CASE("covers the years in the list and no others", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    CHECK(calendar.covers(day(2024, 1, 1)));
    CHECK(calendar.covers(day(2030, 12, 31)));
    CHECK_FALSE(calendar.covers(day(2023, 12, 31)));
    CHECK_FALSE(calendar.covers(day(2031, 1, 1)));
    CHECK_FALSE(calendar.covers(QDate()));
}

TEST_CASE("outside the covered years only weekends are not working days", "[domain]")
{
    const WorkingCalendar calendar = englandAndWales();
    // 1 January 2031 will be a bank holiday, but the list does not reach it yet.
    CHECK(calendar.isWorkingDay(day(2031, 1, 1)));
    CHECK_FALSE(calendar.isWorkingDay(day(2031, 1, 4)));
}

TEST_CASE("fromText reads dates and names, skipping comments and blank lines", "[domain]")
{
    const auto calendar = WorkingCalendar::fromText(QStringLiteral(
        "# test list\n\n2025-04-18 Good Friday\r\n  2025-04-21   Easter Monday  \n"));
    REQUIRE(calendar.ok());
    CHECK(calendar->bankHolidays() == QList<QDate> { day(2025, 4, 18), day(2025, 4, 21) });
    CHECK(calendar->bankHolidayName(day(2025, 4, 21)) == QStringLiteral("Easter Monday"));
    CHECK(calendar->bankHolidayName(day(2025, 4, 22)).isEmpty());
}

TEST_CASE("fromText names the line that is not a date and a name", "[domain]")
{
    const auto line = GENERATE(as<QString> {}, QStringLiteral("2025-04-18"),
        QStringLiteral("18/04/2025 Good Friday"), QStringLiteral("2025-4-18 Good Friday"),
        QStringLiteral("Good Friday 2025-04-18"));
    INFO(line.toStdString());
    CHECK(loadError(
              QStringLiteral("# list\n2025-01-01 New Year's Day\n") + line + QStringLiteral("\n"))
        == QStringLiteral("Bank holiday list, line 3: expected a date and a holiday name, like "
                          "\"2024-01-01 New Year's Day\", but found \"%1\".")
               .arg(line));
}

TEST_CASE("fromText rejects a date that does not exist", "[domain]")
{
    CHECK(loadError(QStringLiteral("2025-02-29 Not a leap year\n"))
        == QStringLiteral("Bank holiday list, line 1: 2025-02-29 is not a real date."));
}

TEST_CASE("fromText rejects a weekend date, asking for the substitute day", "[domain]")
{
    CHECK(loadError(QStringLiteral("2026-12-25 Christmas Day\n2026-12-26 Boxing Day\n"))
        == QStringLiteral("Bank holiday list, line 2: 2026-12-26 is a Saturday; list the "
                          "weekday that is the substitute holiday instead."));
}

TEST_CASE("fromText rejects dates out of order or repeated", "[domain]")
{
    CHECK(loadError(QStringLiteral("2025-04-21 Easter Monday\n\n2025-04-18 Good Friday\n"))
        == QStringLiteral("Bank holiday list, line 3: 2025-04-18 does not come after "
                          "2025-04-21 on line 1; list each date once, in order."));
    CHECK(loadError(QStringLiteral("2025-04-18 Good Friday\n2025-04-18 Good Friday\n"))
              .startsWith(QStringLiteral("Bank holiday list, line 2:")));
}

TEST_CASE("fromText rejects a list with no dates", "[domain]")
{
    CHECK(loadError(QStringLiteral("# nothing yet\n"))
        == QStringLiteral("The bank holiday list has no dates."));
}

TEST_CASE("fromText rejects a list that skips a year it covers", "[domain]")
{
    CHECK(loadError(QStringLiteral("2024-01-01 New Year's Day\n2026-01-01 New Year's Day\n"))
              .startsWith(QStringLiteral("The bank holiday list has no dates in 2025")));
}
