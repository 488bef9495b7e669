#include "domain/consentstatus.h"

#include <optional>

namespace doorstep
{

namespace
{

// The earliest withdrawal of grant dated on or before day; invalid when there is none.
QDate withdrawnOn(const Consent &grant, const QList<Consent> &records, QDate day)
{
    QDate earliest;
    for (const Consent &record : records) {
        if (!record.isWithdrawal() || record.withdrawsConsentId != grant.id)
            continue;
        if (!record.signedOn.isValid() || record.signedOn > day)
            continue;
        if (!earliest.isValid() || record.signedOn < earliest)
            earliest = record.signedOn;
    }
    return earliest;
}

// Whether a valid status a lasts longer than b: no expiry beats any expiry.
bool lastsLonger(const ConsentStatus &a, const ConsentStatus &b)
{
    if (!a.date.isValid())
        return b.date.isValid();
    return b.date.isValid() && a.date > b.date;
}

} // namespace

ConsentStatus ConsentStatus::ofGrant(const Consent &grant, const QList<Consent> &records, QDate day)
{
    if (!grant.isGrant() || !grant.signedOn.isValid() || grant.signedOn > day)
        return {};
    const QDate withdrawn = withdrawnOn(grant, records, day);
    if (withdrawn.isValid())
        return { State::Withdrawn, withdrawn, grant.id };
    if (grant.expiresOn.isValid() && grant.expiresOn < day)
        return { State::Expired, grant.expiresOn, grant.id };
    if (grant.expiresOn.isValid() && day.daysTo(grant.expiresOn) <= ExpiringWithinDays)
        return { State::Expiring, grant.expiresOn, grant.id };
    return { State::Valid, grant.expiresOn, grant.id };
}

ConsentStatus ConsentStatus::forPerson(
    const QString &personId, const QList<Consent> &records, QDate day, const QString &agency)
{
    std::optional<ConsentStatus> bestValid;
    std::optional<ConsentStatus> lastEnded;
    for (const Consent &record : records) {
        if (!record.isGrant() || record.personId != personId)
            continue;
        if (!agency.isEmpty() && !record.covers(agency))
            continue;
        const ConsentStatus status = ofGrant(record, records, day);
        if (status.state == State::None)
            continue;
        if (status.isValid()) {
            if (!bestValid || lastsLonger(status, *bestValid))
                bestValid = status;
            continue;
        }
        if (!lastEnded || status.date > lastEnded->date
            || (status.date == lastEnded->date && status.state == State::Withdrawn))
            lastEnded = status;
    }
    if (bestValid)
        return *bestValid;
    if (lastEnded)
        return *lastEnded;
    return {};
}

} // namespace doorstep
