#pragma once

#include "domain/driftanddelay.h"
#include "models/keyedrows.h"
#include "models/session.h"
#include "models/teampractitionermodel.h"
#include "store/caseloadrepository.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>
#include <optional>

namespace doorstep
{

/// One family of the team caseload and its drift and delay checks today.
struct TeamCaseloadRow {
    CaseloadEntry entry;
    DriftAndDelay::Report report;
    /// Whole weeks from allocation to today (or to the closure).
    int weeksOpen = 0;
    QString key() const { return entry.familyId; }
    friend bool operator==(const TeamCaseloadRow &a, const TeamCaseloadRow &b);
};

/// The supervisor's team caseload (issue 8): every family of the team on this tablet with
/// its lead practitioner, level of need, weeks open, next timescale and the red, amber or
/// green of each drift and delay check, filtered and sorted as the supervisor chooses. The
/// same reading gives the practitioners' view (`practitioners`), so the two always agree.
///
/// A supervisor's tablet holds exactly their team's families (the server's authorisation
/// decides it), so the team caseload is every family allocated on the tablet.
class TeamCaseloadModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /// Read the store only while the page is shown; a change while hidden is read on return.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    /// The lead practitioner's user id; empty for everyone's families.
    Q_PROPERTY(QString practitionerFilter READ practitionerFilter WRITE setPractitionerFilter NOTIFY
            filterChanged)
    /// A DriftAndDelay::Check (as int) to look at alone, or -1 for the worst of them.
    Q_PROPERTY(int checkFilter READ checkFilter WRITE setCheckFilter NOTIFY filterChanged)
    /// A StatusFilter (as int).
    Q_PROPERTY(int statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    /// A level of need (2, 3 or 4), or 0 for every level.
    Q_PROPERTY(int levelFilter READ levelFilter WRITE setLevelFilter NOTIFY filterChanged)
    /// A SortKey (as int), or SortByCheck + a check to sort by that check alone.
    Q_PROPERTY(int sortBy READ sortBy WRITE setSortBy NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Families of the team, and how many of them have a check drifting or due soon, before
    /// any filter.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalsChanged)
    Q_PROPERTY(int redCount READ redCount NOTIFY totalsChanged)
    Q_PROPERTY(int amberCount READ amberCount NOTIFY totalsChanged)
    /// Choices for the filters and the sort, each a list of { value, text }.
    Q_PROPERTY(QVariantList practitionerChoices READ practitionerChoices NOTIFY totalsChanged)
    Q_PROPERTY(QVariantList checkChoices READ checkChoices CONSTANT)
    Q_PROPERTY(QVariantList statusChoices READ statusChoices CONSTANT)
    Q_PROPERTY(QVariantList levelChoices READ levelChoices CONSTANT)
    Q_PROPERTY(QVariantList sortChoices READ sortChoices CONSTANT)
    Q_PROPERTY(doorstep::TeamPractitionerModel *practitioners READ practitioners CONSTANT)
    /// The team's exit questionnaires: how many families answered, and each question's
    /// totals: [{ question, yes, partly, no }].
    Q_PROPERTY(int feedbackFamilies READ feedbackFamilies NOTIFY totalsChanged)
    Q_PROPERTY(QVariantList feedback READ feedback NOTIFY totalsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)

public:
    enum Role {
        FamilyIdRole = Qt::UserRole + 1,
        FamilyNameRole,
        PractitionerNameRole,
        LevelTextRole,
        WeeksOpenRole,
        WeeksOpenTextRole,
        NextDueTextRole,
        /// "red", "amber" or "green": the worst check (or the filtered check alone).
        RagRole,
        RagTextRole,
        /// The most urgent check that is not green, in a sentence; empty when all are.
        HeadlineRole,
        /// Each check: { check, name, rag, ragText, reason, applies }.
        ChecksRole,
    };
    Q_ENUM(Role)

    enum StatusFilter { AllStatuses, NeedsAttention, DriftingOnly };
    Q_ENUM(StatusFilter)

    enum SortKey {
        SortByUrgency,
        SortByFamilyName,
        SortByPractitioner,
        SortByLevel,
        SortByWeeksOpen,
        SortByNextDue,
        SortByCheck = 100
    };
    Q_ENUM(SortKey)

    explicit TeamCaseloadModel(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    bool isActive() const { return m_active; }
    void setActive(bool active);
    QString search() const { return m_search; }
    void setSearch(const QString &search);
    QString practitionerFilter() const { return m_practitionerFilter; }
    void setPractitionerFilter(const QString &userId);
    int checkFilter() const { return m_checkFilter; }
    void setCheckFilter(int check);
    int statusFilter() const { return m_statusFilter; }
    void setStatusFilter(int status);
    int levelFilter() const { return m_levelFilter; }
    void setLevelFilter(int level);
    int sortBy() const { return m_sortBy; }
    void setSortBy(int key);

    int count() const { return m_rows.size(); }
    int totalCount() const { return int(m_team.size()); }
    int redCount() const { return m_redCount; }
    int amberCount() const { return m_amberCount; }
    QVariantList practitionerChoices() const { return m_practitionerChoices; }
    QVariantList checkChoices() const;
    QVariantList statusChoices() const;
    QVariantList levelChoices() const;
    QVariantList sortChoices() const;
    TeamPractitionerModel *practitioners() { return &m_practitioners; }
    int feedbackFamilies() const { return m_feedbackFamilies; }
    QVariantList feedback() const { return m_feedback; }
    QString errorString() const { return m_errorString; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Reads the team caseload from the store again now.
    Q_INVOKABLE void reload();
    /// Where a practitioner is in practitionerChoices; -1 when not there.
    Q_INVOKABLE int practitionerChoiceIndex(const QString &userId) const;
    /// Clears every filter and the search, and sorts by urgency again.
    Q_INVOKABLE void clearFilters();

Q_SIGNALS:
    void sessionChanged();
    void activeChanged();
    void filterChanged();
    void countChanged();
    void totalsChanged();
    void errorChanged();

private:
    template <typename> friend class KeyedRows;

    /// Sets one filter (or the sort) and shows the rows it keeps.
    template <typename T> void setFilter(T &member, const T &value);
    void onRecordsChanged(const QStringList &kinds);
    void reloadWhenActive();
    /// Makes the rows those of m_team the filters keep, in the chosen order.
    void showFiltered();
    bool keeps(const TeamCaseloadRow &row) const;
    /// The check the status filter and the row's colour look at: the filtered one or the worst.
    DriftAndDelay::Rag ragOf(const TeamCaseloadRow &row) const;
    void updateTotals();
    void setError(const QString &message);

    QPointer<Session> m_session;
    bool m_active = true;
    bool m_stale = false;
    QString m_search;
    QString m_practitionerFilter;
    int m_checkFilter = -1;
    int m_statusFilter = AllStatuses;
    int m_levelFilter = 0;
    int m_sortBy = SortByUrgency;
    KeyedRows<TeamCaseloadRow> m_rows;
    /// The whole team as last read; m_rows is what the filters keep.
    QList<TeamCaseloadRow> m_team;
    QDate m_today;
    std::optional<DriftAndDelay> m_driftAndDelay;
    int m_redCount = 0;
    int m_amberCount = 0;
    QVariantList m_practitionerChoices;
    TeamPractitionerModel m_practitioners;
    int m_feedbackFamilies = 0;
    QVariantList m_feedback;
    QString m_errorString;
};

} // namespace doorstep
