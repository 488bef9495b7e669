#pragma once

#include "domain/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace doorstep
{

class Store;

/// Where a family's case came from: the latest live referral.
struct ReferralSummary {
    QString source; ///< a referral source choice, e.g. "school"
    int levelOfNeed = 0;
    QDate referredOn;
    QString reason;
};

/// Who leads the case: the open allocation the case runs from.
struct AllocationSummary {
    QString practitionerId;
    QString practitionerName;
    QString team;
    QDate allocatedOn;
};

/// The latest My Family Plan and how far it has got.
struct PlanSummary {
    QString id;
    QString status; ///< draft, complete, signed_off or returned
    QDate startedOn;
    QDate goalsAgreedOn;
    QDate completedOn;
};

/// One consent record, a grant or the withdrawal of one; records are never edited.
struct ConsentSummary {
    QString id;
    QString personId;
    bool isWithdrawal = false;
    QString withdrawsConsentId;
    QDate signedOn;
    QDate expiresOn; ///< invalid when the consent does not expire
};

/// What the family page shows about a case beside its members and visits.
struct CaseSummary {
    std::optional<ReferralSummary> referral;
    std::optional<AllocationSummary> allocation;
    std::optional<PlanSummary> plan;
    /// Every live consent record of the family, oldest signature first.
    QList<ConsentSummary> consents;
};

/// Reads a family's referral, lead practitioner, plan and consents for the family page.
class CaseSummaryRepository
{
public:
    explicit CaseSummaryRepository(Store &store)
        : m_store(store)
    {
    }

    Result<CaseSummary> forFamily(const QString &familyId) const;
    /// The family's live allocations not yet ended: each id with its practitioner.
    Result<QList<std::pair<QString, QString>>> openAllocations(const QString &familyId) const;

private:
    Store &m_store;
};

} // namespace doorstep
