#include "documents/lettertochildpages.h"

#include "documents/documenthtml.h"
#include "documents/housepicture.h"
#include "documents/housepictureobject.h"
#include "documents/lettertochilddocument.h"
#include "documents/pageddocument.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <cmath>

namespace doorstep
{

namespace
{

// Every piece of text below reaches the HTML through escaped() and plain concatenation, never
// through QString::arg() after other text: a name holding "%1" must print as written too.

constexpr double millimetresPerInch = 25.4;
constexpr double pointsPerInch = 72.0;

// Wide margins and a frame drawn inside them: a letter with room to breathe. The bottom
// margin holds the footer.
const QMarginsF marginsMm(24, 24, 24, 36);
constexpr double frameInsetMm = 9;
constexpr double frameRadiusMm = 7;
// A house's card: big enough for a child's drawing to be seen, small enough for the heading
// above and the first words below to share its page.
constexpr double pictureMm = 100;

// Soft colours, each still dark enough to read on white.
const QColor textColour(0x26, 0x32, 0x3c);
const QString headingColour = QStringLiteral("#2b6a8c");
const QString mutedColour = QStringLiteral("#5c6975");
const QColor frameColour(0xbf, 0xdd, 0xea);
const QColor footerColour(0x5c, 0x69, 0x75);
const QColor footerRule(0xcf, 0xdf, 0xe8);

double fromMm(double millimetres)
{
    return millimetres / millimetresPerInch * PagedDocument::dotsPerInch;
}

double fromPoints(double points)
{
    return points / pointsPerInch * PagedDocument::dotsPerInch;
}

QString px(double points)
{
    return PagedDocument::px(points);
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString keepWithNext()
{
    return QStringLiteral("-qt-user-state: %1;").arg(PagedDocument::keepWithNextState);
}

QString paragraph(const QString &text, const QString &cssClass, const QString &style = QString())
{
    return QStringLiteral("<p class=\"") + cssClass + QLatin1Char('"')
        + (style.isEmpty() ? QString() : QStringLiteral(" style=\"") + style + QLatin1Char('"'))
        + QLatin1Char('>') + escaped(text) + QStringLiteral("</p>\n");
}

QString longDate(const QDate &date)
{
    if (!date.isValid())
        return QString();
    //: How dates are written in the letter to a child (QDate::toString format).
    return QLocale().toString(date, LetterToChildPages::tr("d MMMM yyyy", "date format"));
}

// One line for a house the child keeps to themselves. It names the house by its kind only:
// the name the child gave it could say what is in it.
QString privateLine(House::Kind kind)
{
    switch (kind) {
    case House::Kind::Worries:
        return LetterToChildPages::tr("You chose to keep your house of worries private.");
    case House::Kind::GoodThings:
        return LetterToChildPages::tr("You chose to keep your house of good things private.");
    case House::Kind::Dreams:
        return LetterToChildPages::tr("You chose to keep your house of dreams private.");
    }
    return {};
}

QString houseHtml(const House &house, int pictureIndex, const QString &practitioner)
{
    const QString colour = HousePicture::darkColour(house.kind);
    QString html = QStringLiteral("<h2 style=\"color: ") + colour + QStringLiteral(";\">")
        + escaped(HousePicture::displayName(house)) + QStringLiteral("</h2>\n");
    const int side = PagedDocument::cssPixels(pictureMm / millimetresPerInch * pointsPerInch);
    html += QStringLiteral("<p class=\"picture\" align=\"center\"><img src=\"")
        + HousePictureObject::imageName(pictureIndex) + QStringLiteral("\" width=\"")
        + QString::number(side) + QStringLiteral("\" height=\"") + QString::number(side)
        + QStringLiteral("\"/></p>\n");

    for (const HouseWords &words : house.words) {
        if (words.words.trimmed().isEmpty())
            continue;
        const bool scribed = words.writtenBy == HouseWords::WrittenBy::PractitionerScribing;
        // The question the child answered comes first and stays with the answer.
        if (!words.prompt.trimmed().isEmpty()) {
            html += paragraph(words.prompt.simplified(), QStringLiteral("prompt"),
                QStringLiteral("color: ") + colour + QLatin1Char(';') + keepWithNext());
        }
        html += DocumentHtml::ownWords(words.words, QStringLiteral("answer"), true, scribed);
        if (scribed) {
            html += paragraph(practitioner.isEmpty()
                    ? LetterToChildPages::tr("(Written down for you)")
                    : LetterToChildPages::tr("(Written down for you by %1)").arg(practitioner),
                QStringLiteral("scribe"));
        }
    }
    return html;
}

QString styleSheet(double body)
{
    const QString rules[] = {
        QStringLiteral("h1 { font-size: %1pt; color: %2; margin-top: 0; margin-bottom: %3; }")
            .arg(body * 1.9)
            .arg(headingColour, px(body * 0.3)),
        QStringLiteral("h2 { font-size: %1pt; margin-top: %2; margin-bottom: %3; }")
            .arg(body * 1.4)
            .arg(px(body * 1.8), px(body * 0.6)),
        QStringLiteral("p { margin-top: 0; margin-bottom: %1; line-height: 130%; }")
            .arg(px(body * 0.6)),
        QStringLiteral("p.date { color: %1; margin-bottom: %2; }").arg(mutedColour, px(body * 1.6)),
        QStringLiteral("p.greeting { font-size: %1pt; margin-bottom: %2; }")
            .arg(body * 1.15)
            .arg(px(body * 0.9)),
        QStringLiteral("p.intro { margin-top: %1; }").arg(px(body * 0.6)),
        // A picture is one line: the 130% of text would leave a gap a third its height below.
        QStringLiteral("p.picture { line-height: 100%; margin-bottom: %1; }").arg(px(body * 0.9)),
        QStringLiteral("p.prompt { font-weight: bold; margin-top: %1; margin-bottom: %2; }")
            .arg(px(body * 0.5), px(body * 0.25)),
        QStringLiteral("p.answer { font-size: %1pt; margin-bottom: %2; }")
            .arg(body * 1.15)
            .arg(px(body * 0.35)),
        QStringLiteral("p.scribe { font-size: %1pt; color: %2; margin-bottom: %3; }")
            .arg(body * 0.8)
            .arg(mutedColour, px(body * 0.6)),
        QStringLiteral("p.private { margin-top: %1; margin-bottom: 0; }").arg(px(body * 0.3)),
        QStringLiteral("p.closing { margin-top: %1; }").arg(px(body * 1.8)),
        QStringLiteral("p.signature { font-weight: bold; margin-bottom: %1; }")
            .arg(px(body * 0.15)),
    };
    QString sheet = QStringLiteral("<style>\n");
    for (const QString &rule : rules)
        sheet += rule + QLatin1Char('\n');
    return sheet + QStringLiteral("</style>\n");
}

QString letterHtml(const LetterToChildDocument &letter, const QList<House> &shared,
    const QList<House::Kind> &kept, double bodyPoints)
{
    const QString child = letter.childFirstName.simplified();
    const QString practitioner = letter.practitionerName.simplified();
    QString body;
    body += QStringLiteral("<h1>") + escaped(LetterToChildPages::tr("A letter for %1").arg(child))
        + QStringLiteral("</h1>\n");
    if (letter.writtenOn.isValid())
        body += paragraph(longDate(letter.writtenOn), QStringLiteral("date"));
    body += paragraph(LetterToChildPages::tr("Dear %1,").arg(child), QStringLiteral("greeting"));
    body += DocumentHtml::ownWords(letter.message, QStringLiteral("message"), false);

    if (!shared.isEmpty()) {
        // Introduces the first house, so goes to its page with it.
        body += paragraph(LetterToChildPages::tr("Here are your houses, just as you made them."),
            QStringLiteral("intro"), keepWithNext());
    }
    for (qsizetype index = 0; index < shared.size(); ++index)
        body += houseHtml(shared.at(index), int(index), practitioner);
    for (qsizetype index = 0; index < kept.size(); ++index) {
        // The first stands apart from the words of the house before it.
        body += paragraph(privateLine(kept.at(index)), QStringLiteral("private"),
            index == 0 ? QStringLiteral("margin-top: ") + px(bodyPoints * 1.4) + QLatin1Char(';')
                       : QString());
    }

    const QString service = letter.serviceName.simplified();
    body += paragraph(
        LetterToChildPages::tr("With best wishes,"), QStringLiteral("closing"), keepWithNext());
    if (!practitioner.isEmpty())
        body += paragraph(practitioner, QStringLiteral("signature"), keepWithNext());
    body += paragraph(service.isEmpty()
            ? LetterToChildPages::tr("Your family worker")
            : LetterToChildPages::tr("Your family worker at %1").arg(service),
        QStringLiteral("role"));

    return QStringLiteral("<html><head>") + styleSheet(bodyPoints)
        + QStringLiteral("</head><body>\n") + body + QStringLiteral("</body></html>\n");
}

bool keptWithNext(const QTextBlock &block)
{
    return block.blockFormat().headingLevel() > 0
        || block.userState() == PagedDocument::keepWithNextState;
}

int pageOf(qreal y, qreal pageHeight)
{
    return static_cast<int>(std::floor(y / pageHeight));
}

// The bottom of a block's first line in document coordinates.
qreal firstLineBottom(QAbstractTextDocumentLayout *layout, const QTextBlock &block)
{
    const QRectF rect = layout->blockBoundingRect(block);
    const QTextLayout *lines = block.layout();
    if (!lines || lines->lineCount() == 0)
        return rect.bottom();
    return rect.top() + lines->lineAt(0).rect().bottom();
}

// As PagedDocument does: QTextDocument's pagination moves a line (a picture is one) that would
// straddle a page, but knows nothing of headings. When a block to keep with the next one ends
// a page, the run of such blocks it belongs to moves to the next page together, so a house's
// name is never parted from its picture, nor a question from its answer.
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

QFont letterFont(double points)
{
    // DejaVu Sans is wide and open, easy for a young reader; other scripts fall back through
    // the system's fonts.
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    return font;
}

bool setUpPdf(QPdfWriter &writer)
{
    writer.setResolution(PagedDocument::dotsPerInch);
    writer.setCreator(QStringLiteral("Doorstep"));
    // Margins are drawn by hand so the frame and footer may sit inside them.
    return writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(), QPageLayout::Millimeter));
}

void drawFrame(QPainter &painter, const QRectF &page)
{
    const qreal inset = fromMm(frameInsetMm);
    const qreal radius = fromMm(frameRadiusMm);
    QPen pen(frameColour);
    pen.setWidthF(fromPoints(2.5));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(page.adjusted(inset, inset, -inset, -inset), radius, radius);
    painter.restore();
}

void drawFooter(QPainter &painter, const QRectF &area, const QFont &bodyFont, const QString &footer,
    const QString &pageNumber)
{
    // A size in the page's dots rather than points: points would be resolved against the
    // device painted on, and a preview image is painted scaled from the PDF's dots.
    QFont font = bodyFont;
    font.setPixelSize(qRound(fromPoints(11)));
    painter.save();
    painter.setFont(font);
    const QFontMetricsF metrics(font);

    QPen rule(footerRule);
    rule.setWidthF(fromPoints(1));
    painter.setPen(rule);
    painter.drawLine(area.topLeft(), area.topRight());

    painter.setPen(footerColour);
    const qreal gap = fromMm(6);
    const qreal numberWidth = metrics.horizontalAdvance(pageNumber) + 1;
    const QRectF text(area.left(), area.top() + fromMm(2.5), area.width(), area.height());
    // The footer reads from the side the language starts on.
    const bool rightToLeft = QGuiApplication::isRightToLeft();
    const QRectF numberRect = rightToLeft
        ? QRectF(text.left(), text.top(), numberWidth, text.height())
        : QRectF(text.right() - numberWidth, text.top(), numberWidth, text.height());
    const QRectF footerRect = rightToLeft
        ? QRectF(text.left() + numberWidth + gap, text.top(), text.width() - numberWidth - gap,
            text.height())
        : QRectF(text.left(), text.top(), text.width() - numberWidth - gap, text.height());
    const Qt::Alignment leading = rightToLeft ? Qt::AlignRight : Qt::AlignLeft;
    painter.setLayoutDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    // A long family name wraps onto a second line rather than run into the page number.
    painter.drawText(
        footerRect, Qt::AlignAbsolute | leading | Qt::AlignTop | Qt::TextWordWrap, footer);
    painter.drawText(numberRect, Qt::AlignAbsolute | Qt::AlignHCenter | Qt::AlignTop, pageNumber);
    painter.restore();
}

} // namespace

