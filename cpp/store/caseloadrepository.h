#pragma once

#include "domain/result.h"
#include "domain/timescales.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace doorstep
{

class Store;

/// One family on a practitioner's caseload and the timescale it must meet next.
struct CaseloadEntry {
    QString familyId;
    QString familyName;
    QDate allocatedOn;
    /// The dates the case has reached, from which every timescale follows.
    CaseDates dates;
    /// The open deadline with the earliest dueBy; empty when nothing is open (e.g. closed).
    std::optional<Deadline> nextDue;
    /// Live members whose role is child or young person.
    int childCount = 0;
    /// The lead practitioner: the one holding the earliest open allocation.
    QString practitionerId;
    QString practitionerName;
    /// The latest referral's level of need (2, 3 or 4); 0 when there is no referral.
    int levelOfNeed = 0;
};

/// Reads a practitioner's caseload with each family's next deadline, for the caseload list.
///
/// A case starts at the practitioner's allocation: the visits, plans, reviews and closures
/// that count toward its timescales are those dated on or after it, so a family referred
/// again is not judged by what happened in its earlier case.
class CaseloadRepository
{
public:
    CaseloadRepository(Store &store, Timescales timescales)
        : m_store(store)
        , m_timescales(std::move(timescales))
    {
    }

    /// Live families with an open (not ended) allocation to practitionerId whose name
    /// contains search (case-insensitive), the most urgent first: by nextDue's dueBy, then
    /// families with nothing open, ties by name.
    Result<QList<CaseloadEntry>> forPractitioner(
        const QString &practitionerId, const QString &search = {}) const;
    /// Every live family with an open allocation on this tablet, as forPractitioner()
    /// orders them: on a supervisor's tablet, which the server fills with exactly their
    /// team's families, the team caseload.
    Result<QList<CaseloadEntry>> forTeam(const QString &search = {}) const;
    /// One live family's case as the caseload sees it, whoever holds the open allocation
    /// (the earliest, when several do); nothing when the family has no open allocation.
    Result<std::optional<CaseloadEntry>> forFamily(const QString &familyId) const;

private:
    Result<QList<CaseloadEntry>> read(
        const QString &sql, const QString &key, const QString &search) const;

    Store &m_store;
    Timescales m_timescales;
};

} // namespace doorstep
