#include "ink/strokenode.h"

#include "ink/strokepainter.h"

#include <QPainter>
#include <QPainterPath>
#include <QQuickWindow>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGRenderNode>
#include <QSGRendererInterface>

namespace doorstep
{

namespace
{

class SoftwareStrokeNode : public QSGRenderNode
{
public:
    SoftwareStrokeNode(QQuickWindow *window, const QList<QPointF> &strip, const QRectF &bounds,
        const QColor &colour)
        : m_window(window)
        , m_path(StrokePainter::stripPath(strip))
        , m_bounds(bounds)
        , m_colour(colour)
    {
    }

    void render(const RenderState *state) override
    {
        auto *painter = static_cast<QPainter *>(m_window->rendererInterface()->getResource(
            m_window, QSGRendererInterface::PainterResource));
        if (!painter)
            return;
        const QRegion *clip = state->clipRegion();
        if (clip && !clip->isEmpty())
            painter->setClipRegion(*clip, Qt::ReplaceClip);
        painter->setTransform(matrix()->toTransform());
        painter->setOpacity(inheritedOpacity());
        painter->setRenderHint(QPainter::Antialiasing);
        painter->fillPath(m_path, m_colour);
    }

    StateFlags changedStates() const override { return {}; }
    RenderingFlags flags() const override { return BoundedRectRendering; }
    QRectF rect() const override { return m_bounds; }

private:
    QQuickWindow *m_window;
    QPainterPath m_path;
    QRectF m_bounds;
    QColor m_colour;
};

} // namespace

QSGNode *StrokeNode::create(
    QQuickWindow *window, const QList<QPointF> &strip, const QRectF &bounds, const QColor &colour)
{
    if (strip.size() < 3 || !window)
        return nullptr;
    if (window->rendererInterface()->graphicsApi() == QSGRendererInterface::Software)
        return new SoftwareStrokeNode(window, strip, bounds, colour);

    auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_Point2D(), int(strip.size()));
    geometry->setDrawingMode(QSGGeometry::DrawTriangleStrip);
    QSGGeometry::Point2D *vertices = geometry->vertexDataAsPoint2D();
    for (qsizetype i = 0; i < strip.size(); ++i)
        vertices[i].set(float(strip.at(i).x()), float(strip.at(i).y()));
    auto *material = new QSGFlatColorMaterial;
    material->setColor(colour);
    auto *node = new QSGGeometryNode;
    node->setGeometry(geometry);
    node->setMaterial(material);
    node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    return node;
}

} // namespace doorstep
