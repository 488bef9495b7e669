#pragma once

#include "genogram/ecomap.h"
#include "genogram/ecomaplayout.h"
#include "genogram/genogram.h"
#include "genogram/genogramlayout.h"

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSet>

namespace doorstep
{

/// What a GenogramView draws: one family's genogram with its layout, and its ecomap. A
/// controller fills it from the store; views only read it. (QML knows it through
/// Doorstep.Genogram; it has no Qt Quick in it, so a controller can hold one without it.) Each new
/// genogram is laid out against the last one, so an edit moves as few people as it can
/// (GenogramLayout rule 6).
class GenogramScene : public QObject
{
    Q_OBJECT
    /// Everything drawn (symbols, lines, names), in layout units; null when there is no one.
    Q_PROPERTY(QRectF bounds READ bounds NOTIFY changed)
    Q_PROPERTY(QRectF ecomapBounds READ ecomapBounds NOTIFY ecomapChanged)
    Q_PROPERTY(int personCount READ personCount NOTIFY changed)
    Q_PROPERTY(int linkCount READ linkCount NOTIFY ecomapChanged)

public:
    explicit GenogramScene(QObject *parent = nullptr);

    /// Shows @p genogram. With @p keepPlaces (an edit of the family shown), people keep their
    /// rows and order and move only to make room; without it (another family, or a first
    /// load) the layout starts afresh.
    void setGenogram(Genogram genogram, bool keepPlaces);
    /// Shows the ecomap of the family called @p familyLabel, listing @p members in its circle.
    void setEcomap(const QString &familyLabel, const QList<EcomapLink> &links,
        const QList<EcomapLayout::Member> &members);
    void clear();

    const Genogram &genogram() const { return m_genogram; }
    const GenogramLayout &layout() const { return m_layout; }
    const EcomapLayout &ecomap() const { return m_ecomap; }
    const QList<EcomapLink> &links() const { return m_links; }
    QRectF bounds() const { return m_bounds; }
    QRectF ecomapBounds() const;
    int personCount() const { return int(m_layout.places.size()); }
    int linkCount() const { return int(m_links.size()); }

    /// The person whose symbol is at @p point (layout units), or empty.
    Q_INVOKABLE QString personAt(QPointF point) const;
    /// The shown line nearest @p point within @p tolerance (layout units), or empty.
    Q_INVOKABLE QString relationAt(QPointF point, qreal tolerance) const;
    /// The ecomap link nearest @p point within @p tolerance (ecomap units), or empty.
    Q_INVOKABLE QString linkAt(QPointF point, qreal tolerance) const;
    /// Where a person's symbol stands (layout units); (0, 0) for someone not shown.
    Q_INVOKABLE QPointF positionOf(const QString &personId) const;

Q_SIGNALS:
    void changed();
    void ecomapChanged();

private:
    Genogram m_genogram;
    GenogramLayout m_layout;
    QString m_familyLabel;
    QRectF m_bounds;
    QList<EcomapLink> m_links;
    QList<EcomapLayout::Member> m_members;
    EcomapLayout m_ecomap;
};

} // namespace doorstep
