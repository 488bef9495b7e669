#pragma once

#include "domain/result.h"
#include "security/kdfparams.h"
#include "security/keyslot.h"
#include "security/securebytes.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace doorstep
{

/// Guards the database key behind one key-slot file: creates it, unlocks it, re-wraps it under
/// a new secret, counts failed attempts durably and destroys the slot after too many.
class Vault
{
    Q_DECLARE_TR_FUNCTIONS(Vault)

public:
    static constexpr int DefaultMaxAttempts = 10;
    /// From this many failures on, the error says how many attempts remain.
    static constexpr int WarnFromFailure = 3;

    explicit Vault(QString slotPath, int maxAttempts = DefaultMaxAttempts);

    /// Makes a random database key, wraps it under `passphrase` in a new slot file and returns
    /// it. AlreadyExists if the file is there: a slot is never silently replaced.
    static Result<SecureBytes> createWithNewKey(const QString &slotPath,
        const SecureBytes &passphrase, const KdfParams &params = KdfParams::standard());
    /// Wraps an existing key in a new slot file, e.g. a PIN slot beside the passphrase slot.
    static Result<void> createForKey(const QString &slotPath, const SecureBytes &key,
        const SecureBytes &secret, KeySlot::Kind kind,
        const KdfParams &params = KdfParams::standard());

    /// The database key. The attempt is counted on disk before the secret is checked.
    Result<SecureBytes> unlock(const SecureBytes &secret);
    /// Re-wraps the same key under `newSecret` with a fresh salt and nonce, and with `params`
    /// if given (otherwise the slot's current settings). Counts like unlock().
    Result<void> changePassphrase(const SecureBytes &oldSecret, const SecureBytes &newSecret,
        std::optional<KdfParams> params = {});

    QString slotPath() const { return m_slotPath; }
    int maxAttempts() const { return m_maxAttempts; }
    /// As stored in the slot file; 0 when there is no readable file.
    int failedAttempts() const;
    bool exists() const;
    bool isDestroyed() const;

private:
    Result<SecureBytes> unlockLocked(const SecureBytes &secret);
    Error destroyAndLockOut(const KeySlot &slot);
    QString wrongSecretMessage(KeySlot::Kind kind, int failures) const;

    QString m_slotPath;
    int m_maxAttempts;
};

} // namespace doorstep
