#include "models/consentcontroller.h"

#include "modeltesthelpers.h"
#include "store/consentrepository.h"
#include "store/strokerepository.h"

#include <QAbstractItemModelTester>
#include <QPointF>

using namespace doorstep;

namespace
{

struct Okafors {
    QString id;
    QString ada; // parent
    QString bola; // child of 9
    QString rio; // young person
};

// Today is Thursday 12 March 2026.
Okafors makeFamily(test::SessionFixture &fixture)
{
    Okafors f;
    f.id = fixture.family(QStringLiteral("Okafor"), 10);
    const auto person = [&](const char *given, const char *role, QDate born) {
        return fixture.add("person",
            { { QStringLiteral("family_id"), f.id },
                { QStringLiteral("given_name"), QString::fromLatin1(given) },
                { QStringLiteral("family_name"), QStringLiteral("Okafor") },
                { QStringLiteral("role"), QString::fromLatin1(role) },
                { QStringLiteral("date_of_birth"), born } });
    };
    f.ada = person("Ada", "parent", QDate(1990, 3, 13));
    f.bola = person("Bola", "child", QDate(2016, 6, 1));
    f.rio = person("Rio", "young_person", QDate(2010, 6, 20));
    return f;
}

QVariantList signature()
{
    return { QVariant(QVariantList { QPointF(0.1, 0.6), QPointF(0.2, 0.4), QPointF(0.3, 0.6) }),
        QVariant(QVariantList {
            QVariantMap { { QStringLiteral("x"), 0.5 }, { QStringLiteral("y"), 0.5 } },
            QVariantMap { { QStringLiteral("x"), 0.8 }, { QStringLiteral("y"), 0.45 } } }) };
}

QVariant grantData(ConsentController &controller, int row, int role)
{
    return controller.consents()->data(controller.consents()->index(row), role);
}

qint64 count(Session &session, const char *table)
{
    auto query = session.store()->query(
        QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    REQUIRE(query.ok());
    REQUIRE(query->step().ok());
    return query->integer(0);
}

} // namespace

TEST_CASE("A signed consent is recorded with its strokes in one write", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    ConsentController controller;
    QAbstractItemModelTester tester(controller.consents());
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    REQUIRE(controller.isFound());
    CHECK(controller.people()->count() == 3);
    CHECK(controller.consents()->count() == 0);
    CHECK(controller.defaultExpiryText() == QStringLiteral("12/03/2027"));

    QSignalSpy recorded(fixture.session.get(), &Session::recordsChanged);
    REQUIRE(controller.recordConsent(f.ada,
        { QStringLiteral("school"), QStringLiteral("health"), QStringLiteral("school") },
        QStringLiteral("  School attendance  "), true, QStringLiteral("12/03/2027"), signature()));
    CHECK(controller.recordError().isEmpty());
    CHECK(recorded.count() == 1); // one apply: drawing, strokes and consent together

    REQUIRE(controller.consents()->count() == 1);
    using M = ConsentListModel;
    CHECK(grantData(controller, 0, M::PersonNameRole) == QStringLiteral("Ada Okafor"));
    CHECK(grantData(controller, 0, M::StateRole).toInt() == int(M::State::Valid));
    CHECK(grantData(controller, 0, M::StatusTextRole) == QStringLiteral("Valid until 12 Mar 2027"));
    CHECK(grantData(controller, 0, M::AgenciesTextRole)
        == QStringLiteral("School, Health")); // as the C locale lists them
    CHECK(grantData(controller, 0, M::PurposeRole) == QStringLiteral("School attendance"));
    CHECK(grantData(controller, 0, M::SignedOnTextRole) == QStringLiteral("12 Mar 2026"));
    CHECK(grantData(controller, 0, M::GivenByTextRole)
        == QStringLiteral("Ada Okafor, their own consent"));
    CHECK(grantData(controller, 0, M::CanWithdrawRole).toBool());
    const QVariantList drawn = grantData(controller, 0, M::SignatureRole).toList();
    REQUIRE(drawn.size() == 2);
    CHECK(drawn.at(1).toList().at(1).toPointF().x() == Approx(0.8));

    auto stored = ConsentRepository(*fixture.session->store()).forFamily(f.id);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 1);
    const Consent &c = stored->first();
    CHECK(c.agencies == QStringList { QStringLiteral("school"), QStringLiteral("health") });
    CHECK(c.givenBySelf);
    CHECK(c.signedOn == fixture.today());
    CHECK(c.recordedBy == QStringLiteral("practitioner-1"));
    auto strokes = StrokeRepository(*fixture.session->store()).forDrawing(c.signatureDrawingId);
    REQUIRE(strokes.ok());
    CHECK(strokes->size() == 2);

