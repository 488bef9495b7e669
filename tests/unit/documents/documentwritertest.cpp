#include "documents/documentwriter.h"

#include "documents/documenthtml.h"
#include "documents/familyplandocument.h"
#include "documents/housepictureobject.h"
#include "documentsamples.h"
#include "pdfinspector.h"
#include "unit/genogramdrawing/samplefamilies.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>
#include <catch2/catch.hpp>

using doorstep::DocumentWriter;
using doorstep::Error;
using doorstep::FamilyPlanDocument;
using doorstep::House;
using doorstep::HouseWords;
using doorstep::Stroke;
using doorstep::test::DocumentFolder;
using doorstep::test::PdfInspector;

namespace
{

// The page count the writer returned, checked against the file and, when installed, poppler.
void requirePages(const PdfInspector &pdf, int written)
{
    REQUIRE(pdf.isPdf());
    CHECK(pdf.pageObjects() == written);
    if (const auto poppler = pdf.popplerPages())
        CHECK(*poppler == written);
}

int occurrences(const QString &text, const QString &part)
{
    return int(text.count(part));
}

// pdftotext breaks lines where the PDF does, gives Arabic letters in their joined
// presentation forms and marks right-to-left runs: compare words, not layout.
QString flattened(const QString &text)
{
    static const QRegularExpression bidiControls(
        QStringLiteral("[\\x{200e}\\x{200f}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}]"));
    QString plain = text.normalized(QString::NormalizationForm_KC);
    plain.remove(bidiControls);
    return plain.simplified();
}

// Stands in for an Arabic or Hebrew translation: every label of the documents library gains a
// Hebrew letter in front, so it reads right to left as a real translation would. Formats are
// left alone, as a translator would keep them working.
class RightToLeftTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(
        const char *context, const char *sourceText, const char *disambiguation, int) const override
    {
        if (qstrncmp(context, "doorstep::", 10) != 0)
            return QString();
        if (qstrcmp(disambiguation, "date format") == 0)
            return QString::fromUtf8(sourceText);
        return QStringLiteral("\u05d0 ") + QString::fromUtf8(sourceText);
    }
};

// Runs a test in a right-to-left language, and restores English afterwards.
class RightToLeftLanguage
{
public:
    RightToLeftLanguage()
    {
        QCoreApplication::installTranslator(&m_translator);
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    }
    ~RightToLeftLanguage()
    {
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QCoreApplication::removeTranslator(&m_translator);
    }
    RightToLeftLanguage(const RightToLeftLanguage &) = delete;
    RightToLeftLanguage &operator=(const RightToLeftLanguage &) = delete;

private:
    RightToLeftTranslator m_translator;
};

// The last word with this text on a page: in the footer, for words the footer repeats.
std::optional<PdfInspector::Word> lastWord(
    const QList<PdfInspector::Word> &words, int page, const QString &text)
{
    std::optional<PdfInspector::Word> found;
    for (const auto &word : words) {
        if (word.page == page && word.text == text)
            found = word;
    }
    return found;
}

// Ink and words found nowhere else in the plan, the houses' art or their stickers: a pixel
// near one of these colours, or one of these words, can only come from that house.
const QRgb sharedInk = qRgb(0xff, 0x00, 0xff);
const QRgb privateInk = qRgb(0x00, 0xff, 0x00);
const QString sharedMarker = QStringLiteral("SHAREDSWIM789");
const QString privateMarker = QStringLiteral("PRIVATEWORRY321");
const QString privateName = QStringLiteral("PRIVATENAME654");

Stroke stroke(QList<QPointF> points, QRgb colour, double width)
{
    Stroke drawn;
    drawn.points = std::move(points);
    drawn.colour = QColor(colour).name();
    drawn.width = width;
    return drawn;
}

HouseWords houseWords(
    const QString &text, HouseWords::WrittenBy by, const QString &prompt = QString())
{
    HouseWords written;
    written.words = text;
    written.writtenBy = by;
    written.prompt = prompt;
    return written;
}

