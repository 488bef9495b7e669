#pragma once

#include "ink/inkpoint.h"

#include <QColor>
#include <QElapsedTimer>
#include <QImage>
#include <QList>
#include <QPointer>
#include <QQuickItem>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <limits>
#include <optional>

class QEventPoint;
class QTabletEvent;

namespace doorstep
{

/// A surface to draw on with a stylus, a finger or a mouse, drawn through the scene graph.
/// Finished strokes are painted once into a cached layer (one texture), so a frame costs the
/// same with 10 strokes as with 5,000; the stroke being drawn is its own node above it. A
/// stylus varies the width with pressure, and while one is in use touches are ignored (a palm
/// resting on the screen). The eraser takes away whole strokes it passes over; the partial
/// eraser rubs out only the part it passes over, leaving the rest as new strokes. Undo and
/// redo cover drawing and erasing. Two fingers pan and pinch-zoom. Strokes are reported
/// normalised to the item, as doorstep::Stroke keeps them: (0, 0) top left, (1, 1) bottom
/// right, whatever the zoom. Stored strokes can be shown again (a signature, a drawing), and
/// a read-only canvas only shows.
class InkCanvas : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QColor penColor READ penColor WRITE setPenColor NOTIFY penColorChanged)
    /// The pen's width as a fraction of the item's width (doorstep::Stroke::width).
    Q_PROPERTY(qreal penWidth READ penWidth WRITE setPenWidth NOTIFY penWidthChanged)
    Q_PROPERTY(Tool tool READ tool WRITE setTool NOTIFY toolChanged)
    Q_PROPERTY(int strokeCount READ strokeCount NOTIFY strokeCountChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY historyChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY historyChanged)
    /// True from a pen, finger or mouse going down until it lifts.
    Q_PROPERTY(bool drawing READ isDrawing NOTIFY drawingChanged)
    /// The strokes shown, in drawing order, erased and undone ones left out: a list of lists
    /// of QPointF normalised to the item, as the consent signature keeps them. Setting it
    /// replaces what is shown and forgets the history. Each stroke set is either a list of
    /// points, drawn at the pen's colour and width and following them when they change, or a
    /// map { points, pressures (optional, one per point), color, width } drawn as it was.
    /// Ids count from 0 again in the order set.
    Q_PROPERTY(QVariantList strokes READ strokes WRITE setStrokes NOTIFY strokesChanged)
    /// Mouse, touch and stylus pass through to what lies below: the canvas only shows.
    Q_PROPERTY(bool readOnly READ isReadOnly WRITE setReadOnly NOTIFY readOnlyChanged)
    /// How far the view is zoomed in: 1 shows the whole surface, MaximumZoom the most. Two
    /// fingers pinch it; setting it zooms about the centre.
    Q_PROPERTY(qreal zoom READ zoom WRITE setZoom NOTIFY viewChanged)
    /// Where the surface's top-left corner is shown, in item pixels (0, 0 unzoomed; up and
    /// left of the item when zoomed in).
    Q_PROPERTY(QPointF pan READ pan NOTIFY viewChanged)

public:
    enum class Tool { Pen, Eraser, PartialEraser };
    Q_ENUM(Tool)

    /// Touches this soon after the stylus was last seen are a palm, not a finger.
    static constexpr int PalmRejectionMs = 600;
    /// The eraser's diameter is never smaller than this (item pixels).
    static constexpr qreal MinimumEraserSize = 16;
    /// The partial eraser's diameter (item pixels), a child's fingertip.
    static constexpr qreal PartialEraserSize = 28;
    static constexpr qreal MaximumZoom = 4;
    /// The layer is copied every this many strokes, so undoing or erasing one of the last
    /// strokes paints only those after a copy, not the whole drawing again.
    static constexpr int CheckpointEvery = 32;

    explicit InkCanvas(QQuickItem *parent = nullptr);
    ~InkCanvas() override;

    QColor penColor() const { return m_penColor; }
    void setPenColor(const QColor &color);
    qreal penWidth() const { return m_penWidth; }
    void setPenWidth(qreal width);
    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    int strokeCount() const { return m_visibleCount; }
    bool canUndo() const { return !m_undo.isEmpty(); }
    bool canRedo() const { return !m_redo.isEmpty(); }
    bool isDrawing() const { return m_current.has_value() || m_erasing.has_value(); }
    QVariantList strokes() const;
    void setStrokes(const QVariantList &strokes);
    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    /// The shown strokes' points, as the strokes property gives them.
    QList<QList<QPointF>> strokePoints() const;
    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    QPointF pan() const { return m_pan; }
    /// Where a point of the item falls on the surface, normalised (0 to 1), at this zoom.
    Q_INVOKABLE QPointF surfacePoint(QPointF itemPoint) const;

    /// Takes back the last drawing or erasing (an erased stroke comes back).
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    /// Erases every stroke, as one step that undo takes back.
    Q_INVOKABLE void clear();
    /// Where a shown stroke is drawn, in item coordinates; empty for an unknown or erased one.
    Q_INVOKABLE QRectF strokeBounds(int strokeId) const;
    /// Back to the whole surface, unzoomed.
    Q_INVOKABLE void resetView();

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void penColorChanged();
    void penWidthChanged();
    void toolChanged();
    void strokeCountChanged();
    void historyChanged();
    void drawingChanged();
    /// The shown strokes changed: one drawn, erased, undone or redone, or strokes set.
    void strokesChanged();
    void readOnlyChanged();
    void viewChanged();
    /// A stroke was drawn, or left over by the partial eraser: its points (QPointF, 0 to 1
    /// across and down, in drawing order), colour, width (a fraction of the item's width) and
    /// the stylus pressure per point (0 to 1; empty when drawn without). Ids count from 0 in
    /// drawing order.
    void strokeFinished(int strokeId, const QVariantList &points, const QColor &color, qreal width,
        const QVariantList &pressures);
    /// A stroke left the drawing: erased, its drawing undone, or its erasing redone.
    void strokeErased(int strokeId);
    /// An erased stroke came back: its erasing undone or its drawing redone.
    void strokeRestored(int strokeId);

