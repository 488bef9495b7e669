#pragma once

#include "server/serverstorage.h"
#include "store/database.h"
#include "store/statement.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace doorstep::server
{

/// The embedded ServerStorage: one SQLCipher file holding users, devices, allocations, the
/// op log and the audit, behind one connection that serialises every call.
class SqlCipherStorage final : public ServerStorage
{
public:
    /// Opens the database at path, creating it if there is none, and brings its schema up
    /// to date. The key must be Database::KeyBytes long. Time comes from clock (UTC now if
    /// empty).
    static Result<std::unique_ptr<SqlCipherStorage>> open(
        const QString &path, QByteArrayView key, std::function<QDateTime()> clock = {});

    ~SqlCipherStorage() override;
    SqlCipherStorage(const SqlCipherStorage &) = delete;
    SqlCipherStorage &operator=(const SqlCipherStorage &) = delete;

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
        const Device &device, qint64 cursor, int limit, const QString &appVersion) override;
    Result<QList<AuditEntry>> audit(int limit) override;

private:
    struct PushPlan;

    SqlCipherStorage(Database db, std::function<QDateTime()> clock);

    QDateTime now() const;
    Result<Statement *> cached(const QString &sql);
    void resetStatements();

    Result<std::optional<User>> loadUser(const QString &userId);
    Result<std::optional<Device>> loadDevice(const QString &deviceId);
    /// The device as stored and its user, for a push or pull: a device not enrolled or
    /// revoked is refused (revoked also sets `refusal`, so the refusal is audited).
    Result<std::pair<Device, User>> syncingDevice(
        const QString &deviceId, QString &userId, std::optional<Error> &refusal);
    Result<std::optional<QString>> knownRecordFamily(const QString &kind, const QString &recordId);
    Result<bool> isLogged(const QString &opId);
    Result<PushPlan> planPush(const Device &device, const User &user, const QList<Op> &ops);
    Result<void> rememberScope(
        const QString &familyId, const QString &practitionerId, const QString &team);
    Result<qint64> advanceAcked(const QString &deviceId, const QList<qint64> &newSequences);
    Result<QStringList> removedFamilies(const User &user);
    Result<void> touchDevice(const QString &deviceId, const QString &appVersion);
    Result<void> writeAudit(const AuditEntry &entry);
    /// Records a refusal in its own transaction (the refused call's was rolled back) and
    /// returns the error to give the caller.
    Error refuse(
        const Error &error, const QString &userId, const QString &deviceId, const QString &action);

    Database m_db;
    std::function<QDateTime()> m_clock;
    std::map<QString, Statement> m_statements;
    std::mutex m_mutex;
};

} // namespace doorstep::server
