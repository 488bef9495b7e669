#include "server/sqlcipherconnection.h"

#include "store/statement.h"

namespace doorstep::server
{

namespace
{

class SqlCipherStatement final : public SqlStatement
{
public:
    SqlCipherStatement(Database &db, Statement statement)
        : m_db(db)
        , m_statement(std::move(statement))
    {
    }

    SqlStatement &bind(int index, const QVariant &value) override
    {
        m_statement.bind(index, value);
        return *this;
    }
    Result<bool> step() override { return m_statement.step(); }
    Result<void> run() override
    {
        auto ran = m_statement.run();
        m_changes = ran ? m_db.changes() : 0;
        return ran;
    }
    qint64 rowsAffected() const override { return m_changes; }
    void reset() override { m_statement.reset(); }
    bool isNull(int column) const override { return m_statement.isNull(column); }
    QString text(int column) const override { return m_statement.text(column); }
    qint64 integer(int column) const override { return m_statement.integer(column); }
    QVariant value(int column) const override { return m_statement.value(column); }

private:
    Database &m_db;
    Statement m_statement;
    qint64 m_changes = 0;
};

} // namespace

SqlCipherConnection::SqlCipherConnection(Database db)
    : m_db(std::move(db))
{
}

SqlCipherConnection::~SqlCipherConnection()
{
    // Statements must be finalised before the connection closes.
    clearStatements();
    m_db.close();
}

Result<void> SqlCipherConnection::begin()
{
    // IMMEDIATE takes the write lock now, so a busy database fails here, before any work.
    return m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

Result<void> SqlCipherConnection::commit()
{
    return m_db.exec(QStringLiteral("COMMIT"));
}

void SqlCipherConnection::rollback()
{
    (void)m_db.exec(QStringLiteral("ROLLBACK"));
}

Result<void> SqlCipherConnection::exec(const QString &script)
{
    return m_db.exec(script);
}

Result<int> SqlCipherConnection::schemaVersion()
{
    auto version = m_db.queryText(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    return version->toInt();
}

Result<void> SqlCipherConnection::setSchemaVersion(int version)
{
    return m_db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

Result<std::unique_ptr<SqlStatement>> SqlCipherConnection::prepare(const QString &sql)
{
    auto prepared = m_db.prepare(sql);
    if (!prepared)
        return prepared.error();
    return std::unique_ptr<SqlStatement>(new SqlCipherStatement(m_db, std::move(*prepared)));
}

} // namespace doorstep::server
