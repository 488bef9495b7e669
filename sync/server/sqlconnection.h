#pragma once

#include "server/sqlstatement.h"

#include <QString>
#include <QVariant>
#include <map>
#include <memory>

namespace doorstep::server
{

/// One connection to the server's database, SQLCipher or PostgreSQL: what SqlServerStorage
/// needs of a database and nothing more, so the storage's logic exists once. Statements are
/// prepared once and cached by their text.
class SqlConnection
{
public:
    enum class Dialect { SqlCipher, PostgreSql };

    virtual ~SqlConnection() = default;
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    virtual Dialect dialect() const = 0;

    /// The prepared statement for sql, reset and ready to bind; owned by the connection.
    Result<SqlStatement *> cached(const QString &sql);
    /// Resets every cached statement, so none holds rows (or a read snapshot) open.
    void resetStatements();

    /// Starts a write transaction that is serialised with every other writer of the
    /// database, in this process or another: the storage reads, checks and then writes, and
    /// relies on nothing changing in between.
    virtual Result<void> begin() = 0;
    virtual Result<void> commit() = 0;
    virtual void rollback() = 0;

    /// Runs a script of statements without parameters (schema steps).
    virtual Result<void> exec(const QString &script) = 0;
    /// The schema step the database is at (0 for a new database), and stamping a new one;
    /// both inside a transaction.
    virtual Result<int> schemaVersion() = 0;
    virtual Result<void> setSchemaVersion(int version) = 0;

    /// An op's value as the database keeps it, and back. SQLite keeps any type in one column;
    /// PostgreSQL's columns are typed, so the value is kept as CBOR bytes there.
    virtual QVariant toStored(const QVariant &value) const = 0;
    virtual QVariant fromStored(const QVariant &stored) const = 0;

    /// Opens the connection again if a statement found it lost (the database server
    /// restarted, or the network dropped it), so one failed call does not leave every later
    /// call failing. Called outside transactions only.
    virtual void reconnectIfLost() { }

protected:
    SqlConnection() = default;
    virtual Result<std::unique_ptr<SqlStatement>> prepare(const QString &sql) = 0;
    /// Drops every cached statement: before the connection closes or reconnects.
    void clearStatements() { m_statements.clear(); }

private:
    std::map<QString, std::unique_ptr<SqlStatement>> m_statements;
};

} // namespace doorstep::server
