#pragma once

#include "genogram/genogram.h"
#include "genogram/genogramlayout.h"

#include <QPointF>
#include <QString>

namespace doorstep
{

/// What is under a point of a drawn genogram, in layout units, for taps on the view.
class GenogramHitTest
{
public:
    /// Margin around a symbol that still counts as on it, in layout units.
    static constexpr double PersonMargin = 0.15;

    /// The person whose symbol holds @p point (or lies within PersonMargin of it); the nearest
    /// when two do. Empty when none.
    static QString personAt(const GenogramLayout &layout, QPointF point);
    /// The relation of the line nearest @p point within @p tolerance: partner lines, twin bars,
    /// connectors (emotional lines and parent lines that do not hang, where they are drawn:
    /// GenogramStrokes::connectorRoute()), and a sibship's lines,
    /// which give the parent line of the child whose line is nearest (the first of that child's
    /// parent lines). A partner line drawn for parents who have none gives nothing. Empty when
    /// no line is that near.
    static QString relationAt(
        const Genogram &genogram, const GenogramLayout &layout, QPointF point, double tolerance);
};

} // namespace doorstep
