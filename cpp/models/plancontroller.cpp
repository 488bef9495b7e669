#include "models/plancontroller.h"

#include "documents/documentwriter.h"
#include "models/casetext.h"
#include "models/dateinput.h"
#include "models/familydocuments.h"
#include "store/caseloadrepository.h"
#include "store/familyrepository.h"
#include "store/genogramrepository.h"
#include "store/personrepository.h"
#include "store/planrepository.h"
#include "store/reviewrepository.h"
#include "store/threehousesrepository.h"

#include <QUuid>

namespace doorstep
{

namespace
{

// A goal in the action's goal picker is cut to this many characters.
constexpr int GoalChoiceLength = 60;

const QString PlanKind = QStringLiteral("plan");
const QString GoalKind = QStringLiteral("goal");
const QString ActionKind = QStringLiteral("action");
const QString Words = QStringLiteral("words");
const QString Status = QStringLiteral("status");
const QString Description = QStringLiteral("description");
const QString Who = QStringLiteral("who");
const QString DueOn = QStringLiteral("due_on");
const QString GoalId = QStringLiteral("goal_id");

bool affectsPlan(const QStringList &kinds)
{
    static const QStringList relevant { QStringLiteral("family"), QStringLiteral("person"),
        QStringLiteral("allocation"), PlanKind, GoalKind, ActionKind, QStringLiteral("review"),
        QStringLiteral("closure") };
    return Session::touches(kinds, relevant);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QVariant dateOrNull(QDate date)
{
    return date.isValid() ? QVariant(date) : QVariant();
}

} // namespace

PlanController::PlanController(QObject *parent)
    : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(Session::SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { saveNow(); });
}

PlanController::~PlanController()
{
    // Leaving the page (or the app closing normally) never drops typed text.
    if (!m_goalDirty.isEmpty() || !m_actionDirty.isEmpty())
        saveNow();
}

void PlanController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        // Locking closes the store: save first, while it is still open.
        connect(m_session, &Session::aboutToLock, this, [this] { saveNow(); });
        connect(m_session, &Session::unlockedChanged, this, &PlanController::reload);
        connect(m_session, &Session::recordsChanged, this, &PlanController::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void PlanController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    saveNow();
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    clear();
    reload();
}

void PlanController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_stale)
        reload();
}

QString PlanController::statusText() const
{
    return m_plan ? CaseText::planStatusName(m_plan->status) : tr("Not started");
}

QString PlanController::startedOnText() const
{
    return m_plan && m_plan->startedOn.isValid() ? CaseText::date(m_plan->startedOn) : QString();
}

QString PlanController::goalsAgreedOnText() const
{
    return m_plan && m_plan->goalsAgreedOn.isValid() ? CaseText::date(m_plan->goalsAgreedOn)
                                                     : QString();
}

QString PlanController::completedOnText() const
{
    return m_plan && m_plan->completedOn.isValid() ? CaseText::date(m_plan->completedOn)
                                                   : QString();
}

bool PlanController::hasSavedGoals() const
{
    for (const Goal &g : m_goals) {
        if (!m_unsaved.contains(g.id))
            return true;
    }
    return false;
}

bool PlanController::hasSavedActions() const
{
    for (const PlanAction &a : m_actions) {
        if (!m_unsaved.contains(a.id))
            return true;
    }
    return false;
}

bool PlanController::canAgreeGoals() const
{
    if (!m_plan || !hasSavedGoals())
        return false;
    if (!m_plan->goalsAgreedOn.isValid())
        return true;
    for (const Goal &g : m_goals) {
        if (!m_unsaved.contains(g.id) && !g.agreedOn.isValid() && g.status == QLatin1String("open"))
            return true;
    }
    return false;
}

QString PlanController::agreeGoalsHint() const
{
    if (!m_found || canAgreeGoals() || (m_plan && m_plan->goalsAgreedOn.isValid()))
        return {};
    return tr("Write at least one goal in the family's own words, then agree the goals with "
              "them.");
}

