#pragma once

#include "models/goallistmodel.h"
#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// The groups a My Family Plan's goals are shown in: one per family member, oldest first,
/// then the whole family's; each carries its own GoalListModel. PlanController fills it.
class GoalGroupListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Goal groups come from a PlanController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        /// The member's person id; empty for the whole family.
        PersonIdRole = Qt::UserRole + 1,
        NameRole,
        /// The member's role in the family ("Child"), or empty.
        DetailRole,
        GoalsRole,
    };
    Q_ENUM(Role)

    struct Row {
        QString personId;
        QString name;
        QString detail;
        QPointer<GoalListModel> goals;

        QString key() const { return personId; }
        bool operator==(const Row &other) const;
    };

    explicit GoalGroupListModel(QObject *parent = nullptr);

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
