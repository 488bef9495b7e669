#include "genogram/genogramscene.h"

#include "genogram/ecomaphittest.h"
#include "genogram/genogramhittest.h"
#include "genogram/genogrampainter.h"

namespace doorstep
{

GenogramScene::GenogramScene(QObject *parent)
    : QObject(parent)
{
}

void GenogramScene::setGenogram(Genogram genogram, bool keepPlaces)
{
    const GenogramLayout previous = keepPlaces ? m_layout : GenogramLayout {};
    m_genogram = std::move(genogram);
    m_layout = GenogramLayout::layout(m_genogram, previous);
    m_bounds = GenogramPainter::paintedBounds(m_layout);
    Q_EMIT changed();
}

void GenogramScene::setEcomap(const QString &familyLabel, const QList<EcomapLink> &links,
    const QList<EcomapLayout::Member> &members)
{
    if (familyLabel == m_familyLabel && links == m_links && members == m_members)
        return;
    m_familyLabel = familyLabel;
    m_links = links;
    m_members = members;
    m_ecomap = EcomapLayout::layout(m_familyLabel, m_links, m_members);
    Q_EMIT ecomapChanged();
}

void GenogramScene::clear()
{
    setGenogram({}, false);
    setEcomap({}, {}, {});
}

QRectF GenogramScene::ecomapBounds() const
{
    return m_ecomap.bounds;
}

QString GenogramScene::personAt(QPointF point) const
{
    return GenogramHitTest::personAt(m_layout, point);
}

QString GenogramScene::relationAt(QPointF point, qreal tolerance) const
{
    return GenogramHitTest::relationAt(m_genogram, m_layout, point, tolerance);
}

QString GenogramScene::linkAt(QPointF point, qreal tolerance) const
{
    return EcomapHitTest::linkAt(m_ecomap, point, tolerance);
}

QPointF GenogramScene::positionOf(const QString &personId) const
{
    return m_layout.position(personId).value_or(QPointF());
}

} // namespace doorstep
