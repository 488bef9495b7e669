#pragma once

#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// The fields of a family's records that have versions waiting for a person (conflict
/// versions), one row each, in words; ConflictController fills it.
class ConflictListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Conflicts come from a ConflictController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ConflictKeyRole = Qt::UserRole + 1,
        KindRole,
        RecordIdRole,
        FieldRole,
        RecordTitleRole,
        FieldLabelRole,
        MarkerTextRole,
        SealedRole,
        VersionCountRole,
    };
    Q_ENUM(Role)

    struct Row {
        QString conflictKey; ///< "kind/recordId/field"
        QString kind;
        QString recordId;
        QString field;
        QString recordTitle; ///< "Home visit, Wed 4 Mar 2026, 10:30"
        QString fieldLabel; ///< "What are we worried about"
        QString markerText; ///< "Two versions of these notes: compare"
        bool sealed = false;
        int versionCount = 0; ///< all versions, the current one included

        QString key() const { return conflictKey; }
        bool operator==(const Row &other) const;
    };

    explicit ConflictListModel(QObject *parent = nullptr);

    int count() const { return m_rows.size(); }
    const Row &at(int row) const { return m_rows.at(row); }
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
