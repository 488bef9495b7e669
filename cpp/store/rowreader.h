#pragma once

#include "store/statement.h"

#include <QDate>
#include <QDateTime>

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

} // namespace doorstep
