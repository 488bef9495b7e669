#include "documents/housepicture.h"

#include "catchhelpers.h"

#include <QDir>
#include <QImage>
#include <catch2/catch.hpp>

using doorstep::Error;
using doorstep::House;
using doorstep::HousePicture;
using doorstep::PlacedSticker;
using doorstep::Stroke;
using doorstep::test::require;

namespace
{

// A thick red line right across the middle of a house of worries.
House houseWithRedLine()
{
    House house;
    house.kind = House::Kind::Worries;
    Stroke stroke;
    for (int step = 0; step <= 8; ++step)
        stroke.points.append(QPointF(0.1 + step * 0.1, 0.5));
    stroke.colour = QStringLiteral("#e01010");
    stroke.width = 0.05;
    house.strokes.append(stroke);
    return house;
}

QImage pictureOf(const House &house, int side)
{
    const QByteArray png = require(HousePicture::png(house, side));
    REQUIRE(png.startsWith("\x89PNG"));
    const QImage image = QImage::fromData(png, "PNG");
    REQUIRE_FALSE(image.isNull());
    return image.convertToFormat(QImage::Format_RGB32);
}

bool isReddish(QRgb pixel)
{
    return qRed(pixel) > 180 && qGreen(pixel) < 90 && qBlue(pixel) < 90;
}

// How many pixels differ clearly between two pictures of one size, inside `area` and outside.
struct Differences {
    int inside = 0;
    int outside = 0;
};

Differences differences(const QImage &one, const QImage &other, const QRect &area)
{
    REQUIRE(one.size() == other.size());
    Differences found;
    for (int y = 0; y < one.height(); ++y) {
        for (int x = 0; x < one.width(); ++x) {
            const QRgb a = one.pixel(x, y);
            const QRgb b = other.pixel(x, y);
            const int distance = std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b))
                + std::abs(qBlue(a) - qBlue(b));
            if (distance < 48)
                continue;
            (area.contains(x, y) ? found.inside : found.outside) += 1;
        }
    }
    return found;
}

} // namespace

TEST_CASE(
    "A house picture is a PNG of the size asked for, the stroke where it was drawn", "[documents]")
{
    const QImage image = pictureOf(houseWithRedLine(), 300);
    CHECK(image.size() == QSize(300, 300));
    CHECK(isReddish(image.pixel(150, 150)));
    CHECK(isReddish(image.pixel(60, 150)));
    // Well above and below the line, the art shows, not the ink.
    CHECK_FALSE(isReddish(image.pixel(150, 30)));
    CHECK_FALSE(isReddish(image.pixel(150, 120)));
    CHECK_FALSE(isReddish(image.pixel(20, 280)));

    // The art is drawn: the picture is not blank paper with a line on it.
    int white = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            white += image.pixel(x, y) == qRgb(255, 255, 255);
    }
    CHECK(white < 75 * 75 * 9 / 10);

    const QString shots = qEnvironmentVariable("DOORSTEP_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        REQUIRE(QDir().mkpath(shots));
        CHECK(image.save(QDir(shots).filePath(QStringLiteral("house-red-line.png"))));
    }
}

TEST_CASE("A stroke of no valid colour is drawn in black", "[documents]")
{
    House house = houseWithRedLine();
    house.strokes.first().colour = QStringLiteral("not a colour");
    const QImage image = pictureOf(house, 200);
    const QRgb middle = image.pixel(100, 100);
    CHECK(qRed(middle) < 40);
    CHECK(qGreen(middle) < 40);
    CHECK(qBlue(middle) < 40);
}

TEST_CASE("A sticker is drawn where it was placed, at its size", "[documents]")
{
    const House plain = houseWithRedLine();
    House withSticker = plain;
    PlacedSticker star;
    star.sticker = QStringLiteral("star");
    star.x = 0.8;
    star.y = 0.8;
    star.size = 0.2;
    withSticker.stickers.append(star);

    const int side = 200;
    // The sticker's square: centred on (0.8, 0.8), a fifth of the side wide.
    const QRect square(QPoint(140, 140), QPoint(179, 179));
    const Differences found = differences(
        pictureOf(plain, side), pictureOf(withSticker, side), square.adjusted(-1, -1, 1, 1));
    CHECK(found.inside > square.width() * square.height() / 5);
    CHECK(found.outside == 0);
}

TEST_CASE("The child's symbol is drawn small in the top left corner", "[documents]")
{
    const House plain = houseWithRedLine();
    House withSymbol = plain;
    withSymbol.symbol = QStringLiteral("heart");
    const Differences found
        = differences(pictureOf(plain, 200), pictureOf(withSymbol, 200), QRect(0, 0, 45, 45));
    CHECK(found.inside > 200);
    CHECK(found.outside == 0);
}

TEST_CASE("A sticker whose name is no sticker's is not drawn", "[documents]")
{
    CHECK(HousePicture::stickerPath(QStringLiteral("sun"))
        == QStringLiteral(":/doorstep/assets/stickers/sun.svg"));
    CHECK(HousePicture::stickerPath(QStringLiteral("../three-houses/house-of-dreams")).isEmpty());
    CHECK(HousePicture::stickerPath(QStringLiteral("/etc/passwd")).isEmpty());
    CHECK(HousePicture::stickerPath(QString()).isEmpty());

    const House plain = houseWithRedLine();
    House withStrange = plain;
    PlacedSticker strange;
    strange.sticker = QStringLiteral("../three-houses/house-of-dreams");
    withStrange.stickers.append(strange);
    CHECK(pictureOf(plain, 100) == pictureOf(withStrange, 100));
}

TEST_CASE("A house picture too small or too large is refused", "[documents]")
{
    const House house = houseWithRedLine();
    for (const int side : { -1, 0, 15, 8193 }) {
        INFO(side);
        const auto png = HousePicture::png(house, side);
        REQUIRE_FALSE(png.ok());
        CHECK(png.error().code == Error::Code::InvalidArgument);
        CHECK(png.error().message.contains(QStringLiteral("16")));
    }
    CHECK(HousePicture::png(house, HousePicture::minimumSide).ok());
}

TEST_CASE("A house is called by the child's name for it, or by its usual name", "[documents]")
{
    House house;
    house.kind = House::Kind::Dreams;
    CHECK(HousePicture::displayName(house) == QStringLiteral("House of dreams"));
    house.name = QStringLiteral("  My   dream house ");
    CHECK(HousePicture::displayName(house) == QStringLiteral("My dream house"));
    CHECK(HousePicture::usualName(House::Kind::Worries) == QStringLiteral("House of worries"));
    CHECK(
        HousePicture::usualName(House::Kind::GoodThings) == QStringLiteral("House of good things"));
}
