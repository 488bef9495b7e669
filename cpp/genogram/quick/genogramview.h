#pragma once

#include <QPointF>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QTransform>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

class GenogramScene;

/// Draws a GenogramScene's genogram, or its ecomap, with the notation GenogramPainter and
/// EcomapPainter use for print, at any zoom. It only shows and answers "what is under this
/// point": gestures (tap, drag, pinch, wheel) are QML handlers that call zoomAbout(),
/// panBy() and the hit tests, so finger, stylus and mouse all work the same way.
class GenogramView : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::GenogramScene *scene READ scene WRITE setScene NOTIFY sceneChanged)
    /// Draws the ecomap rather than the genogram.
    Q_PROPERTY(bool showEcomap READ showEcomap WRITE setShowEcomap NOTIFY showEcomapChanged)
    Q_PROPERTY(QString selectedPersonId READ selectedPersonId WRITE setSelectedPersonId NOTIFY
            selectionChanged)
    Q_PROPERTY(QString selectedRelationId READ selectedRelationId WRITE setSelectedRelationId NOTIFY
            selectionChanged)
    Q_PROPERTY(
        QString selectedLinkId READ selectedLinkId WRITE setSelectedLinkId NOTIFY selectionChanged)
    /// The support network in full colour, everyone else faded.
    Q_PROPERTY(bool highlightSupport READ highlightSupport WRITE setHighlightSupport NOTIFY
            highlightSupportChanged)
    /// 1 shows the whole drawing (at most MaximumUnitSize pixels a symbol); pinch or wheel
    /// from MinimumZoom to MaximumZoom.
    Q_PROPERTY(qreal zoom READ zoom NOTIFY viewChanged)
    /// Pixels per layout unit (a symbol's width) at the present zoom.
    Q_PROPERTY(qreal unitSize READ unitSize NOTIFY viewChanged)

public:
    static constexpr qreal MinimumZoom = 0.5;
    static constexpr qreal MaximumZoom = 8.0;
    /// A small family is not blown up past this: a symbol a generous finger's width.
    static constexpr qreal MaximumUnitSize = 64.0;

    explicit GenogramView(QQuickItem *parent = nullptr);

    GenogramScene *scene() const { return m_scene; }
    void setScene(GenogramScene *scene);
    bool showEcomap() const { return m_showEcomap; }
    void setShowEcomap(bool show);
    QString selectedPersonId() const { return m_selectedPersonId; }
    void setSelectedPersonId(const QString &id);
    QString selectedRelationId() const { return m_selectedRelationId; }
    void setSelectedRelationId(const QString &id);
    QString selectedLinkId() const { return m_selectedLinkId; }
    void setSelectedLinkId(const QString &id);
    bool highlightSupport() const { return m_highlightSupport; }
    void setHighlightSupport(bool highlight);
    qreal zoom() const;
    qreal unitSize() const;

    /// An item point in the drawing's units, and back.
    Q_INVOKABLE QPointF toUnits(QPointF itemPoint) const;
    Q_INVOKABLE QPointF toItem(QPointF unitPoint) const;
    /// The person, line or ecomap link under an item point (a finger's tolerance), or empty.
    Q_INVOKABLE QString personAt(QPointF itemPoint) const;
    Q_INVOKABLE QString relationAt(QPointF itemPoint) const;
    Q_INVOKABLE QString linkAt(QPointF itemPoint) const;
    /// Zooms by @p factor keeping what is under @p itemPoint where it is.
    Q_INVOKABLE void zoomAbout(qreal factor, QPointF itemPoint);
    Q_INVOKABLE void panBy(qreal dx, qreal dy);
    /// The whole drawing, centred, at zoom 1.
    Q_INVOKABLE void fitAll();
    /// Brings a person's symbol into view, keeping the zoom.
    Q_INVOKABLE void showPerson(const QString &personId);

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void sceneChanged();
    void showEcomapChanged();
    void selectionChanged();
    void highlightSupportChanged();
    void viewChanged();

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    void onSceneChanged();
    QRectF contentBounds() const;
    qreal fitScale() const;
    QTransform transform() const;
    void keepInView();

    QPointer<GenogramScene> m_scene;
    bool m_showEcomap = false;
    QString m_selectedPersonId;
    QString m_selectedRelationId;
    QString m_selectedLinkId;
    bool m_highlightSupport = false;
    /// Pixels per layout unit, and where the layout's origin is on the item. Anchored to the
    /// layout's units, not to the drawing's bounds, so an edit that makes the drawing wider
    /// leaves everyone else where they are on the screen.
    qreal m_scale = MaximumUnitSize;
    QPointF m_origin;
    bool m_fitted = false;
    /// Zoomed or panned since the last fit: a resize then keeps the view, not fits again.
    bool m_moved = false;
};

} // namespace doorstep
