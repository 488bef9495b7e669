#include "genogram/genogramexport.h"

#include "genogram/ecomaplayout.h"
#include "genogram/genogrampainter.h"
#include "samplefamilies.h"
#include "unit/documents/pdfinspector.h"

#include <QDir>
#include <QPainter>
#include <QSvgRenderer>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>

using doorstep::EcomapLayout;
using doorstep::GenogramExport;
using doorstep::GenogramLayout;
using doorstep::test::PdfInspector;

namespace
{

void requireWellFormed(const QByteArray &svg)
{
    QXmlStreamReader reader(svg);
    int paths = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("path"))
            ++paths;
    }
    INFO(reader.errorString().toStdString());
    REQUIRE_FALSE(reader.hasError());
    CHECK(paths > 10);
}

// rsvg-convert draws the SVG with ink wherever Qt's own SVG renderer does: blocks of 12 pixels
// inked by Qt are inked by rsvg too (allowing for the two renderers' antialiasing).
void requireRsvgAgrees(const QByteArray &svg, const QString &pngPath)
{
    const auto rsvg = doorstep::test::rsvgConvert();
    if (!rsvg)
        return;
    const QImage drawn = doorstep::test::renderWithRsvg(*rsvg, svg, pngPath);
    QSvgRenderer renderer(svg);
    REQUIRE(renderer.isValid());
    QImage reference(drawn.size(), QImage::Format_RGB32);
    reference.fill(Qt::white);
    {
        QPainter painter(&reference);
        renderer.render(&painter);
    }
    constexpr int block = 12;
    int inked = 0;
    int agreed = 0;
    for (int y = block / 2; y < reference.height(); y += block) {
        for (int x = block / 2; x < reference.width(); x += block) {
            if (!doorstep::test::inkNear(reference, QPoint(x, y), block / 2))
                continue;
            ++inked;
            agreed += doorstep::test::inkNear(drawn, QPoint(x, y), block / 2 + 2);
        }
    }
    INFO("blocks inked by Qt: " << inked << ", also by rsvg: " << agreed);
    CHECK(inked > 50);
    CHECK(agreed >= inked * 97 / 100);
}

QString written(const QTemporaryDir &folder, const QString &name, const QByteArray &bytes)
{
    const QString path = folder.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

} // namespace

TEST_CASE("The genogram's SVG is XML with paths, names and the legend, and rsvg draws it",
    "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    const QByteArray svg = GenogramExport::svg(genogram, layout, QStringLiteral("The Bell family"));
    requireWellFormed(svg);
    for (const char *text :
        { "The Bell family", "Mia Bell", "Edith Bell", "Identical twins", "Adopted child" })
        CHECK(svg.contains(text));
    QTemporaryDir folder;
    requireRsvgAgrees(svg, folder.filePath(QStringLiteral("bell.png")));
}

TEST_CASE("The genogram's PDF is one A4 landscape page with the names", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::bellFamily();
    const auto layout = GenogramLayout::layout(genogram);
    QTemporaryDir folder;
    const QString path = written(folder, QStringLiteral("bell.pdf"),
        GenogramExport::pdf(genogram, layout, QStringLiteral("The Bell family")));
    PdfInspector pdf(path);
    REQUIRE(pdf.isPdf());
    CHECK(pdf.pageObjects() == 1);
    const QSizeF page = pdf.mediaBox();
    CHECK(qRound(page.width()) == 842);
    CHECK(qRound(page.height()) == 595);
    // Vector: no image in the page.
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK_FALSE(file.readAll().contains("/Subtype /Image"));
    if (const auto text = pdf.text()) {
        const QString words = text->simplified();
        for (const char *name :
            { "The Bell family", "Mia Bell", "Priya Bell", "Tom Hill", "m. 1955" })
            CHECK(words.contains(QLatin1String(name)));
    }
    if (const auto image = pdf.firstPage(72)) {
        int ink = 0;
        for (int y = 0; y < image->height(); ++y) {
            for (int x = 0; x < image->width(); ++x)
                ink += qGray(image->pixel(x, y)) < 128;
        }
        CHECK(ink > 2000);
    }
}

TEST_CASE("Sixty people export to SVG and PDF that both renderers read", "[genogramdrawing]")
{
    const auto genogram = doorstep::test::largeFamily();
    const auto layout = GenogramLayout::layout(genogram);
    REQUIRE(layout.places.size() >= 50);
    const QByteArray svg = GenogramExport::svg(genogram, layout, QStringLiteral("A large family"));
    requireWellFormed(svg);
    QTemporaryDir folder;
    requireRsvgAgrees(svg, folder.filePath(QStringLiteral("large.png")));
    const QString path = written(folder, QStringLiteral("large.pdf"),
        GenogramExport::pdf(genogram, layout, QStringLiteral("A large family")));
    PdfInspector pdf(path);
    REQUIRE(pdf.isPdf());
    if (const auto text = pdf.text())
        CHECK(
            text->contains(genogram.people().first().displayName.section(QLatin1Char(' '), 0, 1)));
    if (const auto image = pdf.firstPage(50))
        CHECK(image->width() > image->height());
}

