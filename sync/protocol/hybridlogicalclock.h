#pragma once

#include "protocol/hlc.h"

#include <functional>

namespace doorstep
{

/// The device's hybrid logical clock (Kulkarni et al.): never runs backwards, stays
/// close to wall time, and moves past every timestamp it has seen from others.
/// Physical time is injected so tests and the store control it.
class HybridLogicalClock
{
public:
    using PhysicalClock = std::function<qint64()>;

    explicit HybridLogicalClock(PhysicalClock physicalMs = systemMilliseconds(), Hlc last = {});

    /// A timestamp for a local event or a send.
    Hlc tick();
    /// Advances past a timestamp received from another device and returns the new time.
    Hlc receive(Hlc remote);
    Hlc last() const { return m_last; }
    /// Restores the last timestamp (e.g. read from the store) without moving backwards.
    void restore(Hlc last);

    static PhysicalClock systemMilliseconds();

private:
    PhysicalClock m_physicalMs;
    Hlc m_last;
};

} // namespace doorstep
