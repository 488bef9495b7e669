#pragma once

#include "ink/inkpoint.h"

#include <QColor>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QQuickItem>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <optional>

class QTabletEvent;

namespace doorstep
{

/// A surface to draw on with a stylus, a finger or a mouse, drawn through the scene graph:
/// one node per stroke, made once, so adding a stroke never redraws the others. A stylus
/// varies the width with pressure, and while one is in use touches are ignored (a palm
/// resting on the screen). The eraser takes away whole strokes it passes over; undo and
/// redo cover drawing and erasing. Strokes are reported normalised to the item, as
/// doorstep::Stroke keeps them: (0, 0) top left, (1, 1) bottom right. Stored strokes can be
/// shown again (a signature), and a read-only canvas only shows.
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
    /// replaces what is shown and forgets the history; strokes set here have no colour or
    /// width of their own and are drawn at the pen's, following it when it changes.
    Q_PROPERTY(QVariantList strokes READ strokes WRITE setStrokes NOTIFY strokesChanged)
    /// Mouse, touch and stylus pass through to what lies below: the canvas only shows.
    Q_PROPERTY(bool readOnly READ isReadOnly WRITE setReadOnly NOTIFY readOnlyChanged)

public:
    enum class Tool { Pen, Eraser };
    Q_ENUM(Tool)

    /// Touches this soon after the stylus was last seen are a palm, not a finger.
    static constexpr int PalmRejectionMs = 600;
    /// The eraser's diameter is never smaller than this (item pixels).
    static constexpr qreal MinimumEraserSize = 16;

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

    /// Takes back the last drawing or erasing (an erased stroke comes back).
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    /// Erases every stroke, as one step that undo takes back.
    Q_INVOKABLE void clear();
    /// Where a shown stroke is drawn, in item coordinates; empty for an unknown or erased one.
    Q_INVOKABLE QRectF strokeBounds(int strokeId) const;

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
    /// A stroke was drawn: its points (QPointF, 0 to 1 across and down, in drawing order),
    /// colour and width (a fraction of the item's width). Ids count from 0 in drawing order.
    void strokeFinished(int strokeId, const QVariantList &points, const QColor &color, qreal width);
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

    // A stroke's shape in item pixels, made from its points when first drawn.
    struct Mesh {
        QList<QPointF> centre;
        QList<qreal> widths;
        QList<QPointF> strip;
        QRectF bounds;
    };
    struct Stroke {
        QList<InkPoint> points; // normalised to the item, as drawn (before smoothing)
        QColor colour;
        qreal width = 0; // fraction of the item's width
        bool shown = true;
        bool followsPen = false; // set through the strokes property: the pen's colour and width
        // A cache made from the points when first needed, made again after a resize.
        mutable std::optional<Mesh> mesh;
    };
    struct CurrentStroke {
        Source source;
        int touchId = -1;
        QColor colour;
        qreal width = 0;
        QList<InkPoint> raw; // item pixels
        Mesh mesh;
    };
    struct Erasing {
        Source source;
        int touchId = -1;
        QPointF last;
        QList<int> erased;
    };
    struct Action {
        enum class Kind { Draw, Erase } kind;
        QList<int> strokeIds;
    };

    void press(Source source, int touchId, const InkPoint &point, bool erase);
    bool isTracking(Source source, int touchId = -1) const;
    void move(const InkPoint &point);
    void release(const InkPoint &point);
    void cancel();
    bool tabletEvent(QTabletEvent *event);
    bool stylusInUse() const;
    bool isTopmostAt(QPointF scenePosition) const;
    void eraseAlong(QPointF from, QPointF to);
    Mesh meshFor(const QList<InkPoint> &pixelPoints, qreal baseWidth) const;
    const Mesh &ensureMesh(const Stroke &stroke) const;
    void setShown(const QList<int> &strokeIds, bool shown);
    void pushAction(Action action);
    void shownChanged();
    void followPen();
    qreal eraserRadius() const;

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
    bool m_stylusDown = false;
    QElapsedTimer m_sinceStylus;
    QPointer<QQuickWindow> m_filteredWindow;

    // Render-side state, touched only in updatePaintNode (the GUI thread is blocked then).
    QList<QSGNode *> m_nodes; // per stroke id; nullptr when not shown
    QSGNode *m_currentNode = nullptr;
    qsizetype m_dirtyFrom = 0; // the first stroke whose node may be out of date
    bool m_currentDirty = false;
    bool m_rebuildAll = true;
};

} // namespace doorstep
