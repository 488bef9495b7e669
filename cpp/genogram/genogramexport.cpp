#include "genogram/genogramexport.h"

#include "genogram/ecomappainter.h"
#include "genogram/genogramlegend.h"
#include "genogram/genogrampainter.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <functional>

namespace doorstep
{

namespace
{

// The same face as the family's documents: wide, open, with Arabic and Hebrew.
const QString exportFont = QStringLiteral("DejaVu Sans");

constexpr double svgPixelsPerUnit = 48;
constexpr double svgMargin = 24;
constexpr double svgMinimumWidth = 960;
constexpr int pdfDotsPerInch = 300;

// A picture to put on a page: what it covers in layout units and how to paint it.
struct Picture {
    QRectF units;
    std::function<void(QPainter &, const GenogramPaintOptions &)> paint;
    QList<GenogramLegend::Entry> legend;
};

GenogramPaintOptions exportOptions()
{
    GenogramPaintOptions options;
    options.fontFamily = exportFont;
    return options;
}

// The title at the top of @p page, the key at the bottom, the picture fitted between.
void compose(QPainter &painter, const QRectF &page, const QString &title, const Picture &picture,
    double legendUnit)
{
    GenogramPaintOptions options = exportOptions();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font(exportFont);
    const double dpi = painter.device()->logicalDpiY();
    const double titleHeight = legendUnit * 0.8;
    font.setPointSizeF(titleHeight * 72.0 / dpi);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(options.ink);
    const QFontMetricsF metrics(font, painter.device());
    const QString shownTitle = metrics.elidedText(title, Qt::ElideRight, page.width());
    painter.drawText(QPointF(page.left(), page.top() + metrics.ascent()), shownTitle);
    const double top = page.top() + metrics.lineSpacing() + legendUnit * 0.5;

    const QSizeF legend
        = GenogramLegend::size(picture.legend, legendUnit, page.width(), exportFont);
    const double legendTop = page.bottom() - legend.height();
    const QRectF area(page.left(), top, page.width(),
        qMax(1.0, legendTop - top - (legend.isEmpty() ? 0 : legendUnit * 0.6)));
    if (!picture.units.isEmpty()) {
        // Fitted, centred across and at the top, under the title.
        options.transform = GenogramPainter::fitTransform(picture.units, area);
        const QRectF placed = options.transform.mapRect(picture.units);
        options.transform *= QTransform::fromTranslate(0, area.top() - placed.top());
        picture.paint(painter, options);
    }
    if (!legend.isEmpty()) {
        painter.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), legendUnit * 0.03));
        painter.drawLine(QPointF(page.left(), legendTop - legendUnit * 0.3),
            QPointF(page.right(), legendTop - legendUnit * 0.3));
        GenogramLegend::paint(painter, QRectF(QPointF(page.left(), legendTop), legend),
            picture.legend, legendUnit, options);
    }
    painter.restore();
}

QByteArray svgOf(const Picture &picture, const QString &title)
{
    const double legendUnit = svgPixelsPerUnit * 0.5;
    const QSizeF content = picture.units.size() * svgPixelsPerUnit;
    const double width = qMax(svgMinimumWidth, content.width()) + 2 * svgMargin;
    const QSizeF legend
        = GenogramLegend::size(picture.legend, legendUnit, width - 2 * svgMargin, exportFont);
    const double height = 2 * svgMargin + legendUnit * 1.6 + content.height()
        + (legend.isEmpty() ? 0 : legend.height() + legendUnit * 0.6);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(96);
    generator.setSize(QSize(qCeil(width), qCeil(height)));
    generator.setViewBox(QRectF(0, 0, qCeil(width), qCeil(height)));
    generator.setTitle(title);
    {
        QPainter painter(&generator);
        painter.fillRect(QRectF(0, 0, width, height), Qt::white);
        compose(painter,
            QRectF(svgMargin, svgMargin, width - 2 * svgMargin, height - 2 * svgMargin), title,
            picture, legendUnit);
    }
    buffer.close();
    return bytes;
}

QByteArray pdfOf(const Picture &picture, const QString &title)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(pdfDotsPerInch);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
            QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Doorstep"));
        QPainter painter(&writer);
        const QRectF page = writer.pageLayout().paintRectPixels(pdfDotsPerInch);
        // A symbol in the key is 5 mm across.
        const double legendUnit = 5.0 / 25.4 * pdfDotsPerInch;
        compose(painter, QRectF(QPointF(0, 0), page.size()), title, picture, legendUnit);
    }
    buffer.close();
    return bytes;
}

Picture genogramPicture(const Genogram &genogram, const GenogramLayout &layout)
{
    return { GenogramPainter::paintedBounds(layout),
        [&genogram, &layout](QPainter &painter, const GenogramPaintOptions &options) {
            GenogramPainter::paint(painter, genogram, layout, options);
        },
        GenogramLegend::usedEntries(genogram) };
}

Picture ecomapPicture(const EcomapLayout &layout)
{
    return { layout.bounds,
        [&layout](QPainter &painter, const GenogramPaintOptions &options) {
            EcomapPainter::paint(painter, layout, options);
        },
        layout.nodes.isEmpty() ? QList<GenogramLegend::Entry>() : GenogramLegend::ecomapEntries() };
}

} // namespace

QByteArray GenogramExport::svg(
    const Genogram &genogram, const GenogramLayout &layout, const QString &title)
{
    return svgOf(genogramPicture(genogram, layout), title);
}

QByteArray GenogramExport::pdf(
    const Genogram &genogram, const GenogramLayout &layout, const QString &title)
{
    return pdfOf(genogramPicture(genogram, layout), title);
}

QByteArray GenogramExport::ecomapSvg(const EcomapLayout &layout, const QString &title)
{
    return svgOf(ecomapPicture(layout), title);
}

QByteArray GenogramExport::ecomapPdf(const EcomapLayout &layout, const QString &title)
{
    return pdfOf(ecomapPicture(layout), title);
}

} // namespace doorstep