bool PlanController::canCompletePlan() const
{
    return m_plan && m_plan->goalsAgreedOn.isValid()
        && (m_plan->status == QLatin1String("draft") || m_plan->status == QLatin1String("returned"))
        && hasSavedActions();
}

QString PlanController::completePlanHint() const
{
    if (!m_found || canCompletePlan())
        return {};
    if (m_plan
        && (m_plan->status == QLatin1String("complete")
            || m_plan->status == QLatin1String("signed_off")))
        return {};
    if (!m_plan || !m_plan->goalsAgreedOn.isValid())
        return tr("The plan can be completed once the family has agreed its goals.");
    return tr("Add at least one action, so the plan says who does what.");
}

QVariantList PlanController::goalStatusChoices() const
{
    return CaseText::goalStatusChoices();
}

Goal *PlanController::goal(const QString &id)
{
    for (Goal &g : m_goals) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

PlanAction *PlanController::action(const QString &id)
{
    for (PlanAction &a : m_actions) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

void PlanController::markDirty(
    QHash<QString, QSet<QString>> &dirty, const QString &id, const QString &field)
{
    dirty[id].insert(field);
    setSaveState(tr("Saving…"));
    m_saveTimer.start();
}

QString PlanController::addGoal(const QString &personId)
{
    if (!m_found)
        return {};
    Goal g;
    g.id = newId();
    g.personId = personId;
    g.status = QStringLiteral("open");
    m_goals.append(g);
    m_unsaved.insert(g.id);
    publish();
    return g.id;
}

void PlanController::setGoalWords(const QString &goalId, const QString &words)
{
    Goal *g = goal(goalId);
    if (!g || g->words == words)
        return;
    g->words = words;
    markDirty(m_goalDirty, goalId, Words);
    publish();
}

bool PlanController::setGoalStatus(const QString &goalId, const QString &status)
{
    Goal *g = goal(goalId);
    if (!g)
        return false;
    bool known = false;
    for (const QVariant &choice : CaseText::goalStatusChoices())
        known = known || choice.toMap().value(QStringLiteral("value")).toString() == status;
    if (!known) {
        m_saveError = tr("\"%1\" is not a goal status.").arg(status);
        setError(m_saveError);
        return false;
    }
    if (g->status == status)
        return true;
    g->status = status;
    // A goal emptied and then withdrawn keeps the words it had: that is what was withdrawn.
    const bool restoreWords = g->words.trimmed().isEmpty() && m_goalDirty[goalId].remove(Words);
    markDirty(m_goalDirty, goalId, Status);
    publish();
    const bool saved = saveNow();
    if (restoreWords)
        reload();
    return saved;
}

QString PlanController::addAction(const QString &goalId)
{
    if (!m_found)
        return {};
    PlanAction a;
    a.id = newId();
    a.goalId = goalId;
    m_actions.append(a);
    m_unsaved.insert(a.id);
    if (!goalId.isEmpty())
        m_actionDirty[a.id].insert(GoalId);
    publish();
    return a.id;
}

void PlanController::setActionDescription(const QString &actionId, const QString &text)
{
    PlanAction *a = action(actionId);
    if (!a || a->description == text)
        return;
    a->description = text;
    markDirty(m_actionDirty, actionId, Description);
    publish();
}

void PlanController::setActionWho(const QString &actionId, const QString &who)
{
    PlanAction *a = action(actionId);
    if (!a || a->who == who)
        return;
    a->who = who;
    markDirty(m_actionDirty, actionId, Who);
    publish();
}

void PlanController::setActionDueText(const QString &actionId, const QString &text)
{
    if (!action(actionId) || m_dueTyped.value(actionId) == text)
        return;
    m_dueTyped.insert(actionId, text);
    // Judged when typing pauses (in saveNow), so a half-typed date is not called wrong.
    markDirty(m_actionDirty, actionId, DueOn);
    publish();
}

bool PlanController::setActionDone(const QString &actionId, bool done)
{
    PlanAction *a = action(actionId);
    if (!a || !m_session)
        return false;
    if (a->doneOn.isValid() == done)
        return true;
    a->doneOn = done ? m_session->today() : QDate();
    markDirty(m_actionDirty, actionId, QStringLiteral("done_on"));
    publish();
    return saveNow();
}

bool PlanController::setActionGoal(const QString &actionId, const QString &goalId)
{
    PlanAction *a = action(actionId);
    if (!a)
        return false;
    if (a->goalId == goalId)
        return true;
    a->goalId = goalId;
    markDirty(m_actionDirty, actionId, GoalId);
    publish();
    return saveNow();
}

bool PlanController::saveNow()
{
    m_saveTimer.stop();
    const bool nothingDirty = m_goalDirty.isEmpty() && m_actionDirty.isEmpty();
    if (nothingDirty || !m_session || !m_session->isUnlocked())
        return nothingDirty;

    const QDate today = m_session->today();
    QList<Change> changes;
    QString planId = m_plan ? m_plan->id : QString();
    const QString newPlanId = planId.isEmpty() ? newId() : QString();
    if (planId.isEmpty())
        planId = newPlanId;
    bool needsPlan = false;
    // What this save writes, so it is no longer dirty once written.
    QList<QPair<QString, QString>> saved;
    QStringList problems;

    for (const Goal &g : std::as_const(m_goals)) {
        const QSet<QString> dirty = m_goalDirty.value(g.id);
        if (dirty.isEmpty())
            continue;
        const bool hasWords = !g.words.trimmed().isEmpty();
        if (m_unsaved.contains(g.id)) {
            if (!hasWords)
                continue; // nothing to keep yet
            QList<FieldValue> fields { { QStringLiteral("plan_id"), planId }, { Words, g.words },
                { Status, g.status } };
            if (!g.personId.isEmpty())
                fields.append({ QStringLiteral("person_id"), g.personId });
            changes.append(Change::create(GoalKind, fields, g.id));
            needsPlan = true;
            for (const QString &field : dirty)
                saved.append({ g.id, field });
            continue;
        }
        QList<FieldValue> fields;
        for (const QString &field : dirty) {
            if (field == Words && !hasWords) {
                problems << tr("A goal needs the family's words. To drop a goal, mark it "
                               "withdrawn.");
                continue;
            }
            fields.append({ field, field == Words ? QVariant(g.words) : QVariant(g.status) });
            saved.append({ g.id, field });
        }
        if (!fields.isEmpty())
            changes.append(Change::update(GoalKind, g.id, fields));
    }

    for (PlanAction &a : m_actions) {
        const QSet<QString> dirty = m_actionDirty.value(a.id);
        if (dirty.isEmpty())
            continue;
        QSet<QString> writable = dirty;
        if (dirty.contains(DueOn)) {
            bool ok = false;
            const std::optional<QDate> due = DateInput::parse(m_dueTyped.value(a.id), &ok);
            if (ok) {
                a.dueOn = due.value_or(QDate());
                m_dueProblems.remove(a.id);
            } else {
                m_dueProblems.insert(a.id,
                    tr("\"%1\" is not a date. Write it as day/month/year, like %2.")
                        .arg(m_dueTyped.value(a.id).trimmed(),
                            DateInput::format(today.addDays(14))));
                writable.remove(DueOn);
            }
        }
        const auto value = [&a](const QString &field) -> QVariant {
            if (field == Description)
                return a.description;
            if (field == Who)
                return a.who;
            if (field == DueOn)
                return dateOrNull(a.dueOn);
            if (field == GoalId)
                return a.goalId.isEmpty() ? QVariant() : QVariant(a.goalId);
            return dateOrNull(a.doneOn);
        };
        const bool hasDescription = !a.description.trimmed().isEmpty();
        if (m_unsaved.contains(a.id)) {
            if (!hasDescription)
                continue;
            QList<FieldValue> fields { { QStringLiteral("plan_id"), planId } };
            for (const QString &field : std::as_const(writable)) {
                if (!value(field).isNull())
                    fields.append({ field, value(field) });
            }
            changes.append(Change::create(ActionKind, fields, a.id));
            needsPlan = true;
            for (const QString &field : std::as_const(writable))
                saved.append({ a.id, field });
            continue;
        }
        QList<FieldValue> fields;
        for (const QString &field : std::as_const(writable)) {
            if (field == Description && !hasDescription) {
                problems << tr("An action needs to say what will be done.");
                continue;
            }
            fields.append({ field, value(field) });
            saved.append({ a.id, field });
        }
        if (!fields.isEmpty())
            changes.append(Change::update(ActionKind, a.id, fields));
    }

    if (needsPlan && !newPlanId.isEmpty()) {
        // The plan starts with its first goal or action, in the same transaction.
        changes.prepend(Change::create(PlanKind,
            { { QStringLiteral("family_id"), m_familyId }, { Status, QStringLiteral("draft") },
                { QStringLiteral("started_on"), today } },
            newPlanId));
    }

    if (!changes.isEmpty()) {
        auto written = m_session->apply(changes);
        if (!written) {
            // Everything typed stays in the working copy and is tried again on the next change.
            m_saveError = written.error().message;
            setError(m_saveError);
            setSaveState(tr("Not saved"));
            publish();
            return false;
        }
    }
    for (const auto &[id, field] : std::as_const(saved)) {
        auto dirty = m_goalDirty.find(id);
        if (dirty != m_goalDirty.end()) {
            dirty->remove(field);
            if (dirty->isEmpty())
                m_goalDirty.erase(dirty);
        }
        dirty = m_actionDirty.find(id);
        if (dirty != m_actionDirty.end()) {
            dirty->remove(field);
            if (dirty->isEmpty())
                m_actionDirty.erase(dirty);
        }
        m_unsaved.remove(id);
    }
    if (needsPlan && !m_plan) {
        // Read back at once when the page is showing; this covers a page that is not.
        m_plan = Plan { newPlanId, m_familyId, QStringLiteral("draft"), today, {}, {} };
    }
    m_saveError = problems.isEmpty() ? QString() : problems.constFirst();
    setError(m_saveError);
    const bool allSaved = problems.isEmpty() && m_dueProblems.isEmpty();
    if (!changes.isEmpty() || allSaved)
        setSaveState(allSaved ? tr("Saved") : tr("Not saved"));
    // A save made while the page was covered, or with nothing to write, is not read back
    // through recordsChanged; the rows still show the problems found.
    publish();
    return allSaved;
}

bool PlanController::agreeGoals()
{
    saveNow();
    if (!canAgreeGoals())
        return false;
    const QDate today = m_session->today();
    QList<Change> changes;
    if (!m_plan->goalsAgreedOn.isValid())
        changes.append(
            Change::update(PlanKind, m_plan->id, { { QStringLiteral("goals_agreed_on"), today } }));
    for (const Goal &g : std::as_const(m_goals)) {
        if (!m_unsaved.contains(g.id) && !g.agreedOn.isValid() && g.status == QLatin1String("open"))
            changes.append(
                Change::update(GoalKind, g.id, { { QStringLiteral("agreed_on"), today } }));
    }
    auto written = m_session->apply(changes);
    if (!written) {
        m_saveError = written.error().message;
        setError(m_saveError);
        return false;
    }
    m_saveError.clear();
    reload();
    return true;
}

bool PlanController::completePlan()
{
    saveNow();
    if (!canCompletePlan())
        return false;
    QList<FieldValue> fields { { Status, QStringLiteral("complete") } };
    // A plan returned by the supervisor keeps the date it was first completed: that is
    // what its timescale measured.
    if (!m_plan->completedOn.isValid())
        fields.append({ QStringLiteral("completed_on"), m_session->today() });
    auto written = m_session->apply(Change::update(PlanKind, m_plan->id, fields));
    if (!written) {
        m_saveError = written.error().message;
        setError(m_saveError);
        return false;
    }
    m_saveError.clear();
    reload();
    return true;
}

void PlanController::onRecordsChanged(const QStringList &kinds)
{
    if (!affectsPlan(kinds))
        return;
    if (m_active)
        reload();
    else
        m_stale = true;
}

void PlanController::clear()
{
    m_saveTimer.stop();
    m_found = false;
    m_familyName.clear();
    m_caseStart = {};
    m_plan.reset();
    m_people.clear();
    m_goals.clear();
    m_actions.clear();
    m_reviewRows.clear();
    m_deadlineRows.clear();
    m_goalDirty.clear();
    m_actionDirty.clear();
    m_unsaved.clear();
    m_dueTyped.clear();
    m_dueProblems.clear();
    m_saveError.clear();
    setSaveState({});
}

void PlanController::reload()
{
    m_stale = false;
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || m_familyId.isEmpty()) {
        // Locked: nothing of the family stays in memory, typed or not.
        clear();
        publish();
        setError(m_saveError);
        return;
    }
    const auto fail = [this](const Error &error) {
        clear();
        publish();
        setError(error.message);
    };
    if (!m_timescales) {
        auto calendar = WorkingCalendar::englandAndWales();
        if (!calendar)
            return fail(calendar.error());
        m_timescales.emplace(*calendar);
    }
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
    auto entry = CaseloadRepository(*store, *m_timescales).forFamily(m_familyId);
    if (!entry)
        return fail(entry.error());
    const QDate caseStart = *entry ? (*entry)->allocatedOn : QDate();
    PlanRepository plans(*store);
    auto plan = plans.current(m_familyId, caseStart);
    if (!plan)
        return fail(plan.error());
    QList<Goal> storedGoals;
    QList<PlanAction> storedActions;
    if (*plan) {
        auto goals = plans.goals((*plan)->id);
        if (!goals)
            return fail(goals.error());
        storedGoals = *goals;
        auto actions = plans.actions((*plan)->id);
        if (!actions)
            return fail(actions.error());
        storedActions = *actions;
    }
    auto reviews = ReviewRepository(*store).forFamily(m_familyId, caseStart);
    if (!reviews)
        return fail(reviews.error());

    m_found = true;
    m_familyName = (*family)->familyName;
    m_caseStart = caseStart;
    m_plan = *plan;
    m_people = *people;
    m_reviewRows = *reviews;
    m_deadlineRows.clear();
    if (*entry) {
        for (const Deadline &d : m_timescales->deadlines((*entry)->dates)) {
            if (d.kind != Deadline::Kind::FirstContact)
                m_deadlineRows.append(d);
        }
    }

    // Unsaved edits stay on top of what the store holds; rows added here and not yet saved
    // stay at the end, in the order they were added.
    const auto merge = [this](auto stored, const auto &working,
                           const QHash<QString, QSet<QString>> &dirty, auto overlay) {
        using Row = typename decltype(stored)::value_type;
        QSet<QString> inStore;
        for (Row &row : stored) {
            inStore.insert(row.id);
            m_unsaved.remove(row.id);
            for (const Row &mine : working) {
                if (mine.id == row.id && dirty.contains(row.id))
                    overlay(row, mine, dirty.value(row.id));
            }
        }
        for (const Row &mine : working) {
            if (!inStore.contains(mine.id) && m_unsaved.contains(mine.id))
                stored.append(mine);
        }
        return stored;
    };
    m_goals = merge(storedGoals, m_goals, m_goalDirty,
        [](Goal &row, const Goal &mine, const QSet<QString> &fields) {
            if (fields.contains(Words))
                row.words = mine.words;
            if (fields.contains(Status))
                row.status = mine.status;
        });
    m_actions = merge(storedActions, m_actions, m_actionDirty,
        [](PlanAction &row, const PlanAction &mine, const QSet<QString> &fields) {
            if (fields.contains(Description))
                row.description = mine.description;
            if (fields.contains(Who))
                row.who = mine.who;
            if (fields.contains(DueOn))
                row.dueOn = mine.dueOn;
            if (fields.contains(GoalId))
                row.goalId = mine.goalId;
            if (fields.contains(QStringLiteral("done_on")))
                row.doneOn = mine.doneOn;
        });
    publish();
    setError(m_saveError);
}

GoalListModel *PlanController::goalModel(const QString &personId)
{
    auto &model = m_goalModels[personId];
    if (!model)
        model = std::make_unique<GoalListModel>();
    return model.get();
}

void PlanController::publish()
{
    const QDate today = m_session ? m_session->today() : QDate();

    QHash<QString, QString> names;
    QSet<QString> members;
    for (const Person &p : std::as_const(m_people)) {
        members.insert(p.id);
        names.insert(p.id, p.givenName);
    }
    QHash<QString, QList<GoalListModel::Row>> goalsByPerson;
    QVariantList choices { QVariantMap { { QStringLiteral("value"), QString() },
        { QStringLiteral("text"), tr("The whole plan") } } };
    for (const Goal &g : std::as_const(m_goals)) {
        GoalListModel::Row row;
        row.goalId = g.id;
        row.words = g.words;
        row.status = g.status;
        row.statusText = CaseText::goalStatusName(g.status);
        row.saved = !m_unsaved.contains(g.id);
        row.agreedText = g.agreedOn.isValid() ? tr("Agreed on %1").arg(CaseText::date(g.agreedOn))
                                              : tr("Not agreed yet");
        // A goal of someone no longer in the family stays visible with the whole family's.
        goalsByPerson[members.contains(g.personId) ? g.personId : QString()].append(row);
        if (row.saved) {
            QString words = g.words.simplified();
            if (words.size() > GoalChoiceLength)
                words = words.left(GoalChoiceLength - 1) + QChar(0x2026);
            choices.append(QVariantMap { { QStringLiteral("value"), g.id },
                { QStringLiteral("text"),
                    members.contains(g.personId) ? tr("%1: %2").arg(names.value(g.personId), words)
                                                 : tr("Whole family: %1").arg(words) } });
        }
    }

    QList<GoalGroupListModel::Row> groups;
    if (m_found) {
        for (const Person &p : std::as_const(m_people)) {
            GoalListModel *model = goalModel(p.id);
            model->setRows(goalsByPerson.value(p.id));
            groups.append({ p.id, p.displayName(), CaseText::roleName(p.role), model });
        }
        GoalListModel *whole = goalModel(QString());
        whole->setRows(goalsByPerson.value(QString()));
        groups.append({ QString(), tr("The whole family"), QString(), whole });
    }
    for (auto &[personId, model] : m_goalModels) {
        if (!m_found || (!personId.isEmpty() && !members.contains(personId)))
            model->setRows({});
    }
    m_groups.setRows(std::move(groups));

    QHash<QString, QString> goalTexts;
    for (const QVariant &choice : std::as_const(choices)) {
        const QVariantMap map = choice.toMap();
        goalTexts.insert(map.value(QStringLiteral("value")).toString(),
            map.value(QStringLiteral("text")).toString());
    }
    QList<PlanActionListModel::Row> actions;
    for (const PlanAction &a : std::as_const(m_actions)) {
        PlanActionListModel::Row row;
        row.actionId = a.id;
        row.description = a.description;
        row.who = a.who;
        row.dueText
            = m_dueTyped.contains(a.id) ? m_dueTyped.value(a.id) : DateInput::format(a.dueOn);
        row.dueProblem = m_dueProblems.value(a.id);
        row.done = a.doneOn.isValid();
        row.goalId = a.goalId;
        row.goalText = goalTexts.value(a.goalId, goalTexts.value(QString()));
        row.saved = !m_unsaved.contains(a.id);
        if (row.done)
            row.statusText = tr("Done on %1").arg(CaseText::recentDate(a.doneOn, today));
        else if (!a.dueOn.isValid())
            row.statusText = tr("No date agreed");
        else if (a.dueOn < today) {
            row.overdue = true;
            row.statusText = tr("Overdue since %1").arg(CaseText::recentDate(a.dueOn, today));
        } else if (a.dueOn == today)
            row.statusText = tr("Due today");
        else
            row.statusText = tr("Due by %1").arg(CaseText::shortDate(a.dueOn));
        actions.append(row);
    }
    m_actionModel.setRows(std::move(actions));

    QList<ReviewListModel::Row> reviews;
    for (const Review &r : std::as_const(m_reviewRows))
        reviews.append({ r.id, CaseText::date(r.heldOn), r.kind, CaseText::reviewKindName(r.kind),
            r.attendees, r.outcome });
    m_reviewModel.setRows(std::move(reviews));

    QList<DeadlineListModel::Row> deadlines;
    for (const Deadline &d : std::as_const(m_deadlineRows))
        deadlines.append(DeadlineListModel::rowFor(d, today));
    m_deadlines.setRows(std::move(deadlines));

    if (m_goalChoices != choices) {
        m_goalChoices = choices;
        Q_EMIT goalChoicesChanged();
    }
    Q_EMIT planChanged();
}

std::optional<FamilyPlan> PlanController::familyPlan()
{
    saveNow();
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || !m_plan)
        return std::nullopt;
    PlanRepository plans(*store);
    auto goals = plans.goals(m_plan->id);
    auto actions = plans.actions(m_plan->id);
    if (!goals || !actions) {
        m_saveError = (goals ? actions.error() : goals.error()).message;
        setError(m_saveError);
        return std::nullopt;
    }
    FamilyPlan document;
    document.familyName = m_familyName;
    document.plan = *m_plan;
    document.members = m_people;
    document.goals = *goals;
    document.actions = *actions;
    document.reviews = m_reviewRows;
    return document;
}

