#pragma once

#include <QString>
#include <functional>

class QPaintDevice;
class QTextDocument;
class QObject;

namespace doorstep
{

/// Pictures drawn by a QTextObjectInterface in the text of a document (a signature, a
/// house, the genogram): the HTML marks each one's place with an image of a known name, and
/// install() turns those images into the object. An image is one character of its paragraph,
/// so the layout moves it to the next page whole rather than split it.
class TextObjectImages
{
public:
    /// Registers @p handler (a QObject that is a QTextObjectInterface) for @p objectType with @p
    /// document's layout and turns every image whose name @p isOurs accepts into that object. The
    /// handler must outlive the document's drawing.
    static void install(QTextDocument &document, int objectType, QObject *handler,
        const std::function<bool(const QString &imageName)> &isOurs);
    /// Device pixels per CSS pixel, in which an HTML image's width and height are given.
    static double perCssPixel(const QPaintDevice *device);
    /// Device pixels per point, in which the pictures are drawn.
    static double perPoint(const QPaintDevice *device);
};

} // namespace doorstep
