#include "security/storeaccess.h"

#include "security/atomicfile.h"
#include "security/vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace doorstep
{

namespace
{

QByteArrayView view(const SecureBytes &bytes)
{
    return QByteArrayView(reinterpret_cast<const char *>(bytes.constData()), bytes.size());
}

} // namespace

Result<void> StoreAccess::checkPassphrase(const SecureBytes &passphrase)
{
    // Count characters, not bytes, so a passphrase in any script is judged fairly.
    const QString text = QString::fromUtf8(
        reinterpret_cast<const char *>(passphrase.constData()), passphrase.size());
    if (text.size() < MinimumPassphraseLength)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("The passphrase must be at least %1 characters long.")
                .arg(MinimumPassphraseLength));
    return {};
}

Result<std::unique_ptr<Store>> StoreAccess::create(const QString &folder,
    const SecureBytes &passphrase, const QString &userId, const KdfParams &params,
    Store::Options options)
{
    if (auto checked = checkPassphrase(passphrase); !checked)
        return checked.error();
    if (auto valid = params.validate(); !valid)
        return valid.error();
    const QFileInfo target(folder);
    if (target.exists()) {
        if (!target.isDir())
            return makeError(Error::Code::AlreadyExists,
                QStringLiteral("%1 exists and is not a folder.").arg(folder));
        if (!QDir(folder).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
            return makeError(Error::Code::AlreadyExists,
                QStringLiteral("%1 already holds files; a new store is only made in "
                               "an empty or new folder.")
                    .arg(folder));
    }
    const QString absolute = target.absoluteFilePath();
    const QString partial
        = QStringLiteral("%1.partial-%2").arg(absolute, QUuid::createUuid().toString(QUuid::Id128));
    if (!QDir().mkpath(partial))
        return makeError(Error::Code::Io, QStringLiteral("Could not create %1.").arg(partial));
    const auto abandon = [&partial](const Error &error) -> Error {
        QDir(partial).removeRecursively();
        return error;
    };

    const StorePaths paths { partial };
    auto key = Vault::createWithNewKey(paths.keySlot(), passphrase, params);
    if (!key)
        return abandon(key.error());
    {
        auto store = Store::create(partial, view(*key), userId, options);
        if (!store)
            return abandon(store.error());
    }
    if (target.exists() && !QDir().rmdir(absolute))
        return abandon(makeError(
            Error::Code::Io, QStringLiteral("Could not replace the empty folder %1.").arg(folder)));
    if (!QDir().rename(partial, absolute))
        return abandon(makeError(
            Error::Code::Io, QStringLiteral("Could not move the new store into %1.").arg(folder)));
    return Store::open(absolute, view(*key), std::move(options));
}

Result<std::unique_ptr<Store>> StoreAccess::open(
    const QString &folder, const SecureBytes &passphrase, Store::Options options, int maxAttempts)
{
    auto unlocked = openKeepingKey(folder, passphrase, std::move(options), maxAttempts);
    if (!unlocked)
        return unlocked.error();
    return std::move(unlocked->store);
}

Result<StoreAccess::Unlocked> StoreAccess::openKeepingKey(
    const QString &folder, const SecureBytes &passphrase, Store::Options options, int maxAttempts)
{
    const StorePaths paths { folder };
    if (!QFileInfo::exists(paths.database()) && !QFileInfo::exists(paths.keySlot()))
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no Doorstep store in %1.").arg(folder));
    Vault vault(paths.keySlot(), maxAttempts);
    auto key = vault.unlock(passphrase);
    if (!key)
        return key.error();
    auto store = Store::open(folder, view(*key), std::move(options));
    if (!store)
        return store.error();
    return Unlocked { std::move(*store), std::move(*key) };
}

Result<void> StoreAccess::verifyPassphrase(
    const QString &folder, const SecureBytes &passphrase, int maxAttempts)
{
    Vault vault(StorePaths { folder }.keySlot(), maxAttempts);
    auto key = vault.unlock(passphrase);
    if (!key)
        return key.error();
    return {};
}

Result<void> StoreAccess::changePassphrase(const QString &folder, const SecureBytes &oldPassphrase,
    const SecureBytes &newPassphrase, std::optional<KdfParams> params, int maxAttempts)
{
    if (auto checked = checkPassphrase(newPassphrase); !checked)
        return checked.error();
    Vault vault(StorePaths { folder }.keySlot(), maxAttempts);
    return vault.changePassphrase(oldPassphrase, newPassphrase, params);
}

Result<void> StoreAccess::wipe(const QString &folder)
{
    const StorePaths paths { folder };
    QStringList failed;
    for (const QString &slot : { paths.keySlot(), paths.pinSlot() }) {
        if (!QFileInfo::exists(slot))
            continue;
        QFile file(slot);
        if (file.open(QIODevice::ReadWrite)) {
            file.write(QByteArray(file.size(), '\0'));
            file.flush();
            file.close();
        }
        AtomicFile::removeLeftovers(slot);
        if (!QFile::remove(slot))
            failed << slot;
        QFile::remove(slot + QStringLiteral(".lock"));
    }
    for (const QString &file : { paths.database(), paths.wal(), paths.shm() }) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            failed << file;
    }
    if (!failed.isEmpty())
        return makeError(Error::Code::Io,
            QStringLiteral("Could not remove %1.").arg(failed.join(QStringLiteral(", "))));
    return {};
}

} // namespace doorstep
