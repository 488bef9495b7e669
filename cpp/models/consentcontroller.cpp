#include "models/consentcontroller.h"

#include "documents/documentwriter.h"
#include "domain/agencies.h"
#include "domain/document.h"
#include "domain/sharingconsent.h"
#include "models/casetext.h"
#include "models/consenttext.h"
#include "models/dateinput.h"
#include "models/familydocuments.h"
#include "store/consentchanges.h"
#include "store/consentrepository.h"
#include "store/documentrepository.h"
#include "store/familyrepository.h"
#include "store/personrepository.h"
#include "store/strokerepository.h"

#include <QHash>
#include <QJSValue>
#include <QLocale>
#include <QPointF>

namespace doorstep
{

namespace
{

bool affectsConsent(const QStringList &kinds)
{
    static const QStringList relevant { QStringLiteral("family"), QStringLiteral("person"),
        QStringLiteral("consent"), QStringLiteral("drawing"), QStringLiteral("stroke"),
        QStringLiteral("document") };
    return Session::touches(kinds, relevant);
}

QVariant plain(const QVariant &value)
{
    // Arrays and objects from JavaScript may arrive wrapped.
    if (value.metaType() == QMetaType::fromType<QJSValue>())
        return value.value<QJSValue>().toVariant();
    return value;
}

// A stroke from QML: a list of Qt.point or { x, y }. Points that are neither are skipped.
QList<QPointF> pointsOf(const QVariant &stroke)
{
    QList<QPointF> points;
    for (const QVariant &item : plain(stroke).toList()) {
        const QVariant point = plain(item);
        if (point.metaType() == QMetaType::fromType<QPointF>()
            || point.metaType() == QMetaType::fromType<QPoint>()) {
            points << point.toPointF();
            continue;
        }
        const QVariantMap map = point.toMap();
        bool xOk = false;
        bool yOk = false;
        const double x = map.value(QStringLiteral("x")).toDouble(&xOk);
        const double y = map.value(QStringLiteral("y")).toDouble(&yOk);
        if (xOk && yOk)
            points << QPointF(x, y);
    }
    return points;
}

QVariantList signatureOf(const QList<Stroke> &strokes)
{
    QVariantList list;
    for (const Stroke &stroke : strokes) {
        QVariantList points;
        points.reserve(stroke.points.size());
        for (const QPointF &point : stroke.points)
            points << point;
        list.append(QVariant(points));
    }
    return list;
}

// The signed form of each consent, by the consent's id: one whose bytes are here before
// one still to come, then the newest (documents come newest first).
QHash<QString, Document> signedForms(const QList<Document> &documents)
{
    QHash<QString, Document> forms;
    for (const Document &document : documents) {
        if (document.purpose != QLatin1String("signed_consent") || document.aboutId.isEmpty())
            continue;
        const auto found = forms.constFind(document.aboutId);
        if (found == forms.constEnd() || (document.bytesHere && !found->bytesHere))
            forms.insert(document.aboutId, document);
    }
    return forms;
}

} // namespace

ConsentController::ConsentController(QObject *parent)
    : QObject(parent)
    , m_formRenderer(&DocumentWriter::consentFormPdf)
{
}

void ConsentController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &ConsentController::reload);
        connect(m_session, &Session::recordsChanged, this, &ConsentController::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void ConsentController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    setRecordError({});
    setWithdrawError({});
    setSaveFormError({});
    reload();
}

void ConsentController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_stale)
        reload();
}

QString ConsentController::defaultExportFolder()
{
    return FamilyDocuments::defaultFolder();
}

QVariantList ConsentController::agencyChoices() const
{
    return ConsentText::agencyChoices();
}

QString ConsentController::defaultExpiryText() const
{
    if (!m_session)
        return {};
    return DateInput::format(m_session->today().addMonths(DefaultMonths));
}

QString ConsentController::todayText() const
{
    return m_session ? CaseText::date(m_session->today()) : QString();
}

void ConsentController::onRecordsChanged(const QStringList &kinds)
{
    if (!affectsConsent(kinds))
        return;
    if (m_active)
        reload();
    else
        m_stale = true;
}

void ConsentController::clear()
{
    m_found = false;
    m_familyName.clear();
    m_members.clear();
    m_records.clear();
    m_canSaveForms = false;
    m_people.setRows({});
    m_consents.setRows({});
}

const Person *ConsentController::member(const QString &personId) const
{
    for (const Person &person : m_members) {
        if (person.id == personId)
            return &person;
    }
    return nullptr;
}

