#pragma once

#include <QtGlobal>

namespace doorstep
{

/// A hybrid-logical-clock timestamp: physical milliseconds since the epoch and a
/// counter that orders events within one millisecond. Packed into 64 bits so it
/// sorts as an integer in SQL and on the wire.
class Hlc
{
public:
    static constexpr int CounterBits = 16;
    static constexpr quint32 MaxCounter = (1u << CounterBits) - 1;

    constexpr Hlc() = default;
    constexpr Hlc(qint64 physicalMs, quint32 counter)
        : m_physicalMs(physicalMs)
        , m_counter(counter)
    {
    }

    static constexpr Hlc fromPacked(qint64 packed)
    {
        return Hlc(packed >> CounterBits, quint32(packed & MaxCounter));
    }
    constexpr qint64 packed() const { return (m_physicalMs << CounterBits) | m_counter; }

    constexpr qint64 physicalMs() const { return m_physicalMs; }
    constexpr quint32 counter() const { return m_counter; }
    constexpr bool isNull() const { return m_physicalMs == 0 && m_counter == 0; }

    friend constexpr bool operator==(Hlc a, Hlc b) { return a.packed() == b.packed(); }
    friend constexpr bool operator!=(Hlc a, Hlc b) { return !(a == b); }
    friend constexpr bool operator<(Hlc a, Hlc b) { return a.packed() < b.packed(); }
    friend constexpr bool operator>(Hlc a, Hlc b) { return b < a; }
    friend constexpr bool operator<=(Hlc a, Hlc b) { return !(b < a); }
    friend constexpr bool operator>=(Hlc a, Hlc b) { return !(a < b); }

private:
    qint64 m_physicalMs = 0;
    quint32 m_counter = 0;
};

} // namespace doorstep
