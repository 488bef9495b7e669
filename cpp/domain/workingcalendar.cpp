#include "domain/workingcalendar.h"

#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace doorstep
{

namespace
{

bool isWeekend(QDate date)
{
    return date.dayOfWeek() == Qt::Saturday || date.dayOfWeek() == Qt::Sunday;
}

Result<WorkingCalendar> loadEnglandAndWales()
{
    QFile file(QStringLiteral(":/doorstep/domain/bankholidays-england-wales.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Internal,
            QStringLiteral("The bank holiday list %1 is missing from the build.")
                .arg(file.fileName()));
    return WorkingCalendar::fromText(QString::fromUtf8(file.readAll()));
}

} // namespace

Result<WorkingCalendar> WorkingCalendar::englandAndWales()
{
    // The list is compiled in and never changes while running: read and check it once.
    static const Result<WorkingCalendar> calendar = loadEnglandAndWales();
    return calendar;
}

Result<WorkingCalendar> WorkingCalendar::fromText(const QString &text)
{
    // Digits and spaces are ASCII only: the list is ours, and anything else is a slip.
    static const QRegularExpression linePattern(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})\s+(\S.*)$)"));
    const auto lineError = [](int number, const QString &problem) {
        return makeError(Error::Code::InvalidArgument,
            tr("Bank holiday list, line %1: %2").arg(number).arg(problem));
    };

    WorkingCalendar calendar;
    QDate previous;
    int previousLine = 0;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;

        const QRegularExpressionMatch match = linePattern.match(line);
        if (!match.hasMatch())
            return lineError(number,
                tr("expected a date and a holiday name, like \"2024-01-01 New "
                   "Year's Day\", but found \"%1\".")
                    .arg(line));
        const QDate date(
            match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
        const QString dateText = line.left(10);
        if (!date.isValid())
            return lineError(number, tr("%1 is not a real date.").arg(dateText));
        // A weekend entry would change nothing, so it means the substitute day was missed.
        if (isWeekend(date))
            return lineError(number,
                tr("%1 is a %2; list the weekday that is the substitute holiday "
                   "instead.")
                    .arg(dateText, QLocale::c().dayName(date.dayOfWeek())));
        if (previous.isValid() && date <= previous)
            return lineError(number,
                tr("%1 does not come after %2 on line %3; list each date once, "
                   "in order.")
                    .arg(dateText, previous.toString(Qt::ISODate))
                    .arg(previousLine));

        calendar.m_holidays.insert(date, match.captured(4));
        previous = date;
        previousLine = number;
    }

    if (calendar.m_holidays.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("The bank holiday list has no dates."));

    // covers() promises every year in the range is listed; a missing year would silently
    // count its bank holidays as working days.
    calendar.m_firstYear = calendar.m_holidays.firstKey().year();
    calendar.m_lastYear = calendar.m_holidays.lastKey().year();
    QSet<int> years;
    for (auto it = calendar.m_holidays.keyBegin(); it != calendar.m_holidays.keyEnd(); ++it)
        years.insert(it->year());
    for (int year = calendar.m_firstYear; year <= calendar.m_lastYear; ++year) {
        if (!years.contains(year))
            return makeError(Error::Code::InvalidArgument,
                tr("The bank holiday list has no dates in %1, although it covers "
                   "%2 to %3. List every year in between.")
                    .arg(year)
                    .arg(calendar.m_firstYear)
                    .arg(calendar.m_lastYear));
    }
    return calendar;
}

bool WorkingCalendar::isWorkingDay(QDate date) const
{
    return date.isValid() && !isWeekend(date) && !m_holidays.contains(date);
}

QDate WorkingCalendar::addWorkingDays(QDate from, int n) const
{
    Q_ASSERT(n >= 0);
    if (!from.isValid() || n < 0)
        return {};
    QDate date = from;
    while (n > 0) {
        date = date.addDays(1);
        if (isWorkingDay(date))
            --n;
    }
    return date;
}

int WorkingCalendar::workingDaysBetween(QDate a, QDate b) const
{
    if (!a.isValid() || !b.isValid())
        return 0;
    if (b < a)
        return -workingDaysBetween(b, a);
    int count = 0;
    for (QDate date = a.addDays(1); date <= b; date = date.addDays(1)) {
        if (isWorkingDay(date))
            ++count;
    }
    return count;
}

bool WorkingCalendar::covers(QDate date) const
{
    return date.isValid() && date.year() >= m_firstYear && date.year() <= m_lastYear;
}

} // namespace doorstep
