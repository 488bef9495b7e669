#include "store/integritycheck.h"

#include <sqlcipher/sqlite3.h>

namespace doorstep
{

IntegrityCheck::IntegrityCheck(StorePaths paths, Database db)
    : m_paths(std::move(paths))
    , m_db(std::move(db))
{
}

Result<std::unique_ptr<IntegrityCheck>> IntegrityCheck::open(
    const StorePaths &paths, QByteArrayView key, Database::Protection protection)
{
    auto db = Database::open(paths.database(), key, Database::Mode::OpenExisting, protection);
    if (!db)
        return db.error();
    return std::unique_ptr<IntegrityCheck>(new IntegrityCheck(paths, std::move(*db)));
}

Result<IntegrityCheck::Outcome> IntegrityCheck::run()
{
    Result<QString> check = QString();
    if (!m_interrupted)
        check = m_db.queryText(QStringLiteral("PRAGMA quick_check"));
    // interrupt() sets the flag before it stops the query, so a check it cut short is
    // never mistaken for damage.
    const bool interrupted = m_interrupted;
    {
        const std::lock_guard<std::mutex> guard(m_mutex);
        m_db.close();
    }
    if (interrupted)
        return Outcome::Interrupted;
    if (!check || *check != QLatin1String("ok"))
        return makeError(
            Error::Code::Damaged, QStringLiteral("The database failed its integrity check."));
    return Outcome::Passed;
}

void IntegrityCheck::interrupt()
{
    m_interrupted = true;
    const std::lock_guard<std::mutex> guard(m_mutex);
    if (m_db.isOpen())
        sqlite3_interrupt(m_db.handle());
}

} // namespace doorstep
