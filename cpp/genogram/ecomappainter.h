#pragma once

#include "genogram/ecomaplayout.h"
#include "genogram/genogrampainter.h"

#include <QPainterPath>

class QPainter;

namespace doorstep
{

/// Draws a laid-out ecomap with QPainter paths and text: the family's circle with its name and
/// members, each service or group as a circle with its icon and kind, its name under it, and the
/// line to the family strong (thick), weak (thin, dashed) or stressful (jagged), with a note
/// marker on the line when the link has a note. The selected link (selectedRelationId) is drawn
/// in the accent colour; highlightSupport fades all but the strong links.
class EcomapPainter
{
public:
    static void paint(
        QPainter &painter, const EcomapLayout &layout, const GenogramPaintOptions &options);
    /// An agency's icon in a box @p size across centred on @p centre, as one path to stroke.
    static QPainterPath icon(EcomapLink::Agency agency, QPointF centre, double size);
};

} // namespace doorstep