QString PlanController::defaultExportFolder()
{
    return FamilyDocuments::defaultFolder();
}

QString PlanController::exportPlanPdf(const QString &folder)
{
    // A save that failed has said why; there is nothing newer to put in the copy.
    if (!saveNow())
        return {};
    const auto plan = familyPlan();
    Store *store = m_session ? m_session->store() : nullptr;
    if (!plan || !store) {
        setError(tr("There is no plan to save yet: write a goal or an action first."));
        return {};
    }
    // Each member's three houses, read as they are: a child whose houses were never started
    // has none, and reading starts nothing. FamilyDocuments keeps only the shared ones.
    QList<ThreeHouses> houses;
    const ThreeHousesRepository threeHouses(*store);
    for (const Person &person : plan->members) {
        auto read = threeHouses.forChild(person.id);
        if (!read) {
            // Fail closed: no copy at all rather than a copy that misses a child's voice.
            setError(read.error().message);
            return {};
        }
        if (!read->houses.isEmpty())
            houses.append(std::move(*read));
    }
    const QDate today = m_session->today();
    auto genogram = GenogramRepository(*store).forFamily(m_familyId);
    if (!genogram) {
        setError(genogram.error().message);
        return {};
    }
    FamilyPlanDocument document = FamilyDocuments::plan(
        *plan, FamilyDocuments::practitionerName(*store, m_familyId), today, houses);
    FamilyDocuments::addGenogram(document, *genogram);
    //: Part of the file name, "Ashdown family plan 2026-11-23.pdf".
    const QString name = FamilyDocuments::fileName(m_familyName, tr("family plan"), today);
    auto saved = FamilyDocuments::save(folder, name,
        [&](const QString &path) { return DocumentWriter::writePlan(document, path); });
    if (!saved) {
        setError(saved.error().message);
        return {};
    }
    setError(m_saveError);
    return *saved;
}

void PlanController::setSaveState(const QString &state)
{
    if (m_saveState == state)
        return;
    m_saveState = state;
    Q_EMIT saveStateChanged();
}

void PlanController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

} // namespace doorstep