struct LetterToChildPages::Layout {
    QString title;
    QString footer;
    QFont font;
    QRectF page;
    QRectF body;
    QRectF footerArea;
    int pageCount = 0;
    // The layout is made against a PDF device, never painted on, whatever the pages are then
    // painted on: the preview's pages are the PDF's.
    QByteArray unused;
    QBuffer unusedBuffer { &unused };
    std::unique_ptr<QPdfWriter> device;
    std::unique_ptr<HousePictureObject> pictures;
    // Last, so it goes first: its layout points to the device and the pictures.
    std::unique_ptr<QTextDocument> document;
};

LetterToChildPages::LetterToChildPages(std::unique_ptr<Layout> layout)
    : m_layout(std::move(layout))
{
}

LetterToChildPages::LetterToChildPages(LetterToChildPages &&other) noexcept = default;
LetterToChildPages &LetterToChildPages::operator=(LetterToChildPages &&other) noexcept = default;
LetterToChildPages::~LetterToChildPages() = default;

Result<LetterToChildPages> LetterToChildPages::layOut(const LetterToChildDocument &letter)
{
    const QString child = letter.childFirstName.simplified();
    if (child.isEmpty()) {
        return makeError(Error::Code::InvalidArgument,
            tr("Write the child's first name: the letter is addressed to them."));
    }

    auto layout = std::make_unique<Layout>();
    layout->title = tr("A letter for %1").arg(child);
    const QString family = letter.familyName.simplified();
    layout->footer = family.isEmpty()
        ? tr("This letter is for %1 to keep.").arg(child)
        : tr("This letter is for %1 in the %2 family to keep.").arg(child, family);
    // Bigger still for children just learning to read.
    const bool young = letter.childAge && *letter.childAge < 8;
    const double bodyPoints = young ? 18 : 16;
    layout->font = letterFont(bodyPoints);

    layout->device = std::make_unique<QPdfWriter>(&layout->unusedBuffer);
    if (!setUpPdf(*layout->device))
        return makeError(Error::Code::Internal, tr("The page size could not be set."));
    layout->page = QRectF(0, 0, layout->device->width(), layout->device->height());
    layout->body = layout->page.adjusted(fromMm(marginsMm.left()), fromMm(marginsMm.top()),
        -fromMm(marginsMm.right()), -fromMm(marginsMm.bottom()));
    layout->footerArea = QRectF(
        layout->body.left(), layout->body.bottom() + fromMm(9), layout->body.width(), fromMm(12));

    // What the child keeps private goes no further than its kind.
    QList<House> shared;
    QList<House::Kind> kept;
    QList<HousePictureObject::Framed> framed;
    for (const House &house : letter.houses) {
        if (house.shareAllowed) {
            shared.append(house);
            framed.append({ house, HousePicture::frameColour(house.kind) });
        } else {
            kept.append(house.kind);
        }
    }
    layout->pictures = std::make_unique<HousePictureObject>(std::move(framed));

    layout->document = std::make_unique<QTextDocument>();
    QTextDocument &document = *layout->document;
    document.documentLayout()->setPaintDevice(layout->device.get());
    document.setDefaultFont(layout->font);
    document.setDocumentMargin(0);
    PagedDocument::load(document, letterHtml(letter, shared, kept, bodyPoints));
    layout->pictures->install(document);
    document.setPageSize(layout->body.size());
    keepWithNextOnSamePage(document, layout->body.height());
    layout->pageCount = document.pageCount();
    return LetterToChildPages(std::move(layout));
}

