#include "store/casesummaryrepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

namespace
{

// The referral that opened the latest case.
const QString ReferralSql = QStringLiteral(
    "SELECT source, level_of_need, referred_on, coalesce(reason, '') FROM referrals "
    "WHERE family_id = ? AND causal_length % 2 = 1 ORDER BY referred_on DESC, id LIMIT 1");

// The earliest open allocation, as CaseloadRepository counts the case's timescales from it.
const QString AllocationSql = QStringLiteral(
    "SELECT practitioner_id, coalesce(practitioner_name, ''), coalesce(team, ''), allocated_on "
    "FROM allocations WHERE family_id = ? AND ended_on IS NULL AND causal_length % 2 = 1 "
    "ORDER BY allocated_on, id LIMIT 1");

// Plans without a start date are the newest drafts only if nothing else has one.
const QString PlanSql = QStringLiteral(
    "SELECT id, status, coalesce(started_on, ''), coalesce(goals_agreed_on, ''), "
    "coalesce(completed_on, '') FROM plans WHERE family_id = ? AND causal_length % 2 = 1 "
    "ORDER BY started_on IS NULL, started_on DESC, id LIMIT 1");

const QString ConsentsSql = QStringLiteral(
    "SELECT id, person_id, kind = 'withdrawal', coalesce(withdraws_consent_id, ''), signed_on, "
    "coalesce(expires_on, '') FROM consents WHERE family_id = ? AND causal_length % 2 = 1 "
    "ORDER BY signed_on, id");

} // namespace

Result<CaseSummary> CaseSummaryRepository::forFamily(const QString &familyId) const
{
    CaseSummary summary;

    auto referral = m_store.query(ReferralSql);
    if (!referral)
        return referral.error();
    referral->bind(1, familyId);
    auto row = referral->step();
    if (!row)
        return row.error();
    if (*row) {
        RowReader r(*referral);
        ReferralSummary found;
        found.source = r.text();
        found.levelOfNeed = int(r.integer());
        found.referredOn = r.date();
        found.reason = r.text();
        summary.referral = found;
    }

    auto allocation = m_store.query(AllocationSql);
    if (!allocation)
        return allocation.error();
    allocation->bind(1, familyId);
    row = allocation->step();
    if (!row)
        return row.error();
    if (*row) {
        RowReader r(*allocation);
        AllocationSummary found;
        found.practitionerId = r.text();
        found.practitionerName = r.text();
        found.team = r.text();
        found.allocatedOn = r.date();
        summary.allocation = found;
    }

    auto plan = m_store.query(PlanSql);
    if (!plan)
        return plan.error();
    plan->bind(1, familyId);
    row = plan->step();
    if (!row)
        return row.error();
    if (*row) {
        RowReader r(*plan);
        PlanSummary found;
        found.id = r.text();
        found.status = r.text();
        found.startedOn = r.date();
        found.goalsAgreedOn = r.date();
        found.completedOn = r.date();
        summary.plan = found;
    }

    auto consents = m_store.query(ConsentsSql);
    if (!consents)
        return consents.error();
    consents->bind(1, familyId);
    for (;;) {
        row = consents->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        RowReader r(*consents);
        ConsentSummary consent;
        consent.id = r.text();
        consent.personId = r.text();
        consent.isWithdrawal = r.boolean();
        consent.withdrawsConsentId = r.text();
        consent.signedOn = r.date();
        consent.expiresOn = r.date();
        summary.consents.append(consent);
    }
    return summary;
}

Result<QList<std::pair<QString, QString>>> CaseSummaryRepository::openAllocations(
    const QString &familyId) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT id, practitioner_id FROM allocations WHERE family_id = ? AND "
                       "ended_on IS NULL AND causal_length % 2 = 1 ORDER BY allocated_on, id"));
    if (!query)
        return query.error();
    query->bind(1, familyId);
    return readAll<std::pair<QString, QString>>(
        *query, [](const Statement &s) { return std::make_pair(s.text(0), s.text(1)); });
}

} // namespace doorstep
