#pragma once

#include "domain/consentstatus.h"
#include "domain/sharingconsent.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace doorstep
{

/// The words the screens use for agencies and consent, in one place so the family page,
/// the consent page and sharing all say the same thing the same way.
class ConsentText
{
    Q_DECLARE_TR_FUNCTIONS(ConsentText)

public:
    /// "School", "Health", "DWP"; the key itself for an agency this version does not know.
    static QString agencyName(const QString &key);
    /// "School, Health and Police".
    static QString agencyList(const QStringList &keys);
    /// Every agency as [{ value, text }], in the stored order.
    static QVariantList agencyChoices();

    /// A person's standing in a badge: "Consent valid until 1 Mar 2027", "No consent
    /// recorded".
    static QString personStatus(const ConsentStatus &status);
    /// A member's standing in a badge: personStatus() for their own consent, or "Parent's
    /// consent until 1 Mar 2027" when a parent's (or carer's: holderRole) covers a child.
    static QString memberStatus(
        const SharingConsent::Basis &basis, const QString &personId, const QString &holderRole);
    /// One grant's status in a badge: "Valid until 1 Mar 2027", "Withdrawn on 3 Mar 2026".
    static QString grantStatus(const ConsentStatus &status);
    /// Why someone is not covered for sharing with agency, as a sentence.
    static QString gap(const SharingConsent::Gap &gap, const QString &agency);
};

} // namespace doorstep
