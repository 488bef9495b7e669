#include "models/familycontroller.h"

#include "domain/nhsnumber.h"
#include "domain/sharingconsent.h"
#include "models/casetext.h"
#include "models/consenttext.h"
#include "models/dateinput.h"
#include "store/caseloadrepository.h"
#include "store/casesummaryrepository.h"
#include "store/closurerepository.h"
#include "store/consentrepository.h"
#include "store/familyrepository.h"
#include "store/personrepository.h"
#include "store/visitrepository.h"

namespace doorstep
{

namespace
{

bool affectsFamily(const QStringList &kinds)
{
    static const QStringList relevant { QStringLiteral("family"), QStringLiteral("person"),
        QStringLiteral("referral"), QStringLiteral("allocation"), QStringLiteral("visit"),
        QStringLiteral("plan"), QStringLiteral("review"), QStringLiteral("closure"),
        QStringLiteral("consent") };
    return Session::touches(kinds, relevant);
}

QString roleOf(const QList<Person> &people, const QString &personId)
{
    for (const Person &person : people) {
        if (person.id == personId)
            return person.role;
    }
    return {};
}

DeadlineListModel::Status statusFor(Deadline::Status status)
{
    switch (status) {
    case Deadline::Status::NotYetDue:
        return DeadlineListModel::Status::NotYetDue;
    case Deadline::Status::Due:
        return DeadlineListModel::Status::Due;
    case Deadline::Status::Overdue:
        return DeadlineListModel::Status::Overdue;
    case Deadline::Status::Met:
        return DeadlineListModel::Status::Met;
    case Deadline::Status::MetLate:
        return DeadlineListModel::Status::MetLate;
    }
    return DeadlineListModel::Status::NotYetDue;
}

} // namespace

FamilyController::FamilyController(QObject *parent)
    : QObject(parent)
{
}

void FamilyController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &FamilyController::reload);
        connect(m_session, &Session::recordsChanged, this, &FamilyController::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void FamilyController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    setAddMemberError({});
    reload();
}

QString FamilyController::levelOfNeedText() const
{
    return m_hasReferral ? CaseText::levelOfNeedName(m_levelOfNeed) : QString();
}

QVariantList FamilyController::roleChoices() const
{
    return CaseText::roleChoices();
}

QVariantList FamilyController::genderChoices() const
{
    return CaseText::genderChoices();
}

void FamilyController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_stale)
        reload();
}

void FamilyController::onRecordsChanged(const QStringList &kinds)
{
    if (!affectsFamily(kinds))
        return;
    if (m_active)
        reload();
    else
        m_stale = true;
}

void FamilyController::clear()
{
    m_found = false;
    m_familyName.clear();
    m_address.clear();
    m_postcode.clear();
    m_language.clear();
    m_interpreterNeeded = false;
    m_hasReferral = false;
    m_referralSource.clear();
    m_levelOfNeed = 0;
    m_referredOn.clear();
    m_referralReason.clear();
    m_hasLeadPractitioner = false;
    m_leadPractitionerName.clear();
    m_leadPractitionerTeam.clear();
    m_allocatedOn.clear();
    m_hasConsents = false;
    m_hasPlan = false;
    m_planStatus.clear();
    m_planStartedOn.clear();
    m_closureText.clear();
    m_members.setRows({});
    m_deadlines.setRows({});
    m_visits.setRows({});
}

