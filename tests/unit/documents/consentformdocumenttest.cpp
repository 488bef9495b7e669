#include "documents/consentformdocument.h"

#include "documents/documenthtml.h"
#include "documents/documentwriter.h"
#include "documents/signatureobject.h"
#include "documentsamples.h"
#include "pdfinspector.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <catch2/catch.hpp>

using doorstep::ConsentFormDocument;
using doorstep::DocumentWriter;
using doorstep::SignatureObject;
using doorstep::test::DocumentFolder;
using doorstep::test::PdfInspector;

namespace
{

// The form's bytes, checked to be a whole PDF, saved in `folder` for poppler to read.
PdfInspector saved(const DocumentFolder &folder, const QString &name, const QByteArray &bytes)
{
    REQUIRE(bytes.startsWith("%PDF-"));
    const QString path = folder.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    file.close();
    PdfInspector pdf(path);
    REQUIRE(pdf.isPdf());
    return pdf;
}

QByteArray pdfOf(const ConsentFormDocument &form)
{
    const auto bytes = DocumentWriter::consentFormPdf(form);
    INFO((bytes ? QString() : bytes.error().message).toStdString());
    REQUIRE(bytes.ok());
    return *bytes;
}

// pdftotext breaks lines where the PDF does: compare words, not layout.
QString flattened(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).simplified();
}

void requireOnePage(const PdfInspector &pdf)
{
    CHECK(pdf.pageObjects() == 1);
    if (const auto poppler = pdf.popplerPages())
        CHECK(*poppler == 1);
}

// Where two renderings of a page differ: the bounding box of the pixels whose grey differs.
QRect differences(const QImage &one, const QImage &other)
{
    REQUIRE(one.size() == other.size());
    int left = one.width();
    int top = one.height();
    int right = -1;
    int bottom = -1;
    for (int y = 0; y < one.height(); ++y) {
        const uchar *a = one.constScanLine(y);
        const uchar *b = other.constScanLine(y);
        for (int x = 0; x < one.width(); ++x) {
            if (std::abs(int(a[x]) - int(b[x])) < 64)
                continue;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
    }
    return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

} // namespace

TEST_CASE("A signed consent form is one A4 page of PDF bytes saying what was agreed", "[documents]")
{
    DocumentFolder folder;
    const auto form = doorstep::test::ashdownConsent();
    const PdfInspector pdf = saved(folder, QStringLiteral("consent-ashdown.pdf"), pdfOf(form));
    requireOnePage(pdf);
    const QSizeF a4 = pdf.mediaBox();
    CHECK(qRound(a4.width()) == 595);
    CHECK(qRound(a4.height()) == 842);

    const auto text = pdf.text();
    if (!text)
        return;
    const QString words = flattened(*text);
    INFO(words.toStdString());
    CHECK(words.contains(QStringLiteral("Consent to share information")));
    CHECK(words.contains(QStringLiteral("The Ashdown family")));
    CHECK(words.contains(QStringLiteral("Whose information: Sam Ashdown")));
    CHECK(
        words.contains(QStringLiteral("The family practitioner may share information about "
                                      "Sam Ashdown with: • School • Health • Housing What for:")));
    CHECK(words.contains(QStringLiteral("So that Jayden's school and the health visitor know "
                                        "what support the family already has")));
    CHECK(words.contains(QStringLiteral("So that the housing officer can see why we need a "
                                        "bigger flat.")));
    CHECK(words.contains(QStringLiteral("Signed on: 12 March 2026")));
    CHECK(words.contains(
        QStringLiteral("How long: until 12 March 2027, unless it is withdrawn before then.")));
    CHECK(words.contains(QStringLiteral("Consent can be withdrawn at any time by telling the "
                                        "family practitioner.")));
    CHECK(words.contains(QStringLiteral("Sam Ashdown gave this consent themselves.")));
    CHECK(words.contains(QStringLiteral("Recorded by: Jo Okafor")));
    CHECK_FALSE(words.contains(QStringLiteral("Not signed")));
    CHECK(words.contains(QStringLiteral("Page 1 of 1")));
}

TEST_CASE("A consent given for a child says the parent or carer gave it", "[documents]")
{
    DocumentFolder folder;
    auto form = doorstep::test::ashdownConsent();
    form.personName = QStringLiteral("Mia Ashdown");
    form.givenBySelf = false;
    form.signatoryName = QStringLiteral("Lee Ashdown");

    const PdfInspector pdf = saved(folder, QStringLiteral("consent-child.pdf"), pdfOf(form));
    requireOnePage(pdf);
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        INFO(words.toStdString());
        CHECK(words.contains(QStringLiteral("Lee Ashdown, as parent or carer, gave this consent "
                                            "on behalf of Mia Ashdown.")));
        CHECK_FALSE(words.contains(QStringLiteral("themselves")));
    }
}

