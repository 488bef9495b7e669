#include "store/agencyshare.h"

#include "consenttesthelpers.h"
#include "store/consentrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace doorstep;

namespace
{

const QDate Today(2026, 3, 12);
const QString School = QStringLiteral("school");

struct Okafors {
    QTemporaryDir dir;
    std::unique_ptr<Store> store = test::makeStore(dir.path());
    QString id = test::createFamily(*store, QStringLiteral("Okafor"));
    QString mum = test::addPerson(*store, id, "Ada");
    QString jan = test::addPerson(*store, id, "Jan", "child", QDate(2015, 9, 3));
};

AgencyShare::Check checkOf(Okafors &f, const QString &agency = School)
{
    auto check = AgencyShare::check(*f.store, f.id, agency, Today);
    INFO((check ? QString() : check.error().message).toStdString());
    REQUIRE(check.ok());
    return *check;
}

} // namespace

TEST_CASE("Sharing without any consent is refused, naming everyone", "[store]")
{
    Okafors f;
    const AgencyShare::Check check = checkOf(f);
    CHECK_FALSE(check.allowed());
    CHECK(check.gaps.size() == 2);
    auto built = AgencyShare::build(*f.store, f.id, School, Today, QStringLiteral("p1"));
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().code == Error::Code::NoConsent);
    CHECK(built.error().message
        == QStringLiteral("Nothing was shared with the school, because not everyone in the "
                          "Okafor family has valid consent: Ada has never given consent to "
                          "share with the school; Jan (a child) has no consent to share with "
                          "the school, neither from a parent or carer nor given on their "
                          "behalf."));
}

TEST_CASE("A parent's consent covers the family's child", "[store]")
{
    Okafors f;
    const QString grant = test::signConsent(
        *f.store, f.id, f.mum, { School }, QDate(2026, 1, 5), QDate(2027, 1, 5));
    const AgencyShare::Check check = checkOf(f);
    REQUIRE(check.allowed());
    const QJsonObject document = AgencyShare::document(check, QStringLiteral("p1"));
    CHECK(document.value(QStringLiteral("format")).toString()
        == QStringLiteral("doorstep-agency-share"));
    CHECK(document.value(QStringLiteral("version")).toInt() == 1);
    CHECK(document.value(QStringLiteral("agency")).toString() == School);
    CHECK(document.value(QStringLiteral("sharedOn")).toString() == QStringLiteral("2026-03-12"));
    CHECK(document.value(QStringLiteral("family")).toObject().value(QStringLiteral("familyName"))
        == QStringLiteral("Okafor"));
    const QJsonArray people = document.value(QStringLiteral("people")).toArray();
    REQUIRE(people.size() == 2);
    const QJsonObject janConsent
        = people.at(1).toObject().value(QStringLiteral("consent")).toObject();
    CHECK(janConsent.value(QStringLiteral("consentId")).toString() == grant);
    CHECK(janConsent.value(QStringLiteral("holderId")).toString() == f.mum);
    CHECK(janConsent.value(QStringLiteral("givenBy")).toString()
        == QStringLiteral("parent_or_carer"));
    CHECK(people.at(0)
              .toObject()
              .value(QStringLiteral("consent"))
              .toObject()
              .value(QStringLiteral("givenBy"))
        == QStringLiteral("self"));
    // Case records never go out with a share.
    CHECK_FALSE(document.contains(QStringLiteral("visits")));
}

TEST_CASE("An expired or withdrawn consent is named with its date", "[store]")
{
    Okafors f;
    test::signConsent(*f.store, f.id, f.mum, { School, QStringLiteral("health") },
        QDate(2025, 1, 5), QDate(2026, 3, 1));
    auto built = AgencyShare::build(*f.store, f.id, School, Today, QStringLiteral("p1"));
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().message.contains(
        QStringLiteral("Ada's consent to share with the school expired on 1 Mar 2026")));

    const QString renewed = test::signConsent(
        *f.store, f.id, f.mum, { School }, QDate(2026, 3, 2), QDate(2027, 3, 2));
    CHECK(AgencyShare::build(*f.store, f.id, School, Today, QStringLiteral("p1")).ok());
    test::withdrawConsent(
        *f.store, *ConsentRepository(*f.store).find(renewed).value(), QDate(2026, 3, 10));
    built = AgencyShare::build(*f.store, f.id, School, Today, QStringLiteral("p1"));
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().message.contains(
        QStringLiteral("Ada withdrew consent to share with the school on 10 Mar 2026")));
}

TEST_CASE("Consent for one agency does not cover another", "[store]")
{
    Okafors f;
    test::signConsent(*f.store, f.id, f.mum, { School }, QDate(2026, 1, 5), QDate(2027, 1, 5));
    auto built
        = AgencyShare::build(*f.store, f.id, QStringLiteral("police"), Today, QStringLiteral("p"));
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().message.startsWith(QStringLiteral("Nothing was shared with the police")));
}

