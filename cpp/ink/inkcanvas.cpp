#include "ink/inkcanvas.h"

#include "ink/strokehittest.h"
#include "ink/strokenode.h"
#include "ink/strokepainter.h"
#include "ink/strokesmoother.h"
#include "ink/stroketessellator.h"

#include <QJSValue>
#include <QPainter>
#include <QPointingDevice>
#include <QQuickWindow>
#include <QSGImageNode>
#include <QSGNode>
#include <QSGTexture>
#include <QSGTransformNode>
#include <QTabletEvent>
#include <QTouchEvent>
#include <algorithm>
#include <cmath>
#include <limits>

namespace doorstep
{

namespace
{

QVariant plain(const QVariant &value)
{
    return value.metaType() == QMetaType::fromType<QJSValue>() ? value.value<QJSValue>().toVariant()
                                                               : value;
}

// A stored stroke from QML or C++: a list of QPointF, Qt.point or { x, y }. Anything else
// is skipped; points are kept within the item.
QList<QPointF> pointsOf(const QVariant &stroke)
{
    QList<QPointF> points;
    for (QVariant point : plain(stroke).toList()) {
        point = plain(point);
        std::optional<QPointF> position;
        if (point.metaType() == QMetaType::fromType<QPointF>()
            || point.metaType() == QMetaType::fromType<QPoint>()) {
            position = point.toPointF();
        } else {
            const QVariantMap map = point.toMap();
            bool xOk = false;
            bool yOk = false;
            const qreal x = map.value(QStringLiteral("x")).toReal(&xOk);
            const qreal y = map.value(QStringLiteral("y")).toReal(&yOk);
            if (xOk && yOk)
                position = QPointF(x, y);
        }
        if (position && std::isfinite(position->x()) && std::isfinite(position->y()))
            points.append(
                QPointF(std::clamp(position->x(), 0.0, 1.0), std::clamp(position->y(), 0.0, 1.0)));
    }
    return points;
}

// Pressures as given (a list of numbers), or none unless there is one per point.
QList<qreal> pressuresOf(const QVariant &list, qsizetype pointCount)
{
    QList<qreal> pressures;
    for (const QVariant &value : plain(list).toList()) {
        bool ok = false;
        const qreal pressure = plain(value).toReal(&ok);
        if (!ok || !std::isfinite(pressure))
            return {};
        pressures.append(std::clamp(pressure, 0.0, 1.0));
    }
    return pressures.size() == pointCount ? pressures : QList<qreal> {};
}

QVariantList positionsOf(const QList<InkPoint> &points)
{
    QVariantList list;
    list.reserve(points.size());
    for (const InkPoint &point : points)
        list.append(point.position);
    return list;
}

QVariantList pressuresOf(const QList<InkPoint> &points, bool hasPressure)
{
    QVariantList list;
    if (!hasPressure)
        return list;
    list.reserve(points.size());
    for (const InkPoint &point : points)
        list.append(point.pressure);
    return list;
}

} // namespace

InkCanvas::InkCanvas(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents);
    // Zoomed in, the surface reaches past the item: what is outside is not drawn.
    setClip(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptTouchEvents(true);
    // Made inside a window (from C++), the scene change came before this class existed.
    if (window()) {
        m_filteredWindow = window();
        m_filteredWindow->installEventFilter(this);
    }
}

InkCanvas::~InkCanvas()
{
    if (m_filteredWindow)
        m_filteredWindow->removeEventFilter(this);
}

void InkCanvas::setPenColor(const QColor &color)
{
    if (m_penColor == color)
        return;
    m_penColor = color;
    followPen();
    Q_EMIT penColorChanged();
}

void InkCanvas::setPenWidth(qreal width)
{
    width = std::clamp(width, 0.0, 1.0);
    if (qFuzzyCompare(m_penWidth, width))
        return;
    m_penWidth = width;
    followPen();
    Q_EMIT penWidthChanged();
}

void InkCanvas::setTool(Tool tool)
{
    if (m_tool == tool)
        return;
    m_tool = tool;
    Q_EMIT toolChanged();
}

QVariantList InkCanvas::strokes() const
{
    QVariantList list;
    for (const QList<QPointF> &points : strokePoints()) {
        QVariantList stroke;
        stroke.reserve(points.size());
        for (const QPointF &point : points)
            stroke.append(point);
        list.append(QVariant(stroke));
    }
    return list;
}

QList<QList<QPointF>> InkCanvas::strokePoints() const
{
    QList<QList<QPointF>> list;
    for (const Stroke &stroke : m_strokes) {
        if (!stroke.shown)
            continue;
        QList<QPointF> points;
        points.reserve(stroke.points.size());
        for (const InkPoint &point : stroke.points)
            points.append(point.position);
        list.append(points);
    }
    return list;
}

void InkCanvas::setStrokes(const QVariantList &strokes)
{
    QList<Stroke> given;
    bool allFollowPen = true;
    for (const QVariant &entry : strokes) {
        const QVariant value = plain(entry);
        Stroke stroke { {}, m_penColor, m_penWidth, false, true, true, {} };
        QList<QPointF> points;
        QList<qreal> pressures;
        if (value.metaType() == QMetaType::fromType<QVariantMap>()) {
            const QVariantMap map = value.toMap();
            points = pointsOf(map.value(QStringLiteral("points")));
            pressures = pressuresOf(map.value(QStringLiteral("pressures")), points.size());
            const QColor colour(map.value(QStringLiteral("color")).toString());
            bool widthOk = false;
            const qreal width = map.value(QStringLiteral("width")).toReal(&widthOk);
            stroke.colour = colour.isValid() ? colour : m_penColor;
            stroke.width
                = widthOk && std::isfinite(width) ? std::clamp(width, 0.0, 1.0) : m_penWidth;
            stroke.followsPen = false;
            allFollowPen = false;
        } else {
            points = pointsOf(value);
        }
        if (points.isEmpty())
            continue;
        stroke.hasPressure = !pressures.isEmpty();
        stroke.points.reserve(points.size());
        for (qsizetype i = 0; i < points.size(); ++i)
            stroke.points.append(
                { points.at(i), stroke.hasPressure ? pressures.at(i) : InkPoint::NoPressure, 0 });
        given.append(std::move(stroke));
    }
    // The strokes read back are set again by a binding or a copy: no repaint, history kept.
    if (allFollowPen && !isDrawing()) {
        QList<QList<QPointF>> points;
        for (const Stroke &stroke : std::as_const(given)) {
            QList<QPointF> &list = points.emplace_back();
            for (const InkPoint &point : stroke.points)
                list.append(point.position);
        }
        if (points == strokePoints())
            return;
    }
    if (isDrawing())
        cancel();

    const int previousCount = m_visibleCount;
    const bool hadHistory = canUndo() || canRedo();
    m_strokes.clear();
    for (Stroke &stroke : given) {
        stroke.bounds = boundsOf(stroke);
        m_strokes.append(std::move(stroke));
    }
    m_visibleCount = int(m_strokes.size());
    m_undo.clear();
    m_redo.clear();
    layerStale();
    if (hadHistory)
        Q_EMIT historyChanged();
    if (m_visibleCount != previousCount)
        Q_EMIT strokeCountChanged();
    Q_EMIT strokesChanged();
}

void InkCanvas::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (m_readOnly && isDrawing())
        cancel();
    m_pinch.reset();
    // A stylus lifted while ignored would otherwise leave touches taken for a palm.
    m_stylusDown = false;
    setAcceptedMouseButtons(m_readOnly ? Qt::NoButton : Qt::LeftButton);
    setAcceptTouchEvents(!m_readOnly);
    Q_EMIT readOnlyChanged();
}

