#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

struct sqlite3_stmt;

namespace doorstep
{

/// A prepared SQLite statement. Values are always bound, never spliced into SQL.
class Statement
{
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt *stmt)
        : m_stmt(stmt)
    {
    }
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    /// Binds by 1-based index; a null QVariant binds SQL NULL.
    Statement &bind(int index, const QVariant &value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, qint64 value);
    Statement &bindNull(int index);

    /// Advances to the next row: true if there is one, false when done.
    Result<bool> step();
    /// Runs a statement that returns no rows.
    Result<void> run();
    void reset();

    bool isReadOnly() const;
    int columnCount() const;
    bool isNull(int column) const;
    QString text(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;
    /// The column as SQLite typed it (integer, real, text, blob or null).
    QVariant value(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    Error m_bindError;
    bool m_bindFailed = false;
};

} // namespace doorstep