bool ConsentController::givesOwnConsent(const QString &personId) const
{
    const Person *person = member(personId);
    if (!person || !m_session)
        return true;
    return SharingConsent::standingOf(*person, m_session->today())
        != SharingConsent::Standing::Child;
}

QString ConsentController::personName(const QString &personId) const
{
    const Person *person = member(personId);
    return person ? person->displayName() : QString();
}

void ConsentController::reload()
{
    m_stale = false;
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || m_familyId.isEmpty()) {
        // Locked: nothing of the family stays in memory.
        clear();
        Q_EMIT detailsChanged();
        setError(-1, {});
        return;
    }
    const auto fail = [this](const Error &error) {
        clear();
        Q_EMIT detailsChanged();
        setError(int(error.code), error.message);
    };
    auto family = FamilyRepository(*store).find(m_familyId);
    if (!family)
        return fail(family.error());
    if (!family->has_value())
        return fail(makeError(Error::Code::NotFound,
            tr("This family is no longer on this tablet. It may have been deleted or moved "
               "to another practitioner.")));
    auto people = PersonRepository(*store).forFamily(m_familyId);
    if (!people)
        return fail(people.error());
    auto records = ConsentRepository(*store).forFamily(m_familyId);
    if (!records)
        return fail(records.error());
    auto strokes = StrokeRepository(*store).forFamily(m_familyId, QStringLiteral("signature"));
    if (!strokes)
        return fail(strokes.error());
    auto documents = DocumentRepository(*store).forFamily(m_familyId);
    if (!documents)
        return fail(documents.error());

    const QDate today = m_session->today();
    m_found = true;
    m_familyName = (*family)->familyName;
    m_members = std::move(*people);
    m_records = std::move(*records);

    QHash<QString, QString> names;
    QHash<QString, QString> roles;
    for (const Person &person : std::as_const(m_members)) {
        names.insert(person.id, person.displayName());
        roles.insert(person.id, person.role);
    }
    QList<MemberListModel::Row> members;
    for (const Person &person : std::as_const(m_members)) {
        const auto consent = SharingConsent::memberConsent(person, m_members, m_records, today);
        MemberListModel::Row row;
        row.personId = person.id;
        row.name = person.displayName();
        row.roleText = CaseText::roleName(person.role);
        row.consent = MemberListModel::consentStatusOf(consent.grant.state);
        row.consentText
            = ConsentText::memberStatus(consent, person.id, roles.value(consent.holderId));
        members.append(row);
    }

    QHash<QString, QList<Stroke>> signatures;
    for (const Stroke &stroke : std::as_const(*strokes))
        signatures[stroke.drawingId].append(stroke);

    const QHash<QString, Document> forms = signedForms(*documents);
    m_canSaveForms = false;
    QList<ConsentListModel::Row> grants;
    // Newest first: the records come oldest first.
    for (auto it = m_records.crbegin(); it != m_records.crend(); ++it) {
        const Consent &consent = *it;
        if (!consent.isGrant())
            continue;
        const ConsentStatus status = ConsentStatus::ofGrant(consent, m_records, today);
        // A grant for someone no longer in the family keeps showing: it was signed.
        const QString name = names.value(consent.personId, tr("A former member"));
        ConsentListModel::Row row;
        row.consentId = consent.id;
        row.personId = consent.personId;
        row.personName = name;
        row.state = ConsentListModel::stateOf(status.state);
        row.statusText = ConsentText::grantStatus(status);
        row.agenciesText = ConsentText::agencyList(consent.agencies);
        row.purpose = consent.purpose;
        row.signedOnText = CaseText::date(consent.signedOn);
        row.expiresOnText = consent.expiresOn.isValid() ? CaseText::date(consent.expiresOn)
                                                        : tr("No expiry date");
        row.givenByText = consent.givenBySelf ? tr("%1, their own consent").arg(name)
                                              : tr("A parent or carer, on %1's behalf").arg(name);
        row.canWithdraw = status.isValid();
        row.signature = signatureOf(signatures.value(consent.signatureDrawingId));
        const auto form = forms.constFind(consent.id);
        if (form == forms.constEnd()) {
            row.formState = ConsentListModel::FormState::None;
            row.formText = tr("This consent was recorded before Doorstep kept signed forms, so "
                              "there is no form to save.");
        } else if (form->bytesHere) {
            row.formState = ConsentListModel::FormState::Here;
            m_canSaveForms = true;
        } else {
            row.formState = ConsentListModel::FormState::Coming;
            row.formText = tr("The signed form is on its way from the server; it arrives at the "
                              "next sync.");
        }
        grants.append(row);
    }

    m_people.setRows(std::move(members));
    m_consents.setRows(std::move(grants));
    Q_EMIT detailsChanged();
    setError(-1, {});
}

