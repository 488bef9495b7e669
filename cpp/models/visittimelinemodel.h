#pragma once

#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// A family's home visits, newest first, for the family page's timeline;
/// FamilyController fills it.
class VisitTimelineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A family's visits come from its FamilyController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        VisitIdRole = Qt::UserRole + 1,
        WhenTextRole,
        LocationRole,
        IsFinalRole,
        StatusTextRole,
    };
    Q_ENUM(Role)

    /// One visit as the timeline shows it.
    struct Row {
        QString visitId;
        QString whenText;
        QString location;
        bool isFinal = false;
        QString statusText;

        QString key() const { return visitId; }
        bool operator==(const Row &other) const;
    };

    explicit VisitTimelineModel(QObject *parent = nullptr);

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
