#include "cli/cli.h"
#include "integrationhelpers.h"
#include "security/storeaccess.h"
#include "store/consentchanges.h"
#include "store/consentrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace doorstep;
using namespace doorstep::test;

namespace
{

/// A family of a parent and a child made with doorstep-cli; consent is signed into the
/// store directly, as the app does, since the command line cannot take a signature.
struct SharingFamily {
    CliStore store;
    QString familyId;
    QString mum;
    QString child;

    SharingFamily()
    {
        store.init();
        familyId = store.addFamily(QStringLiteral("Okafor"));
        mum = store.ok(
            { QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--family"), familyId,
                QStringLiteral("--given"), QStringLiteral("Ada"), QStringLiteral("--family-name"),
                QStringLiteral("Okafor"), QStringLiteral("--role"), QStringLiteral("parent") });
        child = store.ok(
            { QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--family"), familyId,
                QStringLiteral("--given"), QStringLiteral("Bola"), QStringLiteral("--family-name"),
                QStringLiteral("Okafor"), QStringLiteral("--role"), QStringLiteral("child") });
    }

    std::unique_ptr<Store> open() const
    {
        auto passphrase = SecureBytes::fromString(store.passphrase);
        REQUIRE(passphrase.ok());
        auto opened = StoreAccess::open(store.folder(), *passphrase);
        INFO((opened ? QString() : opened.error().message).toStdString());
        REQUIRE(opened.ok());
        return std::move(*opened);
    }

    QString sign(const QString &person, QDate signedOn, QDate expiresOn) const
    {
        SignedConsent consent;
        consent.consent.familyId = familyId;
        consent.consent.personId = person;
        consent.consent.agencies = { QStringLiteral("school") };
        consent.consent.purpose = QStringLiteral("Attendance");
        consent.consent.signedOn = signedOn;
        consent.consent.expiresOn = expiresOn;
        consent.strokes = { { QPointF(0.1, 0.5), QPointF(0.4, 0.5) } };
        consent.signedAt = QDateTime(signedOn, QTime(10, 0), Qt::UTC);
        auto changes = ConsentChanges::grant(consent);
        REQUIRE(changes.ok());
        auto ids = open()->apply(*changes);
        REQUIRE(ids.ok());
        return ids->constLast();
    }

    void withdraw(const QString &consentId, QDate on) const
    {
        auto opened = open();
        auto grant = ConsentRepository(*opened).find(consentId);
        REQUIRE(grant.ok());
        REQUIRE(grant->has_value());
        REQUIRE(opened->apply(ConsentChanges::withdrawal(**grant, on, QStringLiteral("u1"))).ok());
    }

    QString outFile() const { return store.childTmp.filePath(QStringLiteral("share.json")); }

    ProcessRun share(const QString &agency = QStringLiteral("school")) const
    {
        return store.cli({ QStringLiteral("share"), QStringLiteral("--family"), familyId,
            QStringLiteral("--agency"), agency, QStringLiteral("--out"), outFile() });
    }
};

QString englishDate(QDate date)
{
    return QLocale::c().toString(date, QStringLiteral("d MMM yyyy"));
}

/// Refused with exit 10, saying so in one line naming each person, and nothing written.
void requireRefused(const SharingFamily &family, const ProcessRun &run, const QStringList &says)
{
    INFO(run.describe());
    REQUIRE_FALSE(run.crashed());
    CHECK(run.exitCode == Cli::NoConsent);
    CHECK(run.exitCode == 10);
    CHECK(run.out.isEmpty());
    CHECK(run.err.startsWith(QLatin1String("doorstep-cli: Nothing was shared with the school")));
    CHECK(run.err.count(QLatin1Char('\n')) == 1);
    for (const QString &text : says)
        CHECK(run.err.contains(text));
    CHECK_FALSE(QFileInfo::exists(family.outFile()));
    auto count = family.open()->query(QStringLiteral("SELECT count(*) FROM disclosures"));
    REQUIRE(count.ok());
    REQUIRE(count->step().ok());
    CHECK(count->integer(0) == 0);
}

} // namespace

TEST_CASE("share is refused when no one has consented, naming everyone", "[integration]")
{
    SharingFamily family;
    requireRefused(family, family.share(),
        { QStringLiteral("Ada Okafor has never given consent to share with the school"),
            QStringLiteral("Bola Okafor (a child) has no consent to share with the school") });
}

