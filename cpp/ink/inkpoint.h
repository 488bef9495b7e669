#pragma once

#include <QPointF>
#include <QtGlobal>

namespace doorstep
{

/// One sample of pen, finger or mouse input: where (in the coordinates of the item drawn
/// on, or normalised to it once stored), how hard, and when.
struct InkPoint {
    /// What a device that cannot measure pressure reports: a mouse, a finger (whose "pressure"
    /// is contact area, not force) or a stylus without a sensor draws at the chosen pen width.
    static constexpr qreal NoPressure = 1.0;

    QPointF position;
    qreal pressure = NoPressure; ///< 0 (lightest) to 1 (hardest)
    qint64 timeMs = 0; ///< the input event's timestamp
};

} // namespace doorstep
