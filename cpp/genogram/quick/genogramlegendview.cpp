#include "genogram/quick/genogramlegendview.h"

#include "genogram/genogramlegend.h"
#include "genogram/genogramscene.h"

#include <QPainter>

namespace doorstep
{

GenogramLegendView::GenogramLegendView(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
}

void GenogramLegendView::setScene(GenogramScene *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (m_scene)
        connect(m_scene, &GenogramScene::changed, this, &GenogramLegendView::relayout);
    Q_EMIT sceneChanged();
    relayout();
}

void GenogramLegendView::setUnit(qreal unit)
{
    if (qFuzzyCompare(m_unit, unit) || !(unit > 0))
        return;
    m_unit = unit;
    Q_EMIT unitChanged();
    relayout();
}

int GenogramLegendView::entryCount() const
{
    return m_scene ? int(GenogramLegend::usedEntries(m_scene->genogram()).size()) : 0;
}

void GenogramLegendView::relayout()
{
    const QList<GenogramLegend::Entry> entries = m_scene
        ? GenogramLegend::usedEntries(m_scene->genogram())
        : QList<GenogramLegend::Entry>();
    const qreal across = width() > 0 ? width() : 400.0;
    setImplicitHeight(
        entries.isEmpty() ? 0 : GenogramLegend::size(entries, m_unit, across).height());
    Q_EMIT entriesChanged();
    update();
}

void GenogramLegendView::paint(QPainter *painter)
{
    if (!m_scene)
        return;
    const QList<GenogramLegend::Entry> entries = GenogramLegend::usedEntries(m_scene->genogram());
    if (entries.isEmpty())
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    // In one column, as tall as the item says it is.
    GenogramLegend::paint(*painter, QRectF(0, 0, implicitWidth(), height()), entries, m_unit,
        GenogramPaintOptions {});
}

} // namespace doorstep
