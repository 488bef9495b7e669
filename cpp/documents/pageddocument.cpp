#include "documents/pageddocument.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <cmath>

namespace doorstep
{

namespace
{

constexpr double millimetresPerInch = 25.4;
constexpr double pointsPerInch = 72.0;
constexpr double cssPixelsPerInch = 96.0;

double fromMm(double millimetres)
{
    return millimetres / millimetresPerInch * PagedDocument::dotsPerInch;
}

double fromPoints(double points)
{
    return points / pointsPerInch * PagedDocument::dotsPerInch;
}

// Which page a y position in the laid-out document falls on.
int pageOf(qreal y, qreal pageHeight)
{
    return static_cast<int>(std::floor(y / pageHeight));
}

// The bottom of a block's first line in document coordinates: where the block would first
// be seen if it started on a page.
qreal firstLineBottom(QAbstractTextDocumentLayout *layout, const QTextBlock &block)
{
    const QRectF rect = layout->blockBoundingRect(block);
    const QTextLayout *lines = block.layout();
    if (!lines || lines->lineCount() == 0)
        return rect.bottom();
    return rect.top() + lines->lineAt(0).rect().bottom();
}

bool keptWithNext(const QTextBlock &block)
{
    return block.blockFormat().headingLevel() > 0
        || block.userState() == PagedDocument::keepWithNextState;
}

// QTextDocument's pagination moves lines that would straddle a page, but knows nothing of
// headings: a heading could end up alone at the foot of a page, or a goal on one page and
// its status on the next. When a block to keep with the next one ends a page, the run of
// such blocks it belongs to moves to the next page together. One move at a time, because
// each reflows everything after it; blocks before a move stay where they are.
void keepWithNextOnSamePage(QTextDocument &document, qreal pageHeight)
{
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    QTextBlock block = document.begin();
    while (block.isValid()) {
        const QTextBlock next = block.next();
        if (!next.isValid())
            break;
        if (!keptWithNext(block)) {
            block = next;
            continue;
        }
        const int page = pageOf(layout->blockBoundingRect(block).top(), pageHeight);
        if (pageOf(firstLineBottom(layout, next) - 1.0, pageHeight) == page) {
            block = next;
            continue;
        }
        QTextBlock first = block;
        while (first.previous().isValid() && keptWithNext(first.previous())
            && pageOf(layout->blockBoundingRect(first.previous()).top(), pageHeight) == page)
            first = first.previous();
        const qreal top = layout->blockBoundingRect(first).top();
        // A run that already starts a page cannot do better by moving.
        if (top - page * pageHeight >= 1.0) {
            QTextBlockFormat format = first.blockFormat();
            format.setPageBreakPolicy(
                format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(first).setBlockFormat(format);
            // The layout only redoes the changed block and trusts old positions after it,
            // which a page break invalidates; lay everything out again.
            document.markContentsDirty(0, document.characterCount());
        }
        block = next;
    }
}

// For each page, the heading its first lines belong under when the page does not start with
// a heading of its own: a reader who turns over to more goals sees whose goals they are.
QStringList continuedHeadings(QTextDocument &document, qreal pageHeight, int pageCount)
{
    QStringList headings(pageCount);
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    QString current;
    qreal previousBottom = 0;
    int page = 1;
    for (QTextBlock block = document.begin(); block.isValid() && page < pageCount;
         block = block.next()) {
        const QRectF rect = layout->blockBoundingRect(block);
        const bool isHeading = block.blockFormat().headingLevel() > 0;
        for (; page < pageCount && page <= pageOf(rect.top(), pageHeight); ++page) {
            const bool startsPage = page == pageOf(rect.top(), pageHeight)
                && previousBottom <= page * pageHeight + 1.0;
            if (!(isHeading && startsPage))
                headings[page] = current;
        }
        if (isHeading)
            current = block.text();
        previousBottom = qMax(previousBottom, rect.bottom());
    }
    for (; page < pageCount; ++page)
        headings[page] = current;
    return headings;
}

void setTableDirections(QTextFrame *frame, Qt::LayoutDirection direction)
{
    const QList<QTextFrame *> children = frame->childFrames();
    for (QTextFrame *child : children) {
        if (auto *table = qobject_cast<QTextTable *>(child)) {
            QTextTableFormat format = table->format();
            format.setLayoutDirection(direction);
            table->setFormat(format);
        }
        setTableDirections(child, direction);
    }
}

void drawCardFrame(QPainter &painter, const QRectF &page, const PagedDocument::Style &style)
{
    const qreal inset = fromMm(6);
    const qreal radius = fromMm(5);
    QPen pen(style.accentColour);
    pen.setWidthF(fromPoints(2));
    painter.save();
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(page.adjusted(inset, inset, -inset, -inset), radius, radius);
    painter.restore();
}

// "Tyler (15) (continued)" in small type above the body of a page.
void drawContinued(QPainter &painter, const QRectF &body, const PagedDocument::Style &style,
    const QString &heading)
{
    // Plain and bold rather than italic: easier for someone still learning to read English.
    QFont font = style.font;
    font.setPointSizeF(style.font.pointSizeF() * 0.8);
    font.setBold(true);
    painter.save();
    painter.setFont(font);
    painter.setPen(QColor(0x44, 0x4c, 0x55));
    const QFontMetricsF metrics(font, painter.device());
    const bool rightToLeft = heading.isRightToLeft();
    const QRectF line(
        body.left(), body.top() - fromMm(4) - metrics.height(), body.width(), metrics.height());
    painter.setLayoutDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    painter.drawText(line,
        Qt::AlignAbsolute | (rightToLeft ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
        metrics.elidedText(heading, Qt::ElideRight, line.width()));
    painter.restore();
}

void drawFooter(QPainter &painter, const QRectF &area, const PagedDocument::Style &style,
    const QString &footer, const QString &pageNumber)
{
    QFont font = style.font;
    font.setPointSizeF(style.font.pointSizeF() * 0.72);
    painter.save();
    painter.setFont(font);
    const QFontMetricsF metrics(font, painter.device());

    QPen rule(QColor(0xb0, 0xb8, 0xc2));
    rule.setWidthF(fromPoints(0.75));
    painter.setPen(rule);
    painter.drawLine(area.topLeft(), area.topRight());

    painter.setPen(QColor(0x44, 0x4c, 0x55));
    const qreal gap = fromMm(6);
    const qreal numberWidth = metrics.horizontalAdvance(pageNumber);
    const QRectF text(area.left(), area.top() + fromMm(2.5), area.width(), metrics.height());
    // The footer reads from the side the language starts on.
    const bool rightToLeft = QGuiApplication::isRightToLeft();
    const QRectF numberRect = rightToLeft
        ? QRectF(text.left(), text.top(), numberWidth, text.height())
        : QRectF(text.right() - numberWidth, text.top(), numberWidth, text.height());
    const QRectF footerRect = rightToLeft
        ? QRectF(text.left() + numberWidth + gap, text.top(), text.width() - numberWidth - gap,
            text.height())
        : QRectF(text.left(), text.top(), text.width() - numberWidth - gap, text.height());
    const QString elided = metrics.elidedText(footer, Qt::ElideRight, footerRect.width());
    const Qt::Alignment leading = rightToLeft ? Qt::AlignRight : Qt::AlignLeft;
    painter.setLayoutDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    painter.drawText(footerRect, Qt::AlignAbsolute | leading | Qt::AlignVCenter, elided);
    painter.drawText(
        numberRect, Qt::AlignAbsolute | Qt::AlignHCenter | Qt::AlignVCenter, pageNumber);
    painter.restore();
}

} // namespace

int PagedDocument::cssPixels(double points)
{
    return qRound(points * cssPixelsPerInch / pointsPerInch);
}

QString PagedDocument::px(double points)
{
    return QString::number(cssPixels(points)) + QStringLiteral("px");
}

void PagedDocument::load(QTextDocument &document, const QString &html)
{
    document.setHtml(html);
    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        format.setLayoutDirection(Qt::LayoutDirectionAuto);
        QTextCursor(block).setBlockFormat(format);
    }
    cursor.endEditBlock();
    setTableDirections(document.rootFrame(), QGuiApplication::layoutDirection());
}

Result<int> PagedDocument::write(QIODevice *device, const QString &html, const Style &style,
    const QString &title, const QString &footer, const Prepare &prepare)
{
    Q_ASSERT(device && device->isWritable());

    QPdfWriter writer(device);
    writer.setResolution(dotsPerInch);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Doorstep"));
    // Margins are drawn by hand so the card frame and footer may sit inside them.
    if (!writer.setPageLayout(QPageLayout(
            style.pageSize, QPageLayout::Portrait, QMarginsF(), QPageLayout::Millimeter))) {
        return makeError(Error::Code::Internal, tr("The page size could not be set."));
    }

    const QRectF page(0, 0, writer.width(), writer.height());
    const QRectF body = page.adjusted(fromMm(style.marginsMm.left()), fromMm(style.marginsMm.top()),
        -fromMm(style.marginsMm.right()), -fromMm(style.marginsMm.bottom()));
    const QRectF footerArea(body.left(), body.bottom() + fromMm(5), body.width(),
        page.bottom() - body.bottom() - fromMm(5));

    QTextDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    document.setDefaultFont(style.font);
    document.setDocumentMargin(0);
    // Like HTML lengths, the indent is in CSS pixels that the layout scales to the device.
    document.setIndentWidth(30 * cssPixelsPerInch / pointsPerInch);
    load(document, html);
    if (prepare)
        prepare(document);
    document.setPageSize(body.size());
    keepWithNextOnSamePage(document, body.height());
    const int pageCount = document.pageCount();
    const QStringList continued = continuedHeadings(document, body.height(), pageCount);

    QPainter painter;
    if (!painter.begin(&writer))
        return makeError(Error::Code::Io, tr("The PDF could not be started."));

    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, style.textColour);
    for (int index = 0; index < pageCount; ++index) {
        if (index > 0 && !writer.newPage()) {
            painter.end();
            return makeError(Error::Code::Io, tr("A new page could not be added to the PDF."));
        }
        if (style.cardFrame)
            drawCardFrame(painter, page, style);

        painter.save();
        const QRectF slice(0, index * body.height(), body.width(), body.height());
        painter.translate(body.left(), body.top() - slice.top());
        // Clip only above and below: list numbers hang into the left margin.
        painter.setClipRect(slice.adjusted(-body.left(), 0, page.width() - body.right(), 0));
        context.clip = slice;
        document.documentLayout()->draw(&painter, context);
        painter.restore();

        if (!continued.at(index).isEmpty()) {
            //: Above a page that carries on the section named by %1.
            drawContinued(painter, body, style, tr("%1 (continued)").arg(continued.at(index)));
        }
        drawFooter(
            painter, footerArea, style, footer, tr("Page %1 of %2").arg(index + 1).arg(pageCount));
    }
    if (!painter.end())
        return makeError(Error::Code::Io, tr("The PDF could not be finished."));
    return pageCount;
}

} // namespace doorstep
