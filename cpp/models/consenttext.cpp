#include "models/consenttext.h"

#include "domain/agencies.h"
#include "models/casetext.h"

#include <QLocale>
#include <QVariantMap>

namespace doorstep
{

QString ConsentText::agencyName(const QString &key)
{
    if (key == QLatin1String("school"))
        return tr("School");
    if (key == QLatin1String("health"))
        return tr("Health");
    if (key == QLatin1String("police"))
        return tr("Police");
    if (key == QLatin1String("housing"))
        return tr("Housing");
    if (key == QLatin1String("dwp"))
        //: The Department for Work and Pensions (benefits and Jobcentre Plus).
        return tr("DWP");
    if (key == QLatin1String("social_care"))
        return tr("Social care");
    if (key == QLatin1String("voluntary_sector"))
        return tr("Voluntary sector");
    return key;
}

QString ConsentText::agencyList(const QStringList &keys)
{
    QStringList names;
    for (const QString &key : keys)
        names << agencyName(key);
    return QLocale().createSeparatedList(names);
}

QVariantList ConsentText::agencyChoices()
{
    QVariantList list;
    for (const QString &key : Agencies::keys())
        list.append(QVariantMap {
            { QStringLiteral("value"), key }, { QStringLiteral("text"), agencyName(key) } });
    return list;
}

QString ConsentText::personStatus(const ConsentStatus &status)
{
    using State = ConsentStatus::State;
    switch (status.state) {
    case State::None:
        return tr("No consent recorded");
    case State::Valid:
        if (!status.date.isValid())
            return tr("Consent given");
        return tr("Consent valid until %1").arg(CaseText::date(status.date));
    case State::Expiring:
        return tr("Consent expires on %1").arg(CaseText::date(status.date));
    case State::Expired:
        return tr("Consent expired on %1").arg(CaseText::date(status.date));
    case State::Withdrawn:
        return tr("Consent withdrawn on %1").arg(CaseText::date(status.date));
    }
    return {};
}

QString ConsentText::memberStatus(
    const SharingConsent::Basis &basis, const QString &personId, const QString &holderRole)
{
    if (basis.holderId == personId)
        return personStatus(basis.grant);
    // Short enough for a badge beside an NHS number; the consent page names the parent.
    const bool carer = holderRole == QLatin1String("carer");
    if (!basis.grant.date.isValid())
        return carer ? tr("Covered by a carer's consent") : tr("Covered by a parent's consent");
    const QString date = CaseText::date(basis.grant.date);
    if (basis.grant.state == ConsentStatus::State::Expiring)
        return carer ? tr("Carer's consent expires on %1").arg(date)
                     : tr("Parent's consent expires on %1").arg(date);
    return carer ? tr("Carer's consent until %1").arg(date)
                 : tr("Parent's consent until %1").arg(date);
}

QString ConsentText::grantStatus(const ConsentStatus &status)
{
    using State = ConsentStatus::State;
    switch (status.state) {
    case State::None:
        //: A consent signed on a later date than today (a device clock was wrong).
        return tr("Not yet in force");
    case State::Valid:
        if (!status.date.isValid())
            return tr("Valid, no expiry date");
        return tr("Valid until %1").arg(CaseText::date(status.date));
    case State::Expiring:
        return tr("Expires on %1").arg(CaseText::date(status.date));
    case State::Expired:
        return tr("Expired on %1").arg(CaseText::date(status.date));
    case State::Withdrawn:
        return tr("Withdrawn on %1").arg(CaseText::date(status.date));
    }
    return {};
}

QString ConsentText::gap(const SharingConsent::Gap &gap, const QString &agency)
{
    using State = ConsentStatus::State;
    const QString name = agencyName(agency);
    switch (gap.own.state) {
    case State::Withdrawn:
        return tr("%1 withdrew consent to share with %2 on %3.")
            .arg(gap.name, name, CaseText::date(gap.own.date));
    case State::Expired:
        return tr("%1's consent to share with %2 expired on %3.")
            .arg(gap.name, name, CaseText::date(gap.own.date));
    case State::None:
    case State::Valid:
    case State::Expiring:
        break;
    }
    switch (gap.standing) {
    case SharingConsent::Standing::Child:
        return tr("%1 is a child with no consent to share with %2: none from a parent or "
                  "carer, and none given on their behalf.")
            .arg(gap.name, name);
    case SharingConsent::Standing::YoungPerson:
        return tr("%1 is a young person who has never given consent to share with %2, and "
                  "none was given on their behalf.")
            .arg(gap.name, name);
    case SharingConsent::Standing::Adult:
        break;
    }
    return tr("%1 has never given consent to share with %2.").arg(gap.name, name);
}

} // namespace doorstep
