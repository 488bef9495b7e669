#include "models/teamcaseloadmodel.h"

#include "client/syncclient.h"
#include "models/casetext.h"
#include "models/exitquestionnairecontroller.h"
#include "store/exitquestionnairerepository.h"

#include <QHash>
#include <algorithm>

namespace doorstep
{

namespace
{

// The kinds whose records move a family's checks, name, practitioner or level, and the
// server's word on who is in the team.
bool affectsTeamCaseload(const QStringList &kinds)
{
    static const QStringList relevant { QStringLiteral("family"), QStringLiteral("person"),
        QStringLiteral("referral"), QStringLiteral("allocation"), QStringLiteral("visit"),
        QStringLiteral("plan"), QStringLiteral("review"), QStringLiteral("closure"),
        QStringLiteral("exit_questionnaire"), SyncClient::TeamViewKind };
    return Session::touches(kinds, relevant);
}

int compareText(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive);
}

/// The order each sort key puts rows in; ties fall to urgency, then name and id, so the
/// order is the same on every tablet.
bool before(const TeamCaseloadRow &a, const TeamCaseloadRow &b, int sortBy)
{
    int byKey = 0;
    switch (sortBy) {
    case TeamCaseloadModel::SortByFamilyName:
        byKey = compareText(a.entry.familyName, b.entry.familyName);
        break;
    case TeamCaseloadModel::SortByPractitioner:
        byKey = compareText(a.entry.practitionerName, b.entry.practitionerName);
        break;
    case TeamCaseloadModel::SortByLevel:
        // Highest need first.
        byKey = b.entry.levelOfNeed - a.entry.levelOfNeed;
        break;
    case TeamCaseloadModel::SortByWeeksOpen:
        // Longest open first.
        byKey = b.weeksOpen - a.weeksOpen;
        break;
    case TeamCaseloadModel::SortByNextDue: {
        const auto &x = a.entry.nextDue;
        const auto &y = b.entry.nextDue;
        if (x.has_value() != y.has_value())
            byKey = x ? -1 : 1;
        else if (x && x->dueBy != y->dueBy)
            byKey = x->dueBy < y->dueBy ? -1 : 1;
        break;
    }
    default:
        if (sortBy >= TeamCaseloadModel::SortByCheck
            && sortBy < TeamCaseloadModel::SortByCheck + int(DriftAndDelay::checks.size())) {
            const auto check = DriftAndDelay::Check(sortBy - TeamCaseloadModel::SortByCheck);
            const qint64 x = a.report.result(check).sortKey();
            const qint64 y = b.report.result(check).sortKey();
            if (x != y)
                byKey = x < y ? -1 : 1;
        }
        break;
    }
    if (byKey != 0)
        return byKey < 0;
    if (a.report.sortKey() != b.report.sortKey())
        return a.report.sortKey() < b.report.sortKey();
    if (const int byName = compareText(a.entry.familyName, b.entry.familyName); byName != 0)
        return byName < 0;
    return a.entry.familyId < b.entry.familyId;
}

QVariantMap choice(const QVariant &value, const QString &text)
{
    return { { QStringLiteral("value"), value }, { QStringLiteral("text"), text } };
}

} // namespace

bool operator==(const TeamCaseloadRow &a, const TeamCaseloadRow &b)
{
    if (a.entry.familyId != b.entry.familyId || a.entry.familyName != b.entry.familyName
        || a.entry.practitionerName != b.entry.practitionerName
        || a.entry.levelOfNeed != b.entry.levelOfNeed || a.weeksOpen != b.weeksOpen
        || a.entry.nextDue.has_value() != b.entry.nextDue.has_value()
        || (a.entry.nextDue && !(*a.entry.nextDue == *b.entry.nextDue))
        || a.report.results.size() != b.report.results.size())
        return false;
    for (qsizetype i = 0; i < a.report.results.size(); ++i) {
        const auto &x = a.report.results[i];
        const auto &y = b.report.results[i];
        if (x.rag != y.rag || x.applies != y.applies || x.reason != y.reason)
            return false;
    }
    return true;
}

TeamCaseloadModel::TeamCaseloadModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void TeamCaseloadModel::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &TeamCaseloadModel::reload);
        connect(m_session, &Session::recordsChanged, this, &TeamCaseloadModel::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void TeamCaseloadModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && (m_stale || (m_session && m_session->today() != m_today)))
        reload();
}