int LetterToChildPages::pageCount() const
{
    return m_layout->pageCount;
}

QSizeF LetterToChildPages::pageSize() const
{
    return m_layout->page.size();
}

QString LetterToChildPages::title() const
{
    return m_layout->title;
}

void LetterToChildPages::paintPage(QPainter &painter, int index) const
{
    Q_ASSERT(index >= 0 && index < m_layout->pageCount);
    const Layout &layout = *m_layout;
    painter.save();
    drawFrame(painter, layout.page);

    painter.save();
    const QRectF slice(0, index * layout.body.height(), layout.body.width(), layout.body.height());
    painter.translate(layout.body.left(), layout.body.top() - slice.top());
    painter.setClipRect(slice, Qt::IntersectClip);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, textColour);
    context.clip = slice;
    layout.document->documentLayout()->draw(&painter, context);
    painter.restore();

    //: At the foot of every page of the letter to a child.
    drawFooter(painter, layout.footerArea, layout.font, layout.footer,
        tr("Page %1 of %2").arg(index + 1).arg(layout.pageCount));
    painter.restore();
}

Result<void> LetterToChildPages::writePdf(QIODevice *device) const
{
    Q_ASSERT(device && device->isWritable());
    QPdfWriter writer(device);
    if (!setUpPdf(writer))
        return makeError(Error::Code::Internal, tr("The page size could not be set."));
    writer.setTitle(m_layout->title);

    QPainter painter;
    if (!painter.begin(&writer))
        return makeError(Error::Code::Io, tr("The PDF could not be started."));
    for (int index = 0; index < m_layout->pageCount; ++index) {
        if (index > 0 && !writer.newPage()) {
            painter.end();
            return makeError(Error::Code::Io, tr("A new page could not be added to the PDF."));
        }
        paintPage(painter, index);
    }
    if (!painter.end())
        return makeError(Error::Code::Io, tr("The PDF could not be finished."));
    return {};
}

Result<QList<QImage>> LetterToChildPages::images(int pageWidth) const
{
    if (pageWidth < minimumPageWidth || pageWidth > maximumPageWidth) {
        return makeError(Error::Code::InvalidArgument,
            tr("A page of the letter must be shown between %1 and %2 pixels wide.")
                .arg(minimumPageWidth)
                .arg(maximumPageWidth));
    }
    const qreal scale = pageWidth / m_layout->page.width();
    const QSize size(pageWidth, qRound(m_layout->page.height() * scale));
    QList<QImage> pages;
    for (int index = 0; index < m_layout->pageCount; ++index) {
        QImage image(size, QImage::Format_RGB32);
        if (image.isNull()) {
            return makeError(
                Error::Code::Internal, tr("There is not enough memory to show the letter."));
        }
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHints(
            QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        painter.scale(scale, scale);
        paintPage(painter, index);
        painter.end();
        pages.append(image);
    }
    return pages;
}

} // namespace doorstep