TEST_CASE("The ecomap exports to SVG and PDF with every agency's name", "[genogramdrawing]")
{
    const auto layout = EcomapLayout::layout(QStringLiteral("The Bell family"),
        doorstep::test::sampleLinks(), doorstep::test::sampleMembers());
    const QByteArray svg = GenogramExport::ecomapSvg(layout, QStringLiteral("Who helps us"));
    requireWellFormed(svg);
    CHECK(svg.contains("Dr Khan"));
    CHECK(svg.contains("Stressful link"));
    QTemporaryDir folder;
    requireRsvgAgrees(svg, folder.filePath(QStringLiteral("ecomap.png")));
    const QString path = written(folder, QStringLiteral("ecomap.pdf"),
        GenogramExport::ecomapPdf(layout, QStringLiteral("Who helps us")));
    PdfInspector pdf(path);
    REQUIRE(pdf.isPdf());
    if (const auto text = pdf.text()) {
        const QString words = text->simplified();
        for (const char *name :
            { "Who helps us", "The Bell family", "Dr Khan", "Food bank", "Priya", "Strong link" })
            CHECK(words.contains(QLatin1String(name)));
    }
    CHECK(PdfInspector(path).firstPage(50).has_value() == bool(PdfInspector::tool("pdftoppm")));
}

TEST_CASE("An empty genogram still exports a titled page", "[genogramdrawing]")
{
    const doorstep::Genogram genogram;
    const auto layout = GenogramLayout::layout(genogram);
    const QByteArray svg = GenogramExport::svg(genogram, layout, QStringLiteral("Nobody yet"));
    QXmlStreamReader reader(svg);
    while (!reader.atEnd())
        reader.readNext();
    CHECK_FALSE(reader.hasError());
    CHECK(svg.contains("Nobody yet"));
    CHECK(GenogramExport::pdf(genogram, layout, QStringLiteral("Nobody yet")).startsWith("%PDF-"));
}

// Not run by default: writes the pictures a reviewer looks at (DOORSTEP_GENOGRAM_SHOTS).
TEST_CASE("Screenshots of a large family and an ecomap", "[.shots]")
{
    const QString folder = qEnvironmentVariable("DOORSTEP_GENOGRAM_SHOTS");
    REQUIRE_FALSE(folder.isEmpty());
    REQUIRE(QDir().mkpath(folder));
    const QDir dir(folder);
    auto save = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    const auto bell = doorstep::test::bellFamily();
    const auto bellLayout = GenogramLayout::layout(bell);
    save(QStringLiteral("bell.svg"),
        GenogramExport::svg(bell, bellLayout, QStringLiteral("The Bell family")));
    save(QStringLiteral("bell.pdf"),
        GenogramExport::pdf(bell, bellLayout, QStringLiteral("The Bell family")));
    const auto large = doorstep::test::largeFamily();
    const auto largeLayout = GenogramLayout::layout(large);
    save(QStringLiteral("large.svg"),
        GenogramExport::svg(large, largeLayout, QStringLiteral("A family of sixty")));
    save(QStringLiteral("large.pdf"),
        GenogramExport::pdf(large, largeLayout, QStringLiteral("A family of sixty")));
    // Pictures as the view paints them, to look at without an SVG viewer.
    const auto ashdown = doorstep::test::ashdownFamily();
    const auto ashdownLayout = GenogramLayout::layout(ashdown);
    save(QStringLiteral("ashdown.svg"),
        GenogramExport::svg(ashdown, ashdownLayout, QStringLiteral("The Ashdown family")));
    const QList<std::tuple<QString, const doorstep::Genogram *, const GenogramLayout *, QSize>>
        pictures { { QStringLiteral("ashdown.png"), &ashdown, &ashdownLayout, QSize(1280, 800) },
            { QStringLiteral("bell.png"), &bell, &bellLayout, QSize(1280, 800) },
            { QStringLiteral("large.png"), &large, &largeLayout, QSize(2400, 1200) } };
    for (const auto &[name, genogram, layout, size] : pictures) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        doorstep::GenogramPaintOptions options;
        options.transform = doorstep::GenogramPainter::fitTransform(
            doorstep::GenogramPainter::paintedBounds(*layout),
            QRectF(QPointF(0, 0), size).adjusted(20, 20, -20, -20));
        doorstep::GenogramPainter::paint(painter, *genogram, *layout, options);
        painter.end();
        REQUIRE(image.save(dir.filePath(name)));
    }
    const auto ecomap = EcomapLayout::layout(QStringLiteral("The Bell family"),
        doorstep::test::sampleLinks(), doorstep::test::sampleMembers());
    save(QStringLiteral("ecomap.svg"),
        GenogramExport::ecomapSvg(ecomap, QStringLiteral("Who helps us")));
    save(QStringLiteral("ecomap.pdf"),
        GenogramExport::ecomapPdf(ecomap, QStringLiteral("Who helps us")));
}
