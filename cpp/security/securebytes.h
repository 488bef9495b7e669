#pragma once

#include "domain/result.h"

#include <QByteArrayView>
#include <QString>

namespace doorstep
{

/// Secret bytes (keys, passphrases, PINs) in guarded, mlocked memory that is wiped when released.
class SecureBytes
{
public:
    SecureBytes() noexcept = default;
    ~SecureBytes();
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    /// `size` zero bytes.
    static Result<SecureBytes> allocate(qsizetype size);
    /// `size` bytes from the system's cryptographic random source.
    static Result<SecureBytes> random(qsizetype size);
    /// A copy of `bytes`; wiping the caller's copy stays the caller's job.
    static Result<SecureBytes> fromUtf8(QByteArrayView bytes);
    /// The UTF-8 of `text`. The intermediate UTF-8 buffer is wiped; `text` itself is not
    /// ours to wipe (QString shares its data), so callers drop it as soon as they can.
    static Result<SecureBytes> fromString(const QString &text);

    /// Whether libsodium started. Every secure operation fails closed when it did not.
    static bool cryptoAvailable();

    quint8 *data() noexcept { return m_data; }
    const quint8 *constData() const noexcept { return m_data; }
    qsizetype size() const noexcept { return m_size; }
    bool isEmpty() const noexcept { return m_size == 0; }

    /// Zeroes the bytes in place, keeping the size.
    void wipe() noexcept;
    /// Zeroes and releases the buffer now rather than at destruction.
    void clear() noexcept;
    /// Compares in time that depends only on the length, so keys can be compared safely.
    bool equals(const SecureBytes &other) const noexcept;

private:
    quint8 *m_data = nullptr;
    qsizetype m_size = 0;
};

} // namespace doorstep
