#include "ink/inkcanvas.h"

#include "ink/strokehittest.h"
#include "ink/strokenode.h"
#include "ink/strokesmoother.h"
#include "ink/stroketessellator.h"

#include <QJSValue>
#include <QPointingDevice>
#include <QQuickWindow>
#include <QSGNode>
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

void deleteChild(QSGNode *parent, QSGNode *&child)
{
    if (!child)
        return;
    parent->removeChildNode(child);
    delete child;
    child = nullptr;
}

// A stored stroke from QML or C++: a list of QPointF, Qt.point or { x, y }. Anything else
// is skipped; points are kept within the item.
QList<QPointF> pointsOf(const QVariant &stroke)
{
    QList<QPointF> points;
    const QVariant list = stroke.metaType() == QMetaType::fromType<QJSValue>()
        ? stroke.value<QJSValue>().toVariant()
        : stroke;
    for (QVariant point : list.toList()) {
        if (point.metaType() == QMetaType::fromType<QJSValue>())
            point = point.value<QJSValue>().toVariant();
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

} // namespace

InkCanvas::InkCanvas(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents);
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
    QList<QList<QPointF>> given;
    for (const QVariant &stroke : strokes) {
        QList<QPointF> points = pointsOf(stroke);
        if (!points.isEmpty())
            given.append(std::move(points));
    }
    // The strokes read back are set again by a binding or a copy: no rebuild, history kept.
    if (!isDrawing() && given == strokePoints())
        return;
    if (isDrawing())
        cancel();

    const int previousCount = m_visibleCount;
    const bool hadHistory = canUndo() || canRedo();
    m_strokes.clear();
    for (const QList<QPointF> &points : std::as_const(given)) {
        Stroke stroke { {}, m_penColor, m_penWidth, true, true, {} };
        stroke.points.reserve(points.size());
        for (const QPointF &point : points)
            stroke.points.append({ point, InkPoint::NoPressure, 0 });
        m_strokes.append(std::move(stroke));
    }
    m_visibleCount = int(m_strokes.size());
    m_undo.clear();
    m_redo.clear();
    m_rebuildAll = true;
    update();
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
    // A stylus lifted while ignored would otherwise leave touches taken for a palm.
    m_stylusDown = false;
    setAcceptedMouseButtons(m_readOnly ? Qt::NoButton : Qt::LeftButton);
    setAcceptTouchEvents(!m_readOnly);
    Q_EMIT readOnlyChanged();
}

void InkCanvas::undo()
{
    if (m_undo.isEmpty() || isDrawing())
        return;
    const Action action = m_undo.takeLast();
    setShown(action.strokeIds, action.kind == Action::Kind::Erase);
    m_redo.append(action);
    Q_EMIT historyChanged();
}

void InkCanvas::redo()
{
    if (m_redo.isEmpty() || isDrawing())
        return;
    const Action action = m_redo.takeLast();
    setShown(action.strokeIds, action.kind == Action::Kind::Draw);
    m_undo.append(action);
    Q_EMIT historyChanged();
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
    pushAction({ Action::Kind::Erase, shown });
}

