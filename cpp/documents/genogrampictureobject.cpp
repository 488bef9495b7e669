#include "documents/genogrampictureobject.h"

#include "documents/textobjectimages.h"
#include "genogram/ecomappainter.h"
#include "genogram/genogramlegend.h"
#include "genogram/genogrampainter.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>
#include <QTextImageFormat>
#include <utility>

namespace doorstep
{

namespace
{

// In points: a symbol of the key, the gap above the key, the tallest a picture may be.
constexpr double legendUnit = 13.0;
constexpr double legendGap = 10.0;
constexpr double maxPictureHeight = 520.0;

const QString fontFamily = QStringLiteral("DejaVu Sans");
const QLatin1String genogramName("doorstep-genogram:genogram");
const QLatin1String ecomapName("doorstep-genogram:ecomap");

// The picture's height for its width, and its key's size, in points.
QSizeF pictureSize(const QRectF &units, const QList<GenogramLegend::Entry> &legend, double width)
{
    const double picture
        = units.isEmpty() ? 0 : qMin(maxPictureHeight, width * units.height() / units.width());
    const QSizeF key = GenogramLegend::size(legend, legendUnit, width, fontFamily);
    return QSizeF(width, picture + (key.isEmpty() ? 0 : legendGap + key.height()));
}

EcomapLayout ecomapLayout(const FamilyPlanDocument::EcomapPicture &picture)
{
    return EcomapLayout::layout(picture.familyLabel, picture.links, picture.members);
}

} // namespace

GenogramPictureObject::GenogramPictureObject(
    std::optional<FamilyPlanDocument::GenogramPicture> genogram,
    std::optional<FamilyPlanDocument::EcomapPicture> ecomap, QObject *parent)
    : QObject(parent)
    , m_genogram(std::move(genogram))
{
    if (ecomap)
        m_ecomap = ecomapLayout(*ecomap);
}

QString GenogramPictureObject::genogramImageName()
{
    return genogramName;
}

QString GenogramPictureObject::ecomapImageName()
{
    return ecomapName;
}

QSizeF GenogramPictureObject::genogramSize(
    const FamilyPlanDocument::GenogramPicture &picture, double width)
{
    return pictureSize(GenogramPainter::paintedBounds(picture.layout),
        GenogramLegend::usedEntries(picture.genogram), width);
}

QSizeF GenogramPictureObject::ecomapSize(
    const FamilyPlanDocument::EcomapPicture &picture, double width)
{
    return pictureSize(ecomapLayout(picture).bounds, GenogramLegend::ecomapEntries(), width);
}

void GenogramPictureObject::install(QTextDocument &document)
{
    TextObjectImages::install(document, objectType, this,
        [](const QString &name) { return name == genogramName || name == ecomapName; });
}

QSizeF GenogramPictureObject::intrinsicSize(
    QTextDocument *document, int position, const QTextFormat &format)
{
    Q_UNUSED(position)
    const QTextImageFormat image = format.toImageFormat();
    const double scale = TextObjectImages::perCssPixel(document->documentLayout()->paintDevice());
    return QSizeF(image.width() * scale, image.height() * scale);
}

void GenogramPictureObject::drawObject(QPainter *painter, const QRectF &rect,
    QTextDocument *document, int position, const QTextFormat &format)
{
    Q_UNUSED(position)
    const QString name = format.toImageFormat().name();
    const double dotsPerPoint
        = TextObjectImages::perPoint(document->documentLayout()->paintDevice());
    const double unit = legendUnit * dotsPerPoint;
    GenogramPaintOptions options;
    options.fontFamily = fontFamily;

    QRectF units;
    QList<GenogramLegend::Entry> legend;
    if (name == genogramName && m_genogram) {
        units = GenogramPainter::paintedBounds(m_genogram->layout);
        legend = GenogramLegend::usedEntries(m_genogram->genogram);
    } else if (name == ecomapName && m_ecomap) {
        units = m_ecomap->bounds;
        legend = GenogramLegend::ecomapEntries();
    } else {
        return;
    }
    const QSizeF key = GenogramLegend::size(legend, unit, rect.width(), fontFamily);
    const double keyHeight = key.isEmpty() ? 0 : key.height() + legendGap * dotsPerPoint;
    const QRectF area(rect.left(), rect.top(), rect.width(), rect.height() - keyHeight);

    painter->save();
    if (!units.isEmpty() && !area.isEmpty()) {
        options.transform = GenogramPainter::fitTransform(units, area);
        if (name == genogramName)
            GenogramPainter::paint(*painter, m_genogram->genogram, m_genogram->layout, options);
        else
            EcomapPainter::paint(*painter, *m_ecomap, options);
    }
    if (!key.isEmpty()) {
        GenogramLegend::paint(*painter,
            QRectF(QPointF(rect.left(), rect.bottom() - key.height()), key), legend, unit, options);
    }
    painter->restore();
}

} // namespace doorstep