void InkCanvas::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, 1.0, MaximumZoom);
    // About the centre: the surface point there stays there.
    const QPointF centre(width() / 2, height() / 2);
    const QPointF surface = (centre - m_pan) / m_zoom;
    setView(zoom, centre - surface * zoom);
}

QPointF InkCanvas::surfacePoint(QPointF itemPoint) const
{
    const QPointF surface = (itemPoint - m_pan) / m_zoom;
    return QPointF(
        width() > 0 ? surface.x() / width() : 0, height() > 0 ? surface.y() / height() : 0);
}

void InkCanvas::resetView()
{
    setView(1, QPointF());
}

void InkCanvas::setView(qreal zoom, QPointF pan)
{
    zoom = std::clamp(zoom, 1.0, MaximumZoom);
    // The surface always covers the item: no empty margin beyond its edges.
    pan.setX(std::clamp(pan.x(), width() - width() * zoom, 0.0));
    pan.setY(std::clamp(pan.y(), height() - height() * zoom, 0.0));
    if (qFuzzyCompare(zoom, m_zoom) && pan == m_pan)
        return;
    m_zoom = zoom;
    m_pan = pan;
    update();
    Q_EMIT viewChanged();
}

void InkCanvas::undo()
{
    if (m_undo.isEmpty() || isDrawing())
        return;
    const Action action = m_undo.takeLast();
    undoOrRedo(action, true);
    m_redo.append(action);
    Q_EMIT historyChanged();
}

