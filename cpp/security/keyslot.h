#pragma once

#include "domain/result.h"
#include "security/kdfparams.h"
#include "security/securebytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <array>

namespace doorstep
{

/// One key-slot file: the database key wrapped (XChaCha20-Poly1305) under a key that Argon2id
/// derives from a secret, the settings to derive it again, and the failed-attempt count.
class KeySlot
{
    Q_DECLARE_TR_FUNCTIONS(KeySlot)

public:
    /// What the secret is; a PIN slot wraps the same key as the passphrase slot.
    enum class Kind : quint8 {
        Passphrase = 1,
        Pin = 2,
    };

    static constexpr qsizetype KeySize = 32;
    static constexpr qsizetype SaltSize = 16;
    static constexpr qsizetype NonceSize = 24;
    static constexpr qsizetype TagSize = 16;
    static constexpr quint16 FormatVersion = 1;
    static constexpr qsizetype FileSize = 160;

    /// Wraps `key` under `secret` with a fresh random salt and nonce.
    static Result<KeySlot> wrap(
        Kind kind, const SecureBytes &key, const SecureBytes &secret, const KdfParams &params);
    /// A slot that holds no key material any more, only its kind and the count that ended it.
    static KeySlot destroyed(Kind kind, quint32 failedAttempts);
    /// Damaged or Unsupported, with a plain message, for anything but a well-formed slot.
    static Result<KeySlot> parse(QByteArrayView bytes);
    /// NotFound, Io, or parse()'s errors. Messages never name the path (it may hold a name).
    static Result<KeySlot> load(const QString &path);

    QByteArray serialize() const;
    /// Atomic, durable, owner-only; the replaced file's bytes are overwritten.
    Result<void> save(const QString &path) const;
    /// WrongPassphrase when the secret (or anything authenticated with it) does not match.
    Result<SecureBytes> unwrap(const SecureBytes &secret) const;

    Kind kind() const { return m_kind; }
    bool isDestroyed() const { return m_destroyed; }
    KdfParams kdfParams() const { return m_kdf; }
    quint32 failedAttempts() const { return m_failedAttempts; }
    void setFailedAttempts(quint32 count) { m_failedAttempts = count; }

private:
    KeySlot() = default;
    QByteArray additionalData() const;

    Kind m_kind = Kind::Passphrase;
    bool m_destroyed = false;
    quint32 m_failedAttempts = 0;
    KdfParams m_kdf;
    std::array<quint8, SaltSize> m_salt {};
    std::array<quint8, NonceSize> m_nonce {};
    std::array<quint8, KeySize + TagSize> m_ciphertext {};
};

} // namespace doorstep
