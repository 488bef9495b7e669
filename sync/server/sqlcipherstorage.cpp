#include "server/sqlcipherstorage.h"

#include "server/sqlcipherconnection.h"
#include "store/database.h"

#include <QFile>
#include <QFileInfo>

namespace doorstep::server
{

Result<std::unique_ptr<SqlCipherStorage>> SqlCipherStorage::open(
    const QString &path, QByteArrayView key, std::function<QDateTime()> clock)
{
    const bool exists = QFileInfo::exists(path);
    auto db = Database::open(
        path, key, exists ? Database::Mode::OpenExisting : Database::Mode::CreateNew);
    if (!db)
        return db.error();
    if (!exists)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    // The admin commands open the file while the server is serving: a write waits for the
    // other's transaction to end rather than failing at once.
    if (auto waits = db->exec(QStringLiteral("PRAGMA busy_timeout = 5000")); !waits)
        return waits.error();
    auto connection = std::make_unique<SqlCipherConnection>(std::move(*db));
    if (auto ready = setUp(*connection); !ready)
        return ready.error();
    return std::unique_ptr<SqlCipherStorage>(
        new SqlCipherStorage(std::move(connection), std::move(clock)));
}

} // namespace doorstep::server
