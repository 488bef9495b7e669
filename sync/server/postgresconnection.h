#pragma once

#include "server/sqlconnection.h"

#include <QString>

namespace doorstep::server
{

/// The SqlConnection of a PostgreSQL server database, through Qt's QPSQL driver (libpq).
/// Writers are serialised by one transaction-scoped advisory lock (see begin()); a lost
/// connection is opened again at the next call.
class PostgresConnection final : public SqlConnection
{
public:
    /// Connects with a libpq connection string of `key=value` words (empty: libpq's
    /// PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD and ~/.pgpass decide).
    static Result<std::unique_ptr<PostgresConnection>> open(const QString &conninfo);
    ~PostgresConnection() override;

    Dialect dialect() const override { return Dialect::PostgreSql; }
    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    Result<void> exec(const QString &script) override;
    Result<int> schemaVersion() override;
    Result<void> setSchemaVersion(int version) override;
    QVariant toStored(const QVariant &value) const override;
    QVariant fromStored(const QVariant &stored) const override;

    void reconnectIfLost() override;

    /// Notes that a statement failed for want of the connection.
    void setLost() { m_lost = true; }

protected:
    Result<std::unique_ptr<SqlStatement>> prepare(const QString &sql) override;

private:
    explicit PostgresConnection(QString name);
    Result<void> connect();
    Result<void> run(const QString &sql);

    QString m_name; ///< the QSqlDatabase connection name, unique to this object
    bool m_lost = false;
};

} // namespace doorstep::server
