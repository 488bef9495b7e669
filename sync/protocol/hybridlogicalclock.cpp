#include "protocol/hybridlogicalclock.h"

#include <QDateTime>
#include <algorithm>

namespace doorstep
{

HybridLogicalClock::HybridLogicalClock(PhysicalClock physicalMs, Hlc last)
    : m_physicalMs(std::move(physicalMs))
    , m_last(last)
{
}

HybridLogicalClock::PhysicalClock HybridLogicalClock::systemMilliseconds()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

// When the counter would overflow, borrowing the next millisecond keeps the clock
// monotonic; it drifts ahead of wall time by at most one millisecond per 65,536 events.
static Hlc advance(qint64 wall, Hlc last, quint32 counterIfSame)
{
    if (wall > last.physicalMs())
        return Hlc(wall, 0);
    if (counterIfSame > Hlc::MaxCounter)
        return Hlc(last.physicalMs() + 1, 0);
    return Hlc(last.physicalMs(), counterIfSame);
}

Hlc HybridLogicalClock::tick()
{
    m_last = advance(m_physicalMs(), m_last, m_last.counter() + 1);
    return m_last;
}

Hlc HybridLogicalClock::receive(Hlc remote)
{
    const qint64 wall = m_physicalMs();
    const qint64 top = std::max({ wall, m_last.physicalMs(), remote.physicalMs() });
    quint32 counter = 0;
    if (top == m_last.physicalMs() && top == remote.physicalMs())
        counter = std::max(m_last.counter(), remote.counter()) + 1;
    else if (top == m_last.physicalMs())
        counter = m_last.counter() + 1;
    else if (top == remote.physicalMs())
        counter = remote.counter() + 1;
    m_last = counter > Hlc::MaxCounter ? Hlc(top + 1, 0) : Hlc(top, counter);
    return m_last;
}

void HybridLogicalClock::restore(Hlc last)
{
    m_last = std::max(m_last, last);
}

} // namespace doorstep
