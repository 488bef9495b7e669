#pragma once

#include "protocol/hlc.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace doorstep
{

/// One field of one record set to a value on one device at one time: the unit that
/// syncs (sync/PROTOCOL.md). Made from a change-journal entry.
struct Op {
    /// The field that holds a record's life: odd live, even deleted (causal length).
    static constexpr const char *CausalLength = "causal_length";

    QString id; ///< "<device id>:<local sequence>", unique forever
    QString kind; ///< a record kind, e.g. "visit"
    QString recordId;
    QString field;
    /// Null, qint64, double, QString or QByteArray: what SQLite stores for the field.
    QVariant value;
    Hlc hlc;
    QString deviceId;
    /// Free text only: the ids of the versions the writer saw as current when writing.
    QStringList replaces;

    /// Last writer wins by (hlc, device id): true if this op's write is the later one.
    /// The op id settles the rest, so the order is total and every replica agrees.
    bool isLaterThan(const Op &other) const
    {
        if (hlc != other.hlc)
            return hlc > other.hlc;
        if (deviceId != other.deviceId)
            return deviceId > other.deviceId;
        return id > other.id;
    }

    friend bool operator==(const Op &a, const Op &b)
    {
        return a.id == b.id && a.kind == b.kind && a.recordId == b.recordId && a.field == b.field
            && a.value == b.value && a.hlc == b.hlc && a.deviceId == b.deviceId
            && a.replaces == b.replaces;
    }
};

/// The local sequence in an op id ("<device>:<sequence>"), or -1 if it has none.
qint64 opSequence(const QString &opId);

} // namespace doorstep
