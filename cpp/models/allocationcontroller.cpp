#include "models/allocationcontroller.h"

#include "store/casesummaryrepository.h"

namespace doorstep
{

namespace
{

const QString AllocationKind = QStringLiteral("allocation");

} // namespace

AllocationController::AllocationController(QObject *parent)
    : QObject(parent)
{
}

void AllocationController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::teamChanged, this, &AllocationController::choicesChanged);
        connect(m_session, &Session::unlockedChanged, this, &AllocationController::choicesChanged);
    }
    Q_EMIT sessionChanged();
    Q_EMIT choicesChanged();
}

void AllocationController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    setError({});
    Q_EMIT familyIdChanged();
}

QVariantList AllocationController::choices() const
{
    QVariantList choices;
    if (!canAllocate())
        return choices;
    for (const TeamView::Member &member : m_session->teamView()->members) {
        if (member.role == TeamView::Role::Practitioner)
            choices.append(QVariantMap { { QStringLiteral("value"), member.userId },
                { QStringLiteral("text"), member.name } });
    }
    return choices;
}

bool AllocationController::allocate(const QString &practitionerId)
{
    if (!canAllocate() || !m_session->store()) {
        setError(tr("Only a supervisor allocates families."));
        return false;
    }
    const TeamView::Member *to = nullptr;
    for (const TeamView::Member &member : m_session->teamView()->members) {
        if (member.userId == practitionerId && member.role == TeamView::Role::Practitioner)
            to = &member;
    }
    if (!to) {
        setError(tr("Choose one of the team's practitioners."));
        return false;
    }
    Store &store = *m_session->store();
    auto open = CaseSummaryRepository(store).openAllocations(m_familyId);
    if (!open) {
        setError(open.error().message);
        return false;
    }
    const QDate today = m_session->today();
    QList<Change> changes;
    for (const auto &[allocationId, holder] : std::as_const(*open)) {
        if (holder == practitionerId) {
            setError(tr("%1 already leads this family.").arg(to->name));
            return false;
        }
        changes.append(Change::update(
            AllocationKind, allocationId, { { QStringLiteral("ended_on"), today } }));
    }
    changes.append(Change::create(AllocationKind,
        { { QStringLiteral("family_id"), m_familyId },
            { QStringLiteral("practitioner_id"), to->userId },
            { QStringLiteral("practitioner_name"), to->name },
            { QStringLiteral("team"), m_session->teamName() },
            { QStringLiteral("allocated_on"), today } }));
    auto written = m_session->apply(changes);
    if (!written) {
        setError(written.error().message);
        return false;
    }
    setError({});
    return true;
}

void AllocationController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

} // namespace doorstep
