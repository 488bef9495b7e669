#include "models/reviewcontroller.h"

#include "domain/timescales.h"
#include "models/casetext.h"
#include "models/dateinput.h"
#include "store/caseloadrepository.h"
#include "store/planrepository.h"
#include "store/reviewrepository.h"

namespace doorstep
{

namespace
{

const QString ReviewKind = QStringLiteral("review");
const QString HeldOn = QStringLiteral("held_on");
const QString Kind = QStringLiteral("kind");
const QString Attendees = QStringLiteral("attendees");
const QString Outcome = QStringLiteral("outcome");
const QString Progress = QStringLiteral("progress");

} // namespace

ReviewController::ReviewController(QObject *parent)
    : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(Session::SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { saveNow(); });
}

ReviewController::~ReviewController()
{
    if (!m_dirty.isEmpty())
        saveNow();
}

void ReviewController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::aboutToLock, this, [this] { saveNow(); });
        connect(m_session, &Session::unlockedChanged, this, [this] {
            if (!m_session->isUnlocked()) {
                // Nothing of the review stays in memory once locked.
                m_reviewId.clear();
                m_createdHere = false;
                Q_EMIT reviewIdChanged();
                load();
            }
        });
    }
    Q_EMIT sessionChanged();
    load();
}

void ReviewController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    saveNow();
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    load();
}

void ReviewController::setReviewId(const QString &reviewId)
{
    if (m_reviewId == reviewId)
        return;
    saveNow();
    m_reviewId = reviewId;
    m_createdHere = false;
    Q_EMIT reviewIdChanged();
    load();
}

void ReviewController::startNew()
{
    saveNow();
    m_createdHere = false;
    if (!m_reviewId.isEmpty()) {
        m_reviewId.clear();
        Q_EMIT reviewIdChanged();
    }
    load();
}

QVariantList ReviewController::kindChoices() const
{
    return CaseText::reviewKindChoices();
}

void ReviewController::setKind(const QString &kind)
{
    if (m_kind == kind || (kind != QLatin1String("review") && kind != QLatin1String("maintenance")))
        return;
    m_kind = kind;
    Q_EMIT fieldsChanged();
    markDirty(Kind);
}

void ReviewController::setAttendees(const QString &attendees)
{
    if (m_attendees == attendees)
        return;
    m_attendees = attendees;
    Q_EMIT fieldsChanged();
    markDirty(Attendees);
}

void ReviewController::setOutcome(const QString &outcome)
{
    if (m_outcome == outcome)
        return;
    m_outcome = outcome;
    Q_EMIT fieldsChanged();
    markDirty(Outcome);
}

void ReviewController::setProgress(bool progress)
{
    if (m_progress == progress)
        return;
    m_progress = progress;
    Q_EMIT fieldsChanged();
    markDirty(Progress);
}

void ReviewController::setHeldOnText(const QString &text)
{
    if (m_heldOnText == text)
        return;
    m_heldOnText = text;
    Q_EMIT fieldsChanged();
    markDirty(HeldOn);
}

void ReviewController::markDirty(const QString &field)
{
    m_dirty.insert(field);
    setSaveState(tr("Saving…"));
    m_saveTimer.start();
}