// The Ashdown plan with Mia's houses: her house of good things shared, her house of worries
// private; and Zeb, whose only house is private. Both private houses reach the document here,
// as a slip upstream might let them: the writer must still leave them out.
FamilyPlanDocument planWithHouses()
{
    FamilyPlanDocument plan = doorstep::test::ashdownPlan();

    House goodThings;
    goodThings.kind = House::Kind::GoodThings;
    goodThings.name = QStringLiteral("My happy house");
    goodThings.symbol = QStringLiteral("sun");
    goodThings.shareAllowed = true;
    goodThings.strokes = {
        stroke({ { 0.15, 0.55 }, { 0.3, 0.5 }, { 0.5, 0.6 }, { 0.7, 0.5 }, { 0.85, 0.55 } },
            sharedInk, 0.05),
    };
    goodThings.words = { houseWords(
                             QStringLiteral("I like it when Nan takes me swimming ") + sharedMarker,
                             HouseWords::WrittenBy::Child),
        houseWords(QStringLiteral("Playing football with my brother Jayden"),
            HouseWords::WrittenBy::PractitionerScribing, QStringLiteral("What makes you smile?")) };

    House worries;
    worries.kind = House::Kind::Worries;
    worries.name = privateName;
    worries.shareAllowed = false;
    worries.strokes = { stroke({ { 0.1, 0.4 }, { 0.5, 0.45 }, { 0.9, 0.4 } }, privateInk, 0.08) };
    worries.words = { houseWords(privateMarker + QStringLiteral(" when people shout at home"),
        HouseWords::WrittenBy::PractitionerScribing,
        QStringLiteral("What worries you at night?")) };

    House zebsDreams;
    zebsDreams.kind = House::Kind::Dreams;
    zebsDreams.shareAllowed = false;
    zebsDreams.strokes = { stroke({ { 0.2, 0.2 }, { 0.8, 0.8 } }, privateInk, 0.1) };
    zebsDreams.words = { houseWords(privateMarker, HouseWords::WrittenBy::Child) };

    plan.childVoices = {
        { QStringLiteral("Mia"), 6, { worries, goodThings } },
        { QStringLiteral("Zebedee"), 4, { zebsDreams } },
    };
    return plan;
}

} // namespace

TEST_CASE("A family plan prints on A4 with the family's words", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-ashdown.pdf"));
    const auto plan = doorstep::test::ashdownPlan();

    const auto pages = DocumentWriter::writePlan(plan, path);
    INFO((pages ? QString() : pages.error().message).toStdString());
    REQUIRE(pages.ok());
    CHECK(*pages == 2);

    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    const QSizeF a4 = pdf.mediaBox();
    CHECK(qRound(a4.width()) == 595);
    CHECK(qRound(a4.height()) == 842);

    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        CHECK(words.contains(QStringLiteral("My Family Plan")));
        CHECK(words.contains(QStringLiteral("Stop shouting when I'm stressed - take 5 minutes "
                                            "in the garden instead.")));
        CHECK(words.contains(QStringLiteral("Jayden Ashdown (9)")));
        CHECK(words.contains(QStringLiteral("The whole family")));
        CHECK(words.contains(QStringLiteral("Tell Mrs Patel (class teacher)")));
        CHECK(words.contains(QStringLiteral("Page 1 of 2")));
        CHECK(words.contains(QStringLiteral("Page 2 of 2")));
        CHECK(words.contains(QStringLiteral("This copy is for the Ashdown family to keep.")));
    }
}

TEST_CASE("A plan with a genogram and an ecomap prints them under their own heading", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-genogram.pdf"));
    auto plan = doorstep::test::ashdownPlan();
    const auto genogram = doorstep::test::bellFamily();
    plan.genogram = FamilyPlanDocument::GenogramPicture { genogram,
        doorstep::GenogramLayout::layout(genogram), QStringLiteral("The Bell family") };
    plan.ecomap = FamilyPlanDocument::EcomapPicture { QStringLiteral("The Bell family"),
        doorstep::test::sampleLinks(), doorstep::test::sampleMembers() };

    const auto pages = DocumentWriter::writePlan(plan, path);
    INFO((pages ? QString() : pages.error().message).toStdString());
    REQUIRE(pages.ok());
    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    CHECK(*pages > 2);
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        CHECK(words.contains(QStringLiteral("Our family and who helps us")));
        CHECK(words.contains(QStringLiteral("Our family tree")));
        CHECK(words.contains(QStringLiteral("Mia Bell")));
        CHECK(words.contains(QStringLiteral("Identical twins")));
        CHECK(words.contains(QStringLiteral("Dr Khan")));
        // The family's goals still come first.
        CHECK(words.indexOf(QStringLiteral("Our goals"))
            < words.indexOf(QStringLiteral("Our family and who helps us")));
    }
}

