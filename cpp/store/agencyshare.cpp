#include "store/agencyshare.h"

#include "domain/agencies.h"
#include "store/consentrepository.h"
#include "store/familyrepository.h"
#include "store/personrepository.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace doorstep
{

namespace
{

QString englishDate(QDate date)
{
    return QLocale::c().toString(date, QStringLiteral("d MMM yyyy"));
}

QString isoDate(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString gapSentence(const SharingConsent::Gap &gap, const QString &agency)
{
    using State = ConsentStatus::State;
    const QString with = Agencies::englishPhrase(agency);
    switch (gap.own.state) {
    case State::Withdrawn:
        return QStringLiteral("%1 withdrew consent to share with %2 on %3")
            .arg(gap.name, with, englishDate(gap.own.date));
    case State::Expired:
        return QStringLiteral("%1's consent to share with %2 expired on %3")
            .arg(gap.name, with, englishDate(gap.own.date));
    case State::None:
    case State::Valid:
    case State::Expiring:
        break;
    }
    switch (gap.standing) {
    case SharingConsent::Standing::Child:
        return QStringLiteral("%1 (a child) has no consent to share with %2, neither from a "
                              "parent or carer nor given on their behalf")
            .arg(gap.name, with);
    case SharingConsent::Standing::YoungPerson:
        return QStringLiteral("%1 (a young person) has never given consent to share with %2, "
                              "and none was given on their behalf")
            .arg(gap.name, with);
    case SharingConsent::Standing::Adult:
        break;
    }
    return QStringLiteral("%1 has never given consent to share with %2").arg(gap.name, with);
}

const Consent *findConsent(const QList<Consent> &consents, const QString &id)
{
    for (const Consent &consent : consents) {
        if (consent.id == id)
            return &consent;
    }
    return nullptr;
}

} // namespace

Result<AgencyShare::Check> AgencyShare::check(
    Store &store, const QString &familyId, const QString &agency, QDate day)
{
    if (!Agencies::isKnown(agency))
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("\"%1\" is not an agency Doorstep shares with. Choose one of: %2.")
                .arg(agency, Agencies::keys().join(QStringLiteral(", "))));
    auto family = FamilyRepository(store).find(familyId);
    if (!family)
        return family.error();
    if (!*family)
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no family with id %1.").arg(familyId));
    auto people = PersonRepository(store).forFamily(familyId);
    if (!people)
        return people.error();
    auto consents = ConsentRepository(store).forFamily(familyId);
    if (!consents)
        return consents.error();
    Check check;
    check.agency = agency;
    check.day = day;
    check.family = **family;
    check.people = std::move(*people);
    check.consents = std::move(*consents);
    check.gaps = SharingConsent::gaps(check.people, check.people, check.consents, agency, day);
    return check;
}

QString AgencyShare::refusal(const Check &check)
{
    if (check.allowed())
        return {};
    const QString with = Agencies::englishPhrase(check.agency);
    if (check.people.isEmpty())
        return QStringLiteral("Nothing was shared with %1: the %2 family has no members "
                              "recorded, so there is no one's consent to share on.")
            .arg(with, check.family.familyName);
    QStringList sentences;
    for (const SharingConsent::Gap &gap : check.gaps)
        sentences << gapSentence(gap, check.agency);
    return QStringLiteral("Nothing was shared with %1, because not everyone in the %2 family "
                          "has valid consent: %3.")
        .arg(with, check.family.familyName, sentences.join(QStringLiteral("; ")));
}

QJsonObject AgencyShare::document(const Check &check, const QString &sharedBy)
{
    Q_ASSERT(check.allowed());
    QJsonArray people;
    for (const Person &person : check.people) {
        QJsonObject entry { { QStringLiteral("id"), person.id },
            { QStringLiteral("givenName"), person.givenName },
            { QStringLiteral("familyName"), person.familyName },
            { QStringLiteral("dateOfBirth"), isoDate(person.dateOfBirth) },
            { QStringLiteral("nhsNumber"), person.nhsNumber },
            { QStringLiteral("role"), person.role }, { QStringLiteral("school"), person.school } };
        const auto basis = SharingConsent::basisFor(
            person, check.people, check.consents, check.agency, check.day);
        const Consent *grant = basis ? findConsent(check.consents, basis->grant.grantId) : nullptr;
        if (grant) {
            // Whose signature the sharing rests on: the person's own, given on their
            // behalf, or a parent's or carer's own consent covering their child.
            const QString givenBy = basis->holderId != person.id ? QStringLiteral("parent_or_carer")
                : grant->givenBySelf                             ? QStringLiteral("self")
                                                                 : QStringLiteral("on_behalf");
            entry.insert(QStringLiteral("consent"),
                QJsonObject { { QStringLiteral("consentId"), grant->id },
                    { QStringLiteral("holderId"), basis->holderId },
                    { QStringLiteral("givenBy"), givenBy },
                    { QStringLiteral("purpose"), grant->purpose },
                    { QStringLiteral("signedOn"), isoDate(grant->signedOn) },
                    { QStringLiteral("expiresOn"), isoDate(grant->expiresOn) } });
        }
        people.append(entry);
    }
    const Family &f = check.family;
    return { { QStringLiteral("format"), QStringLiteral("doorstep-agency-share") },
        { QStringLiteral("version"), FormatVersion }, { QStringLiteral("agency"), check.agency },
        { QStringLiteral("sharedOn"), isoDate(check.day) },
        { QStringLiteral("sharedBy"), sharedBy },
        { QStringLiteral("family"),
            QJsonObject { { QStringLiteral("id"), f.id },
                { QStringLiteral("familyName"), f.familyName },
                { QStringLiteral("address"), f.address },
                { QStringLiteral("postcode"), f.postcode },
                { QStringLiteral("language"), f.language },
                { QStringLiteral("interpreterNeeded"), f.interpreterNeeded } } },
        { QStringLiteral("people"), people } };
}

Result<QJsonObject> AgencyShare::build(Store &store, const QString &familyId, const QString &agency,
    QDate day, const QString &sharedBy)
{
    auto checked = check(store, familyId, agency, day);
    if (!checked)
        return checked.error();
    if (!checked->allowed())
        return makeError(Error::Code::NoConsent, refusal(*checked));
    return document(*checked, sharedBy);
}

Result<void> AgencyShare::write(const QJsonObject &document, const QString &path)
{
    QFile file(path);
    // NewOnly: an existing file (perhaps another family's share) is never replaced.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (file.exists())
            return makeError(Error::Code::AlreadyExists,
                QStringLiteral("%1 already exists; nothing was written.").arg(path));
        return makeError(Error::Code::Io,
            QStringLiteral("Could not create %1: %2.").arg(path, file.errorString()));
    }
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString why = file.errorString();
        file.close();
        file.remove();
        return makeError(Error::Code::Io, QStringLiteral("Could not write %1: %2.").arg(path, why));
    }
    file.close();
    return {};
}