void FamilyController::reload()
{
    m_stale = false;
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || m_familyId.isEmpty()) {
        // Locked: nothing of the family stays in memory, and opening it again is a new view.
        m_viewNotedFor.clear();
        clear();
        Q_EMIT detailsChanged();
        setError(-1, {});
        return;
    }
    const QDate today = m_session->today();
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
    // Every access is audited: the family's record was opened, once per opening (not per
    // re-read), and the centre's audit viewer shows it after the next sync.
    if (m_viewNotedFor != m_familyId) {
        if (auto noted = store->noteViewed(QStringLiteral("family"), m_familyId); !noted)
            return fail(noted.error());
        m_viewNotedFor = m_familyId;
    }
    auto people = PersonRepository(*store).forFamily(m_familyId);
    if (!people)
        return fail(people.error());
    auto visits = VisitRepository(*store).forFamily(m_familyId);
    if (!visits)
        return fail(visits.error());
    auto summary = CaseSummaryRepository(*store).forFamily(m_familyId);
    if (!summary)
        return fail(summary.error());
    if (!m_driftAndDelay) {
        auto calendar = WorkingCalendar::englandAndWales();
        if (!calendar)
            return fail(calendar.error());
        m_driftAndDelay.emplace(*calendar);
    }
    auto entry = CaseloadRepository(*store, m_driftAndDelay->timescales()).forFamily(m_familyId);
    if (!entry)
        return fail(entry.error());
    auto closures = ClosureRepository(*store).closures(
        m_familyId, entry->has_value() ? (*entry)->allocatedOn : QDate());
    if (!closures)
        return fail(closures.error());
    auto consents = ConsentRepository(*store).forFamily(m_familyId);
    if (!consents)
        return fail(consents.error());

    const Family &f = **family;
    m_found = true;
    m_familyName = f.familyName;
    m_address = f.address;
    m_postcode = f.postcode;
    m_language = f.language;
    m_interpreterNeeded = f.interpreterNeeded;

    const CaseSummary &s = *summary;
    m_hasReferral = s.referral.has_value();
    m_referralSource = s.referral ? CaseText::referralSourceName(s.referral->source) : QString();
    m_levelOfNeed = s.referral ? s.referral->levelOfNeed : 0;
    m_referredOn = s.referral ? CaseText::date(s.referral->referredOn) : QString();
    m_referralReason = s.referral ? s.referral->reason : QString();
    m_hasLeadPractitioner = s.allocation.has_value();
    m_leadPractitionerName = s.allocation ? s.allocation->practitionerName : QString();
    if (s.allocation && m_leadPractitionerName.isEmpty())
        m_leadPractitionerName = tr("Name not recorded");
    m_leadPractitionerTeam = s.allocation ? s.allocation->team : QString();
    m_allocatedOn = s.allocation ? CaseText::date(s.allocation->allocatedOn) : QString();
    m_hasConsents = !consents->isEmpty();
    m_hasPlan = s.plan.has_value();
    m_planStatus = s.plan ? CaseText::planStatusName(s.plan->status) : QString();
    m_planStartedOn
        = s.plan && s.plan->startedOn.isValid() ? CaseText::date(s.plan->startedOn) : QString();
    m_closureText = CaseText::caseStageSentence(*closures);

    QList<MemberListModel::Row> members;
    for (const Person &person : std::as_const(*people)) {
        MemberListModel::Row row;
        row.personId = person.id;
        row.name = person.displayName();
        row.ageText = CaseText::age(person, today);
        row.age = person.ageOn(today).value_or(-1);
        row.dateOfBirthText
            = person.dateOfBirth.isValid() ? CaseText::date(person.dateOfBirth) : QString();
        if (!person.nhsNumber.isEmpty()) {
            // The store only keeps numbers that passed the check; a number that fails it
            // now was damaged since, and is shown as typed without the mark.
            auto number = NhsNumber::parse(person.nhsNumber);
            row.nhsNumberChecked = number.ok();
            row.nhsNumber = number ? number->formatted() : person.nhsNumber;
        }
        row.school = person.school;
        row.roleText = CaseText::roleName(person.role);
        const auto consent = SharingConsent::memberConsent(person, *people, *consents, today);
        row.consent = MemberListModel::consentStatusOf(consent.grant.state);
        row.consentText
            = ConsentText::memberStatus(consent, person.id, roleOf(*people, consent.holderId));
        members.append(row);
    }

    QList<DeadlineListModel::Row> deadlines;
    if (entry->has_value()) {
        for (const Deadline &deadline : m_driftAndDelay->timescales().deadlines((*entry)->dates)) {
            DeadlineListModel::Row row;
            row.id = QStringLiteral("%1-%2").arg(int(deadline.kind)).arg(deadline.maintenanceMonth);
            row.name = CaseText::deadlineName(deadline);
            row.sentence = CaseText::deadlineSentence(deadline, today);
            row.status = statusFor(deadline.status(today));
            row.statusText = CaseText::statusName(deadline.status(today));
            deadlines.append(row);
        }
    }

    m_drift.clear();
    if (entry->has_value()) {
        const auto report = m_driftAndDelay->assess((*entry)->dates, today);
        for (const DriftAndDelay::CheckResult &result : report.results) {
            if (!result.applies)
                continue;
            m_drift.append(CaseText::driftCheckEntry(result));
        }
    }

    QList<VisitTimelineModel::Row> timeline;
    for (const Visit &visit : std::as_const(*visits)) {
        VisitTimelineModel::Row row;
        row.visitId = visit.id;
        row.whenText = CaseText::dateTime(visit.visitAt);
        row.location = visit.location;
        row.isFinal = visit.isFinal;
        row.statusText = visit.isFinal ? tr("Final") : tr("Draft");
        timeline.append(row);
    }

    m_members.setRows(std::move(members));
    m_deadlines.setRows(std::move(deadlines));
    m_visits.setRows(std::move(timeline));
    Q_EMIT detailsChanged();
    setError(-1, {});
}

