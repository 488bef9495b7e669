#include "catchhelpers.h"
#include "documents/documentwriter.h"
#include "documents/housepicture.h"
#include "documents/lettertochilddocument.h"
#include "pdfinspector.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using doorstep::DocumentWriter;
using doorstep::Error;
using doorstep::House;
using doorstep::HousePicture;
using doorstep::HouseWords;
using doorstep::LetterToChildDocument;
using doorstep::PlacedSticker;
using doorstep::Stroke;
using doorstep::test::PdfInspector;
using doorstep::test::require;

namespace
{

// Colours found nowhere in the art, the stickers or the letter's own colours, so a pixel near
// one can only come from a stroke drawn in it.
const QRgb sharedInk = qRgb(0xff, 0x00, 0xff);
const QRgb privateInk = qRgb(0x00, 0xff, 0x00);
const QString secret = QStringLiteral("SECRETWORRY123");
const QString secretName = QStringLiteral("SECRETNAME456");

Stroke stroke(QList<QPointF> points, QRgb colour, double width = 0.05)
{
    Stroke drawn;
    drawn.points = std::move(points);
    drawn.colour = QColor(colour).name();
    drawn.width = width;
    return drawn;
}

HouseWords words(const QString &text, HouseWords::WrittenBy by = HouseWords::WrittenBy::Child,
    const QString &prompt = QString())
{
    HouseWords written;
    written.words = text;
    written.writtenBy = by;
    written.prompt = prompt;
    return written;
}

// Mia's letter: her houses of good things and of dreams shared, her house of worries kept
// private, with words and ink found nowhere else.
LetterToChildDocument miasLetter()
{
    LetterToChildDocument letter;
    letter.childFirstName = QStringLiteral("Mia");
    letter.childAge = 9;
    letter.writtenOn = QDate(2026, 3, 20);
    letter.message = QStringLiteral(
        "Thank you for showing me your three houses when I came to see you on Tuesday. You "
        "worked really hard and you told me lots of important things.\n"
        "\n"
        "I have put the houses you wanted to share in this letter so you can keep them.\n"
        "  You can look at them whenever you like.");
    letter.practitionerName = QStringLiteral("Jo Okafor");
    letter.serviceName = QStringLiteral("Northfield Early Help");
    letter.familyName = QStringLiteral("Ashdown");

    House worries;
    worries.kind = House::Kind::Worries;
    worries.name = secretName;
    worries.shareAllowed = false;
    worries.strokes = { stroke({ { 0.1, 0.4 }, { 0.5, 0.45 }, { 0.9, 0.4 } }, privateInk, 0.08) };
    worries.words = { words(secret + QStringLiteral(" when people shout at home")),
        words(QStringLiteral("Also ") + secret, HouseWords::WrittenBy::PractitionerScribing,
            QStringLiteral("What worries you at bedtime? ") + secret) };
    PlacedSticker sad;
    sad.sticker = QStringLiteral("sad");
    worries.stickers = { sad };

    House goodThings;
    goodThings.kind = House::Kind::GoodThings;
    goodThings.name = QStringLiteral("My happy house");
    goodThings.symbol = QStringLiteral("sun");
    goodThings.shareAllowed = true;
    goodThings.strokes = {
        stroke({ { 0.15, 0.55 }, { 0.3, 0.5 }, { 0.5, 0.6 }, { 0.7, 0.5 }, { 0.85, 0.55 } },
            sharedInk),
        stroke({ { 0.2, 0.8 }, { 0.25, 0.7 }, { 0.3, 0.8 } }, qRgb(0x1d, 0x35, 0x57), 0.02),
    };
    PlacedSticker heart;
    heart.sticker = QStringLiteral("heart");
    heart.x = 0.8;
    heart.y = 0.8;
    heart.size = 0.18;
    goodThings.stickers = { heart };
    goodThings.words = { words(QStringLiteral("I like it when Nan takes me swimming.")),
        words(QStringLiteral("Playing football with my brother Jayden"),
            HouseWords::WrittenBy::PractitionerScribing, QStringLiteral("What makes you smile?")) };

    House dreams;
    dreams.kind = House::Kind::Dreams;
    dreams.shareAllowed = true;
    dreams.strokes = { stroke({ { 0.2, 0.2 }, { 0.5, 0.3 }, { 0.8, 0.2 } }, sharedInk, 0.03) };
    dreams.words = { words(QStringLiteral("I want to be a vet\nand have a dog called Biscuit")) };

    letter.houses = { worries, goodThings, dreams };
    return letter;
}

QByteArray pdfOf(const LetterToChildDocument &letter)
{
    const QByteArray bytes = require(DocumentWriter::letterToChildPdf(letter));
    REQUIRE(bytes.startsWith("%PDF-"));
    return bytes;
}

QString saved(const QTemporaryDir &folder, const QByteArray &bytes)
{
    const QString path = folder.filePath(QStringLiteral("letter.pdf"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    file.close();
    return path;
}

// pdftotext breaks lines where the PDF does: compare words, not layout.
QString flattened(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).simplified();
}

void saveShots(const QList<QImage> &pages, const QString &stem)
{
    const QString shots = qEnvironmentVariable("DOORSTEP_SCREENSHOT_DIR");
    if (shots.isEmpty())
        return;
    REQUIRE(QDir().mkpath(shots));
    for (qsizetype index = 0; index < pages.size(); ++index) {
        CHECK(pages.at(index).save(
            QDir(shots).filePath(stem + QStringLiteral("-%1.png").arg(index + 1))));
    }
}

} // namespace

TEST_CASE(
    "The letter shows the shared houses' words, and nothing of a private house", "[documents]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const PdfInspector pdf(saved(folder, pdfOf(miasLetter())));
    REQUIRE(pdf.isPdf());
    const auto extracted = pdf.text();
    if (!extracted) {
        WARN("pdftotext is missing: the letter's text is not checked");
        return;
    }
    const QString text = flattened(*extracted);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("A letter for Mia")));
    CHECK(text.contains(QStringLiteral("20 March 2026")));
    CHECK(text.contains(QStringLiteral("told me lots of important things.")));
    CHECK(text.contains(QStringLiteral("My happy house")));
    CHECK(text.contains(QStringLiteral("House of dreams")));
    CHECK(text.contains(QStringLiteral("I like it when Nan takes me swimming.")));
    CHECK(text.contains(
        QStringLiteral("What makes you smile? Playing football with my brother Jayden "
                       "(Written down for you by Jo Okafor)")));
    CHECK(text.contains(QStringLiteral("I want to be a vet and have a dog called Biscuit")));
    CHECK(text.contains(QStringLiteral("You chose to keep your house of worries private.")));
    CHECK(text.contains(QStringLiteral("Jo Okafor")));
    CHECK(text.contains(QStringLiteral("Your family worker at Northfield Early Help")));
    CHECK(text.contains(QStringLiteral("This letter is for Mia in the Ashdown family to keep.")));
    // Words the child wrote herself carry no scribe's mark.
    CHECK(text.count(QStringLiteral("Written down for you")) == 1);
    CHECK_FALSE(text.contains(secret));
    CHECK_FALSE(text.contains(secretName));
    CHECK_FALSE(text.contains(QStringLiteral("bedtime")));
    CHECK_FALSE(text.contains(QStringLiteral("House of worries")));
}

