#include "server/postgresconnection.h"

#include <QCborValue>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcServerStorage)

namespace doorstep::server
{

namespace
{

const QString Driver = QStringLiteral("QPSQL");

/// Every writer takes a transaction-scoped advisory lock first: this key ("door" in ASCII)
/// with its schema's. Advisory locks are per database, and a schema holds a server's
/// tables, so servers on other databases or schemas of a cluster never wait for each other.
constexpr qint32 WriterLock = 0x646f6f72;

/// How long a writer waits for another's transaction, as the embedded database's busy
/// timeout: the admin commands write while the server is serving.
constexpr int LockTimeoutMs = 5000;

/// A sentence for people from a QPSQL error: the first line of PostgreSQL's message only,
/// because its DETAIL lines quote the values of the row (ids, names).
Error toError(const QSqlError &error, const QString &context)
{
    const QString code = error.nativeErrorCode();
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    text = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    Error::Code mapped = Error::Code::Internal;
    if (error.type() == QSqlError::ConnectionError || code.isEmpty() || code.startsWith(u"08")
        || code.startsWith(u"57P") || code.startsWith(u"53") || code.startsWith(u"40")
        || code == u"55P03")
        mapped = Error::Code::Io; // connection, shutdown, resources, deadlock, lock timeout
    else if (code.startsWith(u"23") || code.startsWith(u"22"))
        mapped = Error::Code::InvalidArgument; // constraint, data
    else if (code.startsWith(u"XX"))
        mapped = Error::Code::Damaged;
    return makeError(mapped,
        QStringLiteral("%1: %2%3")
            .arg(context, text,
                code.isEmpty() ? QString() : QStringLiteral(" (SQLSTATE %1)").arg(code)));
}

bool connectionLost(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return error.type() == QSqlError::ConnectionError || code.isEmpty() || code.startsWith(u"08")
        || code.startsWith(u"57P");
}

/// Bound as SQLite binds it (store/statement.cpp), so both databases keep the same: a null
/// string is empty text, not NULL, and integers of any width are 64-bit.
QVariant normalised(const QVariant &value)
{
    if (value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return QVariant(value.toLongLong());
    case QMetaType::Double:
        return value;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return QVariant(bytes.isNull() ? QByteArray("") : bytes);
    }
    default: {
        const QString text = value.toString();
        return QVariant(text.isNull() ? QString(QLatin1String("")) : text);
    }
    }
}

class PostgresStatement final : public SqlStatement
{
public:
    PostgresStatement(PostgresConnection &connection, QSqlQuery query)
        : m_connection(connection)
        , m_query(std::move(query))
    {
    }

    SqlStatement &bind(int index, const QVariant &value) override
    {
        Q_ASSERT(index >= 1);
        if (m_values.size() < index)
            m_values.resize(index);
        m_values[index - 1] = normalised(value);
        return *this;
    }

    Result<bool> step() override
    {
        if (!m_executed) {
            if (auto ran = execute(); !ran)
                return ran.error();
        }
        return m_query.next();
    }

    Result<void> run() override
    {
        auto ran = execute();
        m_affected = ran ? m_query.numRowsAffected() : 0;
        reset();
        return ran;
    }

    qint64 rowsAffected() const override { return m_affected; }

    void reset() override
    {
        if (m_executed)
            m_query.finish();
        m_executed = false;
    }

    bool isNull(int column) const override { return m_query.isNull(column); }
    QString text(int column) const override { return m_query.value(column).toString(); }
    qint64 integer(int column) const override { return m_query.value(column).toLongLong(); }
    QVariant value(int column) const override
    {
        if (m_query.isNull(column))
            return {};
        return m_query.value(column);
    }

private:
    Result<void> execute()
    {
        reset();
        for (qsizetype i = 0; i < m_values.size(); ++i)
            m_query.bindValue(int(i), m_values.at(i));
        m_executed = true;
        if (!m_query.exec()) {
            const QSqlError error = m_query.lastError();
            if (connectionLost(error))
                m_connection.setLost();
            m_executed = false;
            return toError(error, QStringLiteral("The database refused a statement"));
        }
        return {};
    }

    PostgresConnection &m_connection;
    QSqlQuery m_query;
    QList<QVariant> m_values;
    bool m_executed = false;
    qint64 m_affected = 0;
};

/// The script's statements: split at semicolons outside quotes and `--` comments (the
/// driver would report an error in any statement but the first of a script as success).
QStringList statementsOf(const QString &script)
{
    QStringList statements;
    QString current;
    QChar quote;
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        if (quote.isNull() && c == u'-' && i + 1 < script.size() && script.at(i + 1) == u'-') {
            while (i < script.size() && script.at(i) != u'\n')
                ++i;
            current += u'\n';
            continue;
        }
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u';') {
            if (!current.trimmed().isEmpty())
                statements << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

} // namespace

PostgresConnection::PostgresConnection(QString name)
    : m_name(std::move(name))
{
}

PostgresConnection::~PostgresConnection()
{
    // Queries must go before their connection, and the connection before its name.
    clearStatements();
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::open(const QString &conninfo)
{
    if (!QSqlDatabase::isDriverAvailable(Driver))
        return makeError(Error::Code::Unsupported,
            QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed; install "
                           "libqt6sql6-psql."));
    // QPSQL joins its connect options with spaces in place of semicolons.
    if (conninfo.contains(u';'))
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A PostgreSQL connection string cannot contain \";\"."));
    const QString name
        = QStringLiteral("doorstep-server-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    std::unique_ptr<PostgresConnection> connection(new PostgresConnection(name));
    QSqlDatabase db = QSqlDatabase::addDatabase(Driver, name);
    // Ours first, so the administrator's words win where they say the same.
    db.setConnectOptions(
        QStringLiteral("connect_timeout=10 application_name=doorstep-server %1").arg(conninfo));
    if (auto connected = connection->connect(); !connected)
        return connected.error();
    return connection;
}

