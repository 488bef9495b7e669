#include "store/consentrepository.h"

#include "domain/agencies.h"
#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

namespace
{

const QString Columns = QStringLiteral(
    "id, family_id, person_id, kind = 'withdrawal', coalesce(withdraws_consent_id, ''), "
    "coalesce(agencies, ''), coalesce(purpose, ''), given_by_self, signed_on, "
    "coalesce(expires_on, ''), coalesce(signature_drawing_id, ''), coalesce(recorded_by, '')");

Consent readConsent(const Statement &row)
{
    RowReader r(row);
    Consent consent;
    consent.id = r.text();
    consent.familyId = r.text();
    consent.personId = r.text();
    consent.kind = r.boolean() ? Consent::Kind::Withdrawal : Consent::Kind::Grant;
    consent.withdrawsConsentId = r.text();
    consent.agencies = Agencies::decode(r.text());
    consent.purpose = r.text();
    consent.givenBySelf = r.boolean();
    consent.signedOn = r.date();
    consent.expiresOn = r.date();
    consent.signatureDrawingId = r.text();
    consent.recordedBy = r.text();
    return consent;
}

} // namespace

Result<QList<Consent>> ConsentRepository::forFamily(const QString &familyId) const
{
    return list(QStringLiteral("family_id = ?"), familyId);
}

Result<QList<Consent>> ConsentRepository::forPerson(const QString &personId) const
{
    return list(QStringLiteral("person_id = ?"), personId);
}

Result<QList<Consent>> ConsentRepository::list(const QString &where, const QString &id) const
{
    // rowid breaks ties between records signed the same day: the order they were written.
    auto query = m_store.query(QStringLiteral("SELECT %1 FROM consents WHERE %2 AND "
                                              "causal_length % 2 = 1 ORDER BY signed_on, rowid")
                                   .arg(Columns, where));
    if (!query)
        return query.error();
    query->bind(1, id);
    return readAll<Consent>(*query, readConsent);
}

Result<std::optional<Consent>> ConsentRepository::find(const QString &id) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT %1 FROM consents WHERE id = ? AND causal_length % 2 = 1")
            .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, id);
    return readFirst<Consent>(*query, readConsent);
}

} // namespace doorstep
