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

/// Any refusal: a stable word for programs and a sentence for people.
struct ErrorReply {
    QString code;
    QString message;
};

} // namespace sync
} // namespace doorstep
