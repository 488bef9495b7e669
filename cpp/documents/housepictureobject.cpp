#include "documents/housepictureobject.h"

#include "documents/housepicture.h"
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

// The card around the picture, as fractions of the card's width.
constexpr double cardPadding = 0.035;
constexpr double cardRadius = 0.05;

const QLatin1String namePrefix("doorstep-house:");

// The house an image's name stands for, or -1 for a name that names none.
int indexOf(const QString &name)
{
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
    TextObjectImages::install(
        document, objectType, this, [](const QString &name) { return indexOf(name) >= 0; });
}

QSizeF HousePictureObject::intrinsicSize(
    QTextDocument *document, int position, const QTextFormat &format)
{
    Q_UNUSED(position)
    // As for any HTML image, the width and height are CSS pixels scaled to the device.
    const QTextImageFormat image = format.toImageFormat();
    const double scale = TextObjectImages::perCssPixel(document->documentLayout()->paintDevice());
    const double width = image.width() > 0 ? image.width() : 400.0;
    const double height = image.height() > 0 ? image.height() : width;
    return QSizeF(width * scale, height * scale);
}

void HousePictureObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document,
    int position, const QTextFormat &format)
{
    Q_UNUSED(position)
    const int index = indexOf(format.toImageFormat().name());
    if (index < 0 || index >= m_houses.size())
        return;
    const Framed &framed = m_houses.at(index);
    // The painter's units are the layout's, whatever it paints on: a preview image is painted
    // scaled from the PDF's layout.
    const double dotsPerPoint
        = TextObjectImages::perPoint(document->documentLayout()->paintDevice());

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