TEST_CASE("A plan without a genogram or ecomap has no family picture section", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-no-genogram.pdf"));
    auto plan = doorstep::test::ashdownPlan();
    // An ecomap with no links is nothing to print either.
    plan.ecomap
        = FamilyPlanDocument::EcomapPicture { QStringLiteral("The Ashdown family"), {}, {} };
    const auto pages = DocumentWriter::writePlan(plan, path);
    REQUIRE(pages.ok());
    if (const auto text = PdfInspector(path).text()) {
        CHECK_FALSE(text->contains(QStringLiteral("who helps us")));
        CHECK_FALSE(text->contains(QStringLiteral("Our family tree")));
    }
}

TEST_CASE("A long plan flows over several pages without losing or repeating a line", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-long.pdf"));
    const auto plan = doorstep::test::longPlan();

    const auto pages = DocumentWriter::writePlan(plan, path);
    REQUIRE(pages.ok());
    CHECK(*pages >= 4);

    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        // A line cut at the foot of a page would be drawn on both pages, and found twice.
        for (int member = 1; member <= 5; ++member) {
            for (int goal = 1; goal <= 6; ++goal) {
                const QString start = QStringLiteral("Goal %1.%2:").arg(member).arg(goal);
                INFO(start.toStdString());
                CHECK(occurrences(words, start) == 1);
            }
        }
        for (int action = 1; action <= 15; ++action)
            CHECK(occurrences(words, QStringLiteral("Action %1:").arg(action)) == 1);
        CHECK(occurrences(words, QStringLiteral("calmer so that we can talk to each other")) == 30);
        CHECK(words.contains(QStringLiteral("Page %1 of %1").arg(*pages)));
        // A page that carries on a member's goals says whose they are.
        const QStringList pageTexts = text->split(QLatin1Char('\f'));
        CHECK_FALSE(pageTexts.first().contains(QStringLiteral("(continued)")));
        CHECK(text->count(QStringLiteral("(continued)")) >= 2);
        CHECK(text->count(QLatin1Char('\f')) == *pages);
    }
}

TEST_CASE("Text that looks like markup prints as written", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-escaping.pdf"));
    auto plan = doorstep::test::ashdownPlan();
    plan.familyName = QStringLiteral("O'Neill & <Smith> %1");
    plan.members[0].goals[0].words = QStringLiteral("Fewer than <3 rows a week & more hugs");
    plan.actions[0].who = QStringLiteral("Jo <b>not bold</b>");

    const auto pages = DocumentWriter::writePlan(plan, path);
    REQUIRE(pages.ok());
    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        CHECK(words.contains(QStringLiteral("The O'Neill & <Smith> %1 family")));
        CHECK(words.contains(QStringLiteral("for the O'Neill & <Smith> %1 family to keep")));
        CHECK(words.contains(QStringLiteral("Fewer than <3 rows a week & more hugs")));
        CHECK(words.contains(QStringLiteral("Jo <b>not bold</b>")));
    }
}

TEST_CASE("Goals in Arabic and Hebrew keep their words", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-rtl.pdf"));
    auto plan = doorstep::test::ashdownPlan();
    plan.members[0].goals[0].words = doorstep::test::arabicGoal;
    plan.members[1].goals[0].words = doorstep::test::hebrewGoal;

    const auto pages = DocumentWriter::writePlan(plan, path);
    REQUIRE(pages.ok());
    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    if (const auto text = pdf.text()) {
        // pdftotext gives right-to-left runs back in reading order, word by word.
        const QString words = flattened(*text);
        for (const QString &word : doorstep::test::arabicGoal.split(QLatin1Char(' '))) {
            INFO(word.toStdString());
            CHECK(words.contains(word));
        }
        for (const QString &word : doorstep::test::hebrewGoal.split(QLatin1Char(' '))) {
            INFO(word.toStdString());
            CHECK(words.contains(word));
        }
    }
}

TEST_CASE("A short crisis card is one A5 page", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("crisis-card-short.pdf"));
    auto card = doorstep::test::carrowCard();
    card.warningSigns = QStringLiteral("Mum stays in bed in the day.");
    card.whatToDo = QStringLiteral("Ring Gran the same day.");
    card.whoToCall.resize(2);

    const auto pages = DocumentWriter::writeCrisisCard(card, path);
    REQUIRE(pages.ok());
    CHECK(*pages == 1);
    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    const QSizeF a5 = pdf.mediaBox();
    CHECK(qRound(a5.width()) == 420);
    CHECK(qRound(a5.height()) == 595);
}

