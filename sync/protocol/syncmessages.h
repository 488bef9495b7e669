#pragma once

#include "protocol/hlc.h"
#include "protocol/op.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace doorstep
{

/// The bodies of the sync requests and replies (sync/PROTOCOL.md). Plain values: the
/// codec (SyncCodec) turns them into CBOR and back, refusing anything malformed.
namespace sync
{

constexpr int ProtocolVersion = 1;

/// Client → server: the outbox, in journal order.
struct PushRequest {
    QList<Op> ops;
};

/// Server → client: every op up to local sequence `acked` is held by the server.
struct PushReply {
    qint64 acked = 0;
    Hlc serverHlc;
};

/// Client → server: what happened since `cursor` (0 for a device that has nothing yet).
struct PullRequest {
    qint64 cursor = 0;
    int limit = 500;
};

/// An op as the server logged it, with its server sequence.
struct LoggedOp {
    qint64 serverSeq = 0;
    Op op;
};

/// Server → client: a batch of the log (or of a snapshot) after the request's cursor.
struct PullReply {
    QList<LoggedOp> ops;
    qint64 cursor = 0; ///< store with the ops, in the same local transaction
    bool more = false; ///< pull again at once
    bool snapshot = false; ///< current state, not the log: see PROTOCOL.md
    QStringList removedFamilies; ///< no longer in this device's scope
    Hlc serverHlc;
};

/// A new tablet redeems the one-time code its practitioner was given.
struct EnrolRequest {
    QString code;
    /// The store's own device id, which its ops already carry: the server enrols the
    /// device under it (refusing one already enrolled).
    QString deviceId;
    QString deviceName;
    QString appVersion;
};

/// The server's answer to an enrolment: the device's id and its bearer token, which the
/// tablet keeps in its encrypted store and sends with every request.
struct EnrolReply {
    QString deviceId;
    QString token;
    QString userId;
};

/// Any refusal: a stable word for programs and a sentence for people.
struct ErrorReply {
    QString code;
    QString message;
};

} // namespace sync
} // namespace doorstep
