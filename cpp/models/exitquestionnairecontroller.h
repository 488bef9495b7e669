#pragma once

#include "models/session.h"
#include "store/exitquestionnairerepository.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>
#include <optional>

namespace doorstep
{

/// The exit questionnaire at closure (issue 8), on the closure page: the family says whether
/// the assessment was easy to understand and fair, and whether the plan was clear about who
/// does what (yes, partly or no), with any comments. Each answer is saved as it is given
/// (comments a moment after typing stops), dated the day first answered; it syncs, and the
/// supervisor's team page totals the team's answers.
class ExitQuestionnaireController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /// Each question: { field, text, answer } (answer empty until given).
    Q_PROPERTY(QVariantList questions READ questions NOTIFY answersChanged)
    Q_PROPERTY(QString comments READ comments NOTIFY answersChanged)
    /// "Answered on 3 Dec 2026", or empty before the first answer.
    Q_PROPERTY(QString answeredOnText READ answeredOnText NOTIFY answersChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)

public:
    explicit ExitQuestionnaireController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    bool isActive() const { return m_active; }
    void setActive(bool active);
    QVariantList questions() const;
    QString comments() const { return m_comments; }
    QString answeredOnText() const;
    QString errorString() const { return m_errorString; }

    /// A question (by its field) as the family is asked it.
    static QString questionText(const QString &field);
    /// The words of an answer ("Yes", "Partly", "No").
    static QString answerText(const QString &answer);

    /// Records the family's answer (yes, partly or no) to a question (its field); false
    /// (with errorString) if refused.
    Q_INVOKABLE bool answer(const QString &question, const QString &answer);
    /// The family's comments as typed: saved a moment after typing stops.
    Q_INVOKABLE void setComments(const QString &comments);
    Q_INVOKABLE bool saveNow();
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void activeChanged();
    void answersChanged();
    void errorChanged();

private:
    /// Writes one field, making the record (dated today) if the family has none yet.
    bool write(const QString &field, const QString &value);
    void onRecordsChanged(const QStringList &kinds);
    void setError(const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    bool m_active = true;
    bool m_stale = false;
    std::optional<ExitQuestionnaire> m_answers;
    QString m_comments;
    bool m_commentsUnsaved = false;
    QTimer m_saveTimer;
    QString m_errorString;
};

} // namespace doorstep
