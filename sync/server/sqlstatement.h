#pragma once

#include "domain/result.h"

#include <QString>
#include <QVariant>

namespace doorstep::server
{

/// A prepared statement of either server database, with `?` placeholders bound by 1-based
/// index. Values are always bound, never spliced into SQL.
class SqlStatement
{
public:
    virtual ~SqlStatement() = default;
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    /// A null QVariant binds SQL NULL; a QByteArray binds bytes (BLOB, BYTEA).
    virtual SqlStatement &bind(int index, const QVariant &value) = 0;
    SqlStatement &bind(int index, const QString &value) { return bind(index, QVariant(value)); }
    SqlStatement &bind(int index, qint64 value) { return bind(index, QVariant(value)); }
    SqlStatement &bindNull(int index) { return bind(index, QVariant()); }

    /// Runs the statement on the first call, then advances: true if there is a row.
    virtual Result<bool> step() = 0;
    /// Runs a statement that returns no rows.
    virtual Result<void> run() = 0;
    /// Rows the last run() inserted, changed or deleted.
    virtual qint64 rowsAffected() const = 0;
    /// Ends the current run (releasing its rows) so the statement can be bound again.
    virtual void reset() = 0;

    virtual bool isNull(int column) const = 0;
    virtual QString text(int column) const = 0;
    virtual qint64 integer(int column) const = 0;
    /// The column as the database returned it (integer, real, text, bytes or null).
    virtual QVariant value(int column) const = 0;

protected:
    SqlStatement() = default;
};

} // namespace doorstep::server