template <typename T> void TeamCaseloadModel::setFilter(T &member, const T &value)
{
    if (member == value)
        return;
    member = value;
    Q_EMIT filterChanged();
    showFiltered();
}

void TeamCaseloadModel::setSearch(const QString &search)
{
    setFilter(m_search, search);
}
void TeamCaseloadModel::setPractitionerFilter(const QString &userId)
{
    setFilter(m_practitionerFilter, userId);
}
void TeamCaseloadModel::setCheckFilter(int check)
{
    setFilter(m_checkFilter, check);
}
void TeamCaseloadModel::setStatusFilter(int status)
{
    setFilter(m_statusFilter, status);
}
void TeamCaseloadModel::setLevelFilter(int level)
{
    setFilter(m_levelFilter, level);
}
void TeamCaseloadModel::setSortBy(int key)
{
    setFilter(m_sortBy, key);
}

void TeamCaseloadModel::clearFilters()
{
    m_search.clear();
    m_practitionerFilter.clear();
    m_checkFilter = -1;
    m_statusFilter = AllStatuses;
    m_levelFilter = 0;
    m_sortBy = SortByUrgency;
    Q_EMIT filterChanged();
    showFiltered();
}

void TeamCaseloadModel::onRecordsChanged(const QStringList &kinds)
{
    if (affectsTeamCaseload(kinds))
        reloadWhenActive();
}

void TeamCaseloadModel::reloadWhenActive()
{
    if (m_active)
        reload();
    else
        m_stale = true;
}

void TeamCaseloadModel::reload()
{
    m_stale = false;
    m_team.clear();
    QString error;
    Store *store = m_session ? m_session->store() : nullptr;
    if (store) {
        m_today = m_session->today();
        if (!m_driftAndDelay) {
            auto calendar = WorkingCalendar::englandAndWales();
            if (calendar)
                m_driftAndDelay.emplace(*calendar);
            else
                error = calendar.error().message;
        }
        if (m_driftAndDelay) {
            auto entries = CaseloadRepository(*store, m_driftAndDelay->timescales()).forTeam();
            if (!entries) {
                error = entries.error().message;
            } else {
                // The server names the team's people; an allocation may carry only an id.
                QHash<QString, QString> names;
                if (m_session->teamView()) {
                    for (const TeamView::Member &member : m_session->teamView()->members)
                        names.insert(member.userId, member.name);
                }
                m_team.reserve(entries->size());
                for (CaseloadEntry &entry : *entries) {
                    entry.practitionerName
                        = names.value(entry.practitionerId, entry.practitionerName);
                    TeamCaseloadRow row;
                    row.report = m_driftAndDelay->assess(entry.dates, m_today);
                    const QDate end = entry.dates.closedOn.value_or(m_today);
                    if (entry.allocatedOn.isValid())
                        row.weeksOpen = int(std::max<qint64>(0, entry.allocatedOn.daysTo(end) / 7));
                    row.entry = std::move(entry);
                    m_team.append(std::move(row));
                }
            }
        }
    }
    m_feedbackFamilies = 0;
    m_feedback.clear();
    if (store && error.isEmpty()) {
        auto totals = ExitQuestionnaireRepository(*store).totals();
        if (!totals) {
            error = totals.error().message;
        } else {
            m_feedbackFamilies = totals->families;
            for (const QString &field : ExitQuestionnaireRepository::questions()) {
                m_feedback.append(QVariantMap {
                    { QStringLiteral("question"),
                        ExitQuestionnaireController::questionText(field) },
                    { QStringLiteral("yes"), totals->count(field, QStringLiteral("yes")) },
                    { QStringLiteral("partly"), totals->count(field, QStringLiteral("partly")) },
                    { QStringLiteral("no"), totals->count(field, QStringLiteral("no")) } });
            }
        }
    }
    // Locked, or failed: nothing of the case data stays in the model.
    updateTotals();
    showFiltered();
    setError(error);
}