void InkCanvas::redo()
{
    if (m_redo.isEmpty() || isDrawing())
        return;
    const Action action = m_redo.takeLast();
    undoOrRedo(action, false);
    m_undo.append(action);
    Q_EMIT historyChanged();
}

void InkCanvas::undoOrRedo(const Action &action, bool undoing)
{
    // What came goes first, then what went comes back, so a stroke is never shown twice.
    setShown(action.added, !undoing);
    setShown(action.hidden, undoing);
}

void InkCanvas::clear()
{
    if (isDrawing())
        cancel();
    QList<int> shown;
    for (qsizetype id = 0; id < m_strokes.size(); ++id) {
        if (m_strokes.at(id).shown)
            shown.append(int(id));
    }
    if (shown.isEmpty())
        return;
    setShown(shown, false);
    pushAction({ shown, {} });
}

QRectF InkCanvas::strokeBounds(int strokeId) const
{
    if (strokeId < 0 || strokeId >= m_strokes.size() || !m_strokes.at(strokeId).shown)
        return {};
    // Exactly where the ink is (the kept bounds are a little generous, to cull by).
    const Stroke &stroke = m_strokes.at(strokeId);
    const QRectF bounds = meshFor(surfacePixels(stroke), stroke.width * width()).bounds;
    return QRectF(bounds.topLeft() * m_zoom + m_pan, bounds.size() * m_zoom);
}

bool InkCanvas::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filteredWindow) {
        switch (event->type()) {
        case QEvent::TabletPress:
        case QEvent::TabletMove:
        case QEvent::TabletRelease:
            return tabletEvent(static_cast<QTabletEvent *>(event));
        default:
            break;
        }
    }
    return QQuickItem::eventFilter(watched, event);
}

QSGNode *InkCanvas::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    // root (identity: Qt 6.4's software renderer keeps no state for a plain QSGNode, and gave
    // nodes added under one later no transform at all)
    //   layer transform: the view now, relative to the view the layer was painted at
    //     image node: the layer of finished strokes
    //   view transform
    //     the stroke being drawn, in surface pixels
    auto *root = static_cast<QSGTransformNode *>(oldNode);
    if (!root) {
        root = new QSGTransformNode;
        auto *layerTransform = new QSGTransformNode;
        QSGImageNode *image = window()->createImageNode();
        image->setOwnsTexture(true);
        layerTransform->appendChildNode(image);
        root->appendChildNode(layerTransform);
        root->appendChildNode(new QSGTransformNode);
        m_layerChanged = true;
        m_currentDirty = true;
    }
    auto *layerTransform = static_cast<QSGTransformNode *>(root->firstChild());
    auto *image = static_cast<QSGImageNode *>(layerTransform->firstChild());
    auto *viewTransform = static_cast<QSGTransformNode *>(layerTransform->nextSibling());

    paintLayer();
    if (m_layerChanged) {
        QSGTexture *texture
            = m_layer.isNull() ? nullptr : window()->createTextureFromImage(m_layer);
        image->setTexture(texture);
        m_layerChanged = false;
    }
    image->setRect(m_layer.isNull() ? QRectF() : QRectF(0, 0, width(), height()));
    image->setFiltering(QSGTexture::Linear);

    // A layer pixel at q was painted for surface point (q - layerPan) / layerZoom; it belongs
    // at that point times zoom plus pan.
    QTransform relative;
    relative.translate(m_pan.x(), m_pan.y());
    relative.scale(m_zoom / m_layerZoom, m_zoom / m_layerZoom);
    relative.translate(-m_layerPan.x(), -m_layerPan.y());
    layerTransform->setMatrix(QMatrix4x4(relative));
    QTransform view;
    view.translate(m_pan.x(), m_pan.y());
    view.scale(m_zoom, m_zoom);
    viewTransform->setMatrix(QMatrix4x4(view));

    if (m_currentDirty) {
        while (QSGNode *node = viewTransform->firstChild()) {
            viewTransform->removeChildNode(node);
            delete node;
        }
        if (m_current) {
            if (QSGNode *node = StrokeNode::create(
                    window(), m_current->mesh.strip, m_current->mesh.bounds, m_current->colour))
                viewTransform->appendChildNode(node);
        }
        m_currentDirty = false;
    }
    return root;
}

