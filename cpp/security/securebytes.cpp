#include "security/securebytes.h"

#include <cstring>
#include <sodium.h>
#include <utility>

namespace doorstep
{

namespace
{

Error cryptoUnavailable()
{
    return makeError(Error::Code::Unsupported,
        QStringLiteral("The encryption library could not start on this device."));
}

} // namespace

bool SecureBytes::cryptoAvailable()
{
    // sodium_init() is itself thread-safe; the static keeps later calls to a load.
    static const bool available = sodium_init() >= 0;
    return available;
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

Result<SecureBytes> SecureBytes::allocate(qsizetype size)
{
    if (size < 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("Negative secure size."));
    if (!cryptoAvailable())
        return cryptoUnavailable();
    SecureBytes bytes;
    if (size == 0)
        return bytes;
    // sodium_malloc puts guard pages around the buffer and mlocks it so it is not swapped out.
    void *memory = sodium_malloc(static_cast<size_t>(size));
    if (!memory)
        return makeError(
            Error::Code::Io, QStringLiteral("There is not enough protected memory for the key."));
    bytes.m_data = static_cast<quint8 *>(memory);
    bytes.m_size = size;
    sodium_memzero(bytes.m_data, static_cast<size_t>(size));
    return bytes;
}

Result<SecureBytes> SecureBytes::random(qsizetype size)
{
    auto bytes = allocate(size);
    if (bytes && size > 0)
        randombytes_buf(bytes->data(), static_cast<size_t>(size));
    return bytes;
}

Result<SecureBytes> SecureBytes::fromUtf8(QByteArrayView source)
{
    auto bytes = allocate(source.size());
    if (bytes && !source.isEmpty())
        memcpy(bytes->data(), source.data(), static_cast<size_t>(source.size()));
    return bytes;
}

Result<SecureBytes> SecureBytes::fromString(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    auto bytes = fromUtf8(utf8);
    // utf8 is ours alone, so data() does not detach and this wipes the only copy we made.
    if (!utf8.isEmpty())
        sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    return bytes;
}

void SecureBytes::wipe() noexcept
{
    if (m_data)
        sodium_memzero(m_data, static_cast<size_t>(m_size));
}

void SecureBytes::clear() noexcept
{
    if (!m_data)
        return;
    wipe();
    sodium_free(m_data);
    m_data = nullptr;
    m_size = 0;
}

bool SecureBytes::equals(const SecureBytes &other) const noexcept
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, static_cast<size_t>(m_size)) == 0;
}

} // namespace doorstep
