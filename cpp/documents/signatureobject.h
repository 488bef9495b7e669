#pragma once

#include <QFont>
#include <QList>
#include <QObject>
#include <QPainterPath>
#include <QPointF>
#include <QTextObjectInterface>

class QTextDocument;

namespace doorstep
{

/// A signature in the text of a document: its strokes drawn as vector paths with round caps in
/// dark ink, inside a ruled box; an empty signature says "Not signed" in the box. The HTML
/// marks its place with an image named imageName() whose width and height (in CSS pixels) are
/// the box's; install() turns that image into this object.
class SignatureObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int objectType = QTextFormat::UserObject + 1;

    /// `strokes` as ConsentFormDocument::signature holds them; "Not signed" in `font`.
    SignatureObject(QList<QList<QPointF>> strokes, QFont font, QObject *parent = nullptr);

    /// The name of the image that marks the signature's place in the HTML.
    static QString imageName();

    /// Registers this object with `document`'s layout and puts it in place of every image
    /// named imageName(). This object must outlive the document's drawing.
    void install(QTextDocument &document);

    /// The strokes as lines through their points, `box` being the unit square the points are
    /// normalised to. A tap, a stroke whose points all fall on one spot, is not in the path:
    /// see taps().
    static QPainterPath path(const QList<QList<QPointF>> &strokes, const QRectF &box);
    /// Where the taps are in `box`: each is drawn as a dot as wide as the pen, as on the pad.
    static QList<QPointF> taps(const QList<QList<QPointF>> &strokes, const QRectF &box);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
        const QTextFormat &format) override;

private:
    QList<QList<QPointF>> m_strokes;
    QFont m_font;
};

} // namespace doorstep
