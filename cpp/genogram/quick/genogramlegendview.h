#pragma once

#include "genogram/genogramscene.h"

#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// The key to the symbols and lines a scene's genogram uses, as GenogramLegend draws it for
/// print: beside the drawing rather than over it, in one column.
class GenogramLegendView : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::GenogramScene *scene READ scene WRITE setScene NOTIFY sceneChanged)
    /// The height of one line of the key (its symbols' size), in pixels.
    Q_PROPERTY(qreal unit READ unit WRITE setUnit NOTIFY unitChanged)
    /// How many entries the key has: 0 when the genogram is empty.
    Q_PROPERTY(int entryCount READ entryCount NOTIFY entriesChanged)

public:
    explicit GenogramLegendView(QQuickItem *parent = nullptr);

    GenogramScene *scene() const { return m_scene; }
    void setScene(GenogramScene *scene);
    qreal unit() const { return m_unit; }
    void setUnit(qreal unit);
    int entryCount() const;

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void sceneChanged();
    void unitChanged();
    void entriesChanged();

private:
    void relayout();

    QPointer<GenogramScene> m_scene;
    qreal m_unit = 22.0;
};

} // namespace doorstep
