#include "store/database.h"

#include "store/statement.h"

#define SQLITE_HAS_CODEC 1
#include <QFile>
#include <QFileInfo>
#include <sodium.h>
#include <sqlcipher/sqlite3.h>

namespace doorstep
{

namespace
{

struct Setting {
    const char *pragma;
    const char *value;
    const char *expected; ///< what reading the pragma back must give
};

// Every setting is written and then read back: SQLCipher ignores pragmas it does not
// know, so only the read-back proves a setting took effect.
constexpr Setting CipherSettings[] = {
    { "cipher", "'aes-256-cbc'", "AES-256-CBC" },
    { "cipher_page_size", "4096", "4096" },
    { "cipher_use_hmac", "ON", "1" },
};
constexpr Setting ConnectionSettings[] = {
    { "journal_mode", "WAL", "wal" },
    { "synchronous", "FULL", "2" },
    { "foreign_keys", "ON", "1" },
    { "temp_store", "MEMORY", "2" },
    { "secure_delete", "ON", "1" },
    // 16 MiB of pages instead of SQLite's 2 MiB: every page that falls out of the cache
    // costs SQLCipher a decryption and HMAC check to read again, and a transaction whose
    // changes outgrow the cache spills (encrypts) pages before its commit. Measured in
    // tests/bench/README.md.
    { "cache_size", "-16384", "-16384" },
};

QString fromUtf8(const char *text)
{
    return QString::fromUtf8(text ? text : "");
}

} // namespace

Error::Code errorCodeForSqlite(int sqliteCode)
{
    switch (sqliteCode & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Error::Code::Damaged;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::Code::Io;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
        return Error::Code::InvalidArgument;
    default:
        return Error::Code::Internal;
    }
}

bool plainSqliteLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    const QByteArray all = maps.readAll();
    return all.contains("/libsqlite3.so");
}

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

void Database::close()
{
    if (m_db) {
        // close_v2 defers the close until stray statements finish instead of failing.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Result<Database> Database::open(
    const QString &path, QByteArrayView key, Mode mode, Protection protection)
{
    if (plainSqliteLoaded())
        return makeError(Error::Code::Unsupported,
            QStringLiteral("The plain SQLite library is loaded in this process; "
                           "refusing to open the store because it could write "
                           "unencrypted data."));
    if (sodium_init() < 0)
        return makeError(
            Error::Code::Unsupported, QStringLiteral("The cryptography library could not start."));
    if (protection == Protection::Encrypted && key.size() != KeyBytes)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("The database key must be %1 bytes.").arg(KeyBytes));

    const bool exists = QFileInfo::exists(path);
    if (mode == Mode::OpenExisting && !exists)
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no database file at %1.").arg(path));
    if (mode == Mode::CreateNew && exists)
        return makeError(Error::Code::AlreadyExists,
            QStringLiteral("A database file already exists at %1; refusing to "
                           "overwrite it.")
                .arg(path));

    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
    if (mode == Mode::CreateNew)
        flags |= SQLITE_OPEN_CREATE;
    sqlite3 *raw = nullptr;
    const QByteArray nativePath = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(nativePath.constData(), &raw, flags, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) {
        return makeError(errorCodeForSqlite(rc),
            QStringLiteral("Could not open the database file %1: %2.")
                .arg(path, fromUtf8(sqlite3_errstr(rc))));
    }
    sqlite3_extended_result_codes(raw, 1);
    if (auto configured = db.configure(key, protection, mode); !configured)
        return configured.error();
    return db;
}

Result<void> Database::configure(QByteArrayView key, Protection protection, Mode mode)
{
    // Fail closed: without SQLCipher there is no encryption, whatever the pragmas say.
    auto version = queryText(QStringLiteral("PRAGMA cipher_version"));
    if (!version || version->isEmpty())
        return makeError(Error::Code::Unsupported,
            QStringLiteral("The SQLite library in use is not SQLCipher; refusing "
                           "to store data without encryption."));

    if (protection == Protection::Encrypted) {
        // "x'<64 hex digits>'" hands SQLCipher the raw key, skipping its own PBKDF2.
        constexpr size_t keySpecLength = 3 + 2 * KeyBytes;
        auto *spec = static_cast<char *>(sodium_malloc(keySpecLength + 1));
        if (!spec)
            return makeError(Error::Code::Internal, QStringLiteral("Out of secure memory."));
        spec[0] = 'x';
        spec[1] = '\'';
        sodium_bin2hex(spec + 2, 2 * KeyBytes + 1,
            reinterpret_cast<const unsigned char *>(key.data()), KeyBytes);
        spec[keySpecLength - 1] = '\'';
        spec[keySpecLength] = '\0';
        const int rc = sqlite3_key(m_db, spec, int(keySpecLength));
        sodium_free(spec);
        if (rc != SQLITE_OK)
            return lastError(QStringLiteral("Could not set the database key"));

        for (const Setting &setting : CipherSettings) {
            const QString name = QString::fromLatin1(setting.pragma);
            if (auto set = exec(
                    QStringLiteral("PRAGMA %1 = %2").arg(name, QString::fromLatin1(setting.value)));
                !set)
                return set.error();
            auto readBack = queryText(QStringLiteral("PRAGMA %1").arg(name));
            if (!readBack || *readBack != QLatin1String(setting.expected))
                return makeError(Error::Code::Unsupported,
                    QStringLiteral("SQLCipher did not accept the setting %1.").arg(name));
        }
    }

    // The first real read decrypts page 1: a wrong key or a damaged file shows here.
    auto schema = queryText(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!schema) {
        if (schema.error().code == Error::Code::Damaged)
            return makeError(Error::Code::Damaged,
                QStringLiteral("The database cannot be read: it is damaged, or it "
                               "is not the database this key belongs to."));
        return schema.error();
    }
    Q_UNUSED(mode)

    for (const Setting &setting : ConnectionSettings) {
        const QString name = QString::fromLatin1(setting.pragma);
        if (auto set = queryText(
                QStringLiteral("PRAGMA %1 = %2").arg(name, QString::fromLatin1(setting.value)));
            !set)
            return set.error();
        auto readBack = queryText(QStringLiteral("PRAGMA %1").arg(name));
        if (!readBack)
            return readBack.error();
        if (readBack->toLower() != QLatin1String(setting.expected))
            return makeError(Error::Code::Unsupported,
                QStringLiteral("The database did not accept the setting %1 "
                               "(it reports %2).")
                    .arg(name, *readBack));
    }
    return {};
}

Result<void> Database::exec(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        QString text = fromUtf8(message);
        sqlite3_free(message);
        return makeError(errorCodeForSqlite(rc),
            QStringLiteral("Database error: %1 (code %2).").arg(text).arg(rc));
    }
    return {};
}

Result<Statement> Database::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return lastError(QStringLiteral("Could not prepare a statement"));
    return Statement(stmt);
}

Result<QString> Database::queryText(const QString &sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->text(0) : QString();
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Error Database::lastError(const QString &context) const
{
    const int rc = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE;
    return makeError(errorCodeForSqlite(rc),
        QStringLiteral("%1: %2 (code %3).")
            .arg(context, fromUtf8(m_db ? sqlite3_errmsg(m_db) : "no connection"))
            .arg(rc));
}

} // namespace doorstep
