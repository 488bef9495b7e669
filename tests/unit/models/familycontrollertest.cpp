#include "models/familycontroller.h"

#include "modeltesthelpers.h"

#include <QAbstractItemModelTester>

using namespace doorstep;

namespace
{

QVariant member(const FamilyController &controller, const QString &name, int role)
{
    const MemberListModel &members = *const_cast<FamilyController &>(controller).members();
    for (int row = 0; row < members.rowCount(); ++row) {
        const QModelIndex index = members.index(row);
        if (members.data(index, MemberListModel::NameRole).toString() == name)
            return members.data(index, role);
    }
    FAIL("no member " << name.toStdString());
    return {};
}

struct Family {
    QString id;
    QString ada;
    QString bola;
};

// Today is Thursday 12 March 2026.
Family makeFamily(test::SessionFixture &fixture)
{
    Family f;
    f.id = fixture.family(QStringLiteral("Okafor"), 10);
    fixture.add("referral",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("source"), QStringLiteral("school") },
            { QStringLiteral("level_of_need"), 3 },
            { QStringLiteral("referred_on"), QDate(2026, 2, 25) } });
    f.ada = fixture.add("person",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("given_name"), QStringLiteral("Ada") },
            { QStringLiteral("family_name"), QStringLiteral("Okafor") },
            { QStringLiteral("date_of_birth"), QDate(1990, 3, 13) },
            { QStringLiteral("nhs_number"), QStringLiteral("9990000018") },
            { QStringLiteral("role"), QStringLiteral("parent") } });
    f.bola = fixture.add("person",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("given_name"), QStringLiteral("Bola") },
            { QStringLiteral("family_name"), QStringLiteral("Okafor") },
            { QStringLiteral("date_of_birth"), QDate(2025, 1, 12) },
            { QStringLiteral("role"), QStringLiteral("child") },
            { QStringLiteral("school"), QStringLiteral("Little Acorns") } });
    fixture.add("visit",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("visit_at"), QDateTime(QDate(2026, 3, 4), QTime(10, 0)) },
            { QStringLiteral("location"), QStringLiteral("Family home") },
            { QStringLiteral("status"), QStringLiteral("final") } });
    fixture.add("visit",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("visit_at"), QDateTime(QDate(2026, 3, 11), QTime(15, 30)) } });
    return f;
}

} // namespace

