#pragma once

#include "domain/teamview.h"
#include "protocol/hlc.h"
#include "protocol/op.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace doorstep
{

/// The bodies of the sync requests and replies (sync/PROTOCOL.md). Plain values: the
/// codec (SyncCodec) turns them into CBOR and back, refusing anything malformed.
namespace sync
{

constexpr int ProtocolVersion = 1;

/// One entry of a tablet's own audit (who did what to which record, when; field names,
/// never values), sent so the council's audit at the centre holds what happened on tablets.
struct DeviceAuditEntry {
    qint64 seq = 0; ///< the tablet's audit sequence: increasing, so a resend is recognised
    QString at; ///< the tablet's time, ISO 8601 UTC
    QString actorId;
    QString action; ///< create, update, delete, restore, merge, remove, ...
    QString recordKind;
    QString recordId;
    QString fields; ///< field names, comma-separated
    QString origin;
    friend bool operator==(const DeviceAuditEntry &a, const DeviceAuditEntry &b)
    {
        return a.seq == b.seq && a.at == b.at && a.actorId == b.actorId && a.action == b.action
            && a.recordKind == b.recordKind && a.recordId == b.recordId && a.fields == b.fields
            && a.origin == b.origin;
    }
};

/// How far a device has caught up on the families that came into its scope after its
/// cursor had passed their history (a reallocation, a family new to its team). The server
/// numbers each family it starts a device on; `family` is that number and `seq` the last op
/// of it the device holds, so every family numbered below `family` is complete. Opaque to
/// the client, which stores it with the cursor and sends it back: see PROTOCOL.md.
struct CatchUp {
    qint64 family = 0;
    qint64 seq = 0;
    friend bool operator==(const CatchUp &a, const CatchUp &b)
    {
        return a.family == b.family && a.seq == b.seq;
    }
    friend bool operator!=(const CatchUp &a, const CatchUp &b) { return !(a == b); }
};

/// Client → server: what happened since `cursor` (0 for a device that has nothing yet).
struct PullRequest {
    qint64 cursor = 0;
    int limit = 500;
    CatchUp catchUp;
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
    bool snapshot = false; ///< catching up on families new to the device: see PROTOCOL.md
    CatchUp catchUp; ///< store with the ops and the cursor
    QStringList removedFamilies; ///< no longer in this device's scope
    Hlc serverHlc;
    /// The user's role and team (and a supervisor's team), on the last batch of a pull
    /// (`more` false); nothing on the others.
    std::optional<TeamView> team;
};

/// Client → server: the outbox, in journal order, and the tablet's audit entries after the
/// last the server acknowledged, in order (either may be empty).
struct PushRequest {
    QList<Op> ops;
    QList<DeviceAuditEntry> audit;
    /// The pull that follows, answered in the same round trip: set on the last push of a
    /// sync (the outbox all sent), so a sync with changes is one request, not two.
    std::optional<PullRequest> pull;
};

/// Server → client: every op up to local sequence `acked`, and every audit entry up to
/// `audited`, is held by the server.
struct PushReply {
    qint64 acked = 0;
    Hlc serverHlc;
    qint64 audited = 0;
    std::optional<PullReply> pulled; ///< the answer to the request's pull, if it had one
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

/// The most bytes of a blob one request or reply carries (sync/PROTOCOL.md, "Blobs").
constexpr qint64 MaxBlobRangeBytes = 1024 * 1024;

/// Client → server: bytes of a blob a document names, from `offset`, which must be where
/// what the server holds of it ends (`data` empty asks only how far that is).
struct BlobPutRequest {
    QString sha256; ///< 64 lowercase hex digits
    qint64 size = 0; ///< the whole blob's
    qint64 offset = 0;
    QByteArray data;
};

/// Server → client: how many bytes of the blob the server holds from its start, and
/// whether it holds it all, checked against its SHA-256. After the last bytes, `complete`
/// false means they did not match: the server discarded them, and `received` is 0.
struct BlobPutReply {
    qint64 received = 0;
    bool complete = false;
};

/// Client → server: up to `length` bytes of a blob from `offset`.
struct BlobGetRequest {
    QString sha256;
    qint64 offset = 0;
    qint64 length = MaxBlobRangeBytes;
};

/// Server → client: bytes of a blob from `offset`, and the whole blob's size.
struct BlobGetReply {
    qint64 size = 0;
    qint64 offset = 0;
    QByteArray data;
};

/// Client → server: a supervisor asks who wrote, read or shared a family's records (issue 8's
/// audit viewer), newest first, at most `limit` entries.
struct FamilyAuditRequest {
    QString familyId;
    int limit = 200;
};

/// One entry of a family's audit at the centre: the server's own (pushes, pulls, allocations,
/// blobs) and the tablets' (what a person did on a tablet), with the names the server knows.
struct FamilyAuditEntry {
    QString at; ///< ISO 8601 UTC
    QString userId;
    QString userName; ///< empty when the server knows no such user
    QString deviceName; ///< empty for the server's own actions
    QString action;
    QString recordKind;
    QString recordId;
    QString detail;
    friend bool operator==(const FamilyAuditEntry &a, const FamilyAuditEntry &b)
    {
        return a.at == b.at && a.userId == b.userId && a.userName == b.userName
            && a.deviceName == b.deviceName && a.action == b.action && a.recordKind == b.recordKind
            && a.recordId == b.recordId && a.detail == b.detail;
    }
};

/// Server → client: the family's audit, newest first.
struct FamilyAuditReply {
    QList<FamilyAuditEntry> entries;
};

/// The most entries one family audit reply holds.
constexpr int MaxFamilyAuditEntries = 1000;

/// Any refusal: a stable word for programs and a sentence for people.
struct ErrorReply {
    QString code;
    QString message;
};

} // namespace sync
} // namespace doorstep