bool FamilyController::addMember(const QString &givenName, const QString &familyName,
    const QString &dateOfBirth, const QString &nhsNumber, const QString &gender,
    const QString &role, const QString &school)
{
    if (!m_session || !m_session->store() || !m_found) {
        setAddMemberError(tr("Nothing was saved: the family is not open. Unlock Doorstep and "
                             "open the family again."));
        return false;
    }
    if (givenName.trimmed().isEmpty()) {
        setAddMemberError(tr("Enter the member's given name."));
        return false;
    }
    bool dateOk = false;
    const std::optional<QDate> born = DateInput::parse(dateOfBirth, &dateOk);
    if (!dateOk) {
        setAddMemberError(tr("The date of birth \"%1\" is not a date. Write it as "
                             "day/month/year, like 14/03/2016.")
                              .arg(dateOfBirth.trimmed()));
        return false;
    }
    if (born && *born > m_session->today()) {
        setAddMemberError(tr("The date of birth %1 is in the future.").arg(CaseText::date(*born)));
        return false;
    }

    QList<FieldValue> fields { { QStringLiteral("family_id"), m_familyId },
        { QStringLiteral("given_name"), givenName.trimmed() } };
    const auto addText = [&fields](const char *field, const QString &value) {
        if (!value.trimmed().isEmpty())
            fields.append({ QString::fromLatin1(field), value.trimmed() });
    };
    addText("family_name", familyName);
    if (born)
        fields.append({ QStringLiteral("date_of_birth"), *born });
    addText("nhs_number", nhsNumber);
    addText("gender", gender);
    addText("role", role);
    addText("school", school);

    auto saved = m_session->apply(Change::create(QStringLiteral("person"), fields));
    if (!saved) {
        setAddMemberError(saved.error().message);
        return false;
    }
    setAddMemberError({});
    return true;
}

void FamilyController::clearAddMemberError()
{
    setAddMemberError({});
}

void FamilyController::setError(int code, const QString &message)
{
    if (m_errorCode == code && m_errorString == message)
        return;
    m_errorCode = code;
    m_errorString = message;
    Q_EMIT errorChanged();
}

void FamilyController::setAddMemberError(const QString &message)
{
    if (m_addMemberError == message)
        return;
    m_addMemberError = message;
    Q_EMIT addMemberErrorChanged();
}

} // namespace doorstep