TEST_CASE("The family controller words members, referral and timescales for today", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    FamilyController controller;
    QAbstractItemModelTester members(
        controller.members(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);

    REQUIRE(controller.isFound());
    CHECK(controller.errorString().isEmpty());
    CHECK(controller.familyName() == QStringLiteral("Okafor"));
    CHECK(controller.referralSource() == QStringLiteral("School"));
    CHECK(controller.referredOn() == QStringLiteral("25 Feb 2026"));
    CHECK(controller.levelOfNeedText() == QStringLiteral("Level 3: family casework"));
    CHECK(controller.hasLeadPractitioner());
    CHECK(controller.allocatedOn() == QStringLiteral("2 Mar 2026"));
    CHECK_FALSE(controller.hasPlan());
    CHECK_FALSE(controller.hasConsents());

    REQUIRE(controller.members()->count() == 2);
    // A day before her birthday, Ada is still 35.
    CHECK(member(controller, QStringLiteral("Ada Okafor"), MemberListModel::AgeTextRole).toString()
        == QStringLiteral("35 years old"));
    CHECK(
        member(controller, QStringLiteral("Ada Okafor"), MemberListModel::NhsNumberRole).toString()
        == QStringLiteral("999 000 0018"));
    CHECK(member(controller, QStringLiteral("Ada Okafor"), MemberListModel::NhsNumberCheckedRole)
              .toBool());
    CHECK(member(controller, QStringLiteral("Bola Okafor"), MemberListModel::AgeTextRole).toString()
        == QStringLiteral("14 months old"));
    CHECK(member(controller, QStringLiteral("Bola Okafor"), MemberListModel::NhsNumberRole)
              .toString()
              .isEmpty());
    CHECK(
        member(controller, QStringLiteral("Bola Okafor"), MemberListModel::RoleTextRole).toString()
        == QStringLiteral("Child"));

    // Allocated 2 March; first contact on the 4th: met; goals and plan still to come.
    REQUIRE(controller.deadlines()->count() == 3);
    const QModelIndex first = controller.deadlines()->index(0);
    CHECK(controller.deadlines()->data(first, DeadlineListModel::SentenceRole).toString()
        == QStringLiteral("First contact made on 4 Mar"));
    CHECK(controller.deadlines()->data(first, DeadlineListModel::StatusRole).toInt()
        == int(DeadlineListModel::Status::Met));

    // Drift and delay on 12 March: contact made on time, goals due 30 March (not yet amber),
    // the plan and the 26 weeks still far off; no plan, so no review is watched yet.
    const QVariantList drift = controller.drift();
    REQUIRE(drift.size() == 4);
    const QVariantMap contact = drift.at(0).toMap();
    CHECK(contact.value(QStringLiteral("name")).toString() == QStringLiteral("First contact"));
    CHECK(contact.value(QStringLiteral("rag")).toString() == QStringLiteral("green"));
    CHECK(contact.value(QStringLiteral("ragText")).toString() == QStringLiteral("On track"));
    for (const QVariant &check : drift)
        CHECK_FALSE(check.toMap().value(QStringLiteral("reason")).toString().isEmpty());

    REQUIRE(controller.visits()->count() == 2);
    const QModelIndex newest = controller.visits()->index(0);
    CHECK(controller.visits()->data(newest, VisitTimelineModel::WhenTextRole).toString()
        == QStringLiteral("Wed 11 Mar 2026, 15:30"));
    CHECK_FALSE(controller.visits()->data(newest, VisitTimelineModel::IsFinalRole).toBool());
    CHECK(controller.visits()
              ->data(controller.visits()->index(1), VisitTimelineModel::IsFinalRole)
              .toBool());
}

TEST_CASE("Consent records add up to a status per person", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    const QString carer = fixture.add("person",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("given_name"), QStringLiteral("Chidi") } });
    const QString uncle = fixture.add("person",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("given_name"), QStringLiteral("Dayo") } });
    const auto grant = [&](const QString &person, QDate signedOn, QDate expires) {
        return fixture.add("consent",
            { { QStringLiteral("family_id"), f.id }, { QStringLiteral("person_id"), person },
                { QStringLiteral("signed_on"), signedOn },
                { QStringLiteral("expires_on"), expires } });
    };
    grant(f.ada, QDate(2026, 3, 1), QDate(2027, 3, 1));
    grant(f.bola, QDate(2025, 4, 1), QDate(2026, 4, 1)); // within 30 days
    const QString withdrawn = grant(carer, QDate(2026, 3, 1), QDate(2027, 3, 1));
    fixture.add("consent",
        { { QStringLiteral("family_id"), f.id }, { QStringLiteral("person_id"), carer },
            { QStringLiteral("kind"), QStringLiteral("withdrawal") },
            { QStringLiteral("withdraws_consent_id"), withdrawn },
            { QStringLiteral("signed_on"), QDate(2026, 3, 10) } });
    grant(uncle, QDate(2025, 1, 1), QDate(2026, 1, 1));

    FamilyController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    REQUIRE(controller.hasConsents());
    const auto status = [&](const char *name) {
        return MemberListModel::ConsentStatus(
            member(controller, QString::fromLatin1(name), MemberListModel::ConsentStatusRole)
                .toInt());
    };
    const auto text = [&](const char *name) {
        return member(controller, QString::fromLatin1(name), MemberListModel::ConsentTextRole)
            .toString();
    };
    CHECK(status("Ada Okafor") == MemberListModel::ConsentStatus::Valid);
    CHECK(text("Ada Okafor") == QStringLiteral("Consent valid until 1 Mar 2027"));
    CHECK(status("Bola Okafor") == MemberListModel::ConsentStatus::Expiring);
    CHECK(text("Bola Okafor") == QStringLiteral("Consent expires on 1 Apr 2026"));
    CHECK(status("Chidi") == MemberListModel::ConsentStatus::Withdrawn);
    CHECK(text("Chidi") == QStringLiteral("Consent withdrawn on 10 Mar 2026"));
    CHECK(status("Dayo") == MemberListModel::ConsentStatus::Expired);
}