TEST_CASE("A full crisis card prints as two sides with the numbers on the front", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("crisis-card-carrow.pdf"));

    const auto pages = DocumentWriter::writeCrisisCard(doorstep::test::carrowCard(), path);
    REQUIRE(pages.ok());
    CHECK(*pages == 2);
    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    if (const auto text = pdf.text()) {
        const QStringList sides = text->split(QLatin1Char('\f'));
        REQUIRE(sides.size() >= 2);
        const QString front = flattened(sides.at(0));
        const QString back = flattened(sides.at(1));
        CHECK(front.contains(QStringLiteral("Our crisis card")));
        CHECK(front.contains(QStringLiteral("Gran (Pat) 07700 900123")));
        CHECK(front.contains(QStringLiteral("Samaritans (any time, free) 116 123")));
        CHECK(front.contains(QStringLiteral("Someone is in danger")));
        CHECK(front.contains(QStringLiteral("999")));
        // Sections are never split between the sides.
        CHECK(back.contains(QStringLiteral("Warning signs Mum stops getting dressed and stays "
                                           "in bed in the day.")));
        CHECK(back.contains(QStringLiteral("Kai can talk to Mr Evans at school.")));
    }
}

TEST_CASE("An ending letter greets the family and lists what they achieved", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("ending-letter-ashdown.pdf"));

    const auto pages = DocumentWriter::writeEndingLetter(doorstep::test::ashdownLetter(), path);
    REQUIRE(pages.ok());
    CHECK(*pages == 1);
    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        CHECK(words.contains(QStringLiteral("Dear Sam, Lee, Jayden and Mia,")));
        CHECK(words.contains(QStringLiteral("You did this yourselves.")));
        CHECK(words.contains(QStringLiteral("I want to go to football club on Saturdays.")));
        CHECK(words.contains(QStringLiteral("Riverside Early Help Service")));
        CHECK(words.contains(QStringLiteral("This letter is for the Ashdown family to keep.")));
    }
}

TEST_CASE("Documents with nothing filled in still print", "[documents]")
{
    DocumentFolder folder;
    const auto plan
        = DocumentWriter::writePlan({}, folder.filePath(QStringLiteral("empty-plan.pdf")));
    const auto card
        = DocumentWriter::writeCrisisCard({}, folder.filePath(QStringLiteral("empty-card.pdf")));
    const auto letter = DocumentWriter::writeEndingLetter(
        {}, folder.filePath(QStringLiteral("empty-letter.pdf")));
    REQUIRE(plan.ok());
    REQUIRE(card.ok());
    REQUIRE(letter.ok());
    CHECK(*plan == 1);
    CHECK(*card == 1);
    CHECK(*letter == 1);
}

TEST_CASE(
    "Saving into a folder that does not exist fails clearly and writes nothing", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("missing/plan.pdf"));

    const auto pages = DocumentWriter::writePlan(doorstep::test::ashdownPlan(), path);
    REQUIRE_FALSE(pages.ok());
    CHECK(pages.error().code == Error::Code::NotFound);
    CHECK_FALSE(pages.error().message.isEmpty());
    CHECK_FALSE(pages.error().message.contains(QStringLiteral("missing")));
    CHECK_FALSE(QFileInfo::exists(path));
}

TEST_CASE("Saving where no file can be created fails with an I/O error", "[documents]")
{
    // No permission check stops root, but nobody can create a file in /proc.
    const QString path = QStringLiteral("/proc/doorstep-plan.pdf");

    const auto pages = DocumentWriter::writePlan(doorstep::test::ashdownPlan(), path);
    REQUIRE_FALSE(pages.ok());
    CHECK(pages.error().code == Error::Code::Io);
    CHECK_FALSE(QFileInfo::exists(path));
}

TEST_CASE("Saving onto a folder's name is refused", "[documents]")
{
    DocumentFolder folder;
    const auto pages = DocumentWriter::writePlan(doorstep::test::ashdownPlan(), folder.path());
    REQUIRE_FALSE(pages.ok());
    CHECK(pages.error().code == Error::Code::InvalidArgument);
}

TEST_CASE("Saving again replaces the old PDF and leaves no temporary files", "[documents]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("card.pdf"));
    {
        QFile old(path);
        REQUIRE(old.open(QIODevice::WriteOnly));
        old.write("an older copy");
    }

    const auto pages = DocumentWriter::writeCrisisCard(doorstep::test::carrowCard(), path);
    REQUIRE(pages.ok());
    CHECK(PdfInspector(path).isPdf());
    CHECK(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden)
        == QStringList { QStringLiteral("card.pdf") });
}