void TeamCaseloadModel::updateTotals()
{
    m_redCount = 0;
    m_amberCount = 0;
    // The practitioners the server names for the team first, in its order; then any lead
    // practitioner an allocation names who is not (yet) among them.
    QList<TeamPractitionerModel::Row> practitioners;
    QHash<QString, qsizetype> byId;
    QHash<QString, const TeamView::Member *> members;
    if (m_session && m_session->store() && m_session->teamView()) {
        for (const TeamView::Member &member : m_session->teamView()->members) {
            members.insert(member.userId, &member);
            if (member.role != TeamView::Role::Practitioner)
                continue;
            byId.insert(member.userId, practitioners.size());
            practitioners.append({ member.userId, member.name, 0, 0, 0, member.devices, true });
        }
    }
    for (const TeamCaseloadRow &row : std::as_const(m_team)) {
        const DriftAndDelay::Rag rag = row.report.rag();
        m_redCount += rag == DriftAndDelay::Rag::Red ? 1 : 0;
        m_amberCount += rag == DriftAndDelay::Rag::Amber ? 1 : 0;
        auto found = byId.constFind(row.entry.practitionerId);
        if (found == byId.cend()) {
            // A supervisor leading a case themselves, or someone the server does not name.
            found = byId.insert(row.entry.practitionerId, practitioners.size());
            if (const TeamView::Member *member = members.value(row.entry.practitionerId)) {
                practitioners.append(
                    { member->userId, member->name, 0, 0, 0, member->devices, true });
            } else {
                practitioners.append({ row.entry.practitionerId,
                    row.entry.practitionerName.isEmpty() ? row.entry.practitionerId
                                                         : row.entry.practitionerName,
                    0, 0, 0, {}, false });
            }
        }
        TeamPractitionerModel::Row &p = practitioners[*found];
        if (row.entry.dates.closedOn)
            continue;
        ++p.caseload;
        for (const DriftAndDelay::CheckResult &result : row.report.results) {
            p.redChecks += result.rag == DriftAndDelay::Rag::Red ? 1 : 0;
            p.amberChecks += result.rag == DriftAndDelay::Rag::Amber ? 1 : 0;
        }
    }
    m_practitioners.setRows(practitioners, m_session ? m_session->now() : QDateTime());

    QVariantList choices { choice(QString(), tr("All practitioners")) };
    for (const TeamPractitionerModel::Row &p : std::as_const(practitioners))
        choices.append(choice(p.userId, p.name));
    m_practitionerChoices = choices;
    Q_EMIT totalsChanged();
}

int TeamCaseloadModel::practitionerChoiceIndex(const QString &userId) const
{
    for (qsizetype i = 0; i < m_practitionerChoices.size(); ++i) {
        if (m_practitionerChoices[i].toMap().value(QStringLiteral("value")).toString() == userId)
            return int(i);
    }
    return -1;
}

DriftAndDelay::Rag TeamCaseloadModel::ragOf(const TeamCaseloadRow &row) const
{
    if (m_checkFilter >= 0 && m_checkFilter < int(DriftAndDelay::checks.size()))
        return row.report.result(DriftAndDelay::Check(m_checkFilter)).rag;
    return row.report.rag();
}

bool TeamCaseloadModel::keeps(const TeamCaseloadRow &row) const
{
    const QString term = m_search.trimmed();
    if (!term.isEmpty() && !row.entry.familyName.contains(term, Qt::CaseInsensitive))
        return false;
    if (!m_practitionerFilter.isEmpty() && row.entry.practitionerId != m_practitionerFilter)
        return false;
    if (m_levelFilter != 0 && row.entry.levelOfNeed != m_levelFilter)
        return false;
    // Looking at one check shows the cases it applies to: a closed case has no review due.
    if (m_checkFilter >= 0 && m_checkFilter < int(DriftAndDelay::checks.size())
        && !row.report.result(DriftAndDelay::Check(m_checkFilter)).applies)
        return false;
    const DriftAndDelay::Rag rag = ragOf(row);
    if (m_statusFilter == NeedsAttention)
        return rag != DriftAndDelay::Rag::Green;
    if (m_statusFilter == DriftingOnly)
        return rag == DriftAndDelay::Rag::Red;
    return true;
}