TEST_CASE("share writes the family once a parent has consented", "[integration]")
{
    SharingFamily family;
    const QDate today = QDate::currentDate();
    const QString consent = family.sign(family.mum, today.addDays(-10), today.addYears(1));
    const ProcessRun run = family.share();
    INFO(run.describe());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.startsWith(QLatin1String("Wrote what may be shared with the school about 2 "
                                           "people to ")));
    QFile file(family.outFile());
    CHECK(file.permissions()
        == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
            | QFileDevice::WriteUser));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    CHECK(document.value(QStringLiteral("format")).toString()
        == QStringLiteral("doorstep-agency-share"));
    const QJsonArray people = document.value(QStringLiteral("people")).toArray();
    REQUIRE(people.size() == 2);
    for (const QJsonValue &person : people)
        CHECK(person.toObject()
                  .value(QStringLiteral("consent"))
                  .toObject()
                  .value(QStringLiteral("consentId"))
            == consent);

    // The store records what was shared, with whom and on which consent.
    {
        auto store = family.open();
        auto rows = store->query(QStringLiteral(
            "SELECT family_id, agency, people, consent_ids, file_name FROM disclosures"));
        REQUIRE(rows.ok());
        auto row = rows->step();
        REQUIRE(row.ok());
        REQUIRE(*row);
        CHECK(rows->text(0) == family.familyId);
        CHECK(rows->text(1) == QStringLiteral("school"));
        CHECK(rows->integer(2) == 2);
        CHECK(rows->text(3) == consent);
        CHECK(rows->text(4) == QStringLiteral("share.json"));
    }

    // A second run never replaces the file it wrote, nor records a share it did not make.
    const ProcessRun again = family.share();
    INFO(again.describe());
    CHECK(again.exitCode == Cli::AlreadyExists);
    auto count = family.open()->query(QStringLiteral("SELECT count(*) FROM disclosures"));
    REQUIRE(count.ok());
    REQUIRE(count->step().ok());
    CHECK(count->integer(0) == 1);
}

TEST_CASE("share is refused for an agency the consent does not name", "[integration]")
{
    SharingFamily family;
    const QDate today = QDate::currentDate();
    family.sign(family.mum, today.addDays(-10), today.addYears(1));
    const ProcessRun run = family.share(QStringLiteral("police"));
    INFO(run.describe());
    CHECK(run.exitCode == Cli::NoConsent);
    CHECK(run.err.contains(QLatin1String("Ada Okafor has never given consent to share with the "
                                         "police")));
    CHECK_FALSE(QFileInfo::exists(family.outFile()));
}

TEST_CASE("share is refused after consent expired or was withdrawn, with the date", "[integration]")
{
    SharingFamily family;
    const QDate today = QDate::currentDate();
    const QDate expired = today.addDays(-3);
    family.sign(family.mum, today.addYears(-1), expired);
    requireRefused(family, family.share(),
        { QStringLiteral("Ada Okafor's consent to share with the school expired on %1")
                .arg(englishDate(expired)) });

    const QString renewed = family.sign(family.mum, today.addDays(-2), today.addYears(1));
    const QDate withdrawn = today.addDays(-1);
    family.withdraw(renewed, withdrawn);
    requireRefused(family, family.share(),
        { QStringLiteral("Ada Okafor withdrew consent to share with the school on %1")
                .arg(englishDate(withdrawn)) });
}

TEST_CASE("share refuses an unknown agency as a usage error", "[integration]")
{
    SharingFamily family;
    const ProcessRun run = family.share(QStringLiteral("Schools"));
    INFO(run.describe());
    CHECK(run.exitCode == Cli::Usage);
    CHECK(run.err.contains(QLatin1String("\"Schools\" is not an agency")));
    CHECK_FALSE(QFileInfo::exists(family.outFile()));
}

TEST_CASE("share says why in JSON too", "[integration]")
{
    SharingFamily family;
    const ProcessRun run = family.store.cli({ QStringLiteral("--json"), QStringLiteral("share"),
        QStringLiteral("--family"), family.familyId, QStringLiteral("--agency"),
        QStringLiteral("school"), QStringLiteral("--out"), family.outFile() });
    INFO(run.describe());
    CHECK(run.exitCode == Cli::NoConsent);
    const QJsonObject error = QJsonDocument::fromJson(run.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("error"))
                                  .toObject();
    CHECK(error.value(QStringLiteral("code")).toString() == QStringLiteral("no-consent"));
    CHECK(error.value(QStringLiteral("message")).toString().contains(QLatin1String("Ada Okafor")));
}
