#pragma once

#include "domain/threehouses.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QTextObjectInterface>

class QTextDocument;

namespace doorstep
{

/// Houses' pictures in the text of a document, each drawn by HousePicture on a white card with
/// a rounded frame, as vector paths on a PDF. The HTML marks each picture's place with an
/// image named imageName(index) whose width and height (CSS pixels) are the card's; install()
/// turns those images into this object. A picture is one line of its paragraph, so the layout
/// moves it to the next page whole rather than split it.
class HousePictureObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int objectType = QTextFormat::UserObject + 2;

    /// A house to draw and the colour of its card's frame.
    struct Framed {
        House house;
        QColor frame;
    };

    explicit HousePictureObject(QList<Framed> houses, QObject *parent = nullptr);

    /// The name of the image that marks the place of the picture of the house at `index`.
    static QString imageName(int index);

    /// Registers this object with `document`'s layout and puts it in place of every image
    /// named by imageName(). This object must outlive the document's drawing.
    void install(QTextDocument &document);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
        const QTextFormat &format) override;

private:
    QList<Framed> m_houses;
};

} // namespace doorstep
