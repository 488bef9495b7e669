#include "security/keyslot.h"

#include "security/atomicfile.h"

#include <QFile>
#include <QtEndian>
#include <cstring>
#include <sodium.h>

namespace doorstep
{

// Slot file, format version 1, little-endian, always FileSize bytes:
//   0   8  magic "DOORSLOT"
//   8   2  format version
//  10   1  kind (1 passphrase, 2 PIN)
//  11   1  state (1 active, 2 destroyed)
//  12   4  failed attempts: changes without the key, so it is the one field not authenticated
//  16   4  KDF algorithm (crypto_pwhash_ALG_ARGON2ID13)
//  20   4  reserved, zero
//  24   8  Argon2id opslimit
//  32   8  Argon2id memlimit in bytes
//  40  16  salt
//  56  24  XChaCha20-Poly1305 nonce
//  80  48  wrapped key: 32-byte key + 16-byte tag
// 128  32  BLAKE2b-256 of bytes 0-127: tells accidental damage from a wrong passphrase
//          without spending an attempt. Anyone can recompute it; the AEAD tag is the security.
// Bytes 0-55 with the counter zeroed are the AEAD additional data, so changing the version,
// kind, algorithm, limits or salt makes unwrapping fail. A destroyed slot zeroes 16-127.

namespace
{

constexpr char magic[] = "DOORSLOT";
constexpr qsizetype magicSize = 8;
constexpr qsizetype versionOffset = 8;
constexpr qsizetype kindOffset = 10;
constexpr qsizetype stateOffset = 11;
constexpr qsizetype attemptsOffset = 12;
constexpr qsizetype algorithmOffset = 16;
constexpr qsizetype reservedOffset = 20;
constexpr qsizetype opsOffset = 24;
constexpr qsizetype memOffset = 32;
constexpr qsizetype saltOffset = 40;
constexpr qsizetype nonceOffset = 56;
constexpr qsizetype ciphertextOffset = 80;
constexpr qsizetype checksumOffset = 128;
constexpr qsizetype checksumSize = crypto_generichash_BYTES;

constexpr quint8 stateActive = 1;
constexpr quint8 stateDestroyed = 2;

static_assert(sizeof magic - 1 == magicSize);
static_assert(KeySlot::SaltSize == crypto_pwhash_SALTBYTES);
static_assert(KeySlot::NonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(KeySlot::TagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(KeySlot::KeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(ciphertextOffset + KeySlot::KeySize + KeySlot::TagSize == checksumOffset);
static_assert(checksumOffset + checksumSize == KeySlot::FileSize);
static_assert(crypto_generichash_BYTES == 32);

template <typename T> T readLe(QByteArrayView bytes, qsizetype offset)
{
    return qFromLittleEndian<T>(bytes.data() + offset);
}

template <typename T> void writeLe(QByteArray &bytes, qsizetype offset, T value)
{
    qToLittleEndian<T>(value, bytes.data() + offset);
}

QByteArray checksum(QByteArrayView bytes)
{
    QByteArray sum(checksumSize, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(sum.data()), checksumSize,
        reinterpret_cast<const unsigned char *>(bytes.data()),
        static_cast<unsigned long long>(bytes.size()), nullptr, 0);
    return sum;
}

Error damaged(const QString &detail)
{
    return makeError(Error::Code::Damaged,
        KeySlot::tr("The key file on this device is damaged (%1), so the local data "
                    "cannot be opened. Contact IT or your supervisor.")
            .arg(detail));
}

Result<SecureBytes> deriveKey(const SecureBytes &secret,
    const std::array<quint8, KeySlot::SaltSize> &salt, const KdfParams &params)
{
    auto derived = SecureBytes::allocate(KeySlot::KeySize);
    if (!derived)
        return derived;
    if (crypto_pwhash(derived->data(), static_cast<unsigned long long>(derived->size()),
            reinterpret_cast<const char *>(secret.constData()),
            static_cast<unsigned long long>(secret.size()), salt.data(), params.opsLimit,
            static_cast<size_t>(params.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        // Argon2id only fails when it cannot get its memory.
        return makeError(Error::Code::Io,
            KeySlot::tr("There is not enough memory to check the secret. Close "
                        "other apps and try again."));
    }
    return derived;
}

} // namespace

Result<KeySlot> KeySlot::wrap(
    Kind kind, const SecureBytes &key, const SecureBytes &secret, const KdfParams &params)
{
    if (!SecureBytes::cryptoAvailable())
        return makeError(
            Error::Code::Unsupported, tr("The encryption library could not start on this device."));
    if (key.size() != KeySize)
        return makeError(
            Error::Code::InvalidArgument, tr("The key to protect has the wrong size."));
    if (secret.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("The passphrase or PIN is empty."));
    if (auto valid = params.validate(); !valid)
        return valid.error();

    KeySlot slot;
    slot.m_kind = kind;
    slot.m_kdf = params;
    randombytes_buf(slot.m_salt.data(), slot.m_salt.size());
    // XChaCha20's 192-bit nonce is safe to pick at random for every wrap.
    randombytes_buf(slot.m_nonce.data(), slot.m_nonce.size());

    auto wrappingKey = deriveKey(secret, slot.m_salt, params);
    if (!wrappingKey)
        return wrappingKey.error();
    const QByteArray ad = slot.additionalData();
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(slot.m_ciphertext.data(), &written,
            key.constData(), static_cast<unsigned long long>(key.size()),
            reinterpret_cast<const unsigned char *>(ad.constData()),
            static_cast<unsigned long long>(ad.size()), nullptr, slot.m_nonce.data(),
            wrappingKey->constData())
            != 0
        || written != slot.m_ciphertext.size()) {
        return makeError(Error::Code::Internal, tr("Wrapping the key failed."));
    }
    return slot;
}

KeySlot KeySlot::destroyed(Kind kind, quint32 failedAttempts)
{
    KeySlot slot;
    slot.m_kind = kind;
    slot.m_destroyed = true;
    slot.m_failedAttempts = failedAttempts;
    return slot;
}

Result<KeySlot> KeySlot::parse(QByteArrayView bytes)
{
    if (!SecureBytes::cryptoAvailable())
        return makeError(
            Error::Code::Unsupported, tr("The encryption library could not start on this device."));
    if (bytes.size() < kindOffset)
        return damaged(tr("it is cut short"));
    if (memcmp(bytes.data(), magic, magicSize) != 0)
        return damaged(tr("it is not a Doorstep key file"));
    const quint16 version = readLe<quint16>(bytes, versionOffset);
    if (version != FormatVersion) {
        return makeError(Error::Code::Unsupported,
            tr("The key file on this device has format version %1, which this version "
               "of Doorstep cannot read. Update Doorstep or contact IT.")
                .arg(version));
    }
    if (bytes.size() < FileSize)
        return damaged(tr("it is cut short"));
    if (bytes.size() > FileSize)
        return damaged(tr("it is longer than a key file can be"));
    if (checksum(bytes.first(checksumOffset)) != bytes.sliced(checksumOffset))
        return damaged(tr("its checksum does not match"));

    KeySlot slot;
    const auto kind = static_cast<quint8>(bytes[kindOffset]);
    if (kind != quint8(Kind::Passphrase) && kind != quint8(Kind::Pin))
        return damaged(tr("it names an unknown kind of key"));
    slot.m_kind = Kind(kind);
    const auto state = static_cast<quint8>(bytes[stateOffset]);
    if (state != stateActive && state != stateDestroyed)
        return damaged(tr("it is in an unknown state"));
    slot.m_destroyed = state == stateDestroyed;
    slot.m_failedAttempts = readLe<quint32>(bytes, attemptsOffset);
    if (slot.m_destroyed)
        return slot;

    if (readLe<quint32>(bytes, algorithmOffset) != quint32(crypto_pwhash_ALG_ARGON2ID13)) {
        return makeError(Error::Code::Unsupported,
            tr("The key file on this device uses a key-derivation method this "
               "version of Doorstep does not support. Contact IT."));
    }
    if (readLe<quint32>(bytes, reservedOffset) != 0)
        return damaged(tr("a reserved field is set"));
    slot.m_kdf.opsLimit = readLe<quint64>(bytes, opsOffset);
    slot.m_kdf.memLimitBytes = readLe<quint64>(bytes, memOffset);
    // Checked before anything is derived, so a hostile file cannot make us allocate
    // gigabytes or spin for minutes.
    if (!slot.m_kdf.validate())
        return damaged(tr("its key-derivation settings are outside the safe range"));
    memcpy(slot.m_salt.data(), bytes.data() + saltOffset, slot.m_salt.size());
    memcpy(slot.m_nonce.data(), bytes.data() + nonceOffset, slot.m_nonce.size());
    memcpy(slot.m_ciphertext.data(), bytes.data() + ciphertextOffset, slot.m_ciphertext.size());
    return slot;
}

Result<KeySlot> KeySlot::load(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return makeError(Error::Code::NotFound,
            tr("There is no key file on this device, so there is no local data to "
               "open here."));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io,
            tr("The key file on this device could not be read (%1).").arg(file.errorString()));
    }
    // One byte more than a slot can be, to notice an oversized file without reading it all.
    const QByteArray bytes = file.read(FileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        return makeError(Error::Code::Io,
            tr("The key file on this device could not be read (%1).").arg(file.errorString()));
    }
    return parse(bytes);
}

QByteArray KeySlot::serialize() const
{
    QByteArray bytes(FileSize, '\0');
    memcpy(bytes.data(), magic, magicSize);
    writeLe<quint16>(bytes, versionOffset, FormatVersion);
    bytes[kindOffset] = char(m_kind);
    bytes[stateOffset] = char(m_destroyed ? stateDestroyed : stateActive);
    writeLe<quint32>(bytes, attemptsOffset, m_failedAttempts);
    if (!m_destroyed) {
        writeLe<quint32>(bytes, algorithmOffset, quint32(crypto_pwhash_ALG_ARGON2ID13));
        writeLe<quint64>(bytes, opsOffset, m_kdf.opsLimit);
        writeLe<quint64>(bytes, memOffset, m_kdf.memLimitBytes);
        memcpy(bytes.data() + saltOffset, m_salt.data(), m_salt.size());
        memcpy(bytes.data() + nonceOffset, m_nonce.data(), m_nonce.size());
        memcpy(bytes.data() + ciphertextOffset, m_ciphertext.data(), m_ciphertext.size());
    }
    const QByteArray sum = checksum(QByteArrayView(bytes).first(checksumOffset));
    memcpy(bytes.data() + checksumOffset, sum.constData(), checksumSize);
    return bytes;
}

Result<void> KeySlot::save(const QString &path) const
{
    return AtomicFile::write(path, serialize(), AtomicFile::Replaced::Wipe);
}

Result<SecureBytes> KeySlot::unwrap(const SecureBytes &secret) const
{
    if (m_destroyed)
        return makeError(Error::Code::LockedOut, tr("This key file no longer holds a key."));
    if (!SecureBytes::cryptoAvailable())
        return makeError(
            Error::Code::Unsupported, tr("The encryption library could not start on this device."));
    if (auto valid = m_kdf.validate(); !valid)
        return valid.error();

    auto wrappingKey = deriveKey(secret, m_salt, m_kdf);
    if (!wrappingKey)
        return wrappingKey.error();
    auto key = SecureBytes::allocate(KeySize);
    if (!key)
        return key;
    const QByteArray ad = additionalData();
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(key->data(), &written, nullptr,
            m_ciphertext.data(), m_ciphertext.size(),
            reinterpret_cast<const unsigned char *>(ad.constData()),
            static_cast<unsigned long long>(ad.size()), m_nonce.data(), wrappingKey->constData())
            != 0
        || written != static_cast<unsigned long long>(KeySize)) {
        return makeError(Error::Code::WrongPassphrase,
            m_kind == Kind::Pin ? tr("The PIN is not correct.")
                                : tr("The passphrase is not correct."));
    }
    return key;
}

QByteArray KeySlot::additionalData() const
{
    QByteArray header = serialize().first(nonceOffset);
    // The counter is rewritten before every check, when we do not have the key to re-seal.
    writeLe<quint32>(header, attemptsOffset, 0);
    return header;
}

} // namespace doorstep