TEST_CASE("Labels translate, the family's words do not", "[documents]")
{
    RightToLeftLanguage language;
    const QString html = doorstep::DocumentHtml::plan(doorstep::test::ashdownPlan());
    CHECK(html.contains(QStringLiteral("\u05d0 My Family Plan")));
    CHECK(html.contains(QStringLiteral("\u05d0 Our goals")));
    CHECK(html.contains(QStringLiteral("\u05d0 Who:")));
    CHECK(html.contains(QStringLiteral("12 March 2026")));
    CHECK(html.contains(QStringLiteral(">Get Jayden and Mia to school")));
    CHECK_FALSE(html.contains(QStringLiteral("\u05d0 Get Jayden")));
}

TEST_CASE("In a right-to-left language the pages mirror", "[documents]")
{
    RightToLeftLanguage language;
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-rtl-language.pdf"));
    const auto pages = DocumentWriter::writePlan(doorstep::test::ashdownPlan(), path);
    REQUIRE(pages.ok());
    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    const auto words = pdf.words();
    if (!words)
        return;
    const qreal middle = pdf.mediaBox().width() / 2;
    // The title, now right to left, starts at the right margin.
    const auto title = lastWord(*words, 1, QStringLiteral("Plan"));
    REQUIRE(title);
    CHECK(title->box.left() > middle);
    // The footer swaps sides: page number on the left, the family's copy on the right.
    const auto number = lastWord(*words, 1, QStringLiteral("Page"));
    const auto family = lastWord(*words, 1, QStringLiteral("Ashdown"));
    REQUIRE(number);
    REQUIRE(family);
    CHECK(number->box.right() < middle);
    CHECK(family->box.left() > middle);
    // English goals still read from the left.
    const auto goal = lastWord(*words, 1, QStringLiteral("Saturdays."));
    REQUIRE(goal);
    CHECK(goal->box.right() < middle + 100);
}

TEST_CASE("The plan prints a child's shared house in their own words, and nothing of a private one",
    "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-children-voices.pdf"));
    const auto pages = DocumentWriter::writePlan(planWithHouses(), path);
    INFO((pages ? QString() : pages.error().message).toStdString());
    REQUIRE(pages.ok());
    PdfInspector pdf(path);
    requirePages(pdf, *pages);

    const auto text = pdf.text();
    if (!text) {
        WARN("pdftotext is missing: the children's words are not checked");
        return;
    }
    const QString words = flattened(*text);
    INFO(words.toStdString());
    // Only Mia shared a house, so the section is hers; after what the family agreed to do.
    const auto heading = words.indexOf(QStringLiteral("In Mia's own words"));
    CHECK(heading > words.indexOf(QStringLiteral("Reviews")));
    CHECK(words.contains(QStringLiteral("Mia, age 6")));
    CHECK(words.contains(QStringLiteral("My happy house")));
    CHECK(words.contains(QStringLiteral("I like it when Nan takes me swimming ") + sharedMarker));
    CHECK(words.contains(QStringLiteral("What makes you smile? Playing football with my brother "
                                        "Jayden (Written down by the practitioner as Mia said "
                                        "it)")));
    // The scribe's note is on the scribed words only.
    CHECK(occurrences(words, QStringLiteral("Written down by")) == 1);
    CHECK_FALSE(words.contains(privateMarker));
    CHECK_FALSE(words.contains(privateName));
    CHECK_FALSE(words.contains(QStringLiteral("at night")));
    CHECK_FALSE(words.contains(QStringLiteral("House of worries")));
    CHECK_FALSE(words.contains(QStringLiteral("House of dreams")));
    CHECK_FALSE(words.contains(QStringLiteral("Zebedee")));
    CHECK_FALSE(words.contains(QStringLiteral("private"), Qt::CaseInsensitive));
}

