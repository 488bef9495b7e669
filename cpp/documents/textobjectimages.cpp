#include "documents/textobjectimages.h"

#include <QAbstractTextDocumentLayout>
#include <QList>
#include <QPaintDevice>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

namespace doorstep
{

namespace
{

constexpr double cssPixelsPerInch = 96.0;
constexpr double pointsPerInch = 72.0;

// A document without a paint device is laid out in CSS pixels.
double dotsPerInch(const QPaintDevice *device)
{
    return device ? device->logicalDpiX() : cssPixelsPerInch;
}

} // namespace

void TextObjectImages::install(QTextDocument &document, int objectType, QObject *handler,
    const std::function<bool(const QString &imageName)> &isOurs)
{
    document.documentLayout()->registerHandler(objectType, handler);
    // Found first, changed after: a changed format may split or join the fragments walked.
    QList<int> positions;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat() && isOurs(format.toImageFormat().name()))
                positions.append(it.fragment().position());
        }
    }
    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    for (const int position : positions) {
        // An image is one character, the object replacement character.
        cursor.setPosition(position);
        cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
        QTextCharFormat format = cursor.charFormat();
        format.setObjectType(objectType);
        cursor.setCharFormat(format);
    }
    cursor.endEditBlock();
}

double TextObjectImages::perCssPixel(const QPaintDevice *device)
{
    return dotsPerInch(device) / cssPixelsPerInch;
}

double TextObjectImages::perPoint(const QPaintDevice *device)
{
    return dotsPerInch(device) / pointsPerInch;
}

} // namespace doorstep
