#pragma once

#include "domain/result.h"
#include "protocol/op.h"
#include "protocol/syncmessages.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace doorstep::server
{

/// A person who syncs: a practitioner sees the families allocated to them, a supervisor
/// every family allocated to anyone in their team.
struct User {
    enum class Role { Practitioner, Supervisor };
    QString id;
    QString name;
    Role role = Role::Practitioner;
    QString team;
};

/// A tablet enrolled for a user. The token itself is never stored, only its hash.
struct Device {
    QString id;
    QString userId;
    QString name;
    QString appVersion;
    QDateTime enrolledAt;
    QDateTime lastSyncAt; ///< null until its first push or pull
    bool revoked = false;
};

/// What a device is told after a push.
struct PushOutcome {
    qint64 acked = 0; ///< every op of the device up to this local sequence is held
    int accepted = 0; ///< new ops logged
    int repeated = 0; ///< ops already held (a retried push)
};

/// The server's storage (sync/PROTOCOL.md): users, devices, allocations, the op log and
/// the audit. Two implementations, SQLCipher (embedded, the default) and PostgreSQL,
/// behave identically and pass the same tests. Every operation that changes anything does
/// it in one transaction: a failed call changes nothing.
///
/// Authorisation lives here, so no caller can forget it: push and pull take the device,
/// and the device's user decides which families it may read and write. Record ids sent by
/// a client are never trusted for scope: a record's family is what the log first said it
/// was, and an op for a record whose family is out of the user's scope is refused.
class ServerStorage
{
public:
    virtual ~ServerStorage() = default;

    // Administration (doorstep-server's admin commands).
    virtual Result<void> createUser(const User &user) = 0;
    virtual Result<std::optional<User>> findUser(const QString &userId) = 0;
    /// Allocates a family to a practitioner (reallocating it if it had one): the old
    /// practitioner's devices are told to remove it at their next pull.
    virtual Result<void> allocate(const QString &familyId, const QString &practitionerId) = 0;
    /// A one-time code the user's new tablet redeems within `validFor`; only its hash is kept.
    virtual Result<QString> createEnrolmentCode(const QString &userId, qint64 validForSeconds) = 0;
    /// Redeems a code once, for a new device of the code's user, enrolled under the id its
    /// store already gives its ops (a UUID not enrolled before); returns the device and its
    /// bearer token (shown once, stored only as a hash).
    virtual Result<std::pair<Device, QString>> redeemEnrolmentCode(const QString &code,
        const QString &deviceId, const QString &deviceName, const QString &appVersion)
        = 0;
    virtual Result<void> revokeDevice(const QString &deviceId) = 0;
    virtual Result<QList<Device>> listDevices() = 0;

    /// The device a bearer token belongs to (revoked devices included, so the caller can
    /// tell the tablet to wipe itself); NotFound for an unknown token.
    virtual Result<Device> authenticate(const QString &token) = 0;

    /// Logs the device's ops that are new, after checking each is the device's own (its op
    /// id and device), is valid for the schema and is for a family in the user's scope.
    /// A push with any refused op is refused whole.
    virtual Result<PushOutcome> push(
        const Device &device, const QList<Op> &ops, const QString &appVersion)
        = 0;

    /// The log after the request's cursor, only ops of families in the device's user's
    /// scope and not written by the device itself (it has them), at most the request's
    /// limit; plus the families the device must remove (reallocated away from its user).
    /// A family that came into scope after the device's cursor passed its history is sent
    /// first, whole, from where the request's catch-up position says the device got to.
    virtual Result<sync::PullReply> pull(
        const Device &device, const sync::PullRequest &request, const QString &appVersion)
        = 0;

    /// Keeps the tablet's own audit entries in the server's audit, each once: those at or
    /// below what the device has sent before are already held. Returns the sequence through
    /// which the server holds them. An entry naming another user as its actor is refused.
    virtual Result<qint64> recordDeviceAudit(const Device &device,
        const QList<sync::DeviceAuditEntry> &entries, const QString &appVersion)
        = 0;

    /// Keeps bytes of a blob (sync/PROTOCOL.md, "Blobs") from the request's offset, which
    /// must be where what the server holds of it ends; otherwise, or with no bytes, only says
    /// how far that is. Once every byte is here the server hashes them: complete if they
    /// match, discarded (received 0) if not. Only a blob a document of a family in the
    /// user's scope names (or one the user held when it was pushed) may be sent: NotFound
    /// otherwise.
    virtual Result<sync::BlobPutReply> putBlob(
        const Device &device, const sync::BlobPutRequest &request, const QString &appVersion)
        = 0;
    /// Bytes of a complete blob a document of a family in the user's scope names; NotFound
    /// for any other, or one the server does not yet hold whole.
    virtual Result<sync::BlobGetReply> getBlob(
        const Device &device, const sync::BlobGetRequest &request, const QString &appVersion)
        = 0;

    /// A family's audit for a supervisor's tablet (the audit viewer): the server's entries
    /// and the tablets' for the family and every record of it, newest first. NotPermitted for
    /// anyone but a supervisor, NotFound for a family not of their team; the reading is
    /// itself audited.
    virtual Result<sync::FamilyAuditReply> familyAudit(
        const Device &device, const sync::FamilyAuditRequest &request, const QString &appVersion)
        = 0;

    /// Audit entries (newest first): who, which device, what action, which record, when.
    struct AuditEntry {
        QDateTime at;
        QString userId;
        QString deviceId;
        QString action; ///< push, pull, blob put, blob get, enrol, revoke, allocate, refused
        QString recordKind;
        QString recordId;
        QString detail;
    };
    virtual Result<QList<AuditEntry>> audit(int limit) = 0;
};

} // namespace doorstep::server
