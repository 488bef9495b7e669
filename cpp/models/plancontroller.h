#pragma once

#include "domain/familyplan.h"
#include "domain/timescales.h"
#include "models/deadlinelistmodel.h"
#include "models/goalgrouplistmodel.h"
#include "models/goallistmodel.h"
#include "models/planactionlistmodel.h"
#include "models/reviewlistmodel.h"
#include "models/session.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QVariantList>
#include <map>
#include <memory>
#include <optional>

namespace doorstep
{

/// The My Family Plan behind PlanPage: a family id in; the plan's goals grouped per member,
/// its actions, the reviews held and the plan's timescales out. Saves what the practitioner
/// types within half a second; agreeing the goals and completing the plan are explicit
/// commands dated today.
///
/// A goal or action added on the page is given its id at once but reaches the store only
/// when it has words, so a row keeps its delegate (and its focus) from the first keystroke.
/// The plan record itself is made with the first goal or action saved.
class PlanController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)

    /// False until a live family with familyId has been read (and once locked).
    Q_PROPERTY(bool found READ isFound NOTIFY planChanged)
    Q_PROPERTY(QString familyName READ familyName NOTIFY planChanged)
    /// Whether the current case has a plan record yet.
    Q_PROPERTY(bool hasPlan READ hasPlan NOTIFY planChanged)
    /// The plan's status as the store has it: draft, complete, signed_off or returned.
    Q_PROPERTY(QString status READ status NOTIFY planChanged)
    /// "Draft", "Complete", …; "Not started" before there is a plan.
    Q_PROPERTY(QString statusText READ statusText NOTIFY planChanged)
    Q_PROPERTY(QString startedOnText READ startedOnText NOTIFY planChanged)
    /// The dates the timescales are measured by; empty until reached.
    Q_PROPERTY(QString goalsAgreedOnText READ goalsAgreedOnText NOTIFY planChanged)
    Q_PROPERTY(QString completedOnText READ completedOnText NOTIFY planChanged)
    /// There are saved goals the family has not agreed yet.
    Q_PROPERTY(bool canAgreeGoals READ canAgreeGoals NOTIFY planChanged)
    /// Why the goals cannot be agreed now; empty when they can, or have been.
    Q_PROPERTY(QString agreeGoalsHint READ agreeGoalsHint NOTIFY planChanged)
    /// The goals are agreed, an action says who does what, and the plan is a draft.
    Q_PROPERTY(bool canCompletePlan READ canCompletePlan NOTIFY planChanged)
    /// Why the plan cannot be completed now; empty when it can, or is complete.
    Q_PROPERTY(QString completePlanHint READ completePlanHint NOTIFY planChanged)

    Q_PROPERTY(doorstep::GoalGroupListModel *goalGroups READ goalGroups CONSTANT)
    Q_PROPERTY(doorstep::PlanActionListModel *actions READ actions CONSTANT)
    Q_PROPERTY(doorstep::ReviewListModel *reviews READ reviews CONSTANT)
    /// The plan's timescales: goals, plan, the next review and maintenance reviews.
    Q_PROPERTY(doorstep::DeadlineListModel *deadlines READ deadlines CONSTANT)
    /// The goals an action can work toward: [{ value, text }], the whole plan first.
    Q_PROPERTY(QVariantList goalChoices READ goalChoices NOTIFY goalChoicesChanged)
    Q_PROPERTY(QVariantList goalStatusChoices READ goalStatusChoices CONSTANT)

    /// "Saved", "Saving…", "Not saved", or empty before the first change.
    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    /// False while the page is covered: records written then are read once it shows again.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /// Where the family's copy is saved unless the practitioner chooses another folder.
    Q_PROPERTY(QString defaultExportFolder READ defaultExportFolder CONSTANT)