protected:
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *data) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void itemChange(ItemChange change, const ItemChangeData &value) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseUngrabEvent() override;
    void touchEvent(QTouchEvent *event) override;
    void touchUngrabEvent() override;

private:
    enum class Source { Mouse, Touch, Stylus };

    // The stroke being drawn, in surface pixels (the item's size at zoom 1).
    struct Mesh {
        QList<QPointF> strip;
        QRectF bounds;
    };
    struct Stroke {
        QList<InkPoint> points; // normalised to the item, as drawn (before smoothing)
        QColor colour;
        qreal width = 0; // fraction of the item's width
        bool hasPressure = false;
        bool shown = true;
        bool followsPen = false; // set as a list of points: the pen's colour and width
        QRectF bounds; // in surface pixels, ink included; made again on resize
    };
    struct CurrentStroke {
        Source source;
        int touchId = -1;
        QColor colour;
        qreal width = 0;
        bool hasPressure = false;
        QList<InkPoint> raw; // surface pixels
        Mesh mesh;
    };
    struct Erasing {
        Source source;
        int touchId = -1;
        bool partial = false;
        QPointF last; // surface pixels
        QList<int> hidden;
        QList<int> added;
    };
    // One step of undo: strokes that went and strokes that came. Drawing adds one; erasing
    // hides some; the partial eraser hides some and adds what is left of them.
    struct Action {
        QList<int> hidden;
        QList<int> added;
    };
    // Two fingers on the canvas: where they started, and the view then.
    struct Pinch {
        int firstId = -1;
        int secondId = -1;
        QPointF firstStart;
        QPointF secondStart;
        QPointF first;
        QPointF second;
        qreal zoomAtStart = 1;
        QPointF panAtStart;
    };

    void press(Source source, int touchId, const InkPoint &point, bool hasPressure, bool erase);
    bool isTracking(Source source, int touchId = -1) const;
    void move(const InkPoint &point);
    void release(const InkPoint &point);
    void cancel();
    bool tabletEvent(QTabletEvent *event);
    bool stylusInUse() const;
    bool isTopmostAt(QPointF scenePosition) const;
    void startPinch(const QEventPoint &first, const QEventPoint &second);
    void movePinch();
    InkPoint toSurface(QPointF itemPoint, qreal pressure, qint64 timeMs) const;
    void setView(qreal zoom, QPointF pan);
    void eraseAlong(QPointF from, QPointF to);
    QList<QList<InkPoint>> piecesLeft(const Stroke &stroke, QPointF from, QPointF to) const;
    int append(Stroke stroke);
    QList<InkPoint> surfacePixels(const Stroke &stroke) const;
    QRectF boundsOf(const Stroke &stroke) const;
    Mesh meshFor(const QList<InkPoint> &pixelPoints, qreal baseWidth) const;
    void setShown(const QList<int> &strokeIds, bool shown);
    void undoOrRedo(const Action &action, bool undoing);
    void pushAction(Action action);
    void shownChanged();
    void followPen();
    qreal eraserRadius(bool partial) const;
    void layerStale();
    void strokesChangedFrom(qsizetype id);
    void paintLayer();

    QColor m_penColor = Qt::black;
    qreal m_penWidth = 0.01;
    Tool m_tool = Tool::Pen;
    bool m_readOnly = false;
    QList<Stroke> m_strokes; // append-only: a stroke's index is its id
    int m_visibleCount = 0;
    QList<Action> m_undo;
    QList<Action> m_redo;
    std::optional<CurrentStroke> m_current;
    std::optional<Erasing> m_erasing;
    std::optional<Pinch> m_pinch;
    bool m_stylusDown = false;
    QElapsedTimer m_sinceStylus;
    QPointer<QQuickWindow> m_filteredWindow;
    qreal m_zoom = 1;
    QPointF m_pan;

    // The layer of finished strokes, painted at the view it was painted with (during a pinch
    // it is stretched, and painted again sharp when the fingers lift). Touched in
    // updatePaintNode, while the GUI thread is blocked.
    QImage m_layer;
    qreal m_layerZoom = 1;
    QPointF m_layerPan;
    qsizetype m_layerPaintedTo = 0; // strokes before this one are in the layer
    bool m_layerStale = true; // painted again from the first stroke
    // The first stroke shown or hidden since the layer was painted: the layer goes back to
    // the newest copy made before it, and is painted on from there.
    qsizetype m_changedFrom = std::numeric_limits<qsizetype>::max();
    struct Checkpoint {
        QImage image;
        qsizetype at = 0; // the strokes before this one are in the image
    };
    QList<Checkpoint> m_checkpoints; // the last two, oldest first
    bool m_layerChanged = true; // its texture must be made again
    bool m_currentDirty = false;
};

} // namespace doorstep
