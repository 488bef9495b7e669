#pragma once

#include "domain/teamview.h"
#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QQmlEngine>

namespace doorstep
{

/// The supervisor's view of the team's practitioners (issue 8): each one's caseload size
/// against the 20-35 families a practitioner carries (DOMAIN.md), what is drifting in it,
/// and when each of their tablets last synced. TeamCaseloadModel fills it from the same
/// reading as the team caseload.
class TeamPractitionerModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The team caseload makes it.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    /// "They carry 20-35 families each" (DOMAIN.md).
    static constexpr int caseloadMinimum = 20;
    static constexpr int caseloadMaximum = 35;
    /// A tablet not synced for longer than this is flagged: its work is not at the centre.
    static constexpr int syncStaleDays = 7;

    struct Row {
        QString userId;
        QString name;
        /// Open cases led: allocated and not closed (maintenance included).
        int caseload = 0;
        /// Checks drifting (red) and due soon (amber) over their open cases.
        int redChecks = 0;
        int amberChecks = 0;
        /// Their tablets; empty when the server has not named them (not in the team view).
        QList<TeamView::Device> devices;
        /// Known to the server as one of the team; false for a lead practitioner named only
        /// by an allocation on this tablet.
        bool inTeam = true;
        QString key() const { return userId; }
        friend bool operator==(const Row &a, const Row &b)
        {
            return a.userId == b.userId && a.name == b.name && a.caseload == b.caseload
                && a.redChecks == b.redChecks && a.amberChecks == b.amberChecks
                && a.devices == b.devices && a.inTeam == b.inTeam;
        }
    };

    enum Role {
        UserIdRole = Qt::UserRole + 1,
        NameRole,
        CaseloadRole,
        CaseloadTextRole,
        /// "under", "within" or "over" the 20-35 range.
        RangeRole,
        RangeTextRole,
        RedChecksRole,
        AmberChecksRole,
        DriftTextRole,
        LastSyncTextRole,
        /// No tablet has synced, or none for more than syncStaleDays.
        SyncStaleRole,
        /// Each tablet: { name, lastSyncText }.
        DevicesRole,
    };
    Q_ENUM(Role)

    explicit TeamPractitionerModel(QObject *parent = nullptr);

    /// Shows these rows (in this order) as of `now`.
    void setRows(QList<Row> rows, const QDateTime &now);
    int count() const { return m_rows.size(); }
    const Row &row(int index) const { return m_rows.at(index); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// When a tablet last synced, in words for the supervisor ("Synced today at 09:15").
    static QString syncText(const QDateTime &lastSyncAt, const QDateTime &now);

Q_SIGNALS:
    void countChanged();

private:
    template <typename> friend class KeyedRows;

    KeyedRows<Row> m_rows;
    QDateTime m_now;
};

} // namespace doorstep
