#include "models/caseloadmodel.h"

#include "models/casetext.h"

#include <QLocale>

namespace doorstep
{

namespace
{

// The kinds whose records move a family's deadlines, name or child count.
bool affectsCaseload(const QStringList &kinds)
{
    static const QStringList relevant { QStringLiteral("family"), QStringLiteral("person"),
        QStringLiteral("allocation"), QStringLiteral("visit"), QStringLiteral("plan"),
        QStringLiteral("review"), QStringLiteral("closure") };
    return Session::touches(kinds, relevant);
}

bool sameDeadline(const std::optional<Deadline> &a, const std::optional<Deadline> &b)
{
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

} // namespace

bool operator==(const CaseloadRow &a, const CaseloadRow &b)
{
    // The dates only matter through the deadlines they make, which are compared.
    return a.entry.familyId == b.entry.familyId && a.entry.familyName == b.entry.familyName
        && a.entry.childCount == b.entry.childCount
        && sameDeadline(a.entry.nextDue, b.entry.nextDue) && a.overdue == b.overdue
        && a.entry.dates.maintenanceStartedOn == b.entry.dates.maintenanceStartedOn
        && a.entry.dates.closedOn == b.entry.dates.closedOn;
}

CaseloadModel::CaseloadModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(searchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &CaseloadModel::applySearch);
    // Overdue is a matter of the date: a tablet left unlocked overnight must see it change.
    m_dateCheck.setInterval(60 * 1000);
    connect(&m_dateCheck, &QTimer::timeout, this, &CaseloadModel::checkDate);
}

void CaseloadModel::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &CaseloadModel::reload);
        connect(m_session, &Session::recordsChanged, this, &CaseloadModel::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void CaseloadModel::setSearch(const QString &search)
{
    if (m_search == search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    m_searchDelay.start();
}

void CaseloadModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_stale)
        reload();
}

void CaseloadModel::onRecordsChanged(const QStringList &kinds)
{
    if (affectsCaseload(kinds))
        reloadWhenActive();
}

void CaseloadModel::checkDate()
{
    if (m_session && m_session->today() != m_today)
        reloadWhenActive();
}

void CaseloadModel::reloadWhenActive()
{
    if (m_active)
        reload();
    else
        m_stale = true;
}

void CaseloadModel::reload()
{
    m_searchDelay.stop();
    m_stale = false;
    const QDate previousDay = m_today;
    m_caseload.clear();
    m_read = false;
    int code = -1;
    QString error;
    Store *store = m_session ? m_session->store() : nullptr;
    if (store) {
        m_today = m_session->today();
        if (!m_timescales) {
            auto calendar = WorkingCalendar::englandAndWales();
            if (calendar) {
                m_timescales.emplace(*calendar);
            } else {
                code = int(calendar.error().code);
                error = calendar.error().message;
            }
        }
        if (m_timescales) {
            const Timescales &timescales = *m_timescales;
            auto entries = CaseloadRepository(*store, timescales).forPractitioner(store->userId());
            if (!entries) {
                code = int(entries.error().code);
                error = entries.error().message;
            } else {
                m_caseload.reserve(entries->size());
                for (CaseloadEntry &entry : *entries) {
                    CaseloadRow row;
                    for (const Deadline &deadline : timescales.deadlines(entry.dates)) {
                        if (deadline.isOpen()
                            && deadline.status(m_today) == Deadline::Status::Overdue)
                            row.overdue.append(deadline);
                    }
                    row.entry = std::move(entry);
                    m_caseload.append(std::move(row));
                }
                m_read = true;
            }
        }
    }
    // Locked, or failed: nothing of the case data stays in the model.
    showSearched();
    if (store)
        m_dateCheck.start();
    else
        m_dateCheck.stop();
    // A new day changes statuses and wording even where the deadlines stayed the same.
    if (m_today != previousDay && m_rows.size() > 0)
        Q_EMIT dataChanged(index(0), index(m_rows.size() - 1));
    setError(code, error);
}

void CaseloadModel::applySearch()
{
    m_searchDelay.stop();
    if (m_read && m_session && m_session->store())
        showSearched();
    else
        reload();
}

void CaseloadModel::showSearched()
{
    const int before = m_rows.size();
    // As CaseloadRepository searches: the trimmed text anywhere in the name, Qt's case folding.
    const QString term = m_search.trimmed();
    QList<CaseloadRow> rows;
    if (term.isEmpty()) {
        rows = m_caseload;
    } else {
        for (const CaseloadRow &row : std::as_const(m_caseload)) {
            if (row.entry.familyName.contains(term, Qt::CaseInsensitive))
                rows.append(row);
        }
    }
    m_rows.replace(*this, std::move(rows));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

void CaseloadModel::setError(int code, const QString &message)
{
    if (m_errorCode == code && m_errorString == message)
        return;
    m_errorCode = code;
    m_errorString = message;
    Q_EMIT errorChanged();
}

int CaseloadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant CaseloadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseloadRow &row = m_rows.at(index.row());
    const CaseloadEntry &entry = row.entry;
    switch (role) {
    case FamilyIdRole:
        return entry.familyId;
    case Qt::DisplayRole:
    case FamilyNameRole:
        return entry.familyName;
    case ChildCountRole:
        return entry.childCount;
    case NextDueTextRole:
        if (!entry.nextDue)
            return tr("No timescales open");
        return CaseText::deadlineSentence(*entry.nextDue, m_today);
    case NextDueStatusRole:
        if (!entry.nextDue)
            return int(NextDueStatus::None);
        switch (entry.nextDue->status(m_today)) {
        case Deadline::Status::NotYetDue:
            return int(NextDueStatus::NotYetDue);
        case Deadline::Status::Due:
            return int(NextDueStatus::Due);
        case Deadline::Status::Overdue:
            return int(NextDueStatus::Overdue);
        case Deadline::Status::Met:
        case Deadline::Status::MetLate:
            return int(NextDueStatus::None);
        }
        return int(NextDueStatus::None);
    case OverdueBadgesRole: {
        QStringList badges;
        for (const Deadline &deadline : row.overdue)
            badges << CaseText::overdueBadge(deadline);
        return badges;
    }
    case OverdueSummaryRole: {
        QStringList badges;
        for (const Deadline &deadline : row.overdue)
            badges << CaseText::overdueBadge(deadline);
        return QLocale().createSeparatedList(badges);
    }
    case CaseStageTextRole:
        if (entry.dates.closedOn)
            return tr("Case closed on %1").arg(CaseText::date(*entry.dates.closedOn));
        if (entry.dates.maintenanceStartedOn)
            return tr("In maintenance since %1")
                .arg(CaseText::date(*entry.dates.maintenanceStartedOn));
        return QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> CaseloadModel::roleNames() const
{
    return { { FamilyIdRole, "familyId" }, { FamilyNameRole, "familyName" },
        { ChildCountRole, "childCount" }, { NextDueTextRole, "nextDueText" },
        { NextDueStatusRole, "nextDueStatus" }, { OverdueBadgesRole, "overdueBadges" },
        { OverdueSummaryRole, "overdueSummary" }, { CaseStageTextRole, "caseStageText" } };
}

} // namespace doorstep
