#pragma once

#include "models/keyedrows.h"
#include "models/session.h"
#include "store/caseloadrepository.h"

#include <QAbstractListModel>
#include <QDate>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace doorstep
{

/// One family on the caseload list, with what the list shows of its timescales.
struct CaseloadRow {
    CaseloadEntry entry;
    /// Every open deadline past its dueBy, in the order of the case.
    QList<Deadline> overdue;

    QString key() const { return entry.familyId; }
    friend bool operator==(const CaseloadRow &a, const CaseloadRow &b);
};

/// The practitioner's caseload for the caseload page: their families, most urgent first,
/// narrowed by a name search, each with its next deadline and any overdue ones. Reads the
/// whole caseload in one repository call when the store opens or its records change, and
/// searches what it read, so a keystroke costs no query; each change becomes row changes.
class CaseloadModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /// The name search as typed; the list follows it after a short pause in typing.
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(int errorCode READ errorCode NOTIFY errorChanged)
    /// False while the page is covered (a visit being typed above it): records written then
    /// are read once it shows again, not at every autosave. Locking clears it at once.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)

public:
    enum Role {
        FamilyIdRole = Qt::UserRole + 1,
        FamilyNameRole,
        ChildCountRole,
        /// The next deadline in words, or a sentence saying nothing is due.
        NextDueTextRole,
        /// The next deadline's Status as NextDueStatus, for its colour and icon.
        NextDueStatusRole,
        /// The badge text of each overdue deadline.
        OverdueBadgesRole,
        /// The overdue deadlines in one sentence, for screen readers; empty when none.
        OverdueSummaryRole,
        /// "In maintenance since 12 Mar 2026" or "Case closed on …"; empty while open.
        CaseStageTextRole,
    };
    Q_ENUM(Role)

    /// How urgent the next deadline is; None when nothing is open.
    enum class NextDueStatus { None, NotYetDue, Due, Overdue };
    Q_ENUM(NextDueStatus)

    /// Typing pauses this long before the list is searched again.
    static constexpr int searchDelayMs = 150;

    explicit CaseloadModel(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString search() const { return m_search; }
    void setSearch(const QString &search);
    int count() const { return m_rows.size(); }
    QString errorString() const { return m_errorString; }
    int errorCode() const { return m_errorCode; }
    bool isActive() const { return m_active; }
    void setActive(bool active);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Reads the caseload from the store again now, and shows it searched.
    Q_INVOKABLE void reload();
    /// Shows the search as typed now, without waiting for the pause in typing (Enter in the
    /// search field). Reads the store only if the caseload has not been read yet.
    Q_INVOKABLE void applySearch();

Q_SIGNALS:
    void sessionChanged();
    void searchChanged();
    void countChanged();
    void errorChanged();
    void activeChanged();

private:
    template <typename> friend class KeyedRows;

    void onRecordsChanged(const QStringList &kinds);
    void reloadWhenActive();
    void checkDate();
    /// Makes the rows those of m_caseload whose name contains the search.
    void showSearched();
    void setError(int code, const QString &message);

    QPointer<Session> m_session;
    QString m_search;
    KeyedRows<CaseloadRow> m_rows;
    /// The whole caseload as last read, most urgent first; m_rows is what the search keeps.
    QList<CaseloadRow> m_caseload;
    /// m_caseload was read from the open store (false while locked or after a failed read).
    bool m_read = false;
    QDate m_today;
    std::optional<Timescales> m_timescales;
    QTimer m_searchDelay;
    QTimer m_dateCheck;
    QString m_errorString;
    int m_errorCode = -1;
    bool m_active = true;
    bool m_stale = false;
};

} // namespace doorstep