bool ConsentController::recordConsent(const QString &personId, const QStringList &agencies,
    const QString &purpose, bool givenBySelf, const QString &expiresOn, const QVariantList &strokes)
{
    if (!m_session || !m_session->store() || !m_found) {
        setRecordError(tr("Nothing was saved: the family is not open. Unlock Doorstep and "
                          "open the family again."));
        return false;
    }
    const QDate today = m_session->today();
    QStringList problems;
    const Person *person = member(personId);
    if (!person)
        problems << tr("Choose whose consent this is.");
    QStringList chosen;
    for (const QString &agency : agencies) {
        if (!Agencies::isKnown(agency))
            problems << tr("\"%1\" is not an agency Doorstep knows.").arg(agency);
        else if (!chosen.contains(agency))
            chosen << agency;
    }
    if (agencies.isEmpty())
        problems << tr("Tick at least one agency the information may be shared with.");
    if (purpose.trimmed().isEmpty())
        problems << tr("Write what the information will be shared for.");
    bool dateOk = false;
    const std::optional<QDate> expiry = DateInput::parse(expiresOn, &dateOk);
    if (!dateOk)
        problems << tr("The expiry date \"%1\" is not a date. Write it as day/month/year, "
                       "like %2.")
                        .arg(expiresOn.trimmed(), defaultExpiryText());
    else if (!expiry)
        problems << tr("Enter the date this consent expires, as day/month/year.");
    else if (*expiry <= today)
        problems << tr("The expiry date %1 must be after today.").arg(CaseText::date(*expiry));

    QList<QList<QPointF>> ink;
    bool signedSomething = false;
    for (const QVariant &stroke : strokes) {
        const QList<QPointF> points = pointsOf(stroke);
        if (points.isEmpty())
            continue;
        // A tap makes a dot, not a signature; a signature needs at least one line.
        signedSomething = signedSomething || points.size() >= 2;
        ink << points;
    }
    if (!signedSomething)
        problems << (givenBySelf || !person
                ? tr("Ask %1 to sign in the box.")
                      .arg(person ? person->displayName() : tr("the person giving consent"))
                : tr("Ask the parent or carer to sign in the box."));
    if (!problems.isEmpty()) {
        setRecordError(problems.join(QLatin1Char('\n')));
        return false;
    }

    SignedConsent signedConsent;
    Consent &c = signedConsent.consent;
    c.familyId = m_familyId;
    c.personId = personId;
    c.agencies = chosen;
    c.purpose = purpose.trimmed();
    c.givenBySelf = givenBySelf;
    c.signedOn = today;
    c.expiresOn = *expiry;
    c.recordedBy = m_session->store()->userId();
    signedConsent.strokes = std::move(ink);
    signedConsent.signedAt = m_session->now();
    auto changes = ConsentChanges::grant(signedConsent);
    if (!changes) {
        setRecordError(changes.error().message);
        return false;
    }

    // The form as signed is made from exactly what is saved, and kept with it in the same
    // write: a consent is never saved without its form.
    Consent granted = c;
    granted.id = changes->constLast().recordId;
    ConsentFormDocument form;
    form.familyName = m_familyName;
    form.personName = person->displayName();
    form.givenBySelf = givenBySelf;
    // A parent or carer signing on a child's behalf is not recorded by name.
    if (givenBySelf)
        form.signatoryName = person->displayName();
    for (const QString &agency : std::as_const(chosen))
        form.agencies << ConsentText::agencyName(agency);
    form.purpose = c.purpose;
    form.signedOn = c.signedOn;
    form.expiresOn = c.expiresOn;
    form.practitionerName = FamilyDocuments::practitionerName(*m_session->store(), m_familyId);
    // The form is the family's to read: words, not a user id (the record keeps that).
    if (form.practitionerName.isEmpty())
        form.practitionerName = tr("the family practitioner");
    form.signature = signedConsent.strokes;
    auto pdf = m_formRenderer(form);
    if (!pdf) {
        setRecordError(tr("Nothing was saved: the consent form could not be made. %1 Try "
                          "again; if it happens again, tell your IT service desk.")
                           .arg(pdf.error().message));
        return false;
    }
    //: How the date is written in a signed form's title (QDate::toString format).
    const QString signedOnText = QLocale().toString(today, tr("d MMMM yyyy"));
    //: A signed form's title: "Consent form, Ada Okafor, 12 March 2026".
    const QString title = tr("Consent form, %1, %2").arg(person->displayName(), signedOnText);
    changes->append(ConsentChanges::signedForm(granted, *pdf, title, signedConsent.signedAt));
    auto saved = m_session->apply(*changes, { *pdf });
    if (!saved) {
        setRecordError(saved.error().message);
        return false;
    }
    setRecordError({});
    return true;
}

