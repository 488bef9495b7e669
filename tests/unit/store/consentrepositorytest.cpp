#include "store/consentrepository.h"

#include "consenttesthelpers.h"
#include "store/documentrepository.h"
#include "store/strokerepository.h"

using namespace doorstep;

namespace
{

QList<Consent> consentsOf(Store &store, const QString &familyId)
{
    auto consents = ConsentRepository(store).forFamily(familyId);
    INFO((consents ? QString() : consents.error().message).toStdString());
    REQUIRE(consents.ok());
    return *consents;
}

qint64 count(Store &store, const char *table)
{
    auto query = store.query(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    REQUIRE(query.ok());
    REQUIRE(query->step().ok());
    return query->integer(0);
}

} // namespace

TEST_CASE("A signed consent reads back with its signature", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    const QString mum = test::addPerson(*store, family, "Ada");
    const QString id = test::signConsent(*store, family, mum,
        { QStringLiteral("health"), QStringLiteral("school") }, QDate(2026, 1, 5),
        QDate(2027, 1, 5));

    const QList<Consent> consents = consentsOf(*store, family);
    REQUIRE(consents.size() == 1);
    const Consent &c = consents.first();
    CHECK(c.id == id);
    CHECK(c.familyId == family);
    CHECK(c.personId == mum);
    CHECK(c.isGrant());
    CHECK(c.agencies == QStringList { QStringLiteral("school"), QStringLiteral("health") });
    CHECK(c.purpose == QStringLiteral("To support school attendance"));
    CHECK(c.givenBySelf);
    CHECK(c.signedOn == QDate(2026, 1, 5));
    CHECK(c.expiresOn == QDate(2027, 1, 5));
    CHECK(c.recordedBy == QStringLiteral("practitioner-1"));
    REQUIRE_FALSE(c.signatureDrawingId.isEmpty());

    auto strokes = StrokeRepository(*store).forDrawing(c.signatureDrawingId);
    REQUIRE(strokes.ok());
    REQUIRE(strokes->size() == 2);
    CHECK(strokes->at(0).drawnBy == QStringLiteral("signatory"));
    CHECK(strokes->at(0).points.size() == 3);
    CHECK(strokes->at(0).points.at(1).x() == Approx(0.3).margin(1.0 / 65535));
    CHECK(strokes->at(1).points.size() == 2);
    CHECK(strokes->at(0).width == Approx(0.008));

    auto find = ConsentRepository(*store).find(id);
    REQUIRE(find.ok());
    REQUIRE(find->has_value());
    CHECK((*find)->agencies == c.agencies);
    auto none = ConsentRepository(*store).find(QStringLiteral("no-such-id"));
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
}

TEST_CASE("A withdrawal is a new record pointing at the grant", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    const QString mum = test::addPerson(*store, family, "Ada");
    const QString id = test::signConsent(
        *store, family, mum, { QStringLiteral("school") }, QDate(2026, 1, 5), QDate(2027, 1, 5));
    const Consent grant = *ConsentRepository(*store).find(id).value();
    const QString withdrawal = test::withdrawConsent(*store, grant, QDate(2026, 3, 1));

    const QList<Consent> consents = consentsOf(*store, family);
    REQUIRE(consents.size() == 2);
    CHECK(consents.at(0).id == id);
    CHECK(consents.at(1).id == withdrawal);
    CHECK(consents.at(1).isWithdrawal());
    CHECK(consents.at(1).withdrawsConsentId == id);
    CHECK(consents.at(1).signedOn == QDate(2026, 3, 1));

    // The grant itself never changes: the store refuses to edit or delete it.
    CHECK(store
              ->apply(Change::update(QStringLiteral("consent"), id,
                  { { QStringLiteral("purpose"), QStringLiteral("changed") } }))
              .error()
              .code
        == Error::Code::Immutable);
    CHECK(store->apply(Change::remove(QStringLiteral("consent"), id)).error().code
        == Error::Code::Immutable);
}

TEST_CASE("Consents are read per family and per person", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString okafor = test::createFamily(*store, QStringLiteral("Okafor"));
    const QString other = test::createFamily(*store, QStringLiteral("Other"));
    const QString ada = test::addPerson(*store, okafor, "Ada");
    const QString bola = test::addPerson(*store, okafor, "Bola");
    const QString zed = test::addPerson(*store, other, "Zed");
    test::signConsent(
        *store, okafor, ada, { QStringLiteral("school") }, QDate(2026, 2, 1), QDate(2027, 2, 1));
    test::signConsent(
        *store, okafor, bola, { QStringLiteral("police") }, QDate(2026, 1, 1), QDate(2027, 1, 1));
    test::signConsent(
        *store, other, zed, { QStringLiteral("school") }, QDate(2026, 1, 1), QDate(2027, 1, 1));

    const QList<Consent> family = consentsOf(*store, okafor);
    REQUIRE(family.size() == 2);
    CHECK(family.at(0).personId == bola); // oldest signature first
    CHECK(family.at(1).personId == ada);
    auto forAda = ConsentRepository(*store).forPerson(ada);
    REQUIRE(forAda.ok());
    REQUIRE(forAda->size() == 1);
    CHECK(forAda->first().agencies == QStringList { QStringLiteral("school") });
}

TEST_CASE("A consent never lands without its signature", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    const QString mum = test::addPerson(*store, family, "Ada");

    SignedConsent unsigned_;
    unsigned_.consent.familyId = family;
    unsigned_.consent.personId = mum;
    unsigned_.consent.agencies = { QStringLiteral("school") };
    unsigned_.consent.signedOn = QDate(2026, 1, 5);
    unsigned_.signedAt = QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
    CHECK(ConsentChanges::grant(unsigned_).error().code == Error::Code::InvalidArgument);

    // A failure part-way (here the consent names a person who does not exist) writes
    // neither the drawing nor its strokes.
    SignedConsent broken = unsigned_;
    broken.consent.personId = QStringLiteral("no-such-person");
    broken.strokes = { { QPointF(0.1, 0.1), QPointF(0.2, 0.2) } };
    auto changes = ConsentChanges::grant(broken);
    REQUIRE(changes.ok());
    REQUIRE(changes->size() == 3);
    CHECK_FALSE(store->apply(*changes).ok());
    CHECK(count(*store, "consents") == 0);
    CHECK(count(*store, "drawings") == 0);
    CHECK(count(*store, "strokes") == 0);
}

TEST_CASE("A grant's consent has its id before it is saved, for its signed form", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    SignedConsent signedConsent;
    signedConsent.consent.familyId = family;
    signedConsent.consent.personId = test::addPerson(*store, family, "Ada");
    signedConsent.consent.agencies = { QStringLiteral("school") };
    signedConsent.consent.signedOn = QDate(2026, 1, 5);
    signedConsent.strokes = { { QPointF(0.1, 0.1), QPointF(0.2, 0.2) } };
    signedConsent.signedAt = QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
    auto changes = ConsentChanges::grant(signedConsent);
    REQUIRE(changes.ok());
    Consent grant = signedConsent.consent;
    grant.id = changes->constLast().recordId;
    REQUIRE_FALSE(grant.id.isEmpty());

    const QByteArray pdf("%PDF-1.4 the form as signed");
    changes->append(ConsentChanges::signedForm(
        grant, pdf, QStringLiteral("Consent form, Ada, 5 January 2026"), signedConsent.signedAt));
    auto ids = store->apply(*changes, { pdf });
    INFO((ids ? QString() : ids.error().message).toStdString());
    REQUIRE(ids.ok());
    CHECK(ids->at(ids->size() - 2) == grant.id);
    CHECK(consentsOf(*store, family).first().id == grant.id);
    auto documents = DocumentRepository(*store).forFamily(family);
    REQUIRE(documents.ok());
    REQUIRE(documents->size() == 1);
    CHECK(documents->first().aboutId == grant.id);
    CHECK(documents->first().purpose == QStringLiteral("signed_consent"));
    CHECK(documents->first().sha256 == Store::blobSha256(pdf));
    CHECK(documents->first().size == pdf.size());
    CHECK(documents->first().bytesHere);
}

TEST_CASE("A family's signatures are read in one go, tombstoned strokes left out", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    const QString ada = test::addPerson(*store, family, "Ada");
    const QString bola = test::addPerson(*store, family, "Bola");
    test::signConsent(
        *store, family, ada, { QStringLiteral("school") }, QDate(2026, 2, 1), QDate(2027, 2, 1));
    test::signConsent(
        *store, family, bola, { QStringLiteral("school") }, QDate(2026, 2, 1), QDate(2027, 2, 1));

    auto strokes = StrokeRepository(*store).forFamily(family, QStringLiteral("signature"));
    REQUIRE(strokes.ok());
    CHECK(strokes->size() == 4);
    QSet<QString> drawings;
    for (const Stroke &stroke : *strokes)
        drawings.insert(stroke.drawingId);
    CHECK(drawings.size() == 2);

    REQUIRE(store->apply(Change::remove(QStringLiteral("stroke"), strokes->first().id)).ok());
    auto after = StrokeRepository(*store).forFamily(family, QStringLiteral("signature"));
    REQUIRE(after.ok());
    CHECK(after->size() == 3);
    auto houses = StrokeRepository(*store).forFamily(family, QStringLiteral("house_of_dreams"));
    REQUIRE(houses.ok());
    CHECK(houses->isEmpty());
}
