#pragma once

#include "store/statement.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <optional>

namespace doorstep
{

/// Reads a result row's columns in order, converting the store's text forms back
/// into Qt types; keeps repositories free of column-index bookkeeping.
class RowReader
{
public:
    explicit RowReader(const Statement &statement)
        : m_statement(statement)
    {
    }

    QString text() { return m_statement.text(m_column++); }
    qint64 integer() { return m_statement.integer(m_column++); }
    double real() { return m_statement.real(m_column++); }
    bool boolean() { return m_statement.integer(m_column++) != 0; }
    QDate date() { return QDate::fromString(m_statement.text(m_column++), Qt::ISODate); }
    QDateTime dateTime()
    {
        return QDateTime::fromString(m_statement.text(m_column++), Qt::ISODateWithMs);
    }

private:
    const Statement &m_statement;
    int m_column = 0;
};

/// Every remaining row of a query, each turned into a value by read(statement). Any
/// statement with step() will do: the store's and the server's (SqlStatement) alike.
template <typename T, typename Rows, typename Read>
Result<QList<T>> readAll(Rows &statement, Read read)
{
    QList<T> values;
    for (;;) {
        auto row = statement.step();
        if (!row)
            return row.error();
        if (!*row)
            return values;
        values << read(statement);
    }
}

/// The query's first row turned into a value by read(statement), or nullopt if it has none.
template <typename T, typename Rows, typename Read>
Result<std::optional<T>> readFirst(Rows &statement, Read read)
{
    auto row = statement.step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<T>();
    return std::optional<T>(read(statement));
}

} // namespace doorstep