bool ReviewController::saveNow()
{
    m_saveTimer.stop();
    if (m_dirty.isEmpty() || !m_session || !m_session->isUnlocked() || m_familyId.isEmpty())
        return m_dirty.isEmpty();
    const QDate today = m_session->today();

    QSet<QString> writable = m_dirty;
    if (m_dirty.contains(HeldOn)) {
        bool ok = false;
        const std::optional<QDate> date = DateInput::parse(m_heldOnText, &ok);
        QString problem;
        if (!ok || !date)
            problem = tr("Write the date of the review as day/month/year, like %1.")
                          .arg(DateInput::format(today));
        else if (*date > today)
            problem = tr("%1 is after today: record a review once it has been held.")
                          .arg(CaseText::date(*date));
        if (problem.isEmpty()) {
            m_heldOn = *date;
        } else {
            writable.remove(HeldOn);
        }
        if (m_heldOnProblem != problem) {
            m_heldOnProblem = problem;
            Q_EMIT fieldsChanged();
        }
    }

    QList<FieldValue> fields;
    for (const QString &field : std::as_const(writable)) {
        if (field == HeldOn)
            fields.append({ field, m_heldOn });
        else if (field == Kind)
            fields.append({ field, m_kind });
        else if (field == Attendees)
            fields.append({ field, m_attendees });
        else if (field == Progress)
            fields.append({ field, m_progress });
        else
            fields.append({ field, m_outcome });
    }
    if (fields.isEmpty()) {
        setSaveState(tr("Not saved"));
        return false;
    }

    Result<QString> saved = makeError(Error::Code::Internal, QString());
    if (m_reviewId.isEmpty()) {
        // The first change makes the record: dated as shown, of the kind shown, for the
        // plan of the current case.
        Store &store = *m_session->store();
        auto calendar = WorkingCalendar::englandAndWales();
        if (!calendar) {
            setError(calendar.error().message);
            setSaveState(tr("Not saved"));
            return false;
        }
        auto entry = CaseloadRepository(store, Timescales(*calendar)).forFamily(m_familyId);
        auto plan = entry
            ? PlanRepository(store).current(m_familyId, *entry ? (*entry)->allocatedOn : QDate())
            : Result<std::optional<Plan>>(entry.error());
        if (!plan) {
            setError(plan.error().message);
            setSaveState(tr("Not saved"));
            return false;
        }
        fields.append({ QStringLiteral("family_id"), m_familyId });
        if (*plan)
            fields.append({ QStringLiteral("plan_id"), (*plan)->id });
        if (!writable.contains(HeldOn))
            fields.append({ HeldOn, m_heldOn });
        if (!writable.contains(Kind))
            fields.append({ Kind, m_kind });
        saved = m_session->apply(Change::create(ReviewKind, fields));
    } else {
        saved = m_session->apply(Change::update(ReviewKind, m_reviewId, fields));
    }
    if (!saved) {
        setError(saved.error().message);
        setSaveState(tr("Not saved"));
        return false;
    }
    for (const QString &field : std::as_const(writable))
        m_dirty.remove(field);
    setError({});
    if (m_reviewId.isEmpty()) {
        m_reviewId = *saved;
        m_createdHere = true;
        Q_EMIT reviewIdChanged();
    }
    setSaveState(m_dirty.isEmpty() ? tr("Saved") : tr("Not saved"));
    return m_dirty.isEmpty();
}

bool ReviewController::discard()
{
    m_saveTimer.stop();
    if (!canDiscard() || !m_session || !m_session->isUnlocked())
        return false;
    auto removed = m_session->apply(Change::remove(ReviewKind, m_reviewId));
    if (!removed) {
        setError(removed.error().message);
        return false;
    }
    m_dirty.clear();
    m_reviewId.clear();
    m_createdHere = false;
    Q_EMIT reviewIdChanged();
    load();
    return true;
}

void ReviewController::load()
{
    m_saveTimer.stop();
    m_dirty.clear();
    m_heldOnProblem.clear();
    m_attendees.clear();
    m_outcome.clear();
    m_progress = false;
    m_kind = QStringLiteral("review");
    m_heldOn = m_session ? m_session->today() : QDate();
    setSaveState({});
    setError({});
    Store *store = m_session ? m_session->store() : nullptr;
    if (store && !m_reviewId.isEmpty()) {
        auto found = ReviewRepository(*store).find(m_reviewId);
        if (!found || !*found) {
            setError(found ? tr("This review no longer exists.") : found.error().message);
        } else {
            const Review &review = **found;
            m_heldOn = review.heldOn;
            m_kind = review.kind;
            m_attendees = review.attendees;
            m_outcome = review.outcome;
            m_progress = review.progress;
            setSaveState(tr("Saved"));
        }
    } else if (store && !m_familyId.isEmpty()) {
        // A case in maintenance holds maintenance reviews.
        auto calendar = WorkingCalendar::englandAndWales();
        if (calendar) {
            auto entry = CaseloadRepository(*store, Timescales(*calendar)).forFamily(m_familyId);
            if (entry && *entry && (*entry)->dates.maintenanceStartedOn
                && !(*entry)->dates.closedOn)
                m_kind = QStringLiteral("maintenance");
        }
    }
    m_heldOnText = DateInput::format(m_heldOn);
    Q_EMIT fieldsChanged();
}

void ReviewController::setSaveState(const QString &state)
{
    if (m_saveState == state)
        return;
    m_saveState = state;
    Q_EMIT saveStateChanged();
}

void ReviewController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

} // namespace doorstep
