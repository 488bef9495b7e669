#pragma once

#include "domain/result.h"
#include "security/kdfparams.h"
#include "security/securebytes.h"
#include "store/store.h"

#include <memory>
#include <optional>

namespace doorstep
{

/// Creates and opens stores whose database key is kept in a vault: the one way the
/// app and the command-line tool reach a store with a practitioner's passphrase.
class StoreAccess
{
public:
    /// Shorter passphrases are refused: the key slot is only as strong as its secret.
    static constexpr int MinimumPassphraseLength = 8;

    /// Makes a new store in folder: a random database key, wrapped under passphrase,
    /// and an empty database. Everything is built in a sibling folder and renamed into
    /// place, so an interrupted create leaves no half-made store. Refuses a folder that
    /// already holds files.
    static Result<std::unique_ptr<Store>> create(const QString &folder,
        const SecureBytes &passphrase, const QString &userId,
        const KdfParams &params = KdfParams::standard(), Store::Options options = {});
    /// Unlocks the folder's key slot with passphrase (counting the attempt first) and
    /// opens the store. The key is wiped from memory once the database has it.
    static Result<std::unique_ptr<Store>> open(const QString &folder, const SecureBytes &passphrase,
        Store::Options options = {}, int maxAttempts = 10);
    /// An open store and its database key, for a session that may set a PIN with it.
    struct Unlocked {
        std::unique_ptr<Store> store;
        SecureBytes key;
    };
    /// As open(), but also hands back the key (in secure memory) instead of wiping it.
    static Result<Unlocked> openKeepingKey(const QString &folder, const SecureBytes &passphrase,
        Store::Options options = {}, int maxAttempts = 10);

    /// Checks the passphrase against the key slot without opening the store (to leave child
    /// mode while it is open). Wrong passphrases count as at unlock.
    static Result<void> verifyPassphrase(
        const QString &folder, const SecureBytes &passphrase, int maxAttempts = 10);

    /// Re-wraps the database key under newPassphrase; the database is not touched.
    static Result<void> changePassphrase(const QString &folder, const SecureBytes &oldPassphrase,
        const SecureBytes &newPassphrase, std::optional<KdfParams> params = {},
        int maxAttempts = 10);

    static Result<void> checkPassphrase(const SecureBytes &passphrase);

    /// Removes the store for good, as a revoked device must: first the key slots (their
    /// bytes overwritten), which leaves the encrypted database unreadable even if a copy of
    /// it survives, then the database and its WAL. No Store may be open on it.
    static Result<void> wipe(const QString &folder);
};

} // namespace doorstep