void InkCanvas::paintLayer()
{
    const qreal ratio = window() ? window()->effectiveDevicePixelRatio() : 1;
    const QSize size = (QSizeF(width(), height()) * ratio).toSize();
    if (size.isEmpty()) {
        m_layer = QImage();
        m_layerChanged = true;
        return;
    }
    // The view moved while no fingers are on it: painted again, sharp, at the new view.
    if (!m_pinch && (!qFuzzyCompare(m_layerZoom, m_zoom) || m_layerPan != m_pan))
        m_layerStale = true;
    if (m_layer.size() != size || m_layer.devicePixelRatio() != ratio) {
        m_layer = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_layer.setDevicePixelRatio(ratio);
        m_layerStale = true;
    }
    if (!m_layerStale && m_changedFrom < m_layerPaintedTo) {
        // A stroke already painted was shown or hidden: back to the newest copy made before
        // it, or, when there is none, the whole layer again.
        while (!m_checkpoints.isEmpty() && m_checkpoints.constLast().at > m_changedFrom)
            m_checkpoints.removeLast();
        if (m_checkpoints.isEmpty()) {
            m_layerStale = true;
        } else {
            m_layer = m_checkpoints.constLast().image;
            m_layerPaintedTo = m_checkpoints.constLast().at;
        }
    }
    m_changedFrom = std::numeric_limits<qsizetype>::max();
    if (!m_layerStale && m_layerPaintedTo >= m_strokes.size())
        return;
    if (m_layerStale) {
        m_layer.fill(Qt::transparent);
        m_layerPaintedTo = 0;
        m_layerZoom = m_zoom;
        m_layerPan = m_pan;
        m_layerStale = false;
        m_checkpoints.clear();
    }
    QPainter painter(&m_layer);
    painter.translate(m_layerPan);
    painter.scale(m_layerZoom, m_layerZoom);
    // The part of the surface the item shows: strokes outside it are not painted.
    const QRectF shownArea(-m_layerPan / m_layerZoom, QSizeF(width(), height()) / m_layerZoom);
    // Only strokes not painted yet: adding stroke N paints one stroke, not N.
    for (qsizetype i = m_layerPaintedTo; i < m_strokes.size(); ++i) {
        if (i > 0 && i % CheckpointEvery == 0
            && (m_checkpoints.isEmpty() || m_checkpoints.constLast().at < i)) {
            painter.end();
            m_checkpoints.append({ m_layer.copy(), i });
            if (m_checkpoints.size() > 2)
                m_checkpoints.removeFirst();
            painter.begin(&m_layer);
            painter.translate(m_layerPan);
            painter.scale(m_layerZoom, m_layerZoom);
        }
        const Stroke &stroke = m_strokes.at(i);
        if (!stroke.shown || !stroke.bounds.intersects(shownArea))
            continue;
        StrokePainter::paint(painter, surfacePixels(stroke), stroke.width * width(), stroke.colour);
    }
    m_layerPaintedTo = m_strokes.size();
    m_layerChanged = true;
}

void InkCanvas::layerStale()
{
    m_layerStale = true;
    update();
}

void InkCanvas::strokesChangedFrom(qsizetype id)
{
    m_changedFrom = std::min(m_changedFrom, id);
    update();
}

void InkCanvas::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() == oldGeometry.size())
        return;
    // Strokes are kept normalised; their pixel bounds are made again at the new size.
    for (Stroke &stroke : m_strokes)
        stroke.bounds = boundsOf(stroke);
    m_pinch.reset();
    setView(m_zoom, m_pan);
    layerStale();
}

void InkCanvas::itemChange(ItemChange change, const ItemChangeData &value)
{
    if (change == ItemSceneChange) {
        // Qt Quick gives items no tablet events (only pointer handlers get them, and a mouse
        // event made from them loses the pressure), so the canvas watches its window's.
        if (m_filteredWindow)
            m_filteredWindow->removeEventFilter(this);
        m_filteredWindow = value.window;
        if (m_filteredWindow)
            m_filteredWindow->installEventFilter(this);
    } else if (change == ItemDevicePixelRatioHasChanged) {
        layerStale();
    }
    QQuickItem::itemChange(change, value);
}

InkPoint InkCanvas::toSurface(QPointF itemPoint, qreal pressure, qint64 timeMs) const
{
    return { (itemPoint - m_pan) / m_zoom, pressure, timeMs };
}

void InkCanvas::mousePressEvent(QMouseEvent *event)
{
    event->accept();
    if (!isDrawing() && !m_pinch)
        press(Source::Mouse, -1,
            toSurface(event->position(), InkPoint::NoPressure, qint64(event->timestamp())), false,
            m_tool != Tool::Pen);
}

