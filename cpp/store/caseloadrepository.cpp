#include "store/caseloadrepository.h"

#include "store/store.h"

#include <QDateTime>
#include <algorithm>

namespace doorstep
{

namespace
{

// One statement for the whole caseload: a row per allocated family, with each date the
// timescales need gathered by a correlated subquery that seeks the family's index
// (visits_family, plans_family, reviews_family, closures_family) rather than a query per
// family from C++. Records dated before the allocation belong to an earlier case.
//
// visit_at is UTC; the bound is the allocation day's local midnight in UTC (SQLite's
// 'utc' modifier and Qt's local time both follow the process time zone), so a visit just
// after midnight on the allocation day counts.
// The select list shared by the caseload and a single family; %1 is the allocations the
// case runs from, one row per family. The child count seeks people_family the same way.
const QString CaseSql = QStringLiteral(R"(
SELECT f.id, f.family_name, a.allocated_on,
  (SELECT v.visit_at FROM visits v
    WHERE v.family_id = f.id AND v.causal_length % 2 = 1
      AND v.visit_at >= strftime('%Y-%m-%dT%H:%M:%S', a.allocated_on, 'utc')
    ORDER BY v.visit_at LIMIT 1),
  (SELECT min(p.goals_agreed_on) FROM plans p
    WHERE p.family_id = f.id AND p.causal_length % 2 = 1 AND p.goals_agreed_on >= a.allocated_on),
  (SELECT min(p.completed_on) FROM plans p
    WHERE p.family_id = f.id AND p.causal_length % 2 = 1 AND p.completed_on >= a.allocated_on),
  (SELECT max(r.held_on) FROM reviews r
    WHERE r.family_id = f.id AND r.kind = 'review' AND r.causal_length % 2 = 1
      AND r.held_on >= a.allocated_on),
  (SELECT group_concat(r.held_on) FROM reviews r
    WHERE r.family_id = f.id AND r.kind = 'maintenance' AND r.causal_length % 2 = 1
      AND r.held_on >= a.allocated_on),
  (SELECT min(c.closed_on) FROM closures c
    WHERE c.family_id = f.id AND c.outcome = 'maintenance' AND c.causal_length % 2 = 1
      AND c.closed_on >= a.allocated_on),
  (SELECT min(c.closed_on) FROM closures c
    WHERE c.family_id = f.id AND c.outcome <> 'maintenance' AND c.causal_length % 2 = 1
      AND c.closed_on >= a.allocated_on),
  (SELECT count(*) FROM people m
    WHERE m.family_id = f.id AND m.causal_length % 2 = 1
      AND m.role IN ('child', 'young_person')),
  (SELECT r.progress FROM reviews r
    WHERE r.family_id = f.id AND r.kind = 'review' AND r.causal_length % 2 = 1
      AND r.held_on >= a.allocated_on
    ORDER BY r.held_on DESC, r.rowid DESC LIMIT 1),
  a.practitioner_id, a.practitioner_name,
  (SELECT r.level_of_need FROM referrals r
    WHERE r.family_id = f.id AND r.causal_length % 2 = 1
    ORDER BY r.referred_on DESC, r.rowid DESC LIMIT 1)
FROM (SELECT family_id, min(allocated_on) AS allocated_on, practitioner_id, practitioner_name
       FROM allocations
       WHERE %1 = ?1 AND ended_on IS NULL AND causal_length % 2 = 1
       GROUP BY family_id) a
JOIN families f ON f.id = a.family_id
WHERE f.causal_length % 2 = 1 AND (?2 = '' OR instr(lower(f.family_name), ?2) > 0)
)");

// One statement for the whole caseload: a row per allocated family, with each date the
// timescales need gathered by a correlated subquery that seeks the family's index
// (visits_family, plans_family, reviews_family, closures_family) rather than a query per
// family from C++. Records dated before the allocation belong to an earlier case.
//
// visit_at is UTC; the bound is the allocation day's local midnight in UTC (SQLite's
// 'utc' modifier and Qt's local time both follow the process time zone), so a visit just
// after midnight on the allocation day counts.
// The practitioner and name are SQLite's bare columns of min(): those of the earliest open
// allocation's row, the lead practitioner.
const QString CaseloadSql = CaseSql.arg(QStringLiteral("practitioner_id"));
// Every open allocation on the tablet: a supervisor's tablet holds exactly the team's.
const QString TeamSql = CaseSql.arg(QStringLiteral("'team'"));
const QString FamilyCaseSql = CaseSql.arg(QStringLiteral("family_id"));

std::optional<QDate> dateOrNothing(const QString &text)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return date;
    return std::nullopt;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

bool moreUrgent(const CaseloadEntry &a, const CaseloadEntry &b)
{
    if (a.nextDue.has_value() != b.nextDue.has_value())
        return a.nextDue.has_value();
    if (a.nextDue && a.nextDue->dueBy != b.nextDue->dueBy)
        return a.nextDue->dueBy < b.nextDue->dueBy;
    if (const int byName = a.familyName.compare(b.familyName, Qt::CaseInsensitive); byName != 0)
        return byName < 0;
    return a.familyId < b.familyId;
}

} // namespace

Result<QList<CaseloadEntry>> CaseloadRepository::forPractitioner(
    const QString &practitionerId, const QString &search) const
{
    return read(CaseloadSql, practitionerId, search);
}

Result<QList<CaseloadEntry>> CaseloadRepository::forTeam(const QString &search) const
{
    return read(TeamSql, QStringLiteral("team"), search);
}

Result<std::optional<CaseloadEntry>> CaseloadRepository::forFamily(const QString &familyId) const
{
    auto entries = read(FamilyCaseSql, familyId, {});
    if (!entries)
        return entries.error();
    if (entries->isEmpty())
        return std::optional<CaseloadEntry>();
    return std::optional<CaseloadEntry>(entries->constFirst());
}

Result<QList<CaseloadEntry>> CaseloadRepository::read(
    const QString &sql, const QString &key, const QString &search) const
{
    const QString term = search.trimmed();
    // SQLite's lower() folds ASCII only, so SQL narrows ASCII searches (the common case,
    // and it skips the subqueries for families that do not match); Qt's case folding
    // below decides, so "ł" finds "Łukasiewicz".
    const QString sqlTerm = isAscii(term) ? term.toLower() : QString();

    auto query = m_store.query(sql);
    if (!query)
        return query.error();
    query->bind(1, key).bind(2, sqlTerm);

    QList<CaseloadEntry> entries;
    for (;;) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        CaseloadEntry entry;
        entry.familyId = query->text(0);
        entry.familyName = query->text(1);
        if (!term.isEmpty() && !entry.familyName.contains(term, Qt::CaseInsensitive))
            continue;
        entry.allocatedOn = QDate::fromString(query->text(2), Qt::ISODate);

        CaseDates &dates = entry.dates;
        dates.allocatedOn = dateOrNothing(query->text(2));
        if (!query->isNull(3)) {
            const QDateTime firstVisit = QDateTime::fromString(query->text(3), Qt::ISODateWithMs);
            if (firstVisit.isValid())
                dates.firstContactOn = firstVisit.toLocalTime().date();
        }
        dates.goalsAgreedOn = dateOrNothing(query->text(4));
        dates.planCompletedOn = dateOrNothing(query->text(5));
        dates.lastReviewOn = dateOrNothing(query->text(6));
        const QString maintenanceReviews = query->text(7);
        for (const QStringView held : QStringView(maintenanceReviews).split(QLatin1Char(','))) {
            const QDate date = QDate::fromString(held.toString(), Qt::ISODate);
            if (date.isValid())
                dates.maintenanceReviewsHeld.append(date);
        }
        dates.maintenanceStartedOn = dateOrNothing(query->text(8));
        dates.closedOn = dateOrNothing(query->text(9));
        entry.childCount = int(query->integer(10));
        dates.lastReviewRecordedProgress = query->integer(11) != 0;
        entry.practitionerId = query->text(12);
        entry.practitionerName = query->text(13);
        entry.levelOfNeed = query->isNull(14) ? 0 : int(query->integer(14));
        entry.nextDue = m_timescales.nextDue(dates);
        entries.append(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), moreUrgent);
    return entries;
}

} // namespace doorstep
