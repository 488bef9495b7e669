#pragma once

#include "genogram/ecomap.h"
#include "genogram/genogram.h"
#include "genogram/genogramlayout.h"

#include <QColor>
#include <QLineF>
#include <QPainterPath>
#include <QPen>
#include <QPolygonF>

class QPainter;

namespace doorstep
{

/// The shapes of the genogram's notation, in layout units (a symbol is one unit across), shared
/// by the painter and the legend so the legend shows exactly what the drawing uses. Internal to
/// Doorstep::GenogramDrawing.
class GenogramStrokes
{
public:
    static constexpr double LineWidth = 0.05; ///< partner, child and emotional lines
    static constexpr double SymbolLineWidth = 0.06;

    /// Colours the lines of some kinds carry beside their shape, so print in grey still reads.
    static QColor supportColour() { return QColor(0x2e, 0x7d, 0x32); }
    static QColor harmColour() { return QColor(0xc6, 0x28, 0x28); }

    /// A square, circle, diamond or (for a pregnancy) triangle of side @p size around @p centre.
    static QPainterPath symbol(
        GenogramPerson::Gender gender, bool pregnancy, QPointF centre, double size = 1.0);
    /// A zigzag along @p line, @p amplitude either side, about @p wavelength per tooth.
    static QPainterPath zigzag(const QLineF &line, double amplitude, double wavelength);
    /// A filled arrowhead at @p line's p2, pointing along it.
    static QPainterPath arrowHead(const QLineF &line, double size);
    /// A small speech bubble (an interpreter is needed) with its box centred on @p centre.
    static QPainterPath speechBubble(QPointF centre, double size);
    /// A pen of @p width layout units; @p style solid, dashed or dotted with round dots. Dashes
    /// are sized for @p painter's engine: Qt's SVG generator writes dash patterns unscaled for
    /// pens narrower than a unit.
    static QPen pen(const QPainter &painter, const QColor &colour, double width,
        Qt::PenStyle style = Qt::SolidLine);

    /// Margin around a symbol that a connector keeps clear of, in layout units.
    static constexpr double ConnectorClearance = 0.15;

    /// Where a connector (GenogramLayout::Connector, from one symbol's centre to another's)
    /// runs, from line.p1() to line.p2(): straight, or where that would pass through someone
    /// else's symbol (or within ConnectorClearance of it), a smooth curve bowing round them
    /// on the side that needs the smaller bow (above, for people in one row, when both need
    /// the same). The painter draws it and the hit test finds it there.
    static QPolygonF connectorRoute(const GenogramLayout &layout, const QLineF &line);
    /// Draws a line between two symbols in the style of @p type (emotional lines, parent lines
    /// that do not hang, twins apart) along @p route (from one centre to the other; stopping
    /// short of the symbols), in @p colour; the painter is in layout units. Types with a colour
    /// of their own use it unless @p keepColour.
    static void drawConnector(QPainter &painter, const QPolygonF &route,
        GenogramRelation::Type type, const QColor &colour, double width, bool keepColour = false);
    /// drawConnector() along a straight @p line.
    static void drawConnector(QPainter &painter, const QLineF &line, GenogramRelation::Type type,
        const QColor &colour, double width, bool keepColour = false);
    /// Draws a partner line along @p path (down, across, up) in the style of @p type.
    static void drawPartnerLine(QPainter &painter, const QList<QPointF> &path,
        GenogramRelation::Type type, const QColor &colour, double width);
    /// The pen style of a child's line by how the child belongs: birth solid, adopted dashed,
    /// foster dotted, step dash-dotted.
    static Qt::PenStyle childLineStyle(GenogramRelation::Type type);
    /// Draws an ecomap link along @p line: strong thick and solid, weak thin and dashed,
    /// stressful jagged; @p width is a weak line's.
    static void drawEcomapLink(QPainter &painter, const QLineF &line, EcomapLink::Strength strength,
        const QColor &colour, double width);
};

} // namespace doorstep