public:
    explicit PlanController(QObject *parent = nullptr);
    ~PlanController() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);

    bool isFound() const { return m_found; }
    QString familyName() const { return m_familyName; }
    bool hasPlan() const { return m_plan.has_value(); }
    QString status() const { return m_plan ? m_plan->status : QString(); }
    QString statusText() const;
    QString startedOnText() const;
    QString goalsAgreedOnText() const;
    QString completedOnText() const;
    bool canAgreeGoals() const;
    QString agreeGoalsHint() const;
    bool canCompletePlan() const;
    QString completePlanHint() const;

    GoalGroupListModel *goalGroups() { return &m_groups; }
    PlanActionListModel *actions() { return &m_actionModel; }
    ReviewListModel *reviews() { return &m_reviewModel; }
    DeadlineListModel *deadlines() { return &m_deadlines; }
    QVariantList goalChoices() const { return m_goalChoices; }
    QVariantList goalStatusChoices() const;

    QString saveState() const { return m_saveState; }
    QString errorString() const { return m_errorString; }
    bool isActive() const { return m_active; }
    void setActive(bool active);

    /// Starts a goal for a member (an empty personId: the whole family) and returns its id;
    /// it is saved once it has words.
    Q_INVOKABLE QString addGoal(const QString &personId);
    Q_INVOKABLE void setGoalWords(const QString &goalId, const QString &words);
    /// Sets open, achieved, not_achieved or withdrawn, and saves at once.
    Q_INVOKABLE bool setGoalStatus(const QString &goalId, const QString &status);

    /// Starts an action toward a goal (empty: the whole plan) and returns its id; it is
    /// saved once it has a description.
    Q_INVOKABLE QString addAction(const QString &goalId);
    Q_INVOKABLE void setActionDescription(const QString &actionId, const QString &text);
    Q_INVOKABLE void setActionWho(const QString &actionId, const QString &who);
    /// The date as typed, day/month/year; saved once it is a real date (empty clears it).
    Q_INVOKABLE void setActionDueText(const QString &actionId, const QString &text);
    /// Marks the action done today (or not done), and saves at once.
    Q_INVOKABLE bool setActionDone(const QString &actionId, bool done);
    Q_INVOKABLE bool setActionGoal(const QString &actionId, const QString &goalId);

    /// Records that the family agreed its goals today: the plan's goals-agreed date (the
    /// first time) and each open goal not yet agreed.
    Q_INVOKABLE bool agreeGoals();
    /// Marks the plan complete today.
    Q_INVOKABLE bool completePlan();

    /// Saves anything typed but not yet saved; called on leaving the page and before locking.
    Q_INVOKABLE bool saveNow();
    Q_INVOKABLE void reload();

    /// The plan as saved, with the family's members, for a plan document; saves first.
    /// Empty when the family has no plan.
    std::optional<FamilyPlan> familyPlan();

    static QString defaultExportFolder();
    /// Saves the plan as saved, for the family, as "<Family> family plan <date>.pdf" in
    /// `folder` (numbered rather than replacing a file). Returns the path written, or empty
    /// with errorString saying why nothing was.
    Q_INVOKABLE QString exportPlanPdf(const QString &folder);

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void planChanged();
    void goalChoicesChanged();
    void saveStateChanged();
    void errorChanged();
    void activeChanged();

private:
    void onRecordsChanged(const QStringList &kinds);
    void clear();
    void publish();
    void markDirty(QHash<QString, QSet<QString>> &dirty, const QString &id, const QString &field);
    Goal *goal(const QString &id);
    PlanAction *action(const QString &id);
    bool hasSavedGoals() const;
    bool hasSavedActions() const;
    GoalListModel *goalModel(const QString &personId);
    void setSaveState(const QString &state);
    void setError(const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    std::optional<Timescales> m_timescales;
    bool m_active = true;
    bool m_stale = false;

    bool m_found = false;
    QString m_familyName;
    QDate m_caseStart;
    std::optional<Plan> m_plan;
    QList<Person> m_people;
    /// The working copies: the store's rows, with unsaved edits and added rows on top.
    QList<Goal> m_goals;
    QList<PlanAction> m_actions;
    QList<Review> m_reviewRows;
    QList<Deadline> m_deadlineRows;

    QHash<QString, QSet<QString>> m_goalDirty;
    QHash<QString, QSet<QString>> m_actionDirty;
    QSet<QString> m_unsaved; ///< goal and action ids not in the store yet
    QHash<QString, QString> m_dueTyped;
    QHash<QString, QString> m_dueProblems;

    GoalGroupListModel m_groups;
    std::map<QString, std::unique_ptr<GoalListModel>> m_goalModels;
    PlanActionListModel m_actionModel;
    ReviewListModel m_reviewModel;
    DeadlineListModel m_deadlines;
    QVariantList m_goalChoices;

    QString m_saveState;
    QString m_errorString;
    /// Why the last save, or command, wrote nothing; shown until one succeeds.
    QString m_saveError;
    QTimer m_saveTimer;
};

} // namespace doorstep
