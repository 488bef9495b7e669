#pragma once

#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// The review meetings of a family's current case, newest first; PlanController fills it.
class ReviewListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Reviews come from a PlanController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ReviewIdRole = Qt::UserRole + 1,
        HeldOnTextRole,
        KindRole,
        KindTextRole,
        AttendeesRole,
        OutcomeRole,
    };
    Q_ENUM(Role)

    struct Row {
        QString reviewId;
        QString heldOnText;
        QString kind;
        QString kindText;
        QString attendees;
        QString outcome;

        QString key() const { return reviewId; }
        bool operator==(const Row &other) const;
    };

    explicit ReviewListModel(QObject *parent = nullptr);

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
