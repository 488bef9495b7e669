#pragma once

#include "domain/result.h"
#include "security/securebytes.h"
#include "store/store.h"

#include <QDate>
#include <memory>

namespace doorstep
{

/// The short PIN that unlocks the store again later in the day. The PIN slot wraps the
/// same database key as the passphrase slot; it is good only on the day it was set and
/// only for a few wrong tries, after which the passphrase is needed again. A PIN is far
/// weaker than the passphrase, so it must never outlive the working day.
class PinAccess
{
public:
    static constexpr int MinimumDigits = 4;
    static constexpr int MaximumDigits = 8;
    static constexpr int MaxAttempts = 5;

    /// InvalidArgument unless the PIN is 4 to 8 digits.
    static Result<void> checkPin(const SecureBytes &pin);
    /// Wraps key under pin for today, replacing any earlier PIN.
    static Result<void> setPin(
        const QString &folder, const SecureBytes &key, const SecureBytes &pin);
    /// True if a PIN was set today and has tries left. A PIN from an earlier day is
    /// removed here, so the first unlock of each day needs the passphrase.
    static bool isAvailable(const QString &folder, QDate today);
    /// Unlocks with the day's PIN. After too many wrong PINs the PIN is removed and the
    /// error says to use the passphrase; the data itself stays safe.
    static Result<std::unique_ptr<Store>> open(
        const QString &folder, const SecureBytes &pin, QDate today, Store::Options options = {});
    /// Checks the day's PIN without opening the store (to leave child mode while it is
    /// open). Wrong PINs count towards switching the PIN off, as at unlock.
    static Result<void> verify(const QString &folder, const SecureBytes &pin, QDate today);
    /// Removes the PIN slot (overwriting it first).
    static void forget(const QString &folder);

private:
    static Result<SecureBytes> unlockKey(
        const QString &folder, const SecureBytes &pin, QDate today);
};

} // namespace doorstep
