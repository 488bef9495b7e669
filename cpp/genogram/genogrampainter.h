#pragma once

#include "genogram/genogram.h"
#include "genogram/genogramlayout.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>
#include <QString>
#include <QTransform>

class QPainter;

namespace doorstep
{

/// How GenogramPainter and EcomapPainter draw: where, what is selected, and in which colours.
struct GenogramPaintOptions {
    /// Layout units to the painter's coordinates: the view's pan and zoom, or page fitting.
    /// Scale and translation only; text sizes follow its scale.
    QTransform transform;
    QString selectedPersonId; ///< drawn with a highlight ring
    QString selectedRelationId; ///< drawn thicker in the accent colour
    /// The support network (GenogramSupportNetwork) in full colour, everyone and everything
    /// else faded.
    bool highlightSupport = false;
    QColor ink = Qt::black;
    QColor paper = Qt::white;
    QColor accent = QColor(0x15, 0x65, 0xc0);
    QString fontFamily; ///< empty: the application font
};

/// Draws a laid-out genogram with QPainter paths and text only, so a PDF or SVG keeps it as
/// vectors: symbols with their age inside and name below, partner, child, twin and emotional
/// lines in the notation of genogram.h, households as dashed outlines. It draws what the layout
/// holds and lays nothing out, so a view can call it every frame.
class GenogramPainter
{
    Q_DECLARE_TR_FUNCTIONS(doorstep::GenogramPainter)

public:
    /// Text heights, in layout units.
    static constexpr double NameHeight = 0.3;
    static constexpr double AgeHeight = 0.36;
    static constexpr double DateHeight = 0.19;
    /// The widest a name is written, in layout units: less than GenogramLayout::PersonSpacing,
    /// so neighbours' names never meet; longer names take two lines, then are elided.
    static constexpr double NameWidth = 1.75;

    static void paint(QPainter &painter, const Genogram &genogram, const GenogramLayout &layout,
        const GenogramPaintOptions &options);

    /// What paint() covers, in layout units: the layout's bounds with room for the names below
    /// the symbols and the markers beside them. Null when the layout is empty.
    static QRectF paintedBounds(const GenogramLayout &layout);
    /// The transform that fits @p units (layout units) into @p target, centred, keeping
    /// proportions; for a page or a thumbnail.
    static QTransform fitTransform(const QRectF &units, const QRectF &target);
};

} // namespace doorstep
