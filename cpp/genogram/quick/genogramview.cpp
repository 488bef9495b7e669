#include "genogram/quick/genogramview.h"

#include "genogram/ecomappainter.h"
#include "genogram/genogrampainter.h"
#include "genogram/genogramscene.h"

#include <QPainter>
#include <algorithm>

namespace doorstep
{

namespace
{

// Room left around the drawing when it is fitted, in pixels.
constexpr qreal FitMargin = 24.0;
// How near a finger must come to a line to pick it, in pixels: about half a fingertip.
constexpr qreal TouchTolerance = 14.0;

} // namespace

GenogramView::GenogramView(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    setFillColor(Qt::white);
}

void GenogramView::setScene(GenogramScene *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (m_scene) {
        connect(m_scene, &GenogramScene::changed, this, &GenogramView::onSceneChanged);
        connect(m_scene, &GenogramScene::ecomapChanged, this, &GenogramView::onSceneChanged);
    }
    m_fitted = false;
    Q_EMIT sceneChanged();
    onSceneChanged();
}

void GenogramView::setShowEcomap(bool show)
{
    if (m_showEcomap == show)
        return;
    m_showEcomap = show;
    Q_EMIT showEcomapChanged();
    fitAll();
}

void GenogramView::setSelectedPersonId(const QString &id)
{
    if (m_selectedPersonId == id)
        return;
    m_selectedPersonId = id;
    Q_EMIT selectionChanged();
    update();
}

void GenogramView::setSelectedRelationId(const QString &id)
{
    if (m_selectedRelationId == id)
        return;
    m_selectedRelationId = id;
    Q_EMIT selectionChanged();
    update();
}

void GenogramView::setSelectedLinkId(const QString &id)
{
    if (m_selectedLinkId == id)
        return;
    m_selectedLinkId = id;
    Q_EMIT selectionChanged();
    update();
}

void GenogramView::setHighlightSupport(bool highlight)
{
    if (m_highlightSupport == highlight)
        return;
    m_highlightSupport = highlight;
    Q_EMIT highlightSupportChanged();
    update();
}

QRectF GenogramView::contentBounds() const
{
    if (!m_scene)
        return {};
    return m_showEcomap ? m_scene->ecomapBounds() : m_scene->bounds();
}

qreal GenogramView::fitScale() const
{
    const QRectF bounds = contentBounds();
    if (bounds.isNull() || width() <= 2 * FitMargin || height() <= 2 * FitMargin)
        return MaximumUnitSize;
    const qreal across = (width() - 2 * FitMargin) / std::max<qreal>(bounds.width(), 1.0);
    const qreal down = (height() - 2 * FitMargin) / std::max<qreal>(bounds.height(), 1.0);
    return std::min({ across, down, MaximumUnitSize });
}

qreal GenogramView::unitSize() const
{
    return m_scale;
}

qreal GenogramView::zoom() const
{
    return m_scale / fitScale();
}

QTransform GenogramView::transform() const
{
    QTransform t;
    t.translate(m_origin.x(), m_origin.y());
    t.scale(m_scale, m_scale);
    return t;
}

QPointF GenogramView::toUnits(QPointF itemPoint) const
{
    return transform().inverted().map(itemPoint);
}

QPointF GenogramView::toItem(QPointF unitPoint) const
{
    return transform().map(unitPoint);
}

QString GenogramView::personAt(QPointF itemPoint) const
{
    if (!m_scene || m_showEcomap)
        return {};
    return m_scene->personAt(toUnits(itemPoint));
}

QString GenogramView::relationAt(QPointF itemPoint) const
{
    if (!m_scene || m_showEcomap)
        return {};
    return m_scene->relationAt(toUnits(itemPoint), TouchTolerance / unitSize());
}

QString GenogramView::linkAt(QPointF itemPoint) const
{
    if (!m_scene || !m_showEcomap)
        return {};
    return m_scene->linkAt(toUnits(itemPoint), TouchTolerance / unitSize());
}

void GenogramView::zoomAbout(qreal factor, QPointF itemPoint)
{
    if (!(factor > 0))
        return;
    const qreal fit = fitScale();
    const qreal scale = std::clamp(m_scale * factor, fit * MinimumZoom, fit * MaximumZoom);
    if (scale == m_scale)
        return;
    const QPointF under = toUnits(itemPoint);
    m_scale = scale;
    m_moved = true;
    // Keep `under` at itemPoint.
    m_origin = itemPoint - under * m_scale;
    keepInView();
    Q_EMIT viewChanged();
    update();
}

void GenogramView::panBy(qreal dx, qreal dy)
{
    m_origin += QPointF(dx, dy);
    m_moved = true;
    keepInView();
    Q_EMIT viewChanged();
    update();
}

void GenogramView::fitAll()
{
    const QRectF bounds = contentBounds();
    m_scale = fitScale();
    m_origin = QPointF(width() / 2, height() / 2) - bounds.center() * m_scale;
    m_fitted = !bounds.isNull();
    m_moved = false;
    Q_EMIT viewChanged();
    update();
}

void GenogramView::showPerson(const QString &personId)
{
    if (!m_scene || m_showEcomap)
        return;
    const auto position = m_scene->layout().position(personId);
    if (!position)
        return;
    const QPointF at = toItem(*position);
    const QRectF visible
        = QRectF(0, 0, width(), height())
              .adjusted(FitMargin * 2, FitMargin * 2, -FitMargin * 2, -FitMargin * 2);
    if (visible.contains(at))
        return;
    m_origin += QPointF(width() / 2, height() / 2) - at;
    keepInView();
    Q_EMIT viewChanged();
    update();
}

// Some of the drawing always stays on screen, so a wild pan cannot lose it.
void GenogramView::keepInView()
{
    const QRectF shown = transform().mapRect(contentBounds());
    if (shown.isNull())
        return;
    const qreal keep = std::min<qreal>(FitMargin * 3, std::min(width(), height()) / 4);
    QPointF shift;
    if (shown.right() < keep)
        shift.rx() = keep - shown.right();
    else if (shown.left() > width() - keep)
        shift.rx() = width() - keep - shown.left();
    if (shown.bottom() < keep)
        shift.ry() = keep - shown.bottom();
    else if (shown.top() > height() - keep)
        shift.ry() = height() - keep - shown.top();
    m_origin += shift;
}

void GenogramView::onSceneChanged()
{
    // The first drawing is fitted; after that an edit keeps the view where the practitioner
    // has it, since the layout moves as few people as it can.
    if (!m_fitted) {
        fitAll();
        return;
    }
    keepInView();
    Q_EMIT viewChanged();
    update();
}

void GenogramView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() == oldGeometry.size())
        return;
    if (!m_fitted || !m_moved) {
        fitAll();
        return;
    }
    m_origin += QPointF((newGeometry.width() - oldGeometry.width()) / 2,
        (newGeometry.height() - oldGeometry.height()) / 2);
    Q_EMIT viewChanged();
}

void GenogramView::paint(QPainter *painter)
{
    if (!m_scene)
        return;
    GenogramPaintOptions options;
    options.transform = transform();
    // The support network is the genogram's; the ecomap shows every link as it is.
    options.highlightSupport = m_highlightSupport && !m_showEcomap;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    if (m_showEcomap) {
        options.selectedRelationId = m_selectedLinkId;
        EcomapPainter::paint(*painter, m_scene->ecomap(), options);
    } else {
        options.selectedPersonId = m_selectedPersonId;
        options.selectedRelationId = m_selectedRelationId;
        GenogramPainter::paint(*painter, m_scene->genogram(), m_scene->layout(), options);
    }
}

} // namespace doorstep
