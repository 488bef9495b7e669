#include "documents/housepictureobject.h"

#include "documents/housepicture.h"

#include <QAbstractTextDocumentLayout>
#include <QPaintDevice>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <utility>

namespace doorstep
{

namespace
{

constexpr double cssPixelsPerInch = 96.0;
constexpr double pointsPerInch = 72.0;
// The card around the picture, as fractions of the card's width.
constexpr double cardPadding = 0.035;
constexpr double cardRadius = 0.05;

const QLatin1String namePrefix("doorstep-house:");

double dotsPerInch(const QPaintDevice *device)
{
    return device ? device->logicalDpiX() : cssPixelsPerInch;
}

// The house an image stands for, or -1 for an image that names none.
int indexOf(const QTextFormat &format)
{
    const QString name = format.toImageFormat().name();
    if (!name.startsWith(namePrefix))
        return -1;
    bool ok = false;
    const int index = name.mid(namePrefix.size()).toInt(&ok);
    return ok ? index : -1;
}

} // namespace

HousePictureObject::HousePictureObject(QList<Framed> houses, QObject *parent)
    : QObject(parent)
    , m_houses(std::move(houses))
{
}

QString HousePictureObject::imageName(int index)
{
    return namePrefix + QString::number(index);
}

void HousePictureObject::install(QTextDocument &document)
{
    document.documentLayout()->registerHandler(objectType, this);
    // Found first, changed after: a changed format may split or join the fragments walked.
    QList<int> positions;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat() && indexOf(format) >= 0)
                positions.append(it.fragment().position());
        }
    }
    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    for (const int position : positions) {
        // An image is one character, the object replacement character.
        cursor.setPosition(position);
        cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
        QTextCharFormat format = cursor.charFormat();
        format.setObjectType(objectType);
        cursor.setCharFormat(format);
    }
    cursor.endEditBlock();
}

QSizeF HousePictureObject::intrinsicSize(
    QTextDocument *document, int position, const QTextFormat &format)
{
    Q_UNUSED(position)
    // As for any HTML image, the width and height are CSS pixels scaled to the device.
    const QTextImageFormat image = format.toImageFormat();
    const double scale = dotsPerInch(document->documentLayout()->paintDevice()) / cssPixelsPerInch;
    const double width = image.width() > 0 ? image.width() : 400.0;
    const double height = image.height() > 0 ? image.height() : width;
    return QSizeF(width * scale, height * scale);
}

void HousePictureObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document,
    int position, const QTextFormat &format)
{
    Q_UNUSED(position)
    const int index = indexOf(format);
    if (index < 0 || index >= m_houses.size())
        return;
    const Framed &framed = m_houses.at(index);
    // The painter's units are the layout's, whatever it paints on: a preview image is painted
    // scaled from the PDF's layout.
    const double dotsPerPoint
        = dotsPerInch(document->documentLayout()->paintDevice()) / pointsPerInch;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(framed.frame);
    pen.setWidthF(2.0 * dotsPerPoint);
    painter->setPen(pen);
    painter->setBrush(Qt::white);
    const double inset = pen.widthF() / 2;
    const QRectF card = rect.adjusted(inset, inset, -inset, -inset);
    const double radius = cardRadius * card.width();
    painter->drawRoundedRect(card, radius, radius);

    // The picture stays square in whatever box the layout gives, centred in the card.
    const double padding = cardPadding * card.width();
    const QRectF inner = card.adjusted(padding, padding, -padding, -padding);
    const double side = qMin(inner.width(), inner.height());
    const QRectF square(inner.center().x() - side / 2, inner.center().y() - side / 2, side, side);
    HousePicture::paint(*painter, square, framed.house);
    painter->restore();
}

} // namespace doorstep
