#include "models/familydocuments.h"

#include "models/closurecontroller.h"
#include "models/plancontroller.h"
#include "modeltesthelpers.h"
#include "unit/documents/pdfinspector.h"

#include <QDir>
#include <QFileInfo>

using namespace doorstep;

namespace
{

struct Family {
    QString id;
    QString bola;
};

// The Okafor family, led by Sam Carter, with a plan: a goal of Bola's (achieved), one of the
// whole family's, an action and a review.
Family makeFamily(test::SessionFixture &fixture)
{
    Family f;
    f.id = fixture.add("family", { { QStringLiteral("family_name"), QStringLiteral("Okafor") } });
    fixture.add("allocation",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("practitioner_id"), QStringLiteral("practitioner-1") },
            { QStringLiteral("practitioner_name"), QStringLiteral("Sam Carter") },
            { QStringLiteral("allocated_on"), fixture.today().addDays(-150) } });
    f.bola = fixture.add("person",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("given_name"), QStringLiteral("Bola") },
            { QStringLiteral("role"), QStringLiteral("child") } });
    const QString plan = fixture.add("plan",
        { { QStringLiteral("family_id"), f.id },
            { QStringLiteral("status"), QStringLiteral("complete") },
            { QStringLiteral("started_on"), fixture.today().addDays(-140) } });
    fixture.add("goal",
        { { QStringLiteral("plan_id"), plan }, { QStringLiteral("person_id"), f.bola },
            { QStringLiteral("words"), QStringLiteral("I go to school every day") },
            { QStringLiteral("status"), QStringLiteral("achieved") } });
    fixture.add("goal",
        { { QStringLiteral("plan_id"), plan },
            { QStringLiteral("words"), QStringLiteral("We shout less at teatime") },
            { QStringLiteral("status"), QStringLiteral("open") } });
    fixture.add("action",
        { { QStringLiteral("plan_id"), plan },
            { QStringLiteral("description"), QStringLiteral("Walk to school together") },
            { QStringLiteral("who"), QStringLiteral("Mum") } });
    return f;
}

QString pdfText(const QString &path)
{
    test::PdfInspector pdf(path);
    REQUIRE(pdf.isPdf());
    const auto text = pdf.text();
    return text ? text->simplified() : QString();
}

} // namespace

TEST_CASE("A family document's file name keeps letters, digits and hyphens", "[models]")
{
    CHECK(FamilyDocuments::fileName(
              QStringLiteral("Okafor-Reid"), QStringLiteral("family plan"), QDate(2026, 11, 23))
        == QStringLiteral("Okafor-Reid family plan 2026-11-23.pdf"));
    CHECK(FamilyDocuments::fileName(QStringLiteral(" ../O'Brien: Ní Dhúill/"),
              QStringLiteral("crisis card"), QDate(2026, 11, 23))
        == QStringLiteral("O Brien Ní Dhúill crisis card 2026-11-23.pdf"));
    CHECK(FamilyDocuments::defaultFolder().endsWith(QStringLiteral("/Doorstep for families")));
}

TEST_CASE("The plan is saved as a PDF with the family's words, never over another", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    PlanController plan;
    plan.setSession(fixture.session.get());
    plan.setFamilyId(f.id);
    REQUIRE(plan.isFound());
    test::DocumentFolder folder;

    // Typed just now and not saved yet: the copy has it all the same.
    const QString actionId = plan.addAction(QString());
    plan.setActionDescription(actionId, QStringLiteral("Call the school nurse"));

    const QString path = plan.exportPlanPdf(folder.path());
    INFO(plan.errorString().toStdString());
    REQUIRE(
        path == QDir(folder.path()).filePath(QStringLiteral("Okafor family plan 2026-03-12.pdf")));
    CHECK(plan.errorString().isEmpty());
    const QString text = pdfText(path);
    if (!text.isEmpty()) {
        CHECK(text.contains(QStringLiteral("Okafor")));
        CHECK(text.contains(QStringLiteral("I go to school every day")));
        CHECK(text.contains(QStringLiteral("We shout less at teatime")));
        CHECK(text.contains(QStringLiteral("Walk to school together")));
        CHECK(text.contains(QStringLiteral("Call the school nurse")));
        CHECK(text.contains(QStringLiteral("Bola")));
        CHECK(text.contains(QStringLiteral("Sam Carter")));
    }

    const QString second = plan.exportPlanPdf(folder.path());
    CHECK(second
        == QDir(folder.path()).filePath(QStringLiteral("Okafor family plan 2026-03-12 (2).pdf")));
    CHECK(QFileInfo(path).size() > 0);

    const QString missing = QDir(folder.path()).filePath(QStringLiteral("not there"));
    CHECK(plan.exportPlanPdf(missing).isEmpty());
    CHECK(plan.errorString()
        == QStringLiteral("Nothing was saved: the folder %1 does not exist.").arg(missing));
    CHECK_FALSE(QFileInfo::exists(missing));
    CHECK(plan.exportPlanPdf(QStringLiteral("  ")).isEmpty());
    CHECK(plan.errorString() == QStringLiteral("Choose the folder to save the document in."));
}