QRectF InkCanvas::strokeBounds(int strokeId) const
{
    if (strokeId < 0 || strokeId >= m_strokes.size() || !m_strokes.at(strokeId).shown)
        return {};
    return ensureMesh(m_strokes.at(strokeId)).bounds;
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
    QSGNode *root = oldNode;
    if (!root) {
        // A new scene graph (first frame, or the old one was released with its nodes). An
        // identity transform node, not a plain one: Qt 6.4's software renderer keeps no state
        // for a plain node, and gave strokes added under one later no transform at all.
        root = new QSGTransformNode;
        m_nodes.clear();
        m_currentNode = nullptr;
        m_rebuildAll = false;
        m_dirtyFrom = 0;
        m_currentDirty = true;
    } else if (m_rebuildAll) {
        for (QSGNode *&node : m_nodes)
            deleteChild(root, node);
        deleteChild(root, m_currentNode);
        m_rebuildAll = false;
        m_dirtyFrom = 0;
        m_currentDirty = true;
    }
    m_nodes.resize(m_strokes.size(), nullptr);

    // Only strokes from the first changed one on are looked at: adding stroke N makes one
    // node and touches none of the others.
    if (m_dirtyFrom < m_strokes.size()) {
        QSGNode *previous = nullptr;
        for (qsizetype i = m_dirtyFrom - 1; i >= 0 && !previous; --i)
            previous = m_nodes.at(i);
        for (qsizetype i = m_dirtyFrom; i < m_strokes.size(); ++i) {
            Stroke &stroke = m_strokes[i];
            QSGNode *&node = m_nodes[i];
            if (!stroke.shown) {
                deleteChild(root, node);
                continue;
            }
            if (!node) {
                const Mesh &mesh = ensureMesh(stroke);
                node = StrokeNode::create(window(), mesh.strip, mesh.bounds, stroke.colour);
                if (node && previous)
                    root->insertChildNodeAfter(node, previous);
                else if (node)
                    root->prependChildNode(node);
            }
            if (node)
                previous = node;
        }
    }
    m_dirtyFrom = m_strokes.size();

    if (m_currentDirty) {
        deleteChild(root, m_currentNode);
        if (m_current) {
            m_currentNode = StrokeNode::create(
                window(), m_current->mesh.strip, m_current->mesh.bounds, m_current->colour);
            if (m_currentNode)
                root->appendChildNode(m_currentNode);
        }
        m_currentDirty = false;
    }
    return root;
}

void InkCanvas::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() == oldGeometry.size())
        return;
    // Strokes are kept normalised; their pixel shapes are made again at the new size.
    for (Stroke &stroke : m_strokes)
        stroke.mesh.reset();
    m_rebuildAll = true;
    update();
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
    }
    QQuickItem::itemChange(change, value);
}

void InkCanvas::mousePressEvent(QMouseEvent *event)
{
    event->accept();
    if (!isDrawing())
        press(Source::Mouse, -1,
            { event->position(), InkPoint::NoPressure, qint64(event->timestamp()) },
            m_tool == Tool::Eraser);
}

void InkCanvas::mouseMoveEvent(QMouseEvent *event)
{
    event->accept();
    if (isTracking(Source::Mouse))
        move({ event->position(), InkPoint::NoPressure, qint64(event->timestamp()) });
}

void InkCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    event->accept();
    if (isTracking(Source::Mouse))
        release({ event->position(), InkPoint::NoPressure, qint64(event->timestamp()) });
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
        if (m_current && m_current->source == Source::Touch)
            cancel();
        return;
    }
    if (stylusInUse())
        return;
    for (const QEventPoint &point : event->points()) {
        // A finger's pressure is its contact area, not force: it draws at the pen's width.
        const InkPoint ink { point.position(), InkPoint::NoPressure, qint64(event->timestamp()) };
        switch (point.state()) {
        case QEventPoint::Pressed:
            // One finger draws; a second is left for pan and zoom (issue 6).
            if (!isDrawing())
                press(Source::Touch, point.id(), ink, m_tool == Tool::Eraser);
            break;
        case QEventPoint::Updated:
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

void InkCanvas::touchUngrabEvent()
{
    if ((m_current && m_current->source == Source::Touch)
        || (m_erasing && m_erasing->source == Source::Touch))
        cancel();
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
    InkPoint point { mapFromScene(scenePosition),
        hasPressure ? event->pressure() : InkPoint::NoPressure, qint64(event->timestamp()) };

    switch (event->type()) {
    case QEvent::TabletPress: {
        if (!isVisible() || !isEnabled() || !contains(point.position)
            || !isTopmostAt(scenePosition))
            return false;
        // The palm often lands before the pen: a stroke it began is not the writer's.
        if ((m_current && m_current->source == Source::Touch)
            || (m_erasing && m_erasing->source == Source::Touch))
            cancel();
        m_stylusDown = true;
        if (!isDrawing()) {
            const bool eraserEnd
                = device && device->pointerType() == QPointingDevice::PointerType::Eraser;
            press(Source::Stylus, -1, point, eraserEnd || m_tool == Tool::Eraser);
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

void InkCanvas::press(Source source, int touchId, const InkPoint &point, bool erase)
{
    if (erase) {
        m_erasing = Erasing { source, touchId, point.position, {} };
        eraseAlong(point.position, point.position);
    } else {
        m_current = CurrentStroke { source, touchId, m_penColor, m_penWidth, { point }, {} };
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
        if (!m_erasing->erased.isEmpty())
            pushAction({ Action::Kind::Erase, m_erasing->erased });
        m_erasing.reset();
    } else if (m_current) {
        const qreal w = width() > 0 ? width() : 1;
        const qreal h = height() > 0 ? height() : 1;
        Stroke stroke { {}, m_current->colour, m_current->width, true, false, m_current->mesh };
        QVariantList reported;
        for (InkPoint kept : StrokeSmoother::filter(m_current->raw)) {
            kept.position = QPointF(std::clamp(kept.position.x() / w, 0.0, 1.0),
                std::clamp(kept.position.y() / h, 0.0, 1.0));
            stroke.points.append(kept);
            reported.append(kept.position);
        }
        m_strokes.append(stroke);
        const int id = int(m_strokes.size() - 1);
        ++m_visibleCount;
        m_current.reset();
        m_currentDirty = true;
        update();
        pushAction({ Action::Kind::Draw, { id } });
        shownChanged();
        Q_EMIT strokeFinished(id, reported, stroke.colour, stroke.width);
    }
    setKeepMouseGrab(false);
    setKeepTouchGrab(false);
    Q_EMIT drawingChanged();
}

void InkCanvas::cancel()
{
    if (m_erasing && !m_erasing->erased.isEmpty())
        pushAction({ Action::Kind::Erase, m_erasing->erased });
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
    const qreal radius = eraserRadius();
    const QRectF swept = QRectF(QPointF(std::min(from.x(), to.x()), std::min(from.y(), to.y())),
        QPointF(std::max(from.x(), to.x()), std::max(from.y(), to.y())))
                             .adjusted(-radius, -radius, radius, radius);
    bool erased = false;
    for (qsizetype id = 0; id < m_strokes.size(); ++id) {
        Stroke &stroke = m_strokes[id];
        if (!stroke.shown)
            continue;
        const Mesh &mesh = ensureMesh(stroke);
        if (!mesh.bounds.intersects(swept)
            || !StrokeHitTest::touches(mesh.centre, mesh.widths, from, to, radius))
            continue;
        stroke.shown = false;
        --m_visibleCount;
        m_dirtyFrom = std::min(m_dirtyFrom, id);
        m_erasing->erased.append(int(id));
        erased = true;
        Q_EMIT strokeErased(int(id));
    }
    if (erased) {
        update();
        shownChanged();
    }
}

InkCanvas::Mesh InkCanvas::meshFor(const QList<InkPoint> &pixelPoints, qreal baseWidth) const
{
    Mesh mesh;
    const QList<InkPoint> smoothed = StrokeSmoother::smooth(pixelPoints);
    mesh.centre = StrokeTessellator::positions(smoothed);
    mesh.widths = StrokeTessellator::widths(smoothed, baseWidth);
    mesh.strip = StrokeTessellator::strip(mesh.centre, mesh.widths);
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

const InkCanvas::Mesh &InkCanvas::ensureMesh(const Stroke &stroke) const
{
    if (!stroke.mesh) {
        QList<InkPoint> pixels = stroke.points;
        for (InkPoint &point : pixels)
            point.position = QPointF(point.position.x() * width(), point.position.y() * height());
        stroke.mesh = meshFor(pixels, stroke.width * width());
    }
    return *stroke.mesh;
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
        m_dirtyFrom = std::min<qsizetype>(m_dirtyFrom, id);
        changed = true;
        if (shown)
            Q_EMIT strokeRestored(id);
        else
            Q_EMIT strokeErased(id);
    }
    if (changed) {
        update();
        shownChanged();
    }
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
        if (!qFuzzyCompare(stroke.width, m_penWidth))
            stroke.mesh.reset();
        stroke.width = m_penWidth;
        changed = true;
    }
    if (changed) {
        // Each node holds its colour and shape: made again, as after a resize.
        m_rebuildAll = true;
        update();
    }
}

qreal InkCanvas::eraserRadius() const
{
    return std::max(m_penWidth * width(), MinimumEraserSize) / 2;
}

} // namespace doorstep