    const auto standing = [&](int row) {
        return controller.people()
            ->data(controller.people()->index(row), MemberListModel::ConsentTextRole)
            .toString();
    };
    // Oldest first: Ada, Rio, Bola. Ada's consent covers her child but not the young person.
    CHECK(standing(0) == QStringLiteral("Consent valid until 12 Mar 2027"));
    CHECK(standing(1) == QStringLiteral("No consent recorded"));
    CHECK(standing(2) == QStringLiteral("Parent's consent until 12 Mar 2027"));
}

TEST_CASE("A consent is refused without a signature, agency, purpose or expiry", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    ConsentController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);

    CHECK_FALSE(controller.recordConsent(f.ada, {}, QStringLiteral(" "), true,
        QStringLiteral("31/02/2027"), { QVariant(QVariantList { QPointF(0.5, 0.5) }) }));
    const QStringList problems = controller.recordError().split(QLatin1Char('\n'));
    CHECK(problems
        == QStringList { QStringLiteral("Tick at least one agency the information may be shared "
                                        "with."),
            QStringLiteral("Write what the information will be shared for."),
            QStringLiteral("The expiry date \"31/02/2027\" is not a date. Write it as "
                           "day/month/year, like 12/03/2027."),
            QStringLiteral("Ask Ada Okafor to sign in the box.") });

    CHECK_FALSE(controller.recordConsent(QString(), { QStringLiteral("school") },
        QStringLiteral("School"), false, QStringLiteral("12/03/2026"), signature()));
    CHECK(controller.recordError()
        == QStringLiteral("Choose whose consent this is.\nThe expiry date 12 Mar 2026 must be "
                          "after today."));
    CHECK_FALSE(controller.recordConsent(f.bola, { QStringLiteral("school") },
        QStringLiteral("School"), false, QStringLiteral("12/03/2027"), {}));
    CHECK(
        controller.recordError() == QStringLiteral("Ask the parent or carer to sign in the box."));

    CHECK(controller.consents()->count() == 0);
    CHECK(count(*fixture.session, "consents") == 0);
    CHECK(count(*fixture.session, "drawings") == 0);
    CHECK(count(*fixture.session, "strokes") == 0);

    controller.clearRecordError();
    CHECK(controller.recordError().isEmpty());
}

TEST_CASE("A child's consent is given on their behalf, a young person's by themselves", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    ConsentController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    CHECK(controller.givesOwnConsent(f.ada));
    CHECK(controller.givesOwnConsent(f.rio));
    CHECK_FALSE(controller.givesOwnConsent(f.bola));

    REQUIRE(controller.recordConsent(f.bola, { QStringLiteral("health") },
        QStringLiteral("Health visiting"), false, QStringLiteral("2027-01-31"), signature()));
    CHECK(grantData(controller, 0, ConsentListModel::GivenByTextRole)
        == QStringLiteral("A parent or carer, on Bola Okafor's behalf"));
    auto stored = ConsentRepository(*fixture.session->store()).forPerson(f.bola);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 1);
    CHECK_FALSE(stored->first().givenBySelf);
}

TEST_CASE("Withdrawing records a dated withdrawal and keeps the grant", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    ConsentController controller;
    QAbstractItemModelTester tester(controller.consents());
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    REQUIRE(controller.recordConsent(f.rio, { QStringLiteral("school") },
        QStringLiteral("Attendance"), true, QStringLiteral("12/03/2027"), signature()));
    const QString id = grantData(controller, 0, ConsentListModel::ConsentIdRole).toString();

    QSignalSpy changed(controller.consents(), &QAbstractItemModel::dataChanged);
    REQUIRE(controller.withdraw(id));
    CHECK(changed.count() == 1); // the row changes in place
    CHECK(controller.consents()->count() == 1);
    CHECK(grantData(controller, 0, ConsentListModel::StateRole).toInt()
        == int(ConsentListModel::State::Withdrawn));
    CHECK(grantData(controller, 0, ConsentListModel::StatusTextRole)
        == QStringLiteral("Withdrawn on 12 Mar 2026"));
    CHECK_FALSE(grantData(controller, 0, ConsentListModel::CanWithdrawRole).toBool());

    auto stored = ConsentRepository(*fixture.session->store()).forPerson(f.rio);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 2);
    CHECK(stored->at(1).isWithdrawal());
    CHECK(stored->at(1).withdrawsConsentId == id);
    CHECK(stored->at(1).signedOn == fixture.today());

    CHECK_FALSE(controller.withdraw(id));
    CHECK(controller.withdrawError()
        == QStringLiteral("This consent was already withdrawn on 12 Mar 2026."));
    CHECK_FALSE(controller.withdraw(QStringLiteral("no-such-consent")));
}

TEST_CASE("Locking forgets the family's consents", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    ConsentController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    REQUIRE(controller.recordConsent(f.ada, { QStringLiteral("school") },
        QStringLiteral("Attendance"), true, QStringLiteral("12/03/2027"), signature()));
    fixture.session->lock();
    CHECK_FALSE(controller.isFound());
    CHECK(controller.consents()->count() == 0);
    CHECK(controller.people()->count() == 0);
    fixture.unlock();
    CHECK(controller.consents()->count() == 1);
}