TEST_CASE("A family without a plan has no plan to save", "[models]")
{
    test::SessionFixture fixture;
    const QString id = fixture.family(QStringLiteral("Adeyemi"), 10);
    PlanController plan;
    plan.setSession(fixture.session.get());
    plan.setFamilyId(id);
    REQUIRE(plan.isFound());
    test::DocumentFolder folder;
    CHECK(plan.exportPlanPdf(folder.path()).isEmpty());
    CHECK(plan.errorString()
        == QStringLiteral("There is no plan to save yet: write a goal or an action first."));
    CHECK(QDir(folder.path()).isEmpty());
}

TEST_CASE("The crisis card and ending letter are saved as PDFs for the family", "[models]")
{
    test::SessionFixture fixture;
    const Family f = makeFamily(fixture);
    ClosureController closure;
    closure.setSession(fixture.session.get());
    closure.setFamilyId(f.id);
    REQUIRE(closure.isFound());
    test::DocumentFolder folder;

    CHECK(closure.exportCrisisCardPdf(folder.path()).isEmpty());
    CHECK(closure.errorString()
        == QStringLiteral("There is no crisis card to save yet: write it with the family first."));
    CHECK(closure.exportEndingLetterPdf(folder.path()).isEmpty());
    CHECK(closure.errorString()
        == QStringLiteral("There is no ending letter to save yet: write it first."));

    closure.setWarningSigns(QStringLiteral("Bola stops eating breakfast"));
    closure.setWhatToDo(QStringLiteral("Sit down together after tea"));
    closure.setWhoToCall(QStringLiteral("Auntie Grace - 07700 900123\nFamily Hub 0300 123 4567"));
    const QString card = closure.exportCrisisCardPdf(folder.path());
    REQUIRE(
        card == QDir(folder.path()).filePath(QStringLiteral("Okafor crisis card 2026-03-12.pdf")));
    CHECK(closure.errorString().isEmpty());
    QString text = pdfText(card);
    if (!text.isEmpty()) {
        CHECK(text.contains(QStringLiteral("Bola stops eating breakfast")));
        CHECK(text.contains(QStringLiteral("Sit down together after tea")));
        CHECK(text.contains(QStringLiteral("Auntie Grace")));
        CHECK(text.contains(QStringLiteral("07700 900123")));
    }

    closure.setAddressedTo(QStringLiteral("Ada and Bola"));
    closure.setProgress(QStringLiteral("You kept going when it was hard."));
    closure.setWhereToGetHelp(QStringLiteral("The Family Hub on Mill Lane"));
    const QString letter = closure.exportEndingLetterPdf(folder.path());
    REQUIRE(letter
        == QDir(folder.path()).filePath(QStringLiteral("Okafor ending letter 2026-03-12.pdf")));
    text = pdfText(letter);
    if (!text.isEmpty()) {
        CHECK(text.contains(QStringLiteral("Ada and Bola")));
        CHECK(text.contains(QStringLiteral("You kept going when it was hard.")));
        CHECK(text.contains(QStringLiteral("I go to school every day")));
        CHECK(text.contains(QStringLiteral("The Family Hub on Mill Lane")));
        CHECK(text.contains(QStringLiteral("Sam Carter")));
        CHECK(text.contains(QStringLiteral("Early Help")));
    }

    // A progress started from the achieved goals does not list them twice.
    closure.setProgress({});
    closure.useAchievedGoals();
    const QString again = closure.exportEndingLetterPdf(folder.path());
    CHECK(again.endsWith(QStringLiteral("Okafor ending letter 2026-03-12 (2).pdf")));
    text = pdfText(again);
    if (!text.isEmpty())
        CHECK(text.count(QStringLiteral("I go to school every day")) == 1);
}
