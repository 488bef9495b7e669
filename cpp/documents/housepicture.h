#pragma once

#include "domain/result.h"
#include "domain/threehouses.h"

#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QPainter;

namespace doorstep
{

/// One of a child's houses as a picture: the house's art, the child's symbol in the top left
/// corner, every stroke as the canvas draws it and every sticker where it was placed. The
/// picture carries no caption; usualName() and displayName() give the words for one.
class HousePicture
{
    Q_DECLARE_TR_FUNCTIONS(doorstep::HousePicture)

public:
    static constexpr int minimumSide = 16;
    static constexpr int maximumSide = 8192;

    /// "House of worries", "House of good things" or "House of dreams".
    static QString usualName(House::Kind kind);
    /// The name the child gave the house, or its usual name when it has none.
    static QString displayName(const House &house);

    /// Each kind of house has colours of its own wherever it is printed: its name and
    /// questions in the dark one ("#rrggbb"), its card's frame in the light one.
    static QString darkColour(House::Kind kind);
    static QColor frameColour(House::Kind kind);

    /// The art of a house of this kind, as a resource path.
    static QString artPath(House::Kind kind);
    /// The sticker of that name, as a resource path; empty for a name no sticker could have.
    static QString stickerPath(const QString &sticker);

    /// Paints the house into `square`, which the drawing surface fills: in a PDF everything
    /// stays vector. Nothing is painted outside `square`; what lies under the art shows
    /// through where the art is transparent.
    static void paint(QPainter &painter, const QRectF &square, const House &house);

    /// The house on white as PNG bytes, `side` pixels square, made in memory: nothing is
    /// written to disk, as the picture is a child's own work.
    static Result<QByteArray> png(const House &house, int side);
    /// The house on one A4 page as PDF bytes, made in memory: the caption at the top (the
    /// house's name, then `byline`, e.g. "By Mia, 7, on 12 March 2026"), the picture below
    /// as large as fits, kept vector so it prints sharp at any resolution.
    static Result<QByteArray> pdf(const House &house, const QString &byline);
};

} // namespace doorstep
