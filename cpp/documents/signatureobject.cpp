#include "documents/signatureobject.h"

#include "documents/consentformdocument.h"
#include "documents/textobjectimages.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>
#include <QTextImageFormat>
#include <utility>

namespace doorstep
{

namespace
{

// The ink the tablet's signature pad draws in (SignedConsent's colour).
const QColor ink(0x1f, 0x23, 0x28);
const QColor border(0x8a, 0x96, 0xa3);
const QColor signingLine(0xc8, 0xcf, 0xd6);
const QColor mutedText(0x55, 0x55, 0x55);

// Points outside the unit square would come only from a damaged record: they stay on the
// edge, as the pad keeps a finger that slides off it.
QPointF placed(const QPointF &point, const QRectF &box)
{
    return QPointF(box.left() + qBound(0.0, point.x(), 1.0) * box.width(),
        box.top() + qBound(0.0, point.y(), 1.0) * box.height());
}

// A path drops a line of no length, so a touch that did not move is drawn as a dot instead.
bool isTap(const QList<QPointF> &stroke)
{
    const QRectF unit(0, 0, 1, 1);
    for (const QPointF &point : stroke) {
        if (placed(point, unit) != placed(stroke.first(), unit))
            return false;
    }
    return true;
}

} // namespace

SignatureObject::SignatureObject(QList<QList<QPointF>> strokes, QFont font, QObject *parent)
    : QObject(parent)
    , m_strokes(std::move(strokes))
    , m_font(std::move(font))
{
}

QString SignatureObject::imageName()
{
    return QStringLiteral("doorstep-signature:");
}

void SignatureObject::install(QTextDocument &document)
{
    TextObjectImages::install(
        document, objectType, this, [](const QString &name) { return name == imageName(); });
}

QPainterPath SignatureObject::path(const QList<QList<QPointF>> &strokes, const QRectF &box)
{
    QPainterPath path;
    for (const auto &stroke : strokes) {
        if (isTap(stroke))
            continue;
        path.moveTo(placed(stroke.first(), box));
        for (qsizetype index = 1; index < stroke.size(); ++index)
            path.lineTo(placed(stroke.at(index), box));
    }
    return path;
}

QList<QPointF> SignatureObject::taps(const QList<QList<QPointF>> &strokes, const QRectF &box)
{
    QList<QPointF> dots;
    for (const auto &stroke : strokes) {
        if (!stroke.isEmpty() && isTap(stroke))
            dots.append(placed(stroke.first(), box));
    }
    return dots;
}

QSizeF SignatureObject::intrinsicSize(
    QTextDocument *document, int position, const QTextFormat &format)
{
    Q_UNUSED(position)
    // As for any HTML image, the width and height are CSS pixels scaled to the device.
    const QTextImageFormat image = format.toImageFormat();
    const double scale = TextObjectImages::perCssPixel(document->documentLayout()->paintDevice());
    const double width = image.width() > 0 ? image.width() : 360.0;
    const double height
        = image.height() > 0 ? image.height() : width / ConsentFormDocument::signatureAspectRatio;
    return QSizeF(width * scale, height * scale);
}

void SignatureObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document,
    int position, const QTextFormat &format)
{
    Q_UNUSED(document)
    Q_UNUSED(position)
    Q_UNUSED(format)
    const double dotsPerPoint = TextObjectImages::perPoint(painter->device());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // Where to sign, as on the pad: a line across the lower part of the box.
    QPen linePen(signingLine);
    linePen.setWidthF(0.75 * dotsPerPoint);
    painter->setPen(linePen);
    const double lineY = rect.top() + rect.height() * 0.75;
    painter->drawLine(QPointF(rect.left() + rect.width() * 0.05, lineY),
        QPointF(rect.right() - rect.width() * 0.05, lineY));

    const QPainterPath strokes = path(m_strokes, rect);
    const QList<QPointF> dots = taps(m_strokes, rect);
    if (strokes.isEmpty() && dots.isEmpty()) {
        painter->setFont(m_font);
        painter->setPen(mutedText);
        painter->drawText(rect, Qt::AlignCenter, tr("Not signed"));
    } else {
        QPen pen(ink);
        pen.setWidthF(ConsentFormDocument::signaturePenWidth * rect.width());
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        painter->save();
        // The pad clips what is drawn at its edge; so does the box.
        painter->setClipRect(rect, Qt::IntersectClip);
        painter->strokePath(strokes, pen);
        painter->setPen(Qt::NoPen);
        painter->setBrush(ink);
        for (const QPointF &dot : dots)
            painter->drawEllipse(dot, pen.widthF() / 2, pen.widthF() / 2);
        painter->restore();
    }

    QPen boxPen(border);
    boxPen.setWidthF(1.0 * dotsPerPoint);
    painter->setPen(boxPen);
    painter->setBrush(Qt::NoBrush);
    const double inset = boxPen.widthF() / 2;
    painter->drawRect(rect.adjusted(inset, inset, -inset, -inset));
    painter->restore();
}

} // namespace doorstep
