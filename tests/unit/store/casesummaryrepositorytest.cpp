#include "store/casesummaryrepository.h"

#include "storetesthelpers.h"

using namespace doorstep;

namespace
{

QString add(Store &store, const char *kind, QList<FieldValue> fields)
{
    auto id = store.apply(Change::create(QString::fromLatin1(kind), std::move(fields)));
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    return *id;
}

CaseSummary summaryOf(Store &store, const QString &family)
{
    auto summary = CaseSummaryRepository(store).forFamily(family);
    INFO((summary ? QString() : summary.error().message).toStdString());
    REQUIRE(summary.ok());
    return *summary;
}

} // namespace

TEST_CASE("A family with no casework records has an empty summary", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));

    const CaseSummary summary = summaryOf(*store, family);
    CHECK_FALSE(summary.referral.has_value());
    CHECK_FALSE(summary.allocation.has_value());
    CHECK_FALSE(summary.plan.has_value());
    CHECK(summary.consents.isEmpty());
}

TEST_CASE("The summary holds the latest referral and the earliest open allocation", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    add(*store, "referral",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("source"), QStringLiteral("police") },
            { QStringLiteral("level_of_need"), 2 },
            { QStringLiteral("referred_on"), QDate(2025, 1, 10) } });
    add(*store, "referral",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("source"), QStringLiteral("school") },
            { QStringLiteral("level_of_need"), 3 },
            { QStringLiteral("referred_on"), QDate(2026, 2, 20) },
            { QStringLiteral("reason"), QStringLiteral("Attendance") } });
    const QString ended = add(*store, "allocation",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("practitioner_id"), QStringLiteral("practitioner-0") },
            { QStringLiteral("allocated_on"), QDate(2025, 1, 12) } });
    REQUIRE(store
                ->apply(Change::update(QStringLiteral("allocation"), ended,
                    { { QStringLiteral("ended_on"), QDate(2025, 6, 1) } }))
                .ok());
    add(*store, "allocation",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("practitioner_id"), QStringLiteral("practitioner-1") },
            { QStringLiteral("practitioner_name"), QStringLiteral("Sam Patel") },
            { QStringLiteral("team"), QStringLiteral("North") },
            { QStringLiteral("allocated_on"), QDate(2026, 3, 2) } });

    const CaseSummary summary = summaryOf(*store, family);
    REQUIRE(summary.referral.has_value());
    CHECK(summary.referral->source == QStringLiteral("school"));
    CHECK(summary.referral->levelOfNeed == 3);
    CHECK(summary.referral->referredOn == QDate(2026, 2, 20));
    CHECK(summary.referral->reason == QStringLiteral("Attendance"));
    REQUIRE(summary.allocation.has_value());
    CHECK(summary.allocation->practitionerId == QStringLiteral("practitioner-1"));
    CHECK(summary.allocation->practitionerName == QStringLiteral("Sam Patel"));
    CHECK(summary.allocation->team == QStringLiteral("North"));
    CHECK(summary.allocation->allocatedOn == QDate(2026, 3, 2));
}

TEST_CASE("The summary holds the latest plan and every live consent record", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    const QString other = test::createFamily(*store, QStringLiteral("Shah"));
    const QString person = add(*store, "person",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("given_name"), QStringLiteral("Ada") } });
    const QString stranger = add(*store, "person",
        { { QStringLiteral("family_id"), other },
            { QStringLiteral("given_name"), QStringLiteral("Bo") } });
    add(*store, "plan",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("status"), QStringLiteral("complete") },
            { QStringLiteral("started_on"), QDate(2025, 1, 5) } });
    add(*store, "plan",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("status"), QStringLiteral("draft") },
            { QStringLiteral("started_on"), QDate(2026, 3, 5) } });
    const QString grant = add(*store, "consent",
        { { QStringLiteral("family_id"), family }, { QStringLiteral("person_id"), person },
            { QStringLiteral("signed_on"), QDate(2026, 3, 3) },
            { QStringLiteral("expires_on"), QDate(2027, 3, 3) } });
    add(*store, "consent",
        { { QStringLiteral("family_id"), family }, { QStringLiteral("person_id"), person },
            { QStringLiteral("kind"), QStringLiteral("withdrawal") },
            { QStringLiteral("withdraws_consent_id"), grant },
            { QStringLiteral("signed_on"), QDate(2026, 3, 9) } });
    add(*store, "consent",
        { { QStringLiteral("family_id"), other }, { QStringLiteral("person_id"), stranger },
            { QStringLiteral("signed_on"), QDate(2026, 3, 3) } });

    const CaseSummary summary = summaryOf(*store, family);
    REQUIRE(summary.plan.has_value());
    CHECK(summary.plan->status == QStringLiteral("draft"));
    CHECK(summary.plan->startedOn == QDate(2026, 3, 5));
    REQUIRE(summary.consents.size() == 2);
    CHECK(summary.consents.at(0).id == grant);
    CHECK_FALSE(summary.consents.at(0).isWithdrawal);
    CHECK(summary.consents.at(0).expiresOn == QDate(2027, 3, 3));
    CHECK(summary.consents.at(1).isWithdrawal);
    CHECK(summary.consents.at(1).withdrawsConsentId == grant);
    CHECK_FALSE(summary.consents.at(1).expiresOn.isValid());
}