Result<void> PostgresConnection::connect()
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (!db.open()) {
        Error error = toError(db.lastError(), QStringLiteral("Could not connect to PostgreSQL"));
        error.code = Error::Code::Io;
        return error;
    }
    // Notices ("skipping", "drop cascades") would go to the server's standard error.
    for (const QString &setting : { QStringLiteral("SET lock_timeout = %1").arg(LockTimeoutMs),
             QStringLiteral("SET client_min_messages = warning") }) {
        if (auto ran = run(setting); !ran)
            return ran.error();
    }
    m_lost = false;
    return {};
}

void PostgresConnection::reconnectIfLost()
{
    if (!m_lost)
        return;
    qCInfo(lcServerStorage) << "the PostgreSQL connection was lost; connecting again";
    clearStatements();
    QSqlDatabase::database(m_name, false).close();
    if (auto connected = connect(); !connected)
        qCWarning(lcServerStorage) << connected.error().message;
}

Result<void> PostgresConnection::run(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(sql)) {
        if (connectionLost(query.lastError()))
            m_lost = true;
        return toError(query.lastError(), QStringLiteral("The database refused a statement"));
    }
    return {};
}

Result<void> PostgresConnection::begin()
{
    reconnectIfLost();
    if (auto begun = run(QStringLiteral("BEGIN")); !begun)
        return begun;
    // Why one lock for every writer rather than SERIALIZABLE with retries: the storage reads,
    // checks scope and then writes (a push checks a family's practitioner, then logs ops), so
    // those reads must not change before commit; and a pull's cursor must never pass an op
    // logged later with a lower sequence, which PostgreSQL allows when two transactions take
    // sequence numbers and commit in the other order. Holding one writer lock from before the
    // first read to the end of the transaction rules out both, exactly as SQLite's single
    // writer (BEGIN IMMEDIATE) does, so both backends behave the same. One server process
    // already handles one call at a time; the lock only orders it with the admin commands.
    if (auto locked
        = run(QStringLiteral("SELECT pg_advisory_xact_lock(%1, hashtext(current_schema()))")
                  .arg(WriterLock));
        !locked) {
        rollback();
        return locked;
    }
    return {};
}

Result<void> PostgresConnection::commit()
{
    return run(QStringLiteral("COMMIT"));
}

void PostgresConnection::rollback()
{
    (void)run(QStringLiteral("ROLLBACK"));
}

Result<void> PostgresConnection::exec(const QString &script)
{
    for (const QString &statement : statementsOf(script)) {
        if (auto ran = run(statement); !ran)
            return ran;
    }
    return {};
}

Result<int> PostgresConnection::schemaVersion()
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(QStringLiteral("SELECT to_regclass('doorstep_schema') IS NOT NULL")))
        return toError(query.lastError(), QStringLiteral("Could not read the schema version"));
    if (!query.next() || !query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT max(version) FROM doorstep_schema")))
        return toError(query.lastError(), QStringLiteral("Could not read the schema version"));
    return query.next() ? query.value(0).toInt() : 0;
}

Result<void> PostgresConnection::setSchemaVersion(int version)
{
    return exec(QStringLiteral("CREATE TABLE IF NOT EXISTS doorstep_schema (version INTEGER NOT "
                               "NULL); DELETE FROM doorstep_schema; INSERT INTO doorstep_schema "
                               "(version) VALUES (%1)")
                    .arg(version));
}

QVariant PostgresConnection::toStored(const QVariant &value) const
{
    const QVariant bound = normalised(value);
    if (bound.isNull())
        return {};
    return QVariant(QCborValue::fromVariant(bound).toCbor());
}

QVariant PostgresConnection::fromStored(const QVariant &stored) const
{
    if (stored.isNull())
        return {};
    return QCborValue::fromCbor(stored.toByteArray()).toVariant();
}

Result<std::unique_ptr<SqlStatement>> PostgresConnection::prepare(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.prepare(sql)) {
        if (connectionLost(query.lastError()))
            m_lost = true;
        return toError(query.lastError(), QStringLiteral("Could not prepare a statement"));
    }
    return std::unique_ptr<SqlStatement>(new PostgresStatement(*this, std::move(query)));
}

} // namespace doorstep::server