TEST_CASE("The letter draws the shared houses' ink, and none of a private house's", "[documents]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = saved(folder, pdfOf(miasLetter()));
    const auto pages = PdfInspector::colourPages(path, 50);
    if (!pages) {
        WARN("pdftoppm is missing: the letter's pictures are not checked");
        return;
    }
    REQUIRE_FALSE(pages->isEmpty());
    CHECK(PdfInspector::pixelsNear(*pages, sharedInk) > 40);
    CHECK(PdfInspector::pixelsNear(*pages, privateInk) == 0);

    if (!qEnvironmentVariableIsEmpty("DOORSTEP_SCREENSHOT_DIR")) {
        const auto sharp = PdfInspector::colourPages(path, 100);
        REQUIRE(sharp);
        saveShots(*sharp, QStringLiteral("letter-to-child-pdf"));
        House house = miasLetter().houses.at(1);
        const QByteArray png = require(HousePicture::png(house, 600));
        QFile file(QDir(qEnvironmentVariable("DOORSTEP_SCREENSHOT_DIR"))
                       .filePath(QStringLiteral("letter-to-child-house.png")));
        REQUIRE(file.open(QIODevice::WriteOnly));
        CHECK(file.write(png) == png.size());
    }
}

TEST_CASE("The letter's preview has the PDF's pages, and the same ink", "[documents]")
{
    const LetterToChildDocument letter = miasLetter();
    const QList<QImage> preview = require(DocumentWriter::letterToChildPages(letter, 800));
    REQUIRE_FALSE(preview.isEmpty());
    for (const QImage &page : preview) {
        CHECK(page.width() == 800);
        // A4's proportions.
        CHECK(std::abs(page.height() - qRound(800 * 297.0 / 210.0)) <= 1);
    }
    CHECK(PdfInspector::pixelsNear(preview, sharedInk) > 100);
    CHECK(PdfInspector::pixelsNear(preview, privateInk) == 0);
    saveShots(preview, QStringLiteral("letter-to-child-preview"));

    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const PdfInspector pdf(saved(folder, pdfOf(letter)));
    CHECK(pdf.pageObjects() == preview.size());
    if (const auto poppler = pdf.popplerPages())
        CHECK(*poppler == preview.size());
    else
        WARN("pdfinfo is missing: the page count is read from the PDF alone");
}

