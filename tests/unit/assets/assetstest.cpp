#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcessEnvironment>
#include <QSvgRenderer>
#include <catch2/catch.hpp>

// The art drawn for Doorstep: every file is valid SVG that draws something, names itself
// (its <title>, which screen readers and the app's labels use) and says it was drawn for the
// project; and the set the three houses need is there.

namespace
{

QStringList assetsUnder(const QString &folder)
{
    QStringList paths;
    QDirIterator it(
        QStringLiteral(":/doorstep/assets/") + folder, { QStringLiteral("*.svg") }, QDir::Files);
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    return paths;
}

/// The picture on white at `size`; how many of its pixels are not white.
int drawnPixels(QSvgRenderer &renderer, int size, QImage *image)
{
    *image = QImage(size, size, QImage::Format_ARGB32);
    image->fill(Qt::white);
    QPainter painter(image);
    renderer.render(&painter);
    painter.end();
    int drawn = 0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x)
            drawn += image->pixel(x, y) != qRgb(255, 255, 255);
    }
    return drawn;
}

} // namespace

TEST_CASE("Every asset is SVG that draws, with a title, drawn for Doorstep", "[assets]")
{
    const QStringList all
        = assetsUnder(QStringLiteral("three-houses")) + assetsUnder(QStringLiteral("stickers"));
    REQUIRE(all.size() >= 17);
    const QString shots
        = QProcessEnvironment::systemEnvironment().value(QStringLiteral("DOORSTEP_SCREENSHOT_DIR"));
    // With DOORSTEP_SCREENSHOT_DIR, every asset on one sheet, to look at them together.
    constexpr int Columns = 6;
    QImage sheet(
        200 * Columns, 200 * int((all.size() + Columns - 1) / Columns), QImage::Format_ARGB32);
    sheet.fill(Qt::white);
    QPainter sheetPainter(&sheet);
    int index = 0;
    for (const QString &path : all) {
        INFO(path.toStdString());
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        CHECK(text.contains("<title>"));
        CHECK(text.contains("Drawn for Doorstep."));
        // Self-contained: nothing fetched from elsewhere, no script.
        CHECK_FALSE(text.contains("href"));
        CHECK_FALSE(text.contains("<script"));
        QSvgRenderer renderer(text);
        REQUIRE(renderer.isValid());
        QImage image;
        const int drawn = drawnPixels(renderer, 200, &image);
        // Something, and not a filled square: between a tenth and nine tenths of the area.
        CHECK(drawn > 200 * 200 / 10);
        CHECK(drawn < 200 * 200 * 9 / 10);
        sheetPainter.drawImage((index % Columns) * 200, (index / Columns) * 200, image);
        ++index;
    }
    sheetPainter.end();
    if (!shots.isEmpty())
        sheet.save(QDir(shots).filePath(QStringLiteral("assets-sheet.png")));
}

TEST_CASE("The three houses are there, each under its own name", "[assets]")
{
    for (const char *house : { "house-of-worries", "house-of-good-things", "house-of-dreams" }) {
        INFO(house);
        CHECK(QFile::exists(
            QStringLiteral(":/doorstep/assets/three-houses/%1.svg").arg(QLatin1String(house))));
    }
}
