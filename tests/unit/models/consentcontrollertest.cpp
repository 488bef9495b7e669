#include "models/consentcontroller.h"

#include "../documents/pdfinspector.h"
#include "documents/documentwriter.h"
#include "modeltesthelpers.h"
#include "store/consentrepository.h"
#include "store/documentrepository.h"
#include "store/strokerepository.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
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

QList<Document> documents(Session &session, const QString &familyId)
{
    auto read = DocumentRepository(*session.store()).forFamily(familyId);
    INFO((read ? QString() : read.error().message).toStdString());
    REQUIRE(read.ok());
    return *read;
}

QByteArray blobOf(Session &session, const QString &sha256)
{
    auto bytes = session.store()->blob(sha256);
    REQUIRE(bytes.ok());
    REQUIRE(bytes->has_value());
    return **bytes;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

bool recordAdaConsent(ConsentController &controller, const Okafors &f)
{
    return controller.recordConsent(f.ada, { QStringLiteral("school"), QStringLiteral("health") },
        QStringLiteral("School attendance"), true, QStringLiteral("12/03/2027"), signature());
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

TEST_CASE("Recording a consent keeps the form as signed with it, in the same write", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    ConsentController controller;
    QAbstractItemModelTester tester(controller.consents());
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    CHECK_FALSE(controller.canSaveForms());

    QSignalSpy recorded(fixture.session.get(), &Session::recordsChanged);
    REQUIRE(recordAdaConsent(controller, f));
    REQUIRE(recorded.count() == 1);
    CHECK(recorded.first().first().toStringList().contains(QStringLiteral("document")));

    auto consents = ConsentRepository(*fixture.session->store()).forFamily(f.id);
    REQUIRE(consents.ok());
    REQUIRE(consents->size() == 1);
    const QList<Document> kept = documents(*fixture.session, f.id);
    REQUIRE(kept.size() == 1);
    const Document &form = kept.first();
    CHECK(form.purpose == QStringLiteral("signed_consent"));
    CHECK(form.aboutId == consents->first().id);
    CHECK(form.title == QStringLiteral("Consent form, Ada Okafor, 12 March 2026"));
    CHECK(form.mediaType == QStringLiteral("application/pdf"));
    CHECK(form.madeAt == QDateTime(QDate(2026, 3, 12), QTime(10, 0)));
    CHECK(form.bytesHere);
    const QByteArray pdf = blobOf(*fixture.session, form.sha256);
    CHECK(pdf.startsWith("%PDF"));
    CHECK(form.size == pdf.size());
    CHECK(form.sha256 == Store::blobSha256(pdf));

    using M = ConsentListModel;
    CHECK(grantData(controller, 0, M::FormStateRole).toInt() == int(M::FormState::Here));
    CHECK(grantData(controller, 0, M::FormTextRole).toString().isEmpty());
    CHECK(controller.canSaveForms());
}

TEST_CASE("The form is made from exactly what was signed", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    ConsentController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    std::optional<ConsentFormDocument> made;
    controller.setFormRenderer([&made](const ConsentFormDocument &form) {
        made = form;
        return DocumentWriter::consentFormPdf(form);
    });

    REQUIRE(controller.recordConsent(f.bola, { QStringLiteral("health"), QStringLiteral("school") },
        QStringLiteral("Health visiting\nand school"), false, QStringLiteral("31/01/2027"),
        signature()));
    REQUIRE(made.has_value());
    CHECK(made->familyName == QStringLiteral("Okafor"));
    CHECK(made->personName == QStringLiteral("Bola Okafor"));
    CHECK_FALSE(made->givenBySelf);
    CHECK(made->signatoryName.isEmpty()); // a parent or carer is not recorded by name
    CHECK(made->agencies == QStringList { QStringLiteral("Health"), QStringLiteral("School") });
    CHECK(made->purpose == QStringLiteral("Health visiting\nand school"));
    CHECK(made->signedOn == QDate(2026, 3, 12));
    CHECK(made->expiresOn == QDate(2027, 1, 31));
    // No practitioner is named on the family's allocation: the form says so in words, never
    // with a user id (the consent record keeps who recorded it).
    CHECK(made->practitionerName == QStringLiteral("the family practitioner"));
    REQUIRE(made->signature.size() == 2);
    CHECK(made->signature.at(0)
        == QList<QPointF> { QPointF(0.1, 0.6), QPointF(0.2, 0.4), QPointF(0.3, 0.6) });
    CHECK(made->signature.at(1) == QList<QPointF> { QPointF(0.5, 0.5), QPointF(0.8, 0.45) });
    CHECK(documents(*fixture.session, f.id).first().title
        == QStringLiteral("Consent form, Bola Okafor, 12 March 2026"));
}

TEST_CASE("Saving a signed form writes the kept bytes unchanged into the folder", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    ConsentController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    REQUIRE(recordAdaConsent(controller, f));
    const QString consentId = grantData(controller, 0, ConsentListModel::ConsentIdRole).toString();
    const QByteArray kept
        = blobOf(*fixture.session, documents(*fixture.session, f.id).first().sha256);

    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = controller.saveSignedForm(consentId, folder.path());
    CHECK(controller.saveFormError().isEmpty());
    CHECK(path
        == QDir(folder.path())
               .filePath(QStringLiteral("Okafor consent form Ada Okafor 2026-03-12.pdf")));
    CHECK(fileBytes(path) == kept);
    test::PdfInspector inspector(path);
    CHECK(inspector.isPdf());
    if (const auto text = inspector.text()) {
        const QString words = text->simplified();
        CHECK(words.contains(QStringLiteral("Consent to share information about Ada Okafor")));
        CHECK(words.contains(QStringLiteral("School attendance")));
    }

    // A second copy is numbered, never written over the first.
    const QString again = controller.saveSignedForm(consentId, folder.path());
    CHECK(again.endsWith(QStringLiteral("Okafor consent form Ada Okafor 2026-03-12 (2).pdf")));
    CHECK(fileBytes(again) == kept);

    CHECK(
        controller.saveSignedForm(consentId, folder.filePath(QStringLiteral("missing"))).isEmpty());
    CHECK(controller.saveFormError().startsWith(QStringLiteral("Nothing was saved: the folder ")));
    CHECK(controller.saveSignedForm(QStringLiteral("no-such-consent"), folder.path()).isEmpty());
    CHECK(
        controller.saveFormError() == QStringLiteral("This consent is no longer on this tablet."));
    CHECK(QDir(folder.path()).entryList(QDir::Files).size() == 2);
}

TEST_CASE("A form made on another tablet is on its way until its bytes arrive", "[models]")
{
    test::SessionFixture lead;
    const Okafors f = makeFamily(lead);
    ConsentController signing;
    signing.setSession(lead.session.get());
    signing.setFamilyId(f.id);
    REQUIRE(recordAdaConsent(signing, f));
    const Document form = documents(*lead.session, f.id).first();
    const QByteArray pdf = blobOf(*lead.session, form.sha256);

    // This tablet receives the records first, as a pull brings them; the bytes come after.
    test::SessionFixture other;
    auto ops = lead.session->store()->outbox(1000);
    REQUIRE(ops.ok());
    REQUIRE(other.session->store()->applyPulled(*ops, 1).ok());
    ConsentController controller;
    QAbstractItemModelTester tester(controller.consents());
    controller.setSession(other.session.get());
    controller.setFamilyId(f.id);
    REQUIRE(controller.consents()->count() == 1);
    using M = ConsentListModel;
    CHECK(grantData(controller, 0, M::FormStateRole).toInt() == int(M::FormState::Coming));
    CHECK(grantData(controller, 0, M::FormTextRole).toString()
        == QStringLiteral(
            "The signed form is on its way from the server; it arrives at the next sync."));
    CHECK_FALSE(controller.canSaveForms());

    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString consentId = grantData(controller, 0, M::ConsentIdRole).toString();
    CHECK(controller.saveSignedForm(consentId, folder.path()).isEmpty());
    CHECK(controller.saveFormError()
        == QStringLiteral("Nothing was saved: the signed form has not arrived on this tablet "
                          "yet. It comes from the server at the next sync; save it after that."));
    CHECK(QDir(folder.path()).isEmpty());

    // The bytes arrive at a sync, which tells the pages documents changed.
    QSignalSpy changed(controller.consents(), &QAbstractItemModel::dataChanged);
    REQUIRE(other.session->store()->keepBlobRange(form.sha256, form.size, 0, pdf).ok());
    other.session->announceChanges({ QStringLiteral("document") });
    CHECK(changed.count() == 1);
    CHECK(grantData(controller, 0, M::FormStateRole).toInt() == int(M::FormState::Here));
    CHECK(controller.canSaveForms());
    const QString path = controller.saveSignedForm(consentId, folder.path());
    REQUIRE_FALSE(path.isEmpty());
    CHECK(fileBytes(path) == pdf);
}

TEST_CASE("A consent recorded before forms were kept has no form to save", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    const QString consentId = fixture.add("consent",
        { { QStringLiteral("family_id"), f.id }, { QStringLiteral("person_id"), f.ada },
            { QStringLiteral("agencies"), QStringLiteral("school") },
            { QStringLiteral("signed_on"), QDate(2025, 6, 1) } });
    ConsentController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    REQUIRE(controller.consents()->count() == 1);
    using M = ConsentListModel;
    CHECK(grantData(controller, 0, M::FormStateRole).toInt() == int(M::FormState::None));
    CHECK(grantData(controller, 0, M::FormTextRole).toString()
        == QStringLiteral("This consent was recorded before Doorstep kept signed forms, so "
                          "there is no form to save."));
    CHECK_FALSE(controller.canSaveForms());

    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    CHECK(controller.saveSignedForm(consentId, folder.path()).isEmpty());
    CHECK(controller.saveFormError()
        == QStringLiteral("Nothing was saved: this consent was recorded before Doorstep kept "
                          "signed forms, so there is no form to save."));
    CHECK(QDir(folder.path()).isEmpty());
}

TEST_CASE("Nothing is saved when the form cannot be made or the write is refused", "[models]")
{
    test::SessionFixture fixture;
    const Okafors f = makeFamily(fixture);
    ConsentController controller;
    controller.setSession(fixture.session.get());
    controller.setFamilyId(f.id);
    const auto nothingSaved = [&] {
        CHECK(controller.consents()->count() == 0);
        CHECK(count(*fixture.session, "consents") == 0);
        CHECK(count(*fixture.session, "drawings") == 0);
        CHECK(count(*fixture.session, "strokes") == 0);
        CHECK(count(*fixture.session, "documents") == 0);
        CHECK(count(*fixture.session, "blobs") == 0);
    };

    controller.setFormRenderer([](const ConsentFormDocument &) -> Result<QByteArray> {
        return makeError(Error::Code::Io, QStringLiteral("The PDF could not be started."));
    });
    CHECK_FALSE(recordAdaConsent(controller, f));
    CHECK(controller.recordError()
        == QStringLiteral("Nothing was saved: the consent form could not be made. The PDF "
                          "could not be started. Try again; if it happens again, tell your IT "
                          "service desk."));
    nothingSaved();

    // The form is made, but the store refuses the consent (Ada was deleted on this tablet
    // while the page was covered): the form's bytes go with it.
    controller.setFormRenderer(&DocumentWriter::consentFormPdf);
    controller.setActive(false);
    REQUIRE(fixture.session->apply(Change::remove(QStringLiteral("person"), f.ada)).ok());
    CHECK_FALSE(recordAdaConsent(controller, f));
    CHECK_FALSE(controller.recordError().isEmpty());
    nothingSaved();
}