TEST_CASE("A member with a wrong NHS number is refused with the store's reason", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    FamilyController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    QSignalSpy inserted(controller.members(), &QAbstractItemModel::rowsInserted);

    CHECK_FALSE(controller.addMember(QStringLiteral("Efe"), QStringLiteral("Okafor"),
        QStringLiteral("01/02/2019"), QStringLiteral("999 000 0019"), {}, QStringLiteral("child"),
        {}));
    CHECK(controller.addMemberError().contains(QStringLiteral("check digit")));
    CHECK(controller.members()->count() == 2);

    CHECK_FALSE(controller.addMember(
        QStringLiteral("Efe"), {}, QStringLiteral("31/02/2019"), {}, {}, {}, {}));
    CHECK(controller.addMemberError().contains(QStringLiteral("day/month/year")));
    CHECK_FALSE(controller.addMember(
        QStringLiteral("Efe"), {}, QStringLiteral("01/02/2027"), {}, {}, {}, {}));
    CHECK(controller.addMemberError().contains(QStringLiteral("future")));
    CHECK_FALSE(controller.addMember(QStringLiteral("  "), {}, {}, {}, {}, {}, {}));
    CHECK(inserted.count() == 0);
}

TEST_CASE("An added member is inserted into the list and is in the store", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    FamilyController controller;
    QAbstractItemModelTester tester(
        controller.members(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    QSignalSpy inserted(controller.members(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(controller.members(), &QAbstractItemModel::modelReset);

    REQUIRE(controller.addMember(QStringLiteral("Efe"), QStringLiteral("Okafor"),
        QStringLiteral("1/2/2019"), QStringLiteral("999-000-0050"), QStringLiteral("female"),
        QStringLiteral("child"), QStringLiteral("Hill Primary")));
    CHECK(controller.addMemberError().isEmpty());
    CHECK(controller.members()->count() == 3);
    CHECK(inserted.count() == 1);
    CHECK(reset.count() == 0);
    // Oldest first: Ada (1990), Efe (2019), Bola (2025).
    CHECK(controller.members()->data(controller.members()->index(1), MemberListModel::NameRole)
        == QStringLiteral("Efe Okafor"));

    FamilyController fresh;
    fresh.setSession(fixture.session.get());
    fresh.setFamilyId(f.id);
    REQUIRE(fresh.members()->count() == 3);
    CHECK(member(fresh, QStringLiteral("Efe Okafor"), MemberListModel::NhsNumberRole).toString()
        == QStringLiteral("999 000 0050"));
    CHECK(member(fresh, QStringLiteral("Efe Okafor"), MemberListModel::AgeTextRole).toString()
        == QStringLiteral("7 years old"));
}

TEST_CASE("Locking forgets the family; a missing family says so", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    FamilyController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    REQUIRE(controller.members()->count() == 2);

    fixture.session->lock();
    CHECK_FALSE(controller.isFound());
    CHECK(controller.familyName().isEmpty());
    CHECK(controller.members()->count() == 0);
    CHECK(controller.visits()->count() == 0);
    CHECK(controller.deadlines()->count() == 0);

    fixture.unlock();
    CHECK(controller.isFound());
    controller.setFamilyId(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    CHECK_FALSE(controller.isFound());
    CHECK(controller.errorCode() == int(Error::Code::NotFound));
}

TEST_CASE("A covered family page reads new records once it shows again", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    FamilyController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    controller.setActive(false);

    fixture.add("visit",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("visit_at"), QDateTime(fixture.today(), QTime(9, 0)) } });
    CHECK(controller.visits()->count() == 2);

    controller.setActive(true);
    CHECK(controller.visits()->count() == 3);
}

TEST_CASE("Opening a family's page is audited once per opening, not per re-read", "[models]")
{
    test::SessionFixture fixture;
    const QString okafor = fixture.family(QStringLiteral("Okafor"), 10);
    const auto views = [&] {
        auto query = fixture.session->store()->query(QStringLiteral(
            "SELECT count(*) FROM audit_log WHERE action = 'view' AND record_kind = 'family' "
            "AND record_id = ? AND fields = '' AND origin = 'local'"));
        REQUIRE(query.ok());
        query->bind(1, okafor);
        REQUIRE(query->step().ok());
        return int(query->integer(0));
    };
    CHECK(views() == 0);
    FamilyController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(okafor);
    REQUIRE(controller.isFound());
    CHECK(views() == 1);
    controller.reload();
    fixture.add("visit",
        { { QStringLiteral("family_id"), okafor },
            { QStringLiteral("visit_at"), QDateTime(fixture.today(), QTime(9, 0)) } });
    CHECK(views() == 1);
    // Locked and opened again: a new view.
    fixture.session->lock();
    fixture.unlock();
    CHECK(views() == 2);
    // The store refuses a kind it does not know, in words.
    auto unknown = fixture.session->store()->noteViewed(QStringLiteral("diary"), okafor);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message == QStringLiteral("There is no kind of record called diary."));
}
