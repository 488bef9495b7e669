#include "security/vault.h"

#include "security/atomicfile.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <climits>
#include <utility>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#error "Vault needs POSIX flock()"
#endif

namespace doorstep
{

namespace
{

// Serialises every read-modify-write of one slot file across threads and processes (the app
// and doorstep-cli), so parallel attempts cannot each read the same count and lose
// increments. It is held across Argon2id too: attempts then run strictly one at a time.
// The kernel drops it when a process dies, so a kill never leaves the slot locked.
class SlotLock
{
public:
    static Result<SlotLock> acquire(const QString &slotPath)
    {
        const QByteArray path = QFile::encodeName(slotPath + QStringLiteral(".lock"));
        const int fd = ::open(
            path.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, S_IRUSR | S_IWUSR);
        if (fd < 0)
            return lockError(errno);
        while (::flock(fd, LOCK_EX) != 0) {
            if (errno != EINTR) {
                const int error = errno;
                ::close(fd);
                return lockError(error);
            }
        }
        return SlotLock(fd);
    }

    SlotLock(SlotLock &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
    {
    }
    SlotLock &operator=(SlotLock &&) = delete;
    SlotLock(const SlotLock &) = delete;
    SlotLock &operator=(const SlotLock &) = delete;
    ~SlotLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

private:
    explicit SlotLock(int fd)
        : m_fd(fd)
    {
    }

    static Error lockError(int error)
    {
        return makeError(Error::Code::Io,
            Vault::tr("The key file on this device could not be locked for use (%1).")
                .arg(qt_error_string(error)));
    }

    int m_fd = -1;
};

Error emptySecret()
{
    return makeError(Error::Code::InvalidArgument, Vault::tr("Enter your passphrase or PIN."));
}

} // namespace

Vault::Vault(QString slotPath, int maxAttempts)
    : m_slotPath(std::move(slotPath))
    , m_maxAttempts(maxAttempts)
{
    Q_ASSERT(maxAttempts >= 1);
    if (m_maxAttempts < 1)
        m_maxAttempts = 1;
}

Result<SecureBytes> Vault::createWithNewKey(
    const QString &slotPath, const SecureBytes &passphrase, const KdfParams &params)
{
    auto key = SecureBytes::random(KeySlot::KeySize);
    if (!key)
        return key;
    if (auto created = createForKey(slotPath, *key, passphrase, KeySlot::Kind::Passphrase, params);
        !created) {
        return created.error();
    }
    return key;
}

Result<void> Vault::createForKey(const QString &slotPath, const SecureBytes &key,
    const SecureBytes &secret, KeySlot::Kind kind, const KdfParams &params)
{
    if (secret.isEmpty())
        return emptySecret();
    if (auto valid = params.validate(); !valid)
        return valid;
    auto lock = SlotLock::acquire(slotPath);
    if (!lock)
        return lock.error();
    if (QFileInfo::exists(slotPath)) {
        return makeError(Error::Code::AlreadyExists,
            tr("This device already has a key file; it is never replaced "
               "silently."));
    }
    auto slot = KeySlot::wrap(kind, key, secret, params);
    if (!slot)
        return slot.error();
    AtomicFile::removeLeftovers(slotPath);
    return slot->save(slotPath);
}

Result<SecureBytes> Vault::unlock(const SecureBytes &secret)
{
    if (secret.isEmpty())
        return emptySecret();
    if (!exists()) // checked first so a missing slot leaves no lock file behind
        return KeySlot::load(m_slotPath).error();
    auto lock = SlotLock::acquire(m_slotPath);
    if (!lock)
        return lock.error();
    return unlockLocked(secret);
}

Result<void> Vault::changePassphrase(
    const SecureBytes &oldSecret, const SecureBytes &newSecret, std::optional<KdfParams> params)
{
    if (oldSecret.isEmpty() || newSecret.isEmpty())
        return emptySecret();
    if (params) {
        if (auto valid = params->validate(); !valid)
            return valid;
    }
    if (!exists())
        return KeySlot::load(m_slotPath).error();
    auto lock = SlotLock::acquire(m_slotPath);
    if (!lock)
        return lock.error();

    auto key = unlockLocked(oldSecret);
    if (!key)
        return key.error();
    // Read again for the kind and settings: unlockLocked() has just rewritten it, under our lock.
    auto current = KeySlot::load(m_slotPath);
    if (!current)
        return current.error();
    auto rewrapped
        = KeySlot::wrap(current->kind(), *key, newSecret, params.value_or(current->kdfParams()));
    if (!rewrapped)
        return rewrapped.error();
    // One rename: until it lands the old secret works, afterwards only the new one.
    return rewrapped->save(m_slotPath);
}

Result<SecureBytes> Vault::unlockLocked(const SecureBytes &secret)
{
    auto loaded = KeySlot::load(m_slotPath);
    if (!loaded)
        return loaded.error();
    KeySlot slot = std::move(loaded).value();
    // Under the lock no other writer runs, so any temporary file is left from a crash.
    AtomicFile::removeLeftovers(m_slotPath);

    if (slot.isDestroyed())
        return destroyAndLockOut(slot);
    // A process killed during its last allowed check leaves the count at the limit.
    if (slot.failedAttempts() >= quint32(m_maxAttempts))
        return destroyAndLockOut(slot);

    // The attempt is counted and on disk (fsync, rename, fsync) before Argon2id starts, so
    // killing the process mid-check cannot give a free guess. If it cannot be saved, no
    // check happens at all.
    slot.setFailedAttempts(slot.failedAttempts() + 1);
    if (auto saved = slot.save(m_slotPath); !saved)
        return saved.error();

    auto key = slot.unwrap(secret);
    if (key) {
        slot.setFailedAttempts(0);
        if (auto saved = slot.save(m_slotPath); !saved)
            return saved.error();
        return key;
    }
    if (key.error().code != Error::Code::WrongPassphrase)
        return key.error();
    if (slot.failedAttempts() >= quint32(m_maxAttempts))
        return destroyAndLockOut(slot);
    return makeError(
        Error::Code::WrongPassphrase, wrongSecretMessage(slot.kind(), int(slot.failedAttempts())));
}

Error Vault::destroyAndLockOut(const KeySlot &slot)
{
    if (!slot.isDestroyed()) {
        // Replaced in one rename by a slot without key material, and the old file's bytes
        // are overwritten. If saving fails the count stays at the limit on disk, so the next
        // attempt lands here again and no check is ever made: it still fails closed.
        const KeySlot destroyed = KeySlot::destroyed(slot.kind(), slot.failedAttempts());
        (void)destroyed.save(m_slotPath);
    }
    // Temporary files from earlier crashes may still hold the wrapped key.
    AtomicFile::removeLeftovers(m_slotPath);
    return makeError(Error::Code::LockedOut,
        tr("There have been too many wrong attempts, so the local data on this "
           "device has been locked for good and can no longer be opened. Contact "
           "IT or your supervisor to have it downloaded again from the server. "
           "Changes that were not synced cannot be recovered."));
}

QString Vault::wrongSecretMessage(KeySlot::Kind kind, int failures) const
{
    const int remaining = m_maxAttempts - failures;
    const bool pin = kind == KeySlot::Kind::Pin;
    if (remaining == 1) {
        return pin ? tr("The PIN is not correct. You have one attempt left: if it is also wrong, "
                        "the data on this device will be locked for good and will have to be "
                        "downloaded again from the server.")
                   : tr("The passphrase is not correct. You have one attempt left: if it is also "
                        "wrong, the data on this device will be locked for good and will have to "
                        "be downloaded again from the server.");
    }
    if (failures >= WarnFromFailure || remaining <= 2) {
        return pin ? tr("The PIN is not correct. You have %n attempts left before the data on "
                        "this device is locked for good.",
                   nullptr, remaining)
                   : tr("The passphrase is not correct. You have %n attempts left before the "
                        "data on this device is locked for good.",
                       nullptr, remaining);
    }
    return pin ? tr("The PIN is not correct.") : tr("The passphrase is not correct.");
}

int Vault::failedAttempts() const
{
    const auto slot = KeySlot::load(m_slotPath);
    return slot ? int(qMin<quint32>(slot->failedAttempts(), quint32(INT_MAX))) : 0;
}

bool Vault::exists() const
{
    return QFileInfo::exists(m_slotPath);
}

bool Vault::isDestroyed() const
{
    const auto slot = KeySlot::load(m_slotPath);
    return slot && slot->isDestroyed();
}

} // namespace doorstep
