#pragma once

#include "server/serverstorage.h"
#include "server/sqlconnection.h"
#include "server/sqltransaction.h"

#include <QDateTime>
#include <QString>
#include <functional>
#include <memory>
#include <mutex>

namespace doorstep::server
{

/// ServerStorage over SQL, the same for both databases: authorisation, acknowledgement,
/// removed families, enrolment, tokens and the audit, written once in SQL that SQLite 3.15
/// and PostgreSQL both accept, over a SqlConnection. SqlCipherStorage and PostgresStorage
/// only open their connection. One connection per object, every call serialised.
class SqlServerStorage : public ServerStorage
{
public:
    ~SqlServerStorage() override;
    SqlServerStorage(const SqlServerStorage &) = delete;
    SqlServerStorage &operator=(const SqlServerStorage &) = delete;

    Result<void> createUser(const User &user) override;
    Result<std::optional<User>> findUser(const QString &userId) override;
    Result<void> allocate(const QString &familyId, const QString &practitionerId) override;
    Result<QString> createEnrolmentCode(const QString &userId, qint64 validForSeconds) override;
    Result<std::pair<Device, QString>> redeemEnrolmentCode(const QString &code,
        const QString &deviceId, const QString &deviceName, const QString &appVersion) override;
    Result<void> revokeDevice(const QString &deviceId) override;
    Result<QList<Device>> listDevices() override;
    Result<Device> authenticate(const QString &token) override;
    Result<PushOutcome> push(
        const Device &device, const QList<Op> &ops, const QString &appVersion) override;
    Result<sync::PullReply> pull(
        const Device &device, const sync::PullRequest &request, const QString &appVersion) override;
    Result<qint64> recordDeviceAudit(const Device &device,
        const QList<sync::DeviceAuditEntry> &entries, const QString &appVersion) override;
    Result<sync::BlobPutReply> putBlob(const Device &device, const sync::BlobPutRequest &request,
        const QString &appVersion) override;
    Result<sync::BlobGetReply> getBlob(const Device &device, const sync::BlobGetRequest &request,
        const QString &appVersion) override;
    Result<sync::FamilyAuditReply> familyAudit(const Device &device,
        const sync::FamilyAuditRequest &request, const QString &appVersion) override;
    Result<QList<AuditEntry>> audit(int limit) override;

    /// A pull reads the log since the device's cursor row by row when it is at most this
    /// long, else family by family (tests set 0 to run the second way).
    static constexpr qint64 DefaultTailScanRows = 20'000;
    void setTailScanRows(qint64 rows) { m_tailScanRows = rows; }

protected:
    /// Takes a connection setUp() made ready. Time comes from clock (UTC now if empty).
    SqlServerStorage(std::unique_ptr<SqlConnection> connection, std::function<QDateTime()> clock);

    /// Brings the database's schema up to date (numbered steps for its dialect, one
    /// transaction each) and starts the cryptography library.
    static Result<void> setUp(SqlConnection &connection);

private:
    struct PushPlan;

    QDateTime now() const;
    Result<SqlStatement *> cached(const QString &sql);
    /// Holds the call's lock, with the connection opened again if it was lost.
    std::unique_lock<std::mutex> lock();