void ConsentController::clearRecordError()
{
    setRecordError({});
}

bool ConsentController::withdraw(const QString &consentId)
{
    if (!m_session || !m_session->store() || !m_found) {
        setWithdrawError(tr("Nothing was saved: the family is not open. Unlock Doorstep and "
                            "open the family again."));
        return false;
    }
    const Consent *grant = nullptr;
    for (const Consent &record : std::as_const(m_records)) {
        if (record.id == consentId && record.isGrant())
            grant = &record;
    }
    if (!grant) {
        setWithdrawError(tr("This consent is no longer on this tablet."));
        return false;
    }
    const QDate today = m_session->today();
    const ConsentStatus status = ConsentStatus::ofGrant(*grant, m_records, today);
    if (status.state == ConsentStatus::State::Withdrawn) {
        setWithdrawError(
            tr("This consent was already withdrawn on %1.").arg(CaseText::date(status.date)));
        return false;
    }
    if (status.state == ConsentStatus::State::Expired) {
        setWithdrawError(tr("This consent expired on %1; there is nothing to withdraw.")
                             .arg(CaseText::date(status.date)));
        return false;
    }
    auto saved
        = m_session->apply(ConsentChanges::withdrawal(*grant, today, m_session->store()->userId()));
    if (!saved) {
        setWithdrawError(saved.error().message);
        return false;
    }
    setWithdrawError({});
    return true;
}

void ConsentController::clearWithdrawError()
{
    setWithdrawError({});
}

QString ConsentController::saveSignedForm(const QString &consentId, const QString &folder)
{
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || !m_found) {
        setSaveFormError(tr("Nothing was saved: the family is not open. Unlock Doorstep and "
                            "open the family again."));
        return {};
    }
    const Consent *grant = nullptr;
    for (const Consent &record : std::as_const(m_records)) {
        if (record.id == consentId && record.isGrant())
            grant = &record;
    }
    if (!grant) {
        setSaveFormError(tr("This consent is no longer on this tablet."));
        return {};
    }
    auto documents = DocumentRepository(*store).forFamily(m_familyId);
    if (!documents) {
        setSaveFormError(documents.error().message);
        return {};
    }
    const QHash<QString, Document> forms = signedForms(*documents);
    const auto form = forms.constFind(consentId);
    if (form == forms.constEnd()) {
        setSaveFormError(tr("Nothing was saved: this consent was recorded before Doorstep kept "
                            "signed forms, so there is no form to save."));
        return {};
    }
    auto bytes = store->blob(form->sha256);
    if (!bytes) {
        setSaveFormError(bytes.error().message);
        return {};
    }
    if (!*bytes) {
        setSaveFormError(tr("Nothing was saved: the signed form has not arrived on this tablet "
                            "yet. It comes from the server at the next sync; save it after "
                            "that."));
        return {};
    }
    // A grant of someone no longer in the family is named without them.
    const Person *person = member(grant->personId);
    //: Part of the file name, "Okafor consent form 2026-03-12.pdf".
    QString what = tr("consent form");
    if (person) {
        //: Part of the file name, "Okafor consent form Ada Okafor 2026-03-12.pdf".
        what = tr("consent form %1").arg(person->displayName());
    }
    const QString name = FamilyDocuments::fileName(m_familyName, what, grant->signedOn);
    auto saved = FamilyDocuments::saveBytes(folder, name, **bytes);
    if (!saved) {
        setSaveFormError(saved.error().message);
        return {};
    }
    setSaveFormError({});
    return *saved;
}

void ConsentController::setError(int code, const QString &message)
{
    if (m_errorCode == code && m_errorString == message)
        return;
    m_errorCode = code;
    m_errorString = message;
    Q_EMIT errorChanged();
}

void ConsentController::setRecordError(const QString &message)
{
    if (m_recordError == message)
        return;
    m_recordError = message;
    Q_EMIT recordErrorChanged();
}

void ConsentController::setSaveFormError(const QString &message)
{
    if (m_saveFormError == message)
        return;
    m_saveFormError = message;
    Q_EMIT saveFormErrorChanged();
}

void ConsentController::setWithdrawError(const QString &message)
{
    if (m_withdrawError == message)
        return;
    m_withdrawError = message;
    Q_EMIT withdrawErrorChanged();
}

} // namespace doorstep
