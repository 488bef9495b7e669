#include "models/casetext.h"

#include <QLocale>
#include <QVariantMap>

namespace doorstep
{

namespace
{

QVariantList choices(const QStringList &values, QString (*name)(const QString &))
{
    QVariantList list;
    for (const QString &value : values)
        list.append(QVariantMap {
            { QStringLiteral("value"), value }, { QStringLiteral("text"), name(value) } });
    return list;
}

} // namespace

QString CaseText::shortDate(QDate date)
{
    //: Date format (QDate::toString) for dates within weeks of today: "Thu 26 Nov".
    return QLocale().toString(date, tr("ddd d MMM", "date format"));
}

QString CaseText::date(QDate date)
{
    //: Date format (QDate::toString) for dates of any year: "26 Nov 2026".
    return QLocale().toString(date, tr("d MMM yyyy", "date format"));
}

QString CaseText::recentDate(QDate date, QDate today)
{
    if (date.year() == today.year())
        //: Date format (QDate::toString) for a day earlier this year: "3 Nov".
        return QLocale().toString(date, tr("d MMM", "date format"));
    return CaseText::date(date);
}

QString CaseText::dateTime(const QDateTime &time)
{
    //: Date and time format (QDateTime::toString): "Thu 26 Nov 2026, 14:30".
    return QLocale().toString(time.toLocalTime(), tr("ddd d MMM yyyy, HH:mm", "date format"));
}

QString CaseText::deadlineName(const Deadline &deadline)
{
    switch (deadline.kind) {
    case Deadline::Kind::FirstContact:
        return tr("First contact");
    case Deadline::Kind::Goals:
        return tr("Goals agreed");
    case Deadline::Kind::Plan:
        return tr("Plan complete");
    case Deadline::Kind::Review:
        return tr("Review");
    case Deadline::Kind::MaintenanceReview:
        return tr("%n-month maintenance review", "", deadline.maintenanceMonth);
    }
    return {};
}

QString CaseText::deadlineSentence(const Deadline &deadline, QDate today)
{
    const QString from = shortDate(deadline.dueFrom);
    const QString by = shortDate(deadline.dueBy);
    const QString overdueSince = recentDate(deadline.dueBy, today);
    const QString met = deadline.metOn ? recentDate(*deadline.metOn, today) : QString();
    const int month = deadline.maintenanceMonth;
    using K = Deadline::Kind;
    using S = Deadline::Status;
    const S status = deadline.status(today);
    // Whole sentences, one per kind and status, so each language can order its own words.
    switch (deadline.kind) {
    case K::FirstContact:
        switch (status) {
        case S::NotYetDue:
            return tr("First contact due from %1 to %2").arg(from, by);
        case S::Due:
            return tr("First contact due by %1").arg(by);
        case S::Overdue:
            return tr("First contact overdue since %1").arg(overdueSince);
        case S::Met:
        case S::MetLate:
            return tr("First contact made on %1").arg(met);
        }
        break;
    case K::Goals:
        switch (status) {
        case S::NotYetDue:
            return tr("Goals due from %1 to %2").arg(from, by);
        case S::Due:
            return tr("Goals due by %1").arg(by);
        case S::Overdue:
            return tr("Goals overdue since %1").arg(overdueSince);
        case S::Met:
        case S::MetLate:
            return tr("Goals agreed on %1").arg(met);
        }
        break;
    case K::Plan:
        switch (status) {
        case S::NotYetDue:
            return tr("Plan due from %1 to %2").arg(from, by);
        case S::Due:
            return tr("Plan due by %1").arg(by);
        case S::Overdue:
            return tr("Plan overdue since %1").arg(overdueSince);
        case S::Met:
        case S::MetLate:
            return tr("Plan completed on %1").arg(met);
        }
        break;
    case K::Review:
        switch (status) {
        case S::NotYetDue:
            return tr("Review due from %1 to %2").arg(from, by);
        case S::Due:
            return tr("Review due by %1").arg(by);
        case S::Overdue:
            return tr("Review overdue since %1").arg(overdueSince);
        case S::Met:
        case S::MetLate:
            return tr("Review held on %1").arg(met);
        }
        break;
    case K::MaintenanceReview:
        switch (status) {
        case S::NotYetDue:
            return tr("%n-month maintenance review due from %1 to %2", "", month).arg(from, by);
        case S::Due:
            return tr("%n-month maintenance review due by %1", "", month).arg(by);
        case S::Overdue:
            return tr("%n-month maintenance review overdue since %1", "", month).arg(overdueSince);
        case S::Met:
        case S::MetLate:
            return tr("%n-month maintenance review held on %1", "", month).arg(met);
        }
        break;
    }
    return {};
}

QString CaseText::statusName(Deadline::Status status)
{
    switch (status) {
    case Deadline::Status::NotYetDue:
        return tr("Not yet due");
    case Deadline::Status::Due:
        return tr("Due");
    case Deadline::Status::Overdue:
        return tr("Overdue");
    case Deadline::Status::Met:
        return tr("Met");
    case Deadline::Status::MetLate:
        return tr("Met late");
    }
    return {};
}

QString CaseText::driftCheckName(DriftAndDelay::Check check)
{
    using C = DriftAndDelay::Check;
    switch (check) {
    case C::FirstContact:
        return tr("First contact");
    case C::GoalsSet:
        return tr("Goals set within 28 days");
    case C::PlanComplete:
        return tr("Plan complete within 30 working days");
    case C::ReviewOverdue:
        return tr("Review at least every 6 weeks");
    case C::NoProgress:
        return tr("Progress by 26 weeks");
    case C::MaintenanceReview:
        return tr("Maintenance reviews");
    }
    return {};
}

QString CaseText::ragName(DriftAndDelay::Rag rag)
{
    switch (rag) {
    case DriftAndDelay::Rag::Green:
        return tr("On track");
    case DriftAndDelay::Rag::Amber:
        return tr("Due soon");
    case DriftAndDelay::Rag::Red:
        return tr("Drifting");
    }
    return {};
}

QString CaseText::ragKey(DriftAndDelay::Rag rag)
{
    switch (rag) {
    case DriftAndDelay::Rag::Green:
        break;
    case DriftAndDelay::Rag::Amber:
        return QStringLiteral("amber");
    case DriftAndDelay::Rag::Red:
        return QStringLiteral("red");
    }
    return QStringLiteral("green");
}

QVariantMap CaseText::driftCheckEntry(const DriftAndDelay::CheckResult &result)
{
    return { { QStringLiteral("check"), int(result.check) },
        { QStringLiteral("name"), driftCheckName(result.check) },
        { QStringLiteral("rag"), ragKey(result.rag) },
        { QStringLiteral("ragText"), ragName(result.rag) },
        { QStringLiteral("reason"), result.reason },
        { QStringLiteral("applies"), result.applies } };
}

QString CaseText::overdueBadge(const Deadline &deadline)
{
    switch (deadline.kind) {
    case Deadline::Kind::FirstContact:
        return tr("First contact overdue");
    case Deadline::Kind::Goals:
        return tr("Goals overdue");
    case Deadline::Kind::Plan:
        return tr("Plan overdue");
    case Deadline::Kind::Review:
        return tr("Review overdue");
    case Deadline::Kind::MaintenanceReview:
        return tr("Maintenance review overdue");
    }
    return {};
}

QString CaseText::age(const Person &person, QDate today)
{
    const std::optional<int> years = person.ageOn(today);
    if (!years)
        return tr("Age not known");
    // Under two, months say more: a health visitor's "18 months", not "1 year".
    if (*years < 2) {
        int months = (today.year() - person.dateOfBirth.year()) * 12 + today.month()
            - person.dateOfBirth.month();
        if (today.day() < person.dateOfBirth.day())
            --months;
        if (months < 1)
            return tr("Under a month old");
        // Spelled out for 1 until the app ships an English plural translation.
        if (months == 1)
            return tr("1 month old");
        return tr("%n months old", "", months);
    }
    return tr("%n years old", "", *years);
}

QString CaseText::roleName(const QString &role)
{
    if (role == QLatin1String("parent"))
        return tr("Parent");
    if (role == QLatin1String("carer"))
        return tr("Carer");
    if (role == QLatin1String("child"))
        return tr("Child");
    if (role == QLatin1String("young_person"))
        return tr("Young person");
    if (role == QLatin1String("relative"))
        return tr("Relative");
    if (role == QLatin1String("other"))
        return tr("Other");
    return role;
}

QString CaseText::genderName(const QString &gender)
{
    if (gender == QLatin1String("female"))
        return tr("Female");
    if (gender == QLatin1String("male"))
        return tr("Male");
    if (gender == QLatin1String("non_binary"))
        return tr("Non-binary");
    if (gender == QLatin1String("unknown"))
        return tr("Not known");
    if (gender == QLatin1String("not_stated"))
        return tr("Prefers not to say");
    return gender;
}

QString CaseText::referralSourceName(const QString &source)
{
    if (source == QLatin1String("school"))
        return tr("School");
    if (source == QLatin1String("police"))
        return tr("Police");
    if (source == QLatin1String("health"))
        return tr("Health");
    if (source == QLatin1String("self"))
        return tr("Self-referral");
    if (source == QLatin1String("social_care"))
        return tr("Social care");
    if (source == QLatin1String("housing"))
        return tr("Housing");
    if (source == QLatin1String("voluntary"))
        return tr("Voluntary sector");
    if (source == QLatin1String("other"))
        return tr("Other");
    return source;
}

QString CaseText::planStatusName(const QString &status)
{
    if (status == QLatin1String("draft"))
        return tr("Draft");
    if (status == QLatin1String("complete"))
        return tr("Complete");
    if (status == QLatin1String("signed_off"))
        return tr("Signed off");
    if (status == QLatin1String("returned"))
        return tr("Returned for changes");
    return status;
}

QString CaseText::levelOfNeedName(int level)
{
    switch (level) {
    case 2:
        return tr("Level 2: partner-led early help");
    case 3:
        return tr("Level 3: family casework");
    case 4:
        return tr("Level 4: statutory social care");
    default:
        return tr("Level %1").arg(level);
    }
}

QVariantList CaseText::roleChoices()
{
    return choices(
        { QStringLiteral("parent"), QStringLiteral("carer"), QStringLiteral("child"),
            QStringLiteral("young_person"), QStringLiteral("relative"), QStringLiteral("other") },
        &CaseText::roleName);
}

QVariantList CaseText::genderChoices()
{
    return choices({ QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("non_binary"),
                       QStringLiteral("unknown"), QStringLiteral("not_stated") },
        &CaseText::genderName);
}

QString CaseText::goalStatusName(const QString &status)
{
    if (status == QLatin1String("open"))
        //: A goal the family is still working on.
        return tr("Open");
    if (status == QLatin1String("achieved"))
        return tr("Achieved");
    if (status == QLatin1String("not_achieved"))
        return tr("Not achieved");
    if (status == QLatin1String("withdrawn"))
        //: A goal the family chose to drop.
        return tr("Withdrawn");
    return status;
}

QVariantList CaseText::goalStatusChoices()
{
    return choices({ QStringLiteral("open"), QStringLiteral("achieved"),
                       QStringLiteral("not_achieved"), QStringLiteral("withdrawn") },
        &CaseText::goalStatusName);
}

QString CaseText::reviewKindName(const QString &kind)
{
    if (kind == QLatin1String("review"))
        return tr("Review");
    if (kind == QLatin1String("maintenance"))
        return tr("Maintenance review");
    return kind;
}

QVariantList CaseText::reviewKindChoices()
{
    return choices(
        { QStringLiteral("review"), QStringLiteral("maintenance") }, &CaseText::reviewKindName);
}

QString CaseText::closureOutcomeName(const QString &outcome)
{
    if (outcome == QLatin1String("stepped_up"))
        return tr("Stepped up to social care");
    if (outcome == QLatin1String("stepped_down"))
        return tr("Stepped down to universal services");
    if (outcome == QLatin1String("maintenance"))
        return tr("Into maintenance");
    if (outcome == QLatin1String("closed"))
        return tr("Closed");
    return outcome;
}

QString CaseText::closureSentence(const Closure &closure)
{
    const QString on = CaseText::date(closure.closedOn);
    if (closure.outcome == QLatin1String("stepped_up"))
        return tr("Stepped up to social care on %1").arg(on);
    if (closure.outcome == QLatin1String("stepped_down"))
        return tr("Stepped down to universal services on %1").arg(on);
    if (closure.outcome == QLatin1String("maintenance"))
        return tr("Closed into maintenance on %1").arg(on);
    return tr("Closed on %1").arg(on);
}

QString CaseText::caseStageSentence(const QList<Closure> &closures)
{
    QString sentence;
    bool closedForGood = false;
    for (const Closure &closure : closures) {
        if (closure.outcome == QLatin1String("maintenance")) {
            if (sentence.isEmpty())
                sentence = tr("In maintenance since %1").arg(date(closure.closedOn));
        } else if (!closedForGood) {
            // The first closure for good ends the case; a later one is a duplicate.
            sentence = closureSentence(closure);
            closedForGood = true;
        }
    }
    return sentence;
}

} // namespace doorstep
