#pragma once

#include "genogram/ecomaplayout.h"

#include <QPointF>
#include <QString>

namespace doorstep
{

/// What is under a point of a drawn ecomap, in layout units, for taps on the view.
class EcomapHitTest
{
public:
    /// The link whose agency circle holds @p point or whose line passes within @p tolerance of
    /// it; the nearest when several do. Empty when none.
    static QString linkAt(const EcomapLayout &layout, QPointF point, double tolerance);
};

} // namespace doorstep