    Result<std::optional<User>> loadUser(const QString &userId);
    Result<std::optional<Device>> loadDevice(const QString &deviceId);
    /// The device as stored and its user, for a push or pull: a device not enrolled or
    /// revoked is refused (revoked also sets `refusal`, so the refusal is audited).
    Result<std::pair<Device, User>> syncingDevice(
        const QString &deviceId, QString &userId, std::optional<Error> &refusal);
    Result<std::optional<QString>> knownRecordFamily(const QString &kind, const QString &recordId);
    Result<bool> isLogged(const QString &opId);
    Result<PushPlan> planPush(const Device &device, const User &user, const QList<Op> &ops);
    /// Why the user may not write an allocation to practitionerId: a practitioner only to
    /// themselves, a supervisor only to a practitioner of their team. Nothing when they may.
    Result<std::optional<QString>> allocationProblem(
        const User &user, const QString &practitionerId);
    /// Allocates the family to `to` (a practitioner) inside the caller's transaction, and
    /// audits it as done by byUserId (on deviceId, for an allocation from a tablet).
    Result<void> allocateInTransaction(
        const QString &familyId, const User &to, const QString &byUserId, const QString &deviceId);
    Result<void> rememberScope(
        const QString &familyId, const QString &practitionerId, const QString &team);
    Result<qint64> advanceAcked(const QString &deviceId, const QList<qint64> &newSequences);
    Result<QStringList> removedFamilies(const User &user);
    /// Brings the device's record of the families it holds up to date with the user's
    /// scope, then adds to `reply` the ops of families new to it that its cursor has passed,
    /// from the request's catch-up position, and sets `reply.cursor` to where the log goes
    /// on from (sqlservercatchup.cpp). `logEnd` is the log's last sequence. True when the
    /// reply is full and more of those families is to come; otherwise the log follows in
    /// the same reply.
    /// `scopeMoved`: a family was allocated or made since the device's last refresh, so its
    /// families are compared with its user's scope again (otherwise they stand).
    Result<bool> catchUp(const Device &device, const User &user, const sync::PullRequest &request,
        const QStringList &removedFamilies, qint64 logEnd, bool scopeMoved, sync::PullReply &reply);
    /// Brings the device's families (device_families) up to its user's scope: families that
    /// left it or that the device is told to remove are marked removed, families back in it
    /// start again whole, and families new to it are started (sqlservercatchup.cpp).
    Result<void> refreshFamilies(const Device &device, const User &user,
        const sync::PullRequest &request, const QStringList &removedFamilies, qint64 logEnd);
    /// The scope clock's count and the one the device last refreshed its families at.
    Result<std::pair<qint64, qint64>> scopeClock(const QString &deviceId);
    /// The families the device has been told to remove, as of its last refresh.
    Result<QStringList> familiesToldToRemove(const QString &deviceId);
    /// A row whose first nine columns are op_log's seq, op_id, kind, record_id, field,
    /// value, hlc, device_id and replaces.
    sync::LoggedOp loggedOp(const SqlStatement &s) const;
    /// Adds the rows of `rows` (as loggedOp() reads them, asked for one more than `room`) to
    /// `reply`, at most `room` of them; true if a row was left over.
    Result<bool> takeOps(SqlStatement &rows, qint64 room, sync::PullReply &reply) const;
    /// The last sequence in the log (0 for none).
    Result<qint64> logEnd();
    /// The log after `reply.cursor` (where catchUp() said it goes on from) that the device
    /// may see, added to `reply` up to the request's limit; `logEnd` as for catchUp().
    Result<void> tailLog(const Device &device, const sync::PullRequest &request, qint64 logEnd,
        sync::PullReply &reply);
    /// Whether a family with this practitioner and team is the user's now: allocated to
    /// them (a practitioner) or in their team (a supervisor).
    static bool holdsNow(const User &user, const QString &practitionerId, const QString &team);
    /// Whether the user (or their team) held the family at some time: their late work on
    /// it is still taken.
    Result<bool> heldBefore(const User &user, const QString &familyId);
    /// Notes that a document of the family names the blob (sqlserverblobs.cpp).
    Result<void> nameBlob(const QString &sha256, const QString &familyId);
    /// Whether a document of a family in the user's scope names the blob; with
    /// `orHeldBefore`, also one of a family the user held before (whose late work the server
    /// still takes).
    Result<bool> blobInScope(const User &user, const QString &sha256, bool orHeldBefore);
    Result<void> setBlobState(const QString &sha256, qint64 size, qint64 received, bool complete);
    /// The blob's bytes in [from, to), from its chunks.
    Result<QByteArray> blobBytes(const QString &sha256, qint64 from, qint64 to);
    Result<void> touchDevice(const QString &deviceId, const QString &appVersion);
    /// The user's role and team as their tablet is told it (sqlserverteam.cpp).
    Result<TeamView> teamView(const User &user);
    Result<void> writeAudit(const AuditEntry &entry);
    /// The body of a push, pull or audit: `work(device, user, refusal)` runs for the device
    /// as stored and its user in one transaction, committed if it succeeds; a refusal it
    /// sets (or a revoked device) is audited in a transaction of its own, naming the record
    /// asked for if there is one, and returned.
    template <typename T, typename Work>
    Result<T> forSyncingDevice(const Device &device, const QString &action, Work &&work,
        const QString &recordKind = {}, const QString &recordId = {})
    {
        const auto locked = lock();
        std::optional<Error> refusal;
        QString userId;
        auto result = [&]() -> Result<T> {
            auto transaction = SqlTransaction::begin(*m_connection);
            if (!transaction)
                return transaction.error();
            auto syncing = syncingDevice(device.id, userId, refusal);
            if (!syncing)
                return syncing.error();
            auto done = work(syncing->first, syncing->second, refusal);
            if (!done)
                return done.error();
            if (auto committed = transaction->commit(); !committed)
                return committed.error();
            return done;
        }();
        if (refusal)
            return refuse(*refusal, userId, device.id, action, recordKind, recordId);
        return result;
    }
    /// Records a refusal in its own transaction (the refused call's was rolled back) and
    /// returns the error to give the caller.
    Error refuse(const Error &error, const QString &userId, const QString &deviceId,
        const QString &action, const QString &recordKind = {}, const QString &recordId = {});

    std::unique_ptr<SqlConnection> m_connection;
    std::function<QDateTime()> m_clock;
    std::mutex m_mutex;
    qint64 m_tailScanRows = DefaultTailScanRows;
};

} // namespace doorstep::server
