#pragma once

#include "server/sqlserverstorage.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <functional>
#include <memory>

namespace doorstep::server
{

/// The embedded ServerStorage, the default: one SQLCipher file holding users, devices,
/// allocations, the op log and the audit.
class SqlCipherStorage final : public SqlServerStorage
{
public:
    /// Opens the database at path, creating it if there is none, and brings its schema up
    /// to date. The key must be Database::KeyBytes long. Time comes from clock (UTC now if
    /// empty).
    static Result<std::unique_ptr<SqlCipherStorage>> open(
        const QString &path, QByteArrayView key, std::function<QDateTime()> clock = {});

private:
    using SqlServerStorage::SqlServerStorage;
};

} // namespace doorstep::server