void InkCanvas::mouseMoveEvent(QMouseEvent *event)
{
    event->accept();
    if (isTracking(Source::Mouse))
        move(toSurface(event->position(), InkPoint::NoPressure, qint64(event->timestamp())));
}

void InkCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    event->accept();
    if (isTracking(Source::Mouse))
        release(toSurface(event->position(), InkPoint::NoPressure, qint64(event->timestamp())));
}

void InkCanvas::mouseUngrabEvent()
{
    if (isTracking(Source::Mouse))
        cancel();
}

void InkCanvas::touchEvent(QTouchEvent *event)
{
    if (m_readOnly) {
        event->ignore();
        return;
    }
    // A palm resting while the stylus writes: swallowed, so it neither draws nor reaches
    // what lies below.
    event->accept();
    if (event->type() == QEvent::TouchCancel) {
        if (isTracking(Source::Touch,
                m_current ? m_current->touchId : (m_erasing ? m_erasing->touchId : -1)))
            cancel();
        m_pinch.reset();
        update();
        return;
    }
    if (stylusInUse())
        return;

    // A second finger turns the touch into a pinch: the first finger's line, not finished,
    // was the start of the gesture and goes.
    QList<const QEventPoint *> down;
    for (const QEventPoint &point : event->points()) {
        if (point.state() != QEventPoint::Released)
            down.append(&point);
    }
    if (!m_pinch && down.size() >= 2) {
        if ((m_current && m_current->source == Source::Touch)
            || (m_erasing && m_erasing->source == Source::Touch))
            cancel();
        if (!isDrawing()) {
            startPinch(*down.at(0), *down.at(1));
            return;
        }
    }
    if (m_pinch) {
        bool ended = false;
        for (const QEventPoint &point : event->points()) {
            const bool first = point.id() == m_pinch->firstId;
            if (!first && point.id() != m_pinch->secondId)
                continue;
            if (point.state() == QEventPoint::Released)
                ended = true;
            else
                (first ? m_pinch->first : m_pinch->second) = point.position();
        }
        if (ended) {
            // Lifting one finger ends the pinch; the other draws nothing until it lifts too.
            m_pinch.reset();
            update(); // the layer is painted again, sharp, at the view the pinch left
        } else {
            movePinch();
        }
        return;
    }

    for (const QEventPoint &point : event->points()) {
        // A finger's pressure is its contact area, not force: it draws at the pen's width.
        const InkPoint ink
            = toSurface(point.position(), InkPoint::NoPressure, qint64(event->timestamp()));
        switch (point.state()) {
        case QEventPoint::Pressed:
            if (!isDrawing() && down.size() == 1)
                press(Source::Touch, point.id(), ink, false, m_tool != Tool::Pen);
            break;
        case QEventPoint::Updated:
        case QEventPoint::Stationary:
            if (isTracking(Source::Touch, point.id()))
                move(ink);
            break;
        case QEventPoint::Released:
            if (isTracking(Source::Touch, point.id()))
                release(ink);
            break;
        default:
            break;
        }
    }
}

void InkCanvas::startPinch(const QEventPoint &first, const QEventPoint &second)
{
    m_pinch = Pinch { first.id(), second.id(), first.position(), second.position(),
        first.position(), second.position(), m_zoom, m_pan };
    setKeepTouchGrab(true);
}

void InkCanvas::movePinch()
{
    const Pinch &pinch = *m_pinch;
    const qreal startDistance = QLineF(pinch.firstStart, pinch.secondStart).length();
    const qreal distance = QLineF(pinch.first, pinch.second).length();
    const qreal zoom = std::clamp(
        startDistance > 1 ? pinch.zoomAtStart * distance / startDistance : pinch.zoomAtStart, 1.0,
        MaximumZoom);
    // The surface point that was under the fingers' midpoint stays under it as they move.
    const QPointF startMiddle = (pinch.firstStart + pinch.secondStart) / 2;
    const QPointF middle = (pinch.first + pinch.second) / 2;
    const QPointF surface = (startMiddle - pinch.panAtStart) / pinch.zoomAtStart;
    setView(zoom, middle - surface * zoom);
}

void InkCanvas::touchUngrabEvent()
{
    if ((m_current && m_current->source == Source::Touch)
        || (m_erasing && m_erasing->source == Source::Touch))
        cancel();
    if (m_pinch) {
        m_pinch.reset();
        update();
    }
}

