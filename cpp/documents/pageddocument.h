#pragma once

#include "domain/result.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QMarginsF>
#include <QPageSize>
#include <QString>
#include <functional>

class QIODevice;
class QTextDocument;

namespace doorstep
{

/// Lays rich text out on the pages of a PDF: lines never straddle a page, headings stay with
/// what follows them, a page that carries on a section names it at the top, and every page
/// ends with a footer and "Page 1 of 2".
class PagedDocument
{
    Q_DECLARE_TR_FUNCTIONS(doorstep::PagedDocument)

public:
    /// The PDF's resolution: fine enough that laying text out in whole device pixels
    /// loses nothing.
    static constexpr int dotsPerInch = 720;

    /// How the pages look.
    struct Style {
        QPageSize pageSize = QPageSize(QPageSize::A4);
        QMarginsF marginsMm = QMarginsF(20, 18, 20, 26); ///< the bottom margin holds the footer
        QFont font; ///< body text, in points
        QColor textColour = QColor(0x1a, 0x1a, 0x1a);
        QColor accentColour = QColor(0x1f, 0x4e, 0x79);
        bool cardFrame = false; ///< a rounded border around each page, like a card
    };

    /// The block user state (CSS "-qt-user-state") that keeps a paragraph on the same page as
    /// the paragraph after it, as headings always are: a goal with its status line.
    static constexpr int keepWithNextState = 1;

    /// HTML pixels for a size in points. QTextDocument scales HTML pixels to the device as
    /// CSS pixels (1/96 inch), whatever the device's resolution.
    static int cssPixels(double points);
    /// The same as a CSS length: "12px".
    static QString px(double points);

    /// Fills `document` from `html`. Every paragraph then takes its direction from its own
    /// text, where the HTML importer would make them all left to right, so a goal written in
    /// Arabic reads right to left beside English labels; tables run in the application's
    /// layout direction.
    static void load(QTextDocument &document, const QString &html);

    /// Adds to a loaded document what HTML cannot hold, such as a signature drawn as vector
    /// strokes (SignatureObject::install), before its pages are laid out.
    using Prepare = std::function<void(QTextDocument &document)>;

    /// Writes `html` as a PDF to `device` (open for writing) and returns the page count.
    /// `footer` is printed at the bottom of every page beside the page number. `prepare`, if
    /// given, runs once the HTML is loaded.
    static Result<int> write(QIODevice *device, const QString &html, const Style &style,
        const QString &title, const QString &footer, const Prepare &prepare = {});
};

} // namespace doorstep
