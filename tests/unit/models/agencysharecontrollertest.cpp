#include "models/agencysharecontroller.h"

#include "models/consentcontroller.h"
#include "modeltesthelpers.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>

using namespace doorstep;

namespace
{

QVariantList signature()
{
    return { QVariant(QVariantList { QPointF(0.1, 0.6), QPointF(0.3, 0.4) }) };
}

} // namespace

TEST_CASE("Sharing is refused, naming who lacks consent, until everyone has it", "[models]")
{
    test::SessionFixture fixture;
    const QString family = fixture.family(QStringLiteral("Okafor"), 10);
    const QString ada = fixture.add("person",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("given_name"), QStringLiteral("Ada") },
            { QStringLiteral("role"), QStringLiteral("parent") } });
    fixture.add("person",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("given_name"), QStringLiteral("Bola") },
            { QStringLiteral("role"), QStringLiteral("child") } });
    QTemporaryDir out;

    AgencyShareController share;
    share.setSession(fixture.session.get());
    share.setFamilyId(family);
    share.setFolder(out.path());
    CHECK_FALSE(share.isAllowed());
    CHECK(share.checkText().isEmpty()); // no agency chosen yet
    CHECK_FALSE(share.share());
    CHECK(share.shareError() == QStringLiteral("Choose the agency to share with."));

    share.setAgency(QStringLiteral("school"));
    CHECK_FALSE(share.isAllowed());
    CHECK(share.problems()
        == QStringList { QStringLiteral("Ada has never given consent to share with School."),
            QStringLiteral("Bola is a child with no consent to share with School: none from a "
                           "parent or carer, and none given on their behalf.") });
    CHECK_FALSE(share.share());
    CHECK(share.shareError().startsWith(QStringLiteral(
        "Nothing was shared with School, because not everyone in the family has valid "
        "consent:\nAda has never given consent")));
    CHECK(QDir(out.path()).isEmpty());

    // Recording Ada's consent is enough: as the parent it covers her child.
    ConsentController consent;
    consent.setSession(fixture.session.get());
    consent.setFamilyId(family);
    REQUIRE(consent.recordConsent(ada, { QStringLiteral("school") }, QStringLiteral("Attendance"),
        true, QStringLiteral("12/03/2027"), signature()));
    CHECK(share.isAllowed());
    CHECK(share.problems().isEmpty());
    CHECK(share.checkText()
        == QStringLiteral("Everyone in the family has valid consent to share with School."));
    REQUIRE(share.share());
    CHECK(share.shareError().isEmpty());
    CHECK(share.sharedFile()
        == QDir(out.path()).filePath(QStringLiteral("okafor-school-2026-03-12.json")));
    QFile file(share.sharedFile());
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    CHECK(document.value(QStringLiteral("agency")).toString() == QStringLiteral("school"));
    CHECK(document.value(QStringLiteral("people")).toArray().size() == 2);

    // A second share the same day gets a file of its own.
    REQUIRE(share.share());
    CHECK(share.sharedFile().endsWith(QStringLiteral("okafor-school-2026-03-12-2.json")));

    // Withdrawn: refused again, with the date.
    const QString id = consent.consents()
                           ->data(consent.consents()->index(0), ConsentListModel::ConsentIdRole)
                           .toString();
    REQUIRE(consent.withdraw(id));
    CHECK_FALSE(share.isAllowed());
    CHECK(share.problems().first()
        == QStringLiteral("Ada withdrew consent to share with School on 12 Mar 2026."));
    CHECK_FALSE(share.share());
    CHECK(share.sharedFile().isEmpty());
}

TEST_CASE("Sharing into a folder that does not exist is refused", "[models]")
{
    test::SessionFixture fixture;
    const QString family = fixture.family(QStringLiteral("Okafor"), 10);
    const QString ada = fixture.add("person",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("given_name"), QStringLiteral("Ada") } });
    ConsentController consent;
    consent.setSession(fixture.session.get());
    consent.setFamilyId(family);
    REQUIRE(consent.recordConsent(ada, { QStringLiteral("police") }, QStringLiteral("Safety"), true,
        QStringLiteral("12/03/2027"), signature()));
    QTemporaryDir out;
    AgencyShareController share;
    share.setSession(fixture.session.get());
    share.setFamilyId(family);
    share.setAgency(QStringLiteral("police"));
    REQUIRE(share.isAllowed());
    share.setFolder(out.filePath(QStringLiteral("typo")));
    CHECK_FALSE(share.share());
    CHECK(share.shareError().endsWith(QStringLiteral("does not exist.")));
    CHECK_FALSE(QFileInfo::exists(out.filePath(QStringLiteral("typo"))));
}
