#include "security/pinaccess.h"

#include "security/vault.h"

#include <QFile>
#include <QFileInfo>

namespace doorstep
{

namespace
{

QDate slotDay(const QString &path)
{
    return QFileInfo(path).lastModified().toLocalTime().date();
}

} // namespace

Result<void> PinAccess::checkPin(const SecureBytes &pin)
{
    const auto *digits = pin.constData();
    bool allDigits = pin.size() > 0;
    for (qsizetype i = 0; i < pin.size(); ++i)
        allDigits = allDigits && digits[i] >= '0' && digits[i] <= '9';
    if (!allDigits || pin.size() < MinimumDigits || pin.size() > MaximumDigits)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A PIN is %1 to %2 digits.").arg(MinimumDigits).arg(MaximumDigits));
    return {};
}

Result<void> PinAccess::setPin(
    const QString &folder, const SecureBytes &key, const SecureBytes &pin)
{
    if (auto checked = checkPin(pin); !checked)
        return checked;
    forget(folder);
    return Vault::createForKey(StorePaths { folder }.pinSlot(), key, pin, KeySlot::Kind::Pin);
}

bool PinAccess::isAvailable(const QString &folder, QDate today)
{
    const QString path = StorePaths { folder }.pinSlot();
    if (!QFileInfo::exists(path))
        return false;
    // The vault rewrites the slot on every attempt, so its date moves with use; a slot
    // untouched since before today is stale. A slot dated in the future means the clock
    // was moved: treat it as stale too.
    const QDate day = slotDay(path);
    Vault vault(path, MaxAttempts);
    if (day != today || vault.isDestroyed()) {
        forget(folder);
        return false;
    }
    return true;
}

Result<SecureBytes> PinAccess::unlockKey(const QString &folder, const SecureBytes &pin, QDate today)
{
    if (!isAvailable(folder, today))
        return makeError(Error::Code::NotFound,
            QStringLiteral("There is no PIN for today: unlock with your "
                           "passphrase."));
    Vault vault(StorePaths { folder }.pinSlot(), MaxAttempts);
    auto key = vault.unlock(pin);
    if (!key) {
        if (key.error().code == Error::Code::LockedOut) {
            forget(folder);
            return makeError(Error::Code::LockedOut,
                QStringLiteral("Too many wrong PINs, so the PIN has been switched "
                               "off. Unlock with your passphrase."));
        }
        if (key.error().code == Error::Code::WrongPassphrase) {
            const int left = MaxAttempts - vault.failedAttempts();
            return makeError(Error::Code::WrongPassphrase,
                QStringLiteral("The PIN is not correct. %1 tries left before the "
                               "passphrase is needed.")
                    .arg(left));
        }
        return key.error();
    }
    return std::move(*key);
}

Result<void> PinAccess::verify(const QString &folder, const SecureBytes &pin, QDate today)
{
    auto key = unlockKey(folder, pin, today);
    if (!key)
        return key.error();
    return {};
}

Result<std::unique_ptr<Store>> PinAccess::open(
    const QString &folder, const SecureBytes &pin, QDate today, Store::Options options)
{
    auto key = unlockKey(folder, pin, today);
    if (!key)
        return key.error();
    return Store::open(folder,
        QByteArrayView(reinterpret_cast<const char *>(key->constData()), key->size()),
        std::move(options));
}

void PinAccess::forget(const QString &folder)
{
    const QString path = StorePaths { folder }.pinSlot();
    if (!QFileInfo::exists(path))
        return;
    // Overwrite before removing, so the wrapped key is not left in the freed blocks where
    // the file system allows.
    QFile file(path);
    if (file.open(QIODevice::ReadWrite)) {
        file.write(QByteArray(file.size(), '\0'));
        file.flush();
        file.close();
    }
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".lock"));
}

} // namespace doorstep
