#pragma once

#include "store/consentchanges.h"
#include "storetesthelpers.h"

namespace doorstep::test
{

inline QString addPerson(Store &store, const QString &familyId, const char *given,
    const char *role = "parent", QDate born = QDate(1988, 2, 11))
{
    auto id = store.apply(Change::create(QStringLiteral("person"),
        { { QStringLiteral("family_id"), familyId },
            { QStringLiteral("given_name"), QString::fromLatin1(given) },
            { QStringLiteral("role"), QString::fromLatin1(role) },
            { QStringLiteral("date_of_birth"), born } }));
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    return *id;
}

/// A signed grant: two strokes, recorded in one apply; returns the consent's id.
inline QString signConsent(Store &store, const QString &familyId, const QString &personId,
    QStringList agencies, QDate signedOn, QDate expiresOn, bool bySelf = true)
{
    SignedConsent signedConsent;
    signedConsent.consent.familyId = familyId;
    signedConsent.consent.personId = personId;
    signedConsent.consent.agencies = std::move(agencies);
    signedConsent.consent.purpose = QStringLiteral("To support school attendance");
    signedConsent.consent.givenBySelf = bySelf;
    signedConsent.consent.signedOn = signedOn;
    signedConsent.consent.expiresOn = expiresOn;
    signedConsent.consent.recordedBy = QStringLiteral("practitioner-1");
    signedConsent.strokes = { { QPointF(0.1, 0.5), QPointF(0.3, 0.4), QPointF(0.5, 0.6) },
        { QPointF(0.6, 0.3), QPointF(0.9, 0.7) } };
    signedConsent.signedAt = QDateTime(signedOn, QTime(10, 30), Qt::UTC);
    auto changes = ConsentChanges::grant(signedConsent);
    REQUIRE(changes.ok());
    auto ids = store.apply(*changes);
    INFO((ids ? QString() : ids.error().message).toStdString());
    REQUIRE(ids.ok());
    return ids->constLast();
}

inline QString withdrawConsent(Store &store, const Consent &grant, QDate on)
{
    auto id = store.apply(ConsentChanges::withdrawal(grant, on, QStringLiteral("practitioner-1")));
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    return *id;
}

} // namespace doorstep::test
