#pragma once

#include "server/sqlconnection.h"
#include "store/database.h"

namespace doorstep::server
{

/// The SqlConnection of the embedded server database: one SQLCipher file through the store's
/// Database and Statement. Writers are serialised by SQLite's one write lock (BEGIN
/// IMMEDIATE); a second connection waits up to five seconds for it.
class SqlCipherConnection final : public SqlConnection
{
public:
    explicit SqlCipherConnection(Database db);
    ~SqlCipherConnection() override;

    Dialect dialect() const override { return Dialect::SqlCipher; }
    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    Result<void> exec(const QString &script) override;
    Result<int> schemaVersion() override;
    Result<void> setSchemaVersion(int version) override;
    QVariant toStored(const QVariant &value) const override { return value; }
    QVariant fromStored(const QVariant &stored) const override { return stored; }

protected:
    Result<std::unique_ptr<SqlStatement>> prepare(const QString &sql) override;

private:
    Database m_db;
};

} // namespace doorstep::server