bool InkCanvas::tabletEvent(QTabletEvent *event)
{
    if (m_readOnly)
        return false;
    m_sinceStylus.start();
    const QPointingDevice *device = event->pointingDevice();
    const bool hasPressure
        = device && device->capabilities().testFlag(QInputDevice::Capability::Pressure);
    // A QQuickWindow's content item is at its origin: window and scene coordinates agree.
    const QPointF scenePosition = event->position();
    const QPointF itemPosition = mapFromScene(scenePosition);
    InkPoint point = toSurface(itemPosition, hasPressure ? event->pressure() : InkPoint::NoPressure,
        qint64(event->timestamp()));

    switch (event->type()) {
    case QEvent::TabletPress: {
        if (!isVisible() || !isEnabled() || !contains(itemPosition) || !isTopmostAt(scenePosition))
            return false;
        // The palm often lands before the pen: a stroke or pinch it began is not the writer's.
        if ((m_current && m_current->source == Source::Touch)
            || (m_erasing && m_erasing->source == Source::Touch))
            cancel();
        m_pinch.reset();
        m_stylusDown = true;
        if (!isDrawing()) {
            const bool eraserEnd
                = device && device->pointerType() == QPointingDevice::PointerType::Eraser;
            press(Source::Stylus, -1, point, hasPressure, eraserEnd || m_tool != Tool::Pen);
        }
        event->accept();
        return true;
    }
    case QEvent::TabletMove:
        if (!isTracking(Source::Stylus))
            return false;
        move(point);
        event->accept();
        return true;
    case QEvent::TabletRelease:
        if (!m_stylusDown)
            return false;
        m_stylusDown = false;
        if (isTracking(Source::Stylus)) {
            // A pen reports no pressure as it lifts: the line ends as it was drawn.
            if (m_current && !m_current->raw.isEmpty())
                point.pressure = m_current->raw.constLast().pressure;
            release(point);
        }
        event->accept();
        return true;
    default:
        return false;
    }
}

bool InkCanvas::stylusInUse() const
{
    return m_stylusDown || (m_sinceStylus.isValid() && m_sinceStylus.elapsed() < PalmRejectionMs);
}

bool InkCanvas::isTopmostAt(QPointF scenePosition) const
{
    QQuickItem *item = window() ? window()->contentItem() : nullptr;
    while (item) {
        const QPointF local = item->mapFromScene(scenePosition);
        QQuickItem *child = item->childAt(local.x(), local.y());
        if (!child)
            break;
        item = child;
    }
    for (; item; item = item->parentItem()) {
        if (item == this)
            return true;
    }
    return false;
}

bool InkCanvas::isTracking(Source source, int touchId) const
{
    if (m_current)
        return m_current->source == source && m_current->touchId == touchId;
    if (m_erasing)
        return m_erasing->source == source && m_erasing->touchId == touchId;
    return false;
}

void InkCanvas::press(
    Source source, int touchId, const InkPoint &point, bool hasPressure, bool erase)
{
    if (erase) {
        const bool partial = m_tool == Tool::PartialEraser;
        m_erasing = Erasing { source, touchId, partial, point.position, {}, {} };
        eraseAlong(point.position, point.position);
    } else {
        m_current
            = CurrentStroke { source, touchId, m_penColor, m_penWidth, hasPressure, { point }, {} };
        m_current->mesh = meshFor(m_current->raw, m_penWidth * width());
        m_currentDirty = true;
        update();
    }
    setKeepMouseGrab(true);
    setKeepTouchGrab(true);
    Q_EMIT drawingChanged();
}

void InkCanvas::move(const InkPoint &point)
{
    if (m_erasing) {
        eraseAlong(m_erasing->last, point.position);
        m_erasing->last = point.position;
    } else if (m_current) {
        m_current->raw.append(point);
        m_current->mesh = meshFor(m_current->raw, m_current->width * width());
        m_currentDirty = true;
        update();
    }
}

void InkCanvas::release(const InkPoint &point)
{
    move(point);
    if (m_erasing) {
        if (!m_erasing->hidden.isEmpty() || !m_erasing->added.isEmpty())
            pushAction({ m_erasing->hidden, m_erasing->added });
        m_erasing.reset();
    } else if (m_current) {
        const qreal w = width() > 0 ? width() : 1;
        const qreal h = height() > 0 ? height() : 1;
        Stroke stroke { {}, m_current->colour, m_current->width, m_current->hasPressure, true,
            false, {} };
        for (InkPoint kept : StrokeSmoother::filter(m_current->raw)) {
            kept.position = QPointF(std::clamp(kept.position.x() / w, 0.0, 1.0),
                std::clamp(kept.position.y() / h, 0.0, 1.0));
            stroke.points.append(kept);
        }
        m_current.reset();
        m_currentDirty = true;
        const int id = append(std::move(stroke));
        pushAction({ {}, { id } });
    }
    setKeepMouseGrab(false);
    setKeepTouchGrab(false);
    Q_EMIT drawingChanged();
}

