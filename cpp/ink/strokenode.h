#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>

class QQuickWindow;
class QSGNode;

namespace doorstep
{

/// Makes the scene-graph node that draws one stroke's triangle strip in one colour: a
/// QSGGeometryNode on the GPU backends; on the software backend (offscreen tests, machines
/// without OpenGL), which draws no custom geometry, a render node that paints the same
/// triangles with QPainter.
class StrokeNode
{
public:
    /// A new node the caller's scene graph owns; nullptr for an empty strip.
    static QSGNode *create(QQuickWindow *window, const QList<QPointF> &strip, const QRectF &bounds,
        const QColor &colour);
};

} // namespace doorstep
