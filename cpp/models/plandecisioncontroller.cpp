#include "models/plandecisioncontroller.h"

#include "client/syncclient.h"
#include "models/casetext.h"
#include "store/caseloadrepository.h"
#include "store/planrepository.h"
#include "store/supervisionrepository.h"

namespace doorstep
{

namespace
{

const QString PlanKind = QStringLiteral("plan");
const QString DecisionKind = QStringLiteral("plan_decision");
const QString SignedOff = QStringLiteral("signed_off");
const QString Returned = QStringLiteral("returned");

} // namespace

PlanDecisionController::PlanDecisionController(QObject *parent)
    : QObject(parent)
{
}

void PlanDecisionController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &PlanDecisionController::reload);
        connect(m_session, &Session::teamChanged, this, &PlanDecisionController::decisionsChanged);
        connect(
            m_session, &Session::recordsChanged, this, &PlanDecisionController::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void PlanDecisionController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    reload();
}

void PlanDecisionController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_stale)
        reload();
}

void PlanDecisionController::onRecordsChanged(const QStringList &kinds)
{
    if (!Session::touches(kinds, { PlanKind, DecisionKind, QStringLiteral("allocation") }))
        return;
    if (m_active)
        reload();
    else
        m_stale = true;
}

void PlanDecisionController::reload()
{
    m_stale = false;
    m_plan.reset();
    m_decisions.clear();
    QString error;
    Store *store = m_session ? m_session->store() : nullptr;
    if (store && !m_familyId.isEmpty()) {
        // The plan of the current case, as the plan page shows it.
        auto calendar = WorkingCalendar::englandAndWales();
        auto entry = calendar
            ? CaseloadRepository(*store, Timescales(*calendar)).forFamily(m_familyId)
            : Result<std::optional<CaseloadEntry>>(calendar.error());
        auto plan = entry
            ? PlanRepository(*store).current(m_familyId, *entry ? (*entry)->allocatedOn : QDate())
            : Result<std::optional<Plan>>(entry.error());
        if (!plan) {
            error = plan.error().message;
        } else if (*plan) {
            m_plan = **plan;
            auto decisions = SupervisionRepository(*store).decisions(m_plan->id);
            if (!decisions) {
                error = decisions.error().message;
            } else {
                for (const PlanDecision &d : std::as_const(*decisions)) {
                    const QString who = d.decidedByName.isEmpty() ? d.decidedBy : d.decidedByName;
                    m_decisions.append(QVariantMap { { QStringLiteral("decision"), d.decision },
                        { QStringLiteral("title"),
                            d.isSignOff() ? tr("Signed off by %1").arg(who)
                                          : tr("Returned by %1").arg(who) },
                        { QStringLiteral("byText"), CaseText::dateTime(d.decidedAt) },
                        { QStringLiteral("comments"), d.comments } });
                }
            }
        }
    }
    Q_EMIT decisionsChanged();
    setError(error);
}

bool PlanDecisionController::canDecide() const
{
    return m_session && m_session->isSupervisor() && m_plan
        && m_plan->status == QLatin1String("complete");
}

QString PlanDecisionController::decideHint() const
{
    if (!m_session || !m_session->isSupervisor())
        return {};
    if (!m_plan)
        return tr("There is no plan to sign off yet.");
    if (m_plan->status == SignedOff)
        return tr("The plan is signed off. A change to it comes back here once it is "
                  "completed again.");
    if (m_plan->status == Returned)
        return tr("The plan is back with the practitioner, who completes it again when it "
                  "is ready.");
    if (m_plan->status != QLatin1String("complete"))
        return tr("The plan can be signed off once the practitioner has completed it.");
    return {};
}

bool PlanDecisionController::signOff(const QString &comments)
{
    return decide(SignedOff, comments);
}

bool PlanDecisionController::returnPlan(const QString &comments)
{
    if (comments.trimmed().isEmpty()) {
        setError(tr("Say what needs to change before returning the plan."));
        return false;
    }
    return decide(Returned, comments);
}

bool PlanDecisionController::decide(const QString &decision, const QString &comments)
{
    if (!canDecide()) {
        setError(
            decideHint().isEmpty() ? tr("Only a supervisor can sign off a plan.") : decideHint());
        return false;
    }
    Store &store = *m_session->store();
    const QString name = m_session->userName();
    // The decision and the plan's new status, in one transaction: never one without the other.
    QList<FieldValue> fields { { QStringLiteral("family_id"), m_familyId },
        { QStringLiteral("plan_id"), m_plan->id }, { QStringLiteral("decision"), decision },
        { QStringLiteral("decided_by"), store.userId() },
        { QStringLiteral("decided_at"), m_session->now().toUTC() } };
    if (!comments.trimmed().isEmpty())
        fields.append({ QStringLiteral("comments"), comments.trimmed() });
    if (!name.isEmpty())
        fields.append({ QStringLiteral("decided_by_name"), name });
    auto written = m_session->apply({ Change::create(DecisionKind, fields),
        Change::update(PlanKind, m_plan->id, { { QStringLiteral("status"), decision } }) });
    if (!written) {
        setError(written.error().message);
        return false;
    }
    setError({});
    reload();
    return true;
}

void PlanDecisionController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

} // namespace doorstep
