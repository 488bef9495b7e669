#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace doorstep
{

/// One field and the value to give it.
struct FieldValue {
    QString field;
    QVariant value;
};

/// A request to change one record, the only thing Store::apply accepts.
struct Change {
    enum class Op { Create, Update, Delete, Restore };

    Op op = Op::Update;
    QString kind; ///< a RecordSchema kind, e.g. "family"
    QString recordId; ///< empty on Create: the store makes a UUID
    QList<FieldValue> fields;

    static Change create(QString kind, QList<FieldValue> fields, QString recordId = {})
    {
        return { Op::Create, std::move(kind), std::move(recordId), std::move(fields) };
    }
    static Change update(QString kind, QString recordId, QList<FieldValue> fields)
    {
        return { Op::Update, std::move(kind), std::move(recordId), std::move(fields) };
    }
    static Change remove(QString kind, QString recordId)
    {
        return { Op::Delete, std::move(kind), std::move(recordId), {} };
    }
    static Change restore(QString kind, QString recordId)
    {
        return { Op::Restore, std::move(kind), std::move(recordId), {} };
    }
};

} // namespace doorstep