TEST_CASE("The plan draws a shared house's ink, and none of a private house's", "[documents]")
{
    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-children-ink.pdf"));
    const auto pages = DocumentWriter::writePlan(planWithHouses(), path);
    REQUIRE(pages.ok());
    // A vector picture: no image is embedded in the PDF.
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK_FALSE(file.readAll().contains("/Subtype /Image"));

    const auto images = PdfInspector::colourPages(path, 50);
    if (!images) {
        WARN("pdftoppm is missing: the plan's pictures are not checked");
        return;
    }
    REQUIRE(images->size() == *pages);
    int shared = 0;
    for (qsizetype index = 0; index < images->size(); ++index) {
        INFO("page " << index + 1);
        CHECK(PdfInspector::pixelsNear({ images->at(index) }, privateInk) == 0);
        shared += PdfInspector::pixelsNear({ images->at(index) }, sharedInk);
    }
    CHECK(shared > 40);

    const QString shots = qEnvironmentVariable("DOORSTEP_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        REQUIRE(QDir().mkpath(shots));
        const auto sharp = PdfInspector::colourPages(path, 100);
        REQUIRE(sharp);
        for (qsizetype index = 0; index < sharp->size(); ++index) {
            CHECK(sharp->at(index).save(QDir(shots).filePath(
                QStringLiteral("plan-children-voices-%1.png").arg(index + 1))));
        }
    }
}

TEST_CASE("With several children sharing, each has their houses under their name", "[documents]")
{
    FamilyPlanDocument plan = planWithHouses();
    House dreams;
    dreams.kind = House::Kind::Dreams;
    dreams.shareAllowed = true;
    dreams.strokes = { stroke({ { 0.2, 0.25 }, { 0.5, 0.35 }, { 0.8, 0.25 } }, sharedInk, 0.03) };
    dreams.words = { houseWords(QStringLiteral("I want to play for Arsenal\nand have a big dog"),
        HouseWords::WrittenBy::Child) };
    House goodThings;
    goodThings.kind = House::Kind::GoodThings;
    goodThings.shareAllowed = true;
    goodThings.words = { houseWords(QStringLiteral("My mates at football"),
        HouseWords::WrittenBy::PractitionerScribing, QStringLiteral("Who helps you?")) };
    plan.childVoices.append({ QStringLiteral("Jayden"), std::nullopt, { goodThings, dreams } });

    const QString html = doorstep::DocumentHtml::plan(plan);
    CHECK(html.contains(QStringLiteral("In the children's own words")));
    CHECK(html.contains(QStringLiteral(">Jayden</h3>")));
    // One picture for each shared house, in the children's order: Mia's, then Jayden's two.
    const auto pictures = doorstep::DocumentHtml::planPictures(plan);
    REQUIRE(pictures.size() == 3);
    CHECK(pictures.at(0).house.words.first().words.contains(sharedMarker));
    CHECK(pictures.at(1).house.kind == House::Kind::GoodThings);
    CHECK(pictures.at(2).house.kind == House::Kind::Dreams);
    CHECK(html.contains(doorstep::HousePictureObject::imageName(2)));
    CHECK_FALSE(html.contains(doorstep::HousePictureObject::imageName(3)));

    DocumentFolder folder;
    const QString path = folder.filePath(QStringLiteral("plan-children-many.pdf"));
    const auto pages = DocumentWriter::writePlan(plan, path);
    REQUIRE(pages.ok());
    PdfInspector pdf(path);
    requirePages(pdf, *pages);
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        INFO(words.toStdString());
        CHECK(words.contains(QStringLiteral("The houses each child chose to share")));
        CHECK(words.contains(QStringLiteral("Mia, age 6")));
        CHECK(words.contains(QStringLiteral("Jayden House of good things")));
        CHECK(words.contains(QStringLiteral("Who helps you? My mates at football (Written down by "
                                            "the practitioner as Jayden said it)")));
        CHECK(words.contains(QStringLiteral("I want to play for Arsenal and have a big dog")));
        CHECK_FALSE(words.contains(privateMarker));
        CHECK_FALSE(words.contains(QStringLiteral("Zebedee")));
    }
    const QString shots = qEnvironmentVariable("DOORSTEP_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        REQUIRE(QDir().mkpath(shots));
        const auto sharp = PdfInspector::colourPages(path, 100);
        REQUIRE(sharp);
        for (qsizetype index = 0; index < sharp->size(); ++index) {
            CHECK(sharp->at(index).save(
                QDir(shots).filePath(QStringLiteral("plan-children-many-%1.png").arg(index + 1))));
        }
    }
}

TEST_CASE("A plan with no child's shared house has no children's section", "[documents]")
{
    FamilyPlanDocument plan = planWithHouses();
    plan.childVoices.removeFirst();
    const QString html = doorstep::DocumentHtml::plan(plan);
    CHECK_FALSE(html.contains(QStringLiteral("own words")));
    CHECK_FALSE(html.contains(QStringLiteral("Zebedee")));
    CHECK(doorstep::DocumentHtml::planPictures(plan).isEmpty());
}