int InkCanvas::append(Stroke stroke)
{
    stroke.bounds = boundsOf(stroke);
    m_strokes.append(std::move(stroke));
    const int id = int(m_strokes.size() - 1);
    const Stroke &added = m_strokes.constLast();
    ++m_visibleCount;
    update();
    shownChanged();
    Q_EMIT strokeFinished(id, positionsOf(added.points), added.colour, added.width,
        pressuresOf(added.points, added.hasPressure));
    return id;
}

void InkCanvas::cancel()
{
    if (m_erasing && (!m_erasing->hidden.isEmpty() || !m_erasing->added.isEmpty()))
        pushAction({ m_erasing->hidden, m_erasing->added });
    m_erasing.reset();
    if (m_current) {
        m_current.reset();
        m_currentDirty = true;
        update();
    }
    setKeepMouseGrab(false);
    setKeepTouchGrab(false);
    Q_EMIT drawingChanged();
}

void InkCanvas::eraseAlong(QPointF from, QPointF to)
{
    const bool partial = m_erasing->partial;
    const qreal radius = eraserRadius(partial);
    const QRectF swept = QRectF(QPointF(std::min(from.x(), to.x()), std::min(from.y(), to.y())),
        QPointF(std::max(from.x(), to.x()), std::max(from.y(), to.y())))
                             .adjusted(-radius, -radius, radius, radius);
    // Pieces left by the partial eraser are added after the loop: this pass does not look at
    // them, and the ids of the strokes it walks stay put.
    QList<Stroke> pieces;
    bool erased = false;
    const qsizetype count = m_strokes.size();
    for (qsizetype id = 0; id < count; ++id) {
        const Stroke &stroke = m_strokes.at(id);
        if (!stroke.shown || !stroke.bounds.intersects(swept))
            continue;
        if (partial) {
            const QList<QList<InkPoint>> left = piecesLeft(stroke, from, to);
            if (left.size() == 1 && left.constFirst().size() == stroke.points.size())
                continue; // untouched
            for (const QList<InkPoint> &piece : left)
                pieces.append(
                    { piece, stroke.colour, stroke.width, stroke.hasPressure, true, false, {} });
        } else {
            const QList<InkPoint> pixels = surfacePixels(stroke);
            const QList<InkPoint> smoothed = StrokeSmoother::smooth(pixels);
            if (!StrokeHitTest::touches(StrokeTessellator::positions(smoothed),
                    StrokeTessellator::widths(smoothed, stroke.width * width()), from, to, radius))
                continue;
        }
        m_strokes[id].shown = false;
        --m_visibleCount;
        // A piece this same rub made, rubbed again, was never anyone's to bring back.
        if (!m_erasing->added.removeOne(int(id)))
            m_erasing->hidden.append(int(id));
        erased = true;
        strokesChangedFrom(id);
        Q_EMIT strokeErased(int(id));
    }
    if (erased)
        shownChanged();
    for (Stroke &piece : pieces)
        m_erasing->added.append(append(std::move(piece)));
}

QList<QList<InkPoint>> InkCanvas::piecesLeft(const Stroke &stroke, QPointF from, QPointF to) const
{
    // A point goes when the eraser's circle covers it, with its ink; a segment between two
    // points that stay is cut when the eraser passes through its middle.
    const QList<InkPoint> pixels = surfacePixels(stroke);
    const qreal radius = eraserRadius(true);
    const qreal baseWidth = stroke.width * width();
    QList<QList<InkPoint>> pieces;
    QList<InkPoint> piece;
    for (qsizetype i = 0; i < pixels.size(); ++i) {
        const InkPoint &point = pixels.at(i);
        const qreal halfInk = baseWidth * StrokeTessellator::pressureFactor(point.pressure) / 2;
        const bool covered
            = StrokeHitTest::pointDistance(point.position, from, to) <= radius + halfInk;
        const bool cut = !piece.isEmpty()
            && StrokeHitTest::segmentDistance(piece.constLast().position, point.position, from, to)
                <= radius;
        if (covered || cut) {
            if (!piece.isEmpty())
                pieces.append(std::exchange(piece, {}));
            if (covered)
                continue;
        }
        piece.append(point);
    }
    if (!piece.isEmpty())
        pieces.append(piece);
    // Back to the stored, normalised form.
    const qreal w = width() > 0 ? width() : 1;
    const qreal h = height() > 0 ? height() : 1;
    for (QList<InkPoint> &left : pieces) {
        for (InkPoint &point : left)
            point.position = QPointF(std::clamp(point.position.x() / w, 0.0, 1.0),
                std::clamp(point.position.y() / h, 0.0, 1.0));
    }
    // Nothing rubbed out (every point stays, nothing cut): the stroke as it was.
    if (pieces.size() == 1 && pieces.constFirst().size() == stroke.points.size())
        return { stroke.points };
    return pieces;
}

