#pragma once

#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// One family member's goals (or the whole family's) in a My Family Plan, in the order they
/// were added, with what is typed but not yet saved; PlanController fills it.
class GoalListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Goals come from a PlanController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        GoalIdRole = Qt::UserRole + 1,
        WordsRole,
        StatusRole,
        StatusTextRole,
        /// "Agreed on 12 Mar 2026" or "Not agreed yet".
        AgreedTextRole,
        /// False while the goal has no words yet and so is not in the store.
        SavedRole,
    };
    Q_ENUM(Role)

    struct Row {
        QString goalId;
        QString words;
        QString status;
        QString statusText;
        QString agreedText;
        bool saved = false;

        QString key() const { return goalId; }
        bool operator==(const Row &other) const;
    };

    explicit GoalListModel(QObject *parent = nullptr);

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
