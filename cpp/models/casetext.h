#pragma once

#include "domain/closure.h"
#include "domain/driftanddelay.h"
#include "domain/person.h"
#include "domain/timescales.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <optional>

namespace doorstep
{

/// The words the caseload and family screens use for dates, timescales and the store's
/// choice values, in one place so every screen says the same thing the same way.
class CaseText
{
    Q_DECLARE_TR_FUNCTIONS(CaseText)

public:
    /// "Thu 26 Nov": near dates, where the weekday helps plan the week.
    static QString shortDate(QDate date);
    /// "26 Nov 2026".
    static QString date(QDate date);
    /// "3 Nov" in today's year, "3 Nov 2025" before it.
    static QString recentDate(QDate date, QDate today);
    /// "Thu 26 Nov 2026, 14:30", in local time.
    static QString dateTime(const QDateTime &time);

    /// "First contact", "Plan", "3-month maintenance review".
    static QString deadlineName(const Deadline &deadline);
    /// The deadline in a sentence for its status on today: "First contact due by Thu
    /// 26 Nov", "Plan overdue since 3 Nov", "Goals met on 12 Nov".
    static QString deadlineSentence(const Deadline &deadline, QDate today);
    /// The status alone, for a badge: "Overdue", "Due", "Not yet due", "Met", "Met late".
    static QString statusName(Deadline::Status status);
    /// A drift and delay check's name: "First contact", "Progress by 26 weeks".
    static QString driftCheckName(DriftAndDelay::Check check);
    /// A check's state for a badge: "On track", "Due soon", "Drifting".
    static QString ragName(DriftAndDelay::Rag rag);
    /// "green", "amber" or "red": a check's state as QML colours and tests it.
    static QString ragKey(DriftAndDelay::Rag rag);
    /// One check for QML: { check, name, rag, ragText, reason, applies }.
    static QVariantMap driftCheckEntry(const DriftAndDelay::CheckResult &result);
    /// The badge of an overdue deadline: "First contact overdue".
    static QString overdueBadge(const Deadline &deadline);

    /// "10 months old" under two, "11 years old" after, "Age not known" without a birth date.
    static QString age(const Person &person, QDate today);

    static QString roleName(const QString &role);
    static QString genderName(const QString &gender);
    static QString referralSourceName(const QString &source);
    static QString planStatusName(const QString &status);
    /// "Level 3: family casework".
    static QString levelOfNeedName(int level);
    /// The store's choices for a field as [{ value, text }] for a ComboBox.
    static QVariantList roleChoices();
    static QVariantList genderChoices();

    /// "Open", "Achieved", "Not achieved", "Withdrawn".
    static QString goalStatusName(const QString &status);
    static QVariantList goalStatusChoices();
    /// "Review" or "Maintenance review".
    static QString reviewKindName(const QString &kind);
    static QVariantList reviewKindChoices();
    /// "Stepped up to social care", "Into maintenance", …
    static QString closureOutcomeName(const QString &outcome);
    /// "Stepped down to universal services on 12 Mar 2026", "Closed into maintenance on …".
    static QString closureSentence(const Closure &closure);
    /// Where a case's closures (oldest first) leave it: "In maintenance since 12 Mar 2026",
    /// the sentence of a closure for good, or empty while the case is open.
    static QString caseStageSentence(const QList<Closure> &closures);
};

} // namespace doorstep