TEST_CASE("Unknown agencies and families are refused before any check", "[store]")
{
    Okafors f;
    auto agency = AgencyShare::check(*f.store, f.id, QStringLiteral("Schools"), Today);
    CHECK(agency.error().code == Error::Code::InvalidArgument);
    auto family = AgencyShare::check(*f.store, QStringLiteral("nope"), School, Today);
    CHECK(family.error().code == Error::Code::NotFound);
}

TEST_CASE("A family with no members has no one to share on", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString id = test::createFamily(*store, QStringLiteral("Empty"));
    auto built = AgencyShare::build(*store, id, School, Today, QStringLiteral("p1"));
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().code == Error::Code::NoConsent);
    CHECK(built.error().message.contains(QStringLiteral("has no members recorded")));
}

TEST_CASE("A share is written for its owner only and never over another file", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("share.json"));
    const QJsonObject document { { QStringLiteral("format"), QStringLiteral("test") } };
    REQUIRE(AgencyShare::write(document, path).ok());
    QFile file(path);
    CHECK(file.permissions()
        == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
            | QFileDevice::WriteUser));
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(QJsonDocument::fromJson(file.readAll()).object() == document);
    file.close();
    CHECK(AgencyShare::write(QJsonObject(), path).error().code == Error::Code::AlreadyExists);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(QJsonDocument::fromJson(file.readAll()).object() == document);
    CHECK(AgencyShare::write(document, dir.filePath(QStringLiteral("missing/share.json")))
              .error()
              .code
        == Error::Code::Io);
}

TEST_CASE("A share written is recorded as a disclosure, and audited", "[store]")
{
    Okafors f;
    const QString grant = test::signConsent(
        *f.store, f.id, f.mum, { School }, QDate(2026, 1, 5), QDate(2027, 1, 5));
    auto document = AgencyShare::build(*f.store, f.id, School, Today, QStringLiteral("p1"));
    REQUIRE(document.ok());
    const QString path = f.dir.filePath(QStringLiteral("okafor-school.json"));
    const QDateTime at(Today, QTime(11, 15), Qt::UTC);
    auto shared = AgencyShare::writeAndRecord(
        *document, path, at, [&f](const Change &change) { return f.store->apply(change); });
    INFO((shared ? QString() : shared.error().message).toStdString());
    REQUIRE(shared.ok());
    CHECK(QFile::exists(path));

    auto rows = f.store->query(QStringLiteral(
        "SELECT family_id, agency, shared_at, shared_by, people, consent_ids, file_name, id "
        "FROM disclosures"));
    REQUIRE(rows.ok());
    auto row = rows->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    CHECK(rows->text(0) == f.id);
    CHECK(rows->text(1) == School);
    CHECK(rows->text(2).startsWith(QLatin1String("2026-03-12T11:15:00")));
    CHECK(rows->text(3) == QStringLiteral("p1"));
    CHECK(rows->integer(4) == 2);
    CHECK(rows->text(5) == grant); // the mother's consent covers both
    CHECK(rows->text(6) == QStringLiteral("okafor-school.json"));
    const QString disclosureId = rows->text(7);

    auto audit = f.store->query(QStringLiteral(
        "SELECT action FROM audit_log WHERE record_kind = 'disclosure' AND record_id = ?"));
    REQUIRE(audit.ok());
    audit->bind(1, disclosureId);
    auto audited = audit->step();
    REQUIRE(audited.ok());
    CHECK(*audited);

    // A disclosure is what happened: it cannot be rewritten.
    auto changed = f.store->apply(Change::update(QStringLiteral("disclosure"), disclosureId,
        { { QStringLiteral("agency"), QStringLiteral("police") } }));
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().code == Error::Code::Immutable);
}

TEST_CASE("A share whose record cannot be saved leaves no file behind", "[store]")
{
    Okafors f;
    test::signConsent(*f.store, f.id, f.mum, { School }, QDate(2026, 1, 5), QDate(2027, 1, 5));
    auto document = AgencyShare::build(*f.store, f.id, School, Today, QStringLiteral("p1"));
    REQUIRE(document.ok());
    const QString path = f.dir.filePath(QStringLiteral("okafor-school.json"));
    auto shared = AgencyShare::writeAndRecord(
        *document, path, QDateTime::currentDateTimeUtc(), [](const Change &) -> Result<QString> {
            return makeError(Error::Code::Io, QStringLiteral("The disk is full."));
        });
    REQUIRE_FALSE(shared.ok());
    CHECK(shared.error().message
        == QStringLiteral("Nothing was shared: the record of the share could not be saved (The "
                          "disk is full.), so %1 was removed again.")
               .arg(path));
    CHECK_FALSE(QFile::exists(path));
}
