#include "models/exitquestionnairecontroller.h"

#include "models/casetext.h"

namespace doorstep
{

namespace
{

const QString Kind = QStringLiteral("exit_questionnaire");

QString answerOf(const ExitQuestionnaire &answers, const QString &field)
{
    if (field == QLatin1String("assessment_easy"))
        return answers.assessmentEasy;
    if (field == QLatin1String("assessment_fair"))
        return answers.assessmentFair;
    return answers.planClear;
}

} // namespace

ExitQuestionnaireController::ExitQuestionnaireController(QObject *parent)
    : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(Session::SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ExitQuestionnaireController::saveNow);
}

void ExitQuestionnaireController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::aboutToLock, this, [this] { saveNow(); });
        connect(m_session, &Session::unlockedChanged, this, &ExitQuestionnaireController::reload);
        connect(m_session, &Session::recordsChanged, this,
            &ExitQuestionnaireController::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void ExitQuestionnaireController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    saveNow();
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    reload();
}

void ExitQuestionnaireController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (!m_active)
        saveNow();
    else if (m_stale)
        reload();
}

void ExitQuestionnaireController::onRecordsChanged(const QStringList &kinds)
{
    if (!Session::touches(kinds, { Kind }))
        return;
    if (m_active)
        reload();
    else
        m_stale = true;
}

QVariantList ExitQuestionnaireController::questions() const
{
    QVariantList list;
    for (const QString &field : ExitQuestionnaireRepository::questions())
        list.append(QVariantMap { { QStringLiteral("field"), field },
            { QStringLiteral("text"), questionText(field) },
            { QStringLiteral("answer"), m_answers ? answerOf(*m_answers, field) : QString() } });
    return list;
}

QString ExitQuestionnaireController::answeredOnText() const
{
    if (!m_answers)
        return {};
    return tr("Answered on %1").arg(CaseText::date(m_answers->answeredOn));
}

QString ExitQuestionnaireController::questionText(const QString &field)
{
    if (field == QLatin1String("assessment_easy"))
        return tr("Was the assessment easy to understand?");
    if (field == QLatin1String("assessment_fair"))
        return tr("Was the assessment fair?");
    return tr("Was the plan clear about who does what?");
}

QString ExitQuestionnaireController::answerText(const QString &answer)
{
    if (answer == QLatin1String("yes"))
        return tr("Yes");
    if (answer == QLatin1String("partly"))
        return tr("Partly");
    if (answer == QLatin1String("no"))
        return tr("No");
    return {};
}

void ExitQuestionnaireController::reload()
{
    m_stale = false;
    // Comments still being typed stay as typed.
    if (m_commentsUnsaved)
        saveNow();
    m_answers.reset();
    QString error;
    Store *store = m_session ? m_session->store() : nullptr;
    if (store && !m_familyId.isEmpty()) {
        auto read = ExitQuestionnaireRepository(*store).forFamily(m_familyId);
        if (read)
            m_answers = *read;
        else
            error = read.error().message;
    }
    m_comments = m_answers ? m_answers->comments : QString();
    Q_EMIT answersChanged();
    setError(error);
}

bool ExitQuestionnaireController::answer(const QString &question, const QString &answer)
{
    if (!ExitQuestionnaireRepository::questions().contains(question)) {
        setError(tr("There is no such question."));
        return false;
    }
    return write(question, answer);
}

void ExitQuestionnaireController::setComments(const QString &comments)
{
    if (m_comments == comments)
        return;
    m_comments = comments;
    m_commentsUnsaved = true;
    m_saveTimer.start();
}

bool ExitQuestionnaireController::saveNow()
{
    m_saveTimer.stop();
    if (!m_commentsUnsaved)
        return true;
    m_commentsUnsaved = false;
    return write(QStringLiteral("comments"), m_comments);
}

bool ExitQuestionnaireController::write(const QString &field, const QString &value)
{
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || m_familyId.isEmpty())
        return false;
    const Change change = m_answers
        ? Change::update(Kind, m_answers->id, { { field, value } })
        : Change::create(Kind,
            { { QStringLiteral("family_id"), m_familyId },
                { QStringLiteral("answered_on"), m_session->today() }, { field, value } });
    // The store checks the answer is one of the choices, and says so in words.
    auto written = m_session->apply(change);
    if (!written) {
        setError(written.error().message);
        return false;
    }
    setError({});
    reload();
    return true;
}

void ExitQuestionnaireController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

} // namespace doorstep
