#pragma once

#include "domain/result.h"
#include "domain/teamview.h"
#include "protocol/hybridlogicalclock.h"
#include "protocol/op.h"
#include "protocol/syncmessages.h"
#include "store/change.h"
#include "store/database.h"
#include "store/integritycheck.h"
#include "store/statement.h"
#include "store/storepaths.h"

#include <QDateTime>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace doorstep
{

struct RecordKindSpec;

/// What `verify` found: each problem as a sentence, and the figures it checked.
struct VerifyReport {
    QStringList problems;
    qint64 records = 0;
    qint64 journalEntries = 0;
    bool ok() const { return problems.isEmpty(); }
};

/// What applying a pulled batch did.
struct SyncApplied {
    int newOps = 0; ///< ops this store did not hold before
    QStringList kinds; ///< kinds of record whose rows changed, for the models to re-read
    int heldBack
        = 0; ///< records waiting for the rest of their create, or for a record they refer to
};

/// What removing a family from this device did.
struct FamilyRemoval {
    bool removed = false; ///< false: it has work not yet sent, so it stays until sent
    int records = 0; ///< rows removed, the family's own included
};

/// Where this device syncs, kept in the encrypted store: the server, the council CA the
/// device was enrolled with (pinned: no other is trusted), and its bearer token.
struct SyncEndpoint {
    QString serverUrl;
    QByteArray caPem;
    QString token;
    bool isEnrolled() const { return !serverUrl.isEmpty() && !token.isEmpty(); }
};

/// The encrypted local store. The one place that writes: apply() writes the record, a
/// change-journal entry per field (for sync) and an audit entry in one transaction.
/// Repositories read through query(), which accepts only read-only SQL.
class Store
{
public:
    struct Options {
        Database::Protection protection = Database::Protection::Encrypted;
        /// Wall time in milliseconds since the epoch; injected so tests control it.
        HybridLogicalClock::PhysicalClock clock = HybridLogicalClock::systemMilliseconds();
        /// AtOpen runs PRAGMA quick_check inside open(). Deferred leaves it to the caller:
        /// open() then prepares an IntegrityCheck on a second connection for
        /// takeIntegrityCheck(), to run on a worker thread while the store is in use.
        enum class Integrity { AtOpen, Deferred } integrity = Integrity::AtOpen;
    };

    /// Creates a new store in folder (made if missing) for userId. Refuses if a
    /// database is already there.
    static Result<std::unique_ptr<Store>> create(
        const QString &folder, QByteArrayView key, const QString &userId, Options options);
    static Result<std::unique_ptr<Store>> create(
        const QString &folder, QByteArrayView key, const QString &userId)
    {
        return create(folder, key, userId, Options {});
    }
    /// Opens an existing store. A damaged database is moved aside into a
    /// "damaged-<time>" folder (never replaced or deleted) and reported as Damaged.
    static Result<std::unique_ptr<Store>> open(
        const QString &folder, QByteArrayView key, Options options);
    static Result<std::unique_ptr<Store>> open(const QString &folder, QByteArrayView key)
    {
        return open(folder, key, Options {});
    }

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// Applies changes in one transaction: all of them or none. Returns the record id
    /// of each change, in order (new ids for creates).
    Result<QStringList> apply(const QList<Change> &changes);
    Result<QString> apply(const Change &change);
    /// The same, keeping with the changes the bytes their documents name (blobs, by
    /// SHA-256: see blobSha256()); a blob already kept is not kept twice.
    Result<QStringList> apply(const QList<Change> &changes, const QList<QByteArray> &blobs);

    /// Blobs (sync/PROTOCOL.md, "Blobs"): the bytes a document names, by SHA-256 in hex.
    static QString blobSha256(QByteArrayView bytes);
    /// The whole blob, or nullopt when it is not (yet) all here: still coming from the server.
    Result<std::optional<QByteArray>> blob(const QString &sha256);
    /// Up to `length` bytes of a complete blob from `offset` (fewer at its end), reading only
    /// those; nullopt as blob() says.
    Result<std::optional<QByteArray>> blobRange(
        const QString &sha256, qint64 offset, qint64 length);
    /// How much of a blob this store holds.
    struct BlobState {
        QString sha256;
        qint64 size = 0;
        qint64 received = 0;
    };
    /// Complete blobs named by live documents that the server does not hold yet.
    Result<QList<BlobState>> blobsToSend();
    /// The server holds the whole blob.
    Result<void> markBlobSent(const QString &sha256);
    /// Blobs named by live documents that are not all here, with how much has arrived.
    Result<QList<BlobState>> blobsToFetch();
    /// Keeps bytes of a blob received from the server at `offset`, which must be where what
    /// arrived so far ends, in one transaction. Once every byte is here the blob is hashed:
    /// it is complete if the hash matches; if not, what arrived is discarded and the result
    /// is an error (the download starts again). Returns what the store now holds.
    Result<BlobState> keepBlobRange(
        const QString &sha256, qint64 size, qint64 offset, const QByteArray &bytes);

    /// Prepares a read-only query for a repository; any SQL that could write is refused.
    Result<Statement> query(const QString &sql);

    /// Sync (sync/PROTOCOL.md): this device's ops the server has not acknowledged, oldest
    /// first, at most limit of them.
    Result<QList<Op>> outbox(int limit);
    /// The server holds every op this device wrote up to local sequence `through`.
    Result<void> acknowledge(qint64 through);
    /// Applies ops pulled from the server and stores the cursor and catch-up position with
    /// them, in one transaction: all of it or none. Ops this store already holds change
    /// nothing; every op is checked against the schema first, and a batch with one bad op
    /// is refused whole.
    Result<SyncApplied> applyPulled(
        const QList<Op> &ops, qint64 cursor, const sync::CatchUp &catchUp = {});
    qint64 pullCursor() const { return m_pullCursor; }
    sync::CatchUp pullCatchUp() const { return m_pullCatchUp; }
    /// This device's audit entries the server does not hold yet, oldest first: what people
    /// did here, not records received from the server (it logged those when it sent them).
    Result<QList<sync::DeviceAuditEntry>> unsentAudit(int limit);
    /// The server holds every entry of this device's audit up to `through`.
    Result<void> acknowledgeAudit(qint64 through);
    /// The enrolment this device holds (empty before enrolment).
    Result<SyncEndpoint> syncEndpoint();
    Result<void> setSyncEndpoint(const SyncEndpoint &endpoint);
    /// When this device last finished a sync (null if never).
    Result<QDateTime> lastSyncedAt();
    Result<void> noteSyncedAt(const QDateTime &at);
    /// Notes in the audit that the user opened a record (a family's page): every access is
    /// audited, and the entry reaches the centre's audit with the next sync.
    Result<void> noteViewed(const QString &kind, const QString &recordId);
    /// Who this tablet's user is at the centre, as the last sync that said it told it
    /// (storeteam.cpp); nothing before then. Replaced whole by each sync that tells it.
    Result<std::optional<TeamView>> teamView();
    Result<void> saveTeamView(const TeamView &view);
    qint64 acknowledgedThrough() const { return m_ackedOpSeq; }
    /// Removes a family and every record of it from this device, when the server says it
    /// is no longer in the user's caseload. Nothing is journalled or synced (the family
    /// lives on at the server); the audit notes each record. A family with work this
    /// device has not yet sent is kept, and removed at a later sync.
    Result<FamilyRemoval> removeFamilyFromDevice(const QString &familyId);

    /// Integrity check, foreign keys, and journal ↔ records consistency.
    Result<VerifyReport> verify();

    QString deviceId() const { return m_deviceId; }
    QString userId() const { return m_userId; }
    Hlc lastHlc() const { return m_clock.last(); }
    StorePaths paths() const { return m_paths; }

    /// The integrity check open() prepared with Integrity::Deferred (once; null after).
    std::unique_ptr<IntegrityCheck> takeIntegrityCheck() { return std::move(m_integrityCheck); }

    /// Moves a damaged database and its WAL/SHM files into a new "damaged-<time>" folder
    /// beside them (never replacing or deleting them) and returns a Damaged error that
    /// says what was found, where the files went and what to do. No Store may be open on
    /// the files.
    static Error setAsideDamaged(
        const StorePaths &paths, const QDateTime &nowUtc, const Error &found);

    // Conflict versions (sync/PROTOCOL.md; storeconflicts.cpp): free text written on two
    // devices at once, or a change that arrived after its record was signed or finalised.

    /// One version of a field: its value and who wrote it where and when.
    struct ConflictVersion {
        QString opId;
        QVariant value;
        QDateTime writtenAt; ///< UTC, from the op's HLC
        QString deviceId;
        bool thisDevice = false;
        QString authorId; ///< who wrote it, when known (this device's user); else empty
    };
    /// A field of a live record with versions waiting for a person.
    struct FieldConflict {
        QString kind;
        QString recordId;
        QString field;
        QString familyId;
        /// The record is signed or finalised: no version can be merged into it.
        bool sealed = false;
        ConflictVersion current; ///< the value the field holds
        QList<ConflictVersion> versions; ///< the others, newest first
    };
    /// The conflict versions of one record, a field each.
    Result<QList<FieldConflict>> conflicts(const QString &kind, const QString &recordId);
    /// Those of every record of a family.
    Result<QList<FieldConflict>> familyConflicts(const QString &familyId);
    /// How many records of each family (by id) have conflict versions.
    Result<QHash<QString, int>> conflictCounts();
    /// Writes mergedText as the field's one version: a journalled op whose `replaces` names
    /// the current version and every conflict version, so it syncs and resolves them on every
    /// replica; audited, in one transaction. seenOpIds, when given, are the versions the
    /// person compared: if others arrived since, nothing is written.
    Result<void> mergeConflict(const QString &kind, const QString &recordId, const QString &field,
        const QString &mergedText, const QStringList &seenOpIds = {});
    /// Keeps one version (current or conflict) as it is: a merge whose text is that version.
    Result<void> keepConflictVersion(
        const QString &kind, const QString &recordId, const QString &field, const QString &opId);
    /// A version that cannot be merged because its record is sealed: marks it read on this
    /// device (it stays in the journal), audited. Refused for records that can be merged.
    Result<void> dismissConflictVersion(
        const QString &kind, const QString &recordId, const QString &field, const QString &opId);
    /// A version left out of a finalised visit, added as a dated amendment of the visit in
    /// text (the person's edit of it) and marked read, in one transaction. Returns the note id.
    Result<QString> amendWithConflictVersion(
        const QString &visitId, const QString &field, const QString &opId, const QString &text);

private:
    struct ConflictTarget;
    Result<ConflictTarget> conflictTarget(
        const QString &kind, const QString &recordId, const QString &field);
    Result<void> resolveVersions(const ConflictTarget &target, const QVariant &value,
        const QStringList &resolved, const QString &action);
    Result<void> markVersionRead(const ConflictTarget &target, const QString &opId,
        const QDateTime &now, const QString &action);

private:
    class Write; // store/storewrite.h
    Store(StorePaths paths, Database db, Options options);
    static Result<QString> setAside(const StorePaths &paths, const QDateTime &nowUtc);
    Result<void> loadMeta();
    Result<QString> applyOne(const Change &change, const QDateTime &now);
    Result<Statement *> cached(const QString &sql);
    Result<QVariant> normalise(const RecordKindSpec &kind, const FieldValue &value);
    Result<void> journal(const RecordKindSpec &kind, const QString &recordId, const QString &field,
        const QVariant &value);
    Result<void> setFieldClock(const QString &kind, const QString &recordId, const QString &field,
        Hlc stamp, const QString &deviceId, const QString &opId);
    Result<void> audit(const QString &action, const RecordKindSpec &kind, const QString &recordId,
        const QStringList &fields, const QDateTime &now,
        const QString &origin = QStringLiteral("local"));
    enum class Materialised { Written, Unchanged, Held };
    /// Keeps bytes made on this device as a complete blob, in the caller's transaction.
    Result<void> keepBlob(const QByteArray &bytes);
    /// The bytes [from, to) of a blob's chunks, complete or not; Damaged if they do not
    /// cover that range.
    Result<QByteArray> chunkBytes(const QString &sha256, qint64 from, qint64 to);
    /// Drops a blob and what arrived of it, in the caller's transaction.
    Result<void> forgetBlob(const QString &sha256);
    /// Drops blobs no document names any more (their family left the device).
    Result<void> dropUnnamedBlobs();
    Result<Materialised> materialise(
        const RecordKindSpec &kind, const QString &recordId, const QDateTime &now);
    Result<bool> exists(const RecordKindSpec &kind, const QString &recordId);
    /// Sets one of the store's numbers in meta, in the caller's transaction.
    Result<void> setMeta(const QString &key, qint64 value);
    /// The same, in a transaction of its own.
    Result<void> commitMeta(const QString &key, qint64 value);
    Result<void> saveMeta();

    StorePaths m_paths;
    Database m_db;
    Options m_options;
    HybridLogicalClock m_clock;
    /// The one timestamp of the change being applied (see applyOne).
    std::optional<Hlc> m_changeStamp;
    QString m_deviceId;
    QString m_userId;
    qint64 m_nextOpSeq = 1;
    qint64 m_pullCursor = 0;
    sync::CatchUp m_pullCatchUp;
    qint64 m_ackedOpSeq = 0;
    qint64 m_auditSentSeq = 0;
    std::map<QString, Statement> m_statements;
    std::unique_ptr<IntegrityCheck> m_integrityCheck;
};

} // namespace doorstep
