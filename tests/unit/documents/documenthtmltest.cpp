#include "documents/documenthtml.h"

#include "documents/crisiscarddocument.h"
#include "documents/endingletterdocument.h"
#include "documents/familyplandocument.h"
#include "documents/pageddocument.h"
#include "documentsamples.h"

#include <QTextBlock>
#include <QTextDocument>
#include <catch2/catch.hpp>

using doorstep::DocumentHtml;
using doorstep::PagedDocument;

namespace
{

// The first block whose text contains `part`, as QTextDocument lays it out.
QTextBlock blockContaining(const QTextDocument &document, const QString &part)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        // nowrap text holds no-break spaces.
        if (block.text().simplified().contains(part))
            return block;
    }
    FAIL("no block contains " << part.toStdString());
    return {};
}

} // namespace

TEST_CASE("Each line of the family's words is its own paragraph, spaces kept", "[documents]")
{
    const QString html
        = DocumentHtml::words(QStringLiteral("First line\r\n\n   indented  twice\u2028last  "));
    QTextDocument document;
    PagedDocument::load(document, html);
    QStringList paragraphs;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        paragraphs.append(block.text());
    INFO(paragraphs.join(QLatin1Char('|')).toStdString());
    CHECK(paragraphs
        == QStringList { QStringLiteral("First line"), QStringLiteral("   indented  twice"),
            QStringLiteral("last") });
}

TEST_CASE("Names and words are escaped, never read as markup", "[documents]")
{
    auto plan = doorstep::test::ashdownPlan();
    plan.familyName = QStringLiteral("<i>Ashdown</i> & Co");
    plan.members[0].name = QStringLiteral("Sam <script>");
    plan.reviews[0].outcome = QStringLiteral("</table><h1>Broken</h1>");

    const QString html = DocumentHtml::plan(plan);
    CHECK(html.contains(QStringLiteral("&lt;i&gt;Ashdown&lt;/i&gt; &amp; Co")));
    CHECK(html.contains(QStringLiteral("Sam &lt;script&gt;")));
    CHECK_FALSE(html.contains(QStringLiteral("<h1>Broken")));

    QTextDocument document;
    PagedDocument::load(document, html);
    CHECK(document.toPlainText().contains(QStringLiteral("The <i>Ashdown</i> & Co family")));
    CHECK(document.toPlainText().contains(QStringLiteral("</table><h1>Broken</h1>")));
}

TEST_CASE("Right-to-left words read right to left beside English labels", "[documents]")
{
    auto plan = doorstep::test::ashdownPlan();
    plan.members[0].goals[0].words = doorstep::test::arabicGoal;
    plan.members[1].goals[0].words = doorstep::test::hebrewGoal;
    plan.members[2].name = QStringLiteral("ليلى");

    QTextDocument document;
    PagedDocument::load(document, DocumentHtml::plan(plan));
    CHECK(blockContaining(document, doorstep::test::arabicGoal).textDirection() == Qt::RightToLeft);
    CHECK(blockContaining(document, doorstep::test::hebrewGoal).textDirection() == Qt::RightToLeft);
    CHECK(blockContaining(document, QStringLiteral("ليلى")).textDirection() == Qt::RightToLeft);
    CHECK(
        blockContaining(document, QStringLiteral("Our goals")).textDirection() == Qt::LeftToRight);
}

TEST_CASE("A crisis card number stays left to right after a right-to-left name", "[documents]")
{
    auto card = doorstep::test::carrowCard();
    card.whoToCall = { { QStringLiteral("جدتي"), QStringLiteral("07700 900123") } };

    QTextDocument document;
    PagedDocument::load(document, DocumentHtml::crisisCard(card));
    CHECK(blockContaining(document, QStringLiteral("جدتي")).textDirection() == Qt::RightToLeft);
    CHECK(blockContaining(document, QStringLiteral("07700 900123")).textDirection()
        == Qt::LeftToRight);
}

TEST_CASE("Empty parts of a plan are left out, not printed blank", "[documents]")
{
    doorstep::FamilyPlanDocument plan;
    plan.familyName = QStringLiteral("Carrow");

    QTextDocument document;
    PagedDocument::load(document, DocumentHtml::plan(plan));
    const QString text = document.toPlainText();
    CHECK(text.contains(QStringLiteral("No goals have been written down yet.")));
    CHECK_FALSE(text.contains(QStringLiteral("Who does what")));
    CHECK_FALSE(text.contains(QStringLiteral("Reviews")));
}
