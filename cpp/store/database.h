#pragma once

#include "domain/result.h"

#include <QByteArrayView>
#include <QString>

struct sqlite3;

namespace doorstep
{

class Statement;

/// One SQLCipher connection, configured the one way Doorstep allows: a raw 256-bit
/// key, explicit cipher settings read back, WAL with synchronous=FULL, foreign keys,
/// in-memory temp storage and secure delete. Closed (and the key forgotten) on destruction.
class Database
{
public:
    /// Plaintext exists only so the benchmark can measure what encryption costs.
    enum class Protection { Encrypted, PlaintextForBenchmark };
    enum class Mode { OpenExisting, CreateNew };

    static constexpr int KeyBytes = 32;

    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (or, with CreateNew, creates) the file at path. The key must be KeyBytes long.
    static Result<Database> open(const QString &path, QByteArrayView key, Mode mode,
        Protection protection = Protection::Encrypted);

    bool isOpen() const { return m_db != nullptr; }
    void close();

    Result<void> exec(const QString &sql);
    Result<Statement> prepare(const QString &sql);
    /// The first column of the first row of a query, as text (empty if no row).
    Result<QString> queryText(const QString &sql);

    qint64 lastInsertRowId() const;
    int changes() const;
    /// The connection's last error as a sentence, with SQLite's code, without data values.
    Error lastError(const QString &context) const;

    sqlite3 *handle() const { return m_db; }

private:
    explicit Database(sqlite3 *db)
        : m_db(db)
    {
    }
    Result<void> configure(QByteArrayView key, Protection protection, Mode mode);

    sqlite3 *m_db = nullptr;
};

/// True if the plain system libsqlite3 is mapped into this process. Its symbols would
/// shadow SQLCipher's and silently write unencrypted files, so the store refuses to run.
bool plainSqliteLoaded();

/// Maps an SQLite result code to an Error code (corruption → Damaged, I/O → Io, …).
Error::Code errorCodeForSqlite(int sqliteCode);

} // namespace doorstep
