#pragma once

#include "domain/timescales.h"
#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// A case's timescales for the family page, in the order of the case, each with its
/// status today; FamilyController fills it.
class DeadlineListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A case's timescales come from its FamilyController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        SentenceRole,
        StatusRole,
        StatusTextRole,
    };
    Q_ENUM(Role)

    /// Deadline::Status, for QML.
    enum class Status { NotYetDue, Due, Overdue, Met, MetLate };
    Q_ENUM(Status)

    /// One timescale, worded for today.
    struct Row {
        QString id; ///< unique within a case: the kind, and the month of a maintenance review
        QString name;
        QString sentence;
        Status status = Status::NotYetDue;
        QString statusText;

        QString key() const { return id; }
        bool operator==(const Row &other) const;
    };

    explicit DeadlineListModel(QObject *parent = nullptr);

    int count() const { return m_rows.size(); }
    void setRows(QList<Row> rows);
    /// A deadline as a row, worded for today.
    static Row rowFor(const Deadline &deadline, QDate today);

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