TEST_CASE("A consent without an expiry date lasts until it is withdrawn", "[documents]")
{
    DocumentFolder folder;
    auto form = doorstep::test::ashdownConsent();
    form.expiresOn = QDate();

    const PdfInspector pdf = saved(folder, QStringLiteral("consent-no-expiry.pdf"), pdfOf(form));
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        CHECK(words.contains(QStringLiteral("How long: until it is withdrawn.")));
        CHECK_FALSE(words.contains(QStringLiteral("2027")));
    }
}

TEST_CASE("Names and purpose that look like markup print as written", "[documents]")
{
    DocumentFolder folder;
    auto form = doorstep::test::ashdownConsent();
    form.familyName = QStringLiteral("O'Neill & <i>Smith</i> %1");
    form.personName = QStringLiteral("<b>Amy</b> & \"Jo\"");
    form.givenBySelf = false;
    form.signatoryName = QStringLiteral("Kim %2 <br/>");
    form.agencies = { QStringLiteral("<u>School</u>") };
    form.purpose = QStringLiteral("Fewer than <3 missed days & <script>x</script>");
    form.practitionerName = QStringLiteral("Jo &amp; Co");

    const QString html = doorstep::DocumentHtml::consentForm(form);
    CHECK_FALSE(html.contains(QStringLiteral("<b>Amy")));
    CHECK(html.contains(QStringLiteral("&lt;b&gt;Amy&lt;/b&gt; &amp; &quot;Jo&quot;")));

    const PdfInspector pdf = saved(folder, QStringLiteral("consent-markup.pdf"), pdfOf(form));
    requireOnePage(pdf);
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        INFO(words.toStdString());
        CHECK(words.contains(QStringLiteral("The O'Neill & <i>Smith</i> %1 family")));
        CHECK(words.contains(QStringLiteral("Whose information: <b>Amy</b> & \"Jo\"")));
        CHECK(words.contains(QStringLiteral("Kim %2 <br/>, as parent or carer, gave this "
                                            "consent on behalf of <b>Amy</b> & \"Jo\".")));
        CHECK(words.contains(QStringLiteral("<u>School</u>")));
        CHECK(words.contains(QStringLiteral("Fewer than <3 missed days & <script>x</script>")));
        CHECK(words.contains(QStringLiteral("Recorded by: Jo &amp; Co")));
    }
}

TEST_CASE("A consent form without a signature says it was not signed", "[documents]")
{
    DocumentFolder folder;
    auto form = doorstep::test::ashdownConsent();
    form.signature = { {} };
    CHECK_FALSE(form.isSigned());

    const PdfInspector pdf = saved(folder, QStringLiteral("consent-unsigned.pdf"), pdfOf(form));
    requireOnePage(pdf);
    if (const auto text = pdf.text())
        CHECK(flattened(*text).contains(QStringLiteral("Not signed")));
}

TEST_CASE("A consent form with nothing filled in still renders", "[documents]")
{
    DocumentFolder folder;
    const PdfInspector pdf = saved(folder, QStringLiteral("consent-empty.pdf"), pdfOf({}));
    requireOnePage(pdf);
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        CHECK(words.contains(QStringLiteral("The person gave this consent themselves.")));
        CHECK(words.contains(QStringLiteral("How long: until it is withdrawn.")));
        CHECK(words.contains(QStringLiteral("Not signed")));
    }
}

TEST_CASE("A form naming every agency, with a few lines of purpose, is one page", "[documents]")
{
    DocumentFolder folder;
    auto form = doorstep::test::ashdownConsent();
    form.personName = QStringLiteral("Kerry-Anne Brightwell-Okonkwo");
    form.givenBySelf = false;
    form.signatoryName = QStringLiteral("Dean Brightwell-Okonkwo");
    form.agencies = { QStringLiteral("School"), QStringLiteral("Health"), QStringLiteral("Police"),
        QStringLiteral("Housing"), QStringLiteral("DWP"), QStringLiteral("Social care"),
        QStringLiteral("Voluntary sector") };
    form.purpose = QStringLiteral(
        "So that everyone who works with Kerry-Anne knows what support the family already has "
        "and nobody asks them to tell their story again.\n"
        "So that the school and the health visitor can plan her return to school together, and "
        "the housing officer can see why the family needs to move.\n"
        "So that the DWP can sort out the family's Universal Credit.");

    const PdfInspector pdf = saved(folder, QStringLiteral("consent-full.pdf"), pdfOf(form));
    requireOnePage(pdf);
    if (const auto text = pdf.text()) {
        const QString words = flattened(*text);
        INFO(words.toStdString());
        CHECK(words.contains(QStringLiteral("Universal Credit.")));
        CHECK(words.contains(QStringLiteral("Voluntary sector")));
    }
}