void TeamCaseloadModel::showFiltered()
{
    const int before = m_rows.size();
    QList<TeamCaseloadRow> rows;
    for (const TeamCaseloadRow &row : std::as_const(m_team)) {
        if (keeps(row))
            rows.append(row);
    }
    const int sortBy = m_sortBy;
    std::stable_sort(
        rows.begin(), rows.end(), [sortBy](const TeamCaseloadRow &a, const TeamCaseloadRow &b) {
            return doorstep::before(a, b, sortBy);
        });
    m_rows.replace(*this, std::move(rows));
    // A new check filter recolours rows whose data did not otherwise change.
    if (m_rows.size() > 0)
        Q_EMIT dataChanged(
            index(0), index(m_rows.size() - 1), { RagRole, RagTextRole, HeadlineRole });
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

void TeamCaseloadModel::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

QVariantList TeamCaseloadModel::checkChoices() const
{
    QVariantList choices { choice(-1, tr("Every check")) };
    for (const DriftAndDelay::Check check : DriftAndDelay::checks)
        choices.append(choice(int(check), CaseText::driftCheckName(check)));
    return choices;
}

QVariantList TeamCaseloadModel::statusChoices() const
{
    return { choice(int(AllStatuses), tr("Any status")),
        choice(int(NeedsAttention), tr("Due soon or drifting")),
        choice(int(DriftingOnly), tr("Drifting")) };
}

QVariantList TeamCaseloadModel::levelChoices() const
{
    QVariantList choices { choice(0, tr("Every level of need")) };
    for (int level = 2; level <= 4; ++level)
        choices.append(choice(level, CaseText::levelOfNeedName(level)));
    return choices;
}

QVariantList TeamCaseloadModel::sortChoices() const
{
    QVariantList choices { choice(int(SortByUrgency), tr("Most overdue first")),
        choice(int(SortByFamilyName), tr("Family name")),
        choice(int(SortByPractitioner), tr("Practitioner")),
        choice(int(SortByLevel), tr("Level of need, highest first")),
        choice(int(SortByWeeksOpen), tr("Weeks open, longest first")),
        choice(int(SortByNextDue), tr("Next timescale due")) };
    for (const DriftAndDelay::Check check : DriftAndDelay::checks)
        choices.append(choice(int(SortByCheck) + int(check),
            tr("%1: most overdue first").arg(CaseText::driftCheckName(check))));
    return choices;
}

int TeamCaseloadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant TeamCaseloadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TeamCaseloadRow &row = m_rows.at(index.row());
    const CaseloadEntry &entry = row.entry;
    switch (role) {
    case FamilyIdRole:
        return entry.familyId;
    case Qt::DisplayRole:
    case FamilyNameRole:
        return entry.familyName;
    case PractitionerNameRole:
        return entry.practitionerName.isEmpty() ? entry.practitionerId : entry.practitionerName;
    case LevelTextRole:
        return entry.levelOfNeed == 0 ? tr("No referral recorded")
                                      : CaseText::levelOfNeedName(entry.levelOfNeed);
    case WeeksOpenRole:
        return row.weeksOpen;
    case WeeksOpenTextRole:
        if (entry.dates.closedOn)
            return tr("Closed after %n week(s)", nullptr, row.weeksOpen);
        return tr("Open %n week(s)", nullptr, row.weeksOpen);
    case NextDueTextRole:
        if (!entry.nextDue)
            return tr("No timescales open");
        return CaseText::deadlineSentence(*entry.nextDue, m_today);
    case RagRole:
        return CaseText::ragKey(ragOf(row));
    case RagTextRole:
        return CaseText::ragName(ragOf(row));
    case HeadlineRole: {
        // The most urgent check not on track (or the filtered one), as the family page says it.
        const DriftAndDelay::CheckResult *worst = nullptr;
        for (const DriftAndDelay::CheckResult &result : row.report.results) {
            if (m_checkFilter >= 0 && int(result.check) != m_checkFilter)
                continue;
            if (result.rag == DriftAndDelay::Rag::Green)
                continue;
            if (!worst || result.sortKey() < worst->sortKey())
                worst = &result;
        }
        if (!worst)
            return QString();
        // The reason names what it is about ("Review overdue: ..."), so it stands alone.
        return worst->reason;
    }
    case ChecksRole: {
        QVariantList checks;
        for (const DriftAndDelay::CheckResult &result : row.report.results)
            checks.append(CaseText::driftCheckEntry(result));
        return checks;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> TeamCaseloadModel::roleNames() const
{
    return { { FamilyIdRole, "familyId" }, { FamilyNameRole, "familyName" },
        { PractitionerNameRole, "practitionerName" }, { LevelTextRole, "levelText" },
        { WeeksOpenRole, "weeksOpen" }, { WeeksOpenTextRole, "weeksOpenText" },
        { NextDueTextRole, "nextDueText" }, { RagRole, "rag" }, { RagTextRole, "ragText" },
        { HeadlineRole, "headline" }, { ChecksRole, "checks" } };
}

} // namespace doorstep