TEST_CASE("A long letter runs on to more pages, in the preview too", "[documents]")
{
    LetterToChildDocument letter = miasLetter();
    QStringList paragraphs;
    for (int index = 1; index <= 14; ++index) {
        paragraphs << QStringLiteral("Paragraph %1: you were brave to talk about your houses, and "
                                     "I am proud of how hard you worked.")
                          .arg(index);
    }
    letter.message = paragraphs.join(QLatin1Char('\n'));
    for (House &house : letter.houses)
        house.shareAllowed = true;

    const QList<QImage> preview = require(DocumentWriter::letterToChildPages(letter, 400));
    CHECK(preview.size() >= 4);
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const PdfInspector pdf(saved(folder, pdfOf(letter)));
    CHECK(pdf.pageObjects() == preview.size());
    // Shared now, the house of worries is in the letter as it was drawn.
    CHECK(PdfInspector::pixelsNear(preview, privateInk) > 0);
    saveShots(preview, QStringLiteral("letter-to-child-long"));
}

TEST_CASE("A letter with no child's name is refused", "[documents]")
{
    LetterToChildDocument letter = miasLetter();
    letter.childFirstName = QStringLiteral("   ");
    const auto pdf = DocumentWriter::letterToChildPdf(letter);
    REQUIRE_FALSE(pdf.ok());
    CHECK(pdf.error().code == Error::Code::InvalidArgument);
    CHECK_FALSE(pdf.error().message.isEmpty());
    const auto pages = DocumentWriter::letterToChildPages(letter, 800);
    REQUIRE_FALSE(pages.ok());
    CHECK(pages.error().code == Error::Code::InvalidArgument);
}

TEST_CASE("A preview too narrow or too wide is refused", "[documents]")
{
    for (const int width : { 0, 99, 4097 }) {
        INFO(width);
        const auto pages = DocumentWriter::letterToChildPages(miasLetter(), width);
        REQUIRE_FALSE(pages.ok());
        CHECK(pages.error().code == Error::Code::InvalidArgument);
    }
}