Change AgencyShare::disclosure(
    const QJsonObject &document, const QString &path, const QDateTime &at)
{
    const QJsonArray people = document.value(QStringLiteral("people")).toArray();
    QStringList consentIds;
    for (const QJsonValue &person : people) {
        const QString id = person.toObject()
                               .value(QStringLiteral("consent"))
                               .toObject()
                               .value(QStringLiteral("consentId"))
                               .toString();
        if (!id.isEmpty() && !consentIds.contains(id))
            consentIds << id;
    }
    const QString familyId = document.value(QStringLiteral("family"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
    return Change::create(QStringLiteral("disclosure"),
        { { QStringLiteral("family_id"), familyId },
            { QStringLiteral("agency"), document.value(QStringLiteral("agency")).toString() },
            { QStringLiteral("shared_at"), at.toUTC() },
            { QStringLiteral("shared_by"), document.value(QStringLiteral("sharedBy")).toString() },
            { QStringLiteral("people"), qint64(people.size()) },
            { QStringLiteral("consent_ids"), consentIds.join(QLatin1Char(' ')) },
            { QStringLiteral("file_name"), QFileInfo(path).fileName() } });
}

Result<void> AgencyShare::writeAndRecord(const QJsonObject &document, const QString &path,
    const QDateTime &at, const std::function<Result<QString>(const Change &)> &apply)
{
    if (auto written = write(document, path); !written)
        return written.error();
    auto recorded = apply(disclosure(document, path, at));
    if (!recorded) {
        QFile::remove(path);
        return makeError(recorded.error().code,
            QStringLiteral("Nothing was shared: the record of the share could not be saved "
                           "(%1), so %2 was removed again.")
                .arg(recorded.error().message, path));
    }
    return {};
}

} // namespace doorstep