TEST_CASE("A long purpose runs onto a second page without losing a line", "[documents]")
{
    DocumentFolder folder;
    auto form = doorstep::test::ashdownConsent();
    QStringList paragraphs;
    for (int index = 1; index <= 12; ++index) {
        paragraphs << QStringLiteral("Reason %1: so that everyone working with the family knows "
                                     "what has already been tried and nobody has to tell their "
                                     "story again from the start.")
                          .arg(index);
    }
    form.purpose = paragraphs.join(QLatin1Char('\n'));

    const PdfInspector pdf = saved(folder, QStringLiteral("consent-long.pdf"), pdfOf(form));
    const int pages = pdf.pageObjects();
    CHECK(pages >= 1);
    CHECK(pages <= 2);
    const auto words = pdf.words();
    if (!words)
        return;
    // The words on the pages' bodies, between the top margin and the footer. Above a page's
    // body, hidden by the clip, QTextLayout also draws the line before it (Qt 6.4): pdftotext
    // reads it, nobody sees it.
    const double top = 18 / 25.4 * 72 - 1;
    const double footer = pdf.mediaBox().height() - 26 / 25.4 * 72 + 1;
    QStringList seen;
    for (const auto &word : *words) {
        if (word.box.top() >= top && word.box.bottom() <= footer)
            seen << word.text;
    }
    const QString body = seen.join(QLatin1Char(' '));
    INFO(body.toStdString());
    for (int index = 1; index <= 12; ++index) {
        INFO(index);
        CHECK(body.count(QStringLiteral("Reason %1:").arg(index)) == 1);
    }
    CHECK(body.count(QStringLiteral("story again from the start.")) == 12);
    CHECK(body.contains(QStringLiteral("Sam Ashdown gave this consent themselves.")));
}

TEST_CASE("Signature points map across and down the box", "[documents]")
{
    const QRectF box(100, 50, 300, 100);
    const QList<QList<QPointF>> strokes { { QPointF(0, 0), QPointF(1, 1) }, { QPointF(0.5, 0.25) },
        {}, { QPointF(-0.5, 2.0), QPointF(1.5, 0.5) }, { QPointF(0.1, 0.9), QPointF(0.1, 0.9) } };

    const QPainterPath path = SignatureObject::path(strokes, box);
    REQUIRE(path.elementCount() == 4);
    CHECK(path.elementAt(0).isMoveTo());
    CHECK(QPointF(path.elementAt(0)) == QPointF(100, 50));
    CHECK(QPointF(path.elementAt(1)) == QPointF(400, 150));
    // Points off the box, from a damaged record, stay on its edge.
    CHECK(path.elementAt(2).isMoveTo());
    CHECK(QPointF(path.elementAt(2)) == QPointF(100, 150));
    CHECK(QPointF(path.elementAt(3)) == QPointF(400, 100));
    // Touches that did not move are dots, which a path would drop.
    CHECK(SignatureObject::taps(strokes, box)
        == QList<QPointF> { QPointF(250, 75), QPointF(130, 140) });
}

TEST_CASE("The signature is drawn in its 3:1 box, in the box's proportions", "[documents]")
{
    DocumentFolder folder;
    // Every rendering has a dot in the box's top left corner, where the clip hides most of it:
    // signed, so no "Not signed", and the same on every page compared.
    const QList<QPointF> corner { QPointF(0, 0) };
    const auto render = [&](const QList<QList<QPointF>> &signature, const QString &name) {
        auto form = doorstep::test::ashdownConsent();
        form.signature = signature;
        form.signature.prepend(corner);
        return saved(folder, name, pdfOf(form)).firstPage(72);
    };
    const auto dot = render({}, QStringLiteral("consent-dot.pdf"));
    if (!dot)
        return;
    // Corner to corner: the ink fills the box.
    const auto cross
        = render({ { QPointF(0, 0), QPointF(1, 1) }, { QPointF(1, 0), QPointF(0, 1) } },
            QStringLiteral("consent-cross.pdf"));
    // A square in normalised points, the middle half of the box each way.
    const auto square = render({ { QPointF(0.25, 0.25), QPointF(0.75, 0.25), QPointF(0.75, 0.75),
                                   QPointF(0.25, 0.75), QPointF(0.25, 0.25) } },
        QStringLiteral("consent-square.pdf"));
    REQUIRE(cross);
    REQUIRE(square);

    const QRect box = differences(*dot, *cross);
    const QRect middle = differences(*dot, *square);
    INFO("box " << box.x() << "," << box.y() << " " << box.width() << "x" << box.height());
    INFO("middle " << middle.x() << "," << middle.y() << " " << middle.width() << "x"
                   << middle.height());
    REQUIRE(box.isValid());
    REQUIRE(middle.isValid());
    // At 72 dpi a pixel is a point: the box is 360 by 120 points.
    CHECK(std::abs(box.width() - 360) <= 4);
    CHECK(std::abs(box.height() - 120) <= 4);
    CHECK(dot->rect().contains(box));
    CHECK(box.contains(middle));
    // The pen (3 points wide here) widens the square's ink by its width.
    CHECK(std::abs(middle.width() - (box.width() / 2 + 3)) <= 4);
    CHECK(std::abs(middle.height() - (box.height() / 2 + 3)) <= 4);
    CHECK(std::abs(middle.center().x() - box.center().x()) <= 2);
    CHECK(std::abs(middle.center().y() - box.center().y()) <= 2);
}
