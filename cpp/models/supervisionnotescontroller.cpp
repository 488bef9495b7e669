#include "models/supervisionnotescontroller.h"

#include "models/casetext.h"
#include "models/dateinput.h"
#include "store/supervisionrepository.h"

namespace doorstep
{

namespace
{

const QString NoteKind = QStringLiteral("supervision_note");

} // namespace

SupervisionNotesController::SupervisionNotesController(QObject *parent)
    : QObject(parent)
{
}

void SupervisionNotesController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &SupervisionNotesController::reload);
        connect(
            m_session, &Session::teamChanged, this, &SupervisionNotesController::canRecordChanged);
        connect(m_session, &Session::recordsChanged, this,
            &SupervisionNotesController::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    Q_EMIT canRecordChanged();
    reload();
}

void SupervisionNotesController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    reload();
}

void SupervisionNotesController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_stale)
        reload();
}

void SupervisionNotesController::onRecordsChanged(const QStringList &kinds)
{
    if (!Session::touches(kinds, { NoteKind }))
        return;
    if (m_active)
        reload();
    else
        m_stale = true;
}

QString SupervisionNotesController::todayText() const
{
    return m_session ? DateInput::format(m_session->today()) : QString();
}

void SupervisionNotesController::reload()
{
    m_stale = false;
    m_notes.clear();
    QString error;
    Store *store = m_session ? m_session->store() : nullptr;
    if (store && !m_familyId.isEmpty()) {
        auto notes = SupervisionRepository(*store).notes(m_familyId);
        if (!notes) {
            error = notes.error().message;
        } else {
            for (const SupervisionNote &n : std::as_const(*notes))
                m_notes.append(QVariantMap { { QStringLiteral("id"), n.id },
                    { QStringLiteral("heldOnText"), CaseText::date(n.heldOn) },
                    { QStringLiteral("discussion"), n.discussion },
                    { QStringLiteral("decisions"), n.decisions },
                    { QStringLiteral("actions"), n.actions },
                    { QStringLiteral("byText"),
                        n.authorName.isEmpty() ? n.authorId : n.authorName } });
        }
    }
    Q_EMIT notesChanged();
    setError(error);
}

bool SupervisionNotesController::record(const QString &heldOnText, const QString &discussion,
    const QString &decisions, const QString &actions)
{
    if (!canRecord() || !m_session->store()) {
        setError(tr("Only a supervisor records a case supervision."));
        return false;
    }
    bool ok = false;
    const std::optional<QDate> heldOn = DateInput::parse(heldOnText, &ok);
    if (!ok || !heldOn) {
        setError(tr("Write the date as day/month/year, for example %1.")
                     .arg(DateInput::format(m_session->today())));
        return false;
    }
    if (*heldOn > m_session->today()) {
        setError(tr("A case supervision is recorded once it has been held: the date cannot be "
                    "after today."));
        return false;
    }
    if (discussion.trimmed().isEmpty()) {
        setError(tr("Write what was discussed."));
        return false;
    }
    Store &store = *m_session->store();
    QList<FieldValue> fields { { QStringLiteral("family_id"), m_familyId },
        { QStringLiteral("held_on"), *heldOn },
        { QStringLiteral("discussion"), discussion.trimmed() },
        { QStringLiteral("author_id"), store.userId() } };
    if (!decisions.trimmed().isEmpty())
        fields.append({ QStringLiteral("decisions"), decisions.trimmed() });
    if (!actions.trimmed().isEmpty())
        fields.append({ QStringLiteral("actions"), actions.trimmed() });
    if (const QString name = m_session->userName(); !name.isEmpty())
        fields.append({ QStringLiteral("author_name"), name });
    auto written = m_session->apply(Change::create(NoteKind, fields));
    if (!written) {
        setError(written.error().message);
        return false;
    }
    setError({});
    reload();
    return true;
}

void SupervisionNotesController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

} // namespace doorstep