QList<InkPoint> InkCanvas::surfacePixels(const Stroke &stroke) const
{
    QList<InkPoint> pixels = stroke.points;
    for (InkPoint &point : pixels)
        point.position = QPointF(point.position.x() * width(), point.position.y() * height());
    return pixels;
}

QRectF InkCanvas::boundsOf(const Stroke &stroke) const
{
    // Smoothing keeps a curve within its points' hull; the ink reaches half the width out.
    if (stroke.points.isEmpty())
        return {};
    qreal left = std::numeric_limits<qreal>::max();
    qreal top = left;
    qreal right = std::numeric_limits<qreal>::lowest();
    qreal bottom = right;
    for (const InkPoint &point : stroke.points) {
        left = std::min(left, point.position.x());
        right = std::max(right, point.position.x());
        top = std::min(top, point.position.y());
        bottom = std::max(bottom, point.position.y());
    }
    const qreal half = stroke.width * width() / 2 + 1;
    return QRectF(
        QPointF(left * width(), top * height()), QPointF(right * width(), bottom * height()))
        .adjusted(-half, -half, half, half);
}

InkCanvas::Mesh InkCanvas::meshFor(const QList<InkPoint> &pixelPoints, qreal baseWidth) const
{
    Mesh mesh;
    const QList<InkPoint> smoothed = StrokeSmoother::smooth(pixelPoints);
    mesh.strip = StrokeTessellator::strip(
        StrokeTessellator::positions(smoothed), StrokeTessellator::widths(smoothed, baseWidth));
    if (!mesh.strip.isEmpty()) {
        qreal left = std::numeric_limits<qreal>::max();
        qreal top = left;
        qreal right = std::numeric_limits<qreal>::lowest();
        qreal bottom = right;
        for (const QPointF &vertex : std::as_const(mesh.strip)) {
            left = std::min(left, vertex.x());
            right = std::max(right, vertex.x());
            top = std::min(top, vertex.y());
            bottom = std::max(bottom, vertex.y());
        }
        mesh.bounds = QRectF(QPointF(left, top), QPointF(right, bottom));
    }
    return mesh;
}

void InkCanvas::setShown(const QList<int> &strokeIds, bool shown)
{
    bool changed = false;
    for (int id : strokeIds) {
        Stroke &stroke = m_strokes[id];
        if (stroke.shown == shown)
            continue;
        stroke.shown = shown;
        m_visibleCount += shown ? 1 : -1;
        changed = true;
        strokesChangedFrom(id);
        if (shown)
            Q_EMIT strokeRestored(id);
        else
            Q_EMIT strokeErased(id);
    }
    if (changed)
        shownChanged();
}

void InkCanvas::pushAction(Action action)
{
    m_undo.append(std::move(action));
    m_redo.clear();
    Q_EMIT historyChanged();
}

void InkCanvas::shownChanged()
{
    Q_EMIT strokeCountChanged();
    Q_EMIT strokesChanged();
}

void InkCanvas::followPen()
{
    bool changed = false;
    for (Stroke &stroke : m_strokes) {
        if (!stroke.followsPen)
            continue;
        stroke.colour = m_penColor;
        stroke.width = m_penWidth;
        stroke.bounds = boundsOf(stroke);
        changed = true;
    }
    if (changed)
        layerStale();
}

qreal InkCanvas::eraserRadius(bool partial) const
{
    // The eraser is the same size on the screen at any zoom: smaller on the surface.
    const qreal onScreen
        = partial ? PartialEraserSize : std::max(m_penWidth * width() * m_zoom, MinimumEraserSize);
    return onScreen / 2 / m_zoom;
}

} // namespace doorstep
