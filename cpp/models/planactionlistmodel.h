#pragma once

#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// A My Family Plan's actions (who does what, by when), in the order they were added, each
/// worded for today and with what is typed but not yet saved; PlanController fills it.
class PlanActionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Actions come from a PlanController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ActionIdRole = Qt::UserRole + 1,
        DescriptionRole,
        WhoRole,
        /// The due date as typed, or as "26/03/2026" once saved.
        DueTextRole,
        /// Why the typed due date was not saved; empty when it was.
        DueProblemRole,
        DoneRole,
        /// "Due by Thu 26 Mar", "Overdue since 3 Mar", "Done on 12 Mar", "No date agreed".
        StatusTextRole,
        OverdueRole,
        /// The goal the action works toward; empty for the whole plan.
        GoalIdRole,
        /// That goal as the goal picker names it, "Bola: I go to school every day".
        GoalTextRole,
        SavedRole,
    };
    Q_ENUM(Role)

    struct Row {
        QString actionId;
        QString description;
        QString who;
        QString dueText;
        QString dueProblem;
        bool done = false;
        QString statusText;
        bool overdue = false;
        QString goalId;
        QString goalText;
        bool saved = false;

        QString key() const { return actionId; }
        bool operator==(const Row &other) const;
    };

    explicit PlanActionListModel(QObject *parent = nullptr);

    int count() const { return m_rows.size(); }
    void setRows(QList<Row> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    template <typename> friend class KeyedRows;

    KeyedRows<Row> m_rows;
};

} // namespace doorstep
