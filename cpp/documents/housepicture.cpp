#include "documents/housepicture.h"

#include "ink/strokepainter.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <cmath>

namespace doorstep
{

namespace
{

// The symbol's badge in the top left corner, as fractions of the square's side.
constexpr double symbolInset = 0.025;
constexpr double symbolBadge = 0.17;
// The symbol inside its badge, as a fraction of the badge.
constexpr double symbolInBadge = 0.72;

const QColor badgeFill(0xff, 0xff, 0xff, 0xe6);
const QColor badgeBorder(0xb4, 0xbe, 0xc8);

// A coordinate from a damaged record stays on the surface, as the canvas keeps a finger that
// slides off it.
double onSurface(double fraction)
{
    return std::isfinite(fraction) ? qBound(0.0, fraction, 1.0) : 0.5;
}

void renderSvg(QPainter &painter, const QString &path, const QRectF &target)
{
    if (path.isEmpty())
        return;
    QSvgRenderer renderer(path);
    if (renderer.isValid())
        renderer.render(&painter, target);
}

void paintSymbol(QPainter &painter, const QRectF &square, const QString &symbol)
{
    const QString path = HousePicture::stickerPath(symbol);
    if (path.isEmpty())
        return;
    const double side = square.width();
    const QRectF badge(square.left() + symbolInset * side, square.top() + symbolInset * side,
        symbolBadge * side, symbolBadge * side);
    QPen pen(badgeBorder);
    pen.setWidthF(side * 0.006);
    painter.setPen(pen);
    painter.setBrush(badgeFill);
    painter.drawEllipse(badge);
    const double margin = badge.width() * (1 - symbolInBadge) / 2;
    renderSvg(painter, path, badge.adjusted(margin, margin, -margin, -margin));
}

void paintSticker(QPainter &painter, const QRectF &square, const PlacedSticker &sticker)
{
    if (!std::isfinite(sticker.size) || sticker.size <= 0)
        return;
    const double width = qMin(sticker.size, 1.0) * square.width();
    const QPointF centre(square.left() + onSurface(sticker.x) * square.width(),
        square.top() + onSurface(sticker.y) * square.height());
    renderSvg(painter, HousePicture::stickerPath(sticker.sticker),
        QRectF(centre.x() - width / 2, centre.y() - width / 2, width, width));
}

} // namespace

QString HousePicture::usualName(House::Kind kind)
{
    switch (kind) {
    case House::Kind::Worries:
        return tr("House of worries");
    case House::Kind::GoodThings:
        return tr("House of good things");
    case House::Kind::Dreams:
        return tr("House of dreams");
    }
    return {};
}

QString HousePicture::displayName(const House &house)
{
    const QString own = house.name.simplified();
    return own.isEmpty() ? usualName(house.kind) : own;
}

QString HousePicture::darkColour(House::Kind kind)
{
    switch (kind) {
    case House::Kind::Worries:
        return QStringLiteral("#3f6896");
    case House::Kind::GoodThings:
        return QStringLiteral("#2f7a48");
    case House::Kind::Dreams:
        return QStringLiteral("#74509e");
    }
    return QStringLiteral("#2b6a8c");
}

QColor HousePicture::frameColour(House::Kind kind)
{
    switch (kind) {
    case House::Kind::Worries:
        return QColor(0xb8, 0xcc, 0xe4);
    case House::Kind::GoodThings:
        return QColor(0xbd, 0xe2, 0xc6);
    case House::Kind::Dreams:
        return QColor(0xd9, 0xca, 0xee);
    }
    return QColor(0xbf, 0xdd, 0xea);
}

QString HousePicture::artPath(House::Kind kind)
{
    switch (kind) {
    case House::Kind::Worries:
        return QStringLiteral(":/doorstep/assets/three-houses/house-of-worries.svg");
    case House::Kind::GoodThings:
        return QStringLiteral(":/doorstep/assets/three-houses/house-of-good-things.svg");
    case House::Kind::Dreams:
        return QStringLiteral(":/doorstep/assets/three-houses/house-of-dreams.svg");
    }
    return {};
}

QString HousePicture::stickerPath(const QString &sticker)
{
    // A name from a record is only ever a sticker's name, never a way to another resource.
    static const QRegularExpression name(QStringLiteral("^[a-z][a-z0-9-]{0,40}$"));
    if (!name.match(sticker).hasMatch())
        return {};
    return QStringLiteral(":/doorstep/assets/stickers/") + sticker + QStringLiteral(".svg");
}

void HousePicture::paint(QPainter &painter, const QRectF &square, const House &house)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    // The canvas ends at the square's edge; so does what was drawn on it.
    painter.setClipRect(square, Qt::IntersectClip);

    renderSvg(painter, artPath(house.kind), square);
    if (!house.symbol.isEmpty())
        paintSymbol(painter, square, house.symbol);
    for (const Stroke &stroke : house.strokes) {
        QColor colour(stroke.colour);
        if (!colour.isValid())
            colour = Qt::black;
        StrokePainter::paintNormalised(
            painter, square, stroke.points, stroke.pressures, stroke.width, colour);
    }
    // Stickers sit on the ink, as they do on the tablet.
    for (const PlacedSticker &sticker : house.stickers)
        paintSticker(painter, square, sticker);
    painter.restore();
}

Result<QByteArray> HousePicture::png(const House &house, int side)
{
    if (side < minimumSide || side > maximumSide) {
        return makeError(Error::Code::InvalidArgument,
            tr("A house picture must be between %1 and %2 pixels across.")
                .arg(minimumSide)
                .arg(maximumSide));
    }
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        return makeError(Error::Code::Internal,
            tr("There is not enough memory for a house picture this large."));
    }
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter, QRectF(0, 0, side, side), house);
    painter.end();

    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG"))
        return makeError(Error::Code::Internal, tr("The house picture could not be made."));
    buffer.close();
    return bytes;
}

Result<QByteArray> HousePicture::pdf(const House &house, const QString &byline)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return makeError(Error::Code::Internal, tr("The house picture could not be made."));
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(displayName(house));
        writer.setCreator(QStringLiteral("Doorstep"));
        QPainter painter(&writer);
        if (!painter.isActive())
            return makeError(Error::Code::Internal, tr("The house picture could not be made."));
        const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        QFont title = painter.font();
        title.setPixelSize(int(page.width() / 16));
        title.setBold(true);
        painter.setFont(title);
        painter.setPen(QColor(0x1d, 0x35, 0x57));
        QRectF titleBox(page.left(), page.top(), page.width(), page.width() / 10);
        painter.drawText(
            titleBox, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, displayName(house));
        QFont small = painter.font();
        small.setPixelSize(int(page.width() / 34));
        small.setBold(false);
        painter.setFont(small);
        painter.setPen(QColor(0x4a, 0x55, 0x68));
        const QRectF bylineBox(page.left(), titleBox.bottom(), page.width(), page.width() / 18);
        painter.drawText(bylineBox, Qt::AlignLeft | Qt::AlignVCenter, byline);
        const qreal top = bylineBox.bottom() + page.width() / 30;
        const qreal side = std::min(page.width(), page.bottom() - top);
        paint(painter, QRectF(page.left() + (page.width() - side) / 2, top, side, side), house);
    }
    buffer.close();
    return bytes;
}

} // namespace doorstep
