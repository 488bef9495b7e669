#include "models/genogramcontroller.h"

#include "models/familydocuments.h"
#include "modeltesthelpers.h"
#include "store/genogramrepository.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace doorstep;

namespace
{

struct Family {
    QString familyId;
    QString amber;
    QString ben;
};

// The Ashdowns: Amber (10) and Ben (7), from the family record.
Family addFamily(test::SessionFixture &fixture)
{
    Family family;
    family.familyId = fixture.family(QStringLiteral("Ashdown"), 10);
    const auto child = [&](const char *name, QDate born) {
        return fixture.add("person",
            { { QStringLiteral("family_id"), family.familyId },
                { QStringLiteral("given_name"), QString::fromLatin1(name) },
                { QStringLiteral("family_name"), QStringLiteral("Ashdown") },
                { QStringLiteral("role"), QStringLiteral("child") },
                { QStringLiteral("date_of_birth"), born } });
    };
    family.amber = child("Amber", QDate(2016, 5, 1));
    family.ben = child("Ben", QDate(2019, 2, 3));
    return family;
}

QString idOf(const GenogramController &genogram, const QString &name)
{
    for (const QVariant &entry : genogram.people()) {
        const QVariantMap person = entry.toMap();
        if (person.value(QStringLiteral("name")).toString() == name)
            return person.value(QStringLiteral("id")).toString();
    }
    return {};
}

} // namespace

TEST_CASE(
    "Relatives are added beside a person, each stored at once and undone in one step", "[genogram]")
{
    test::SessionFixture fixture;
    const Family family = addFamily(fixture);
    GenogramController genogram;
    genogram.setSession(fixture.session.get());
    genogram.setFamilyId(family.familyId);
    REQUIRE(genogram.isFound());
    CHECK(genogram.people().size() == 2);
    CHECK(genogram.scene()->personCount() == 2);

    const QString mum = genogram.addRelative(
        family.amber, QStringLiteral("parent"), QStringLiteral("Sarah"), QStringLiteral("female"));
    REQUIRE_FALSE(mum.isEmpty());
    CHECK(genogram.person(family.amber).value(QStringLiteral("parents")).toInt() == 1);
    // Ben hangs from the same parents as Amber once he is her brother on the genogram.
    REQUIRE_FALSE(genogram.addLine(mum, family.ben, QStringLiteral("biological")).isEmpty());
    const QString dad = genogram.addRelative(
        mum, QStringLiteral("partner"), QStringLiteral("Dev"), QStringLiteral("male"));
    const QString baby = genogram.addRelative(
        mum, QStringLiteral("child"), QStringLiteral("Leo"), QStringLiteral("unknown"));
    CHECK(genogram.person(baby).value(QStringLiteral("parents")).toInt() == 2);
    const QString sister = genogram.addRelative(
        family.ben, QStringLiteral("sibling"), QStringLiteral("Mia"), QStringLiteral("female"));
    CHECK(genogram.person(sister).value(QStringLiteral("parents")).toInt() == 1);
    CHECK(genogram.scene()->personCount() == 6);
    CHECK(genogram.undoText() == QStringLiteral("Undo adding Mia"));

    // Undo takes Mia and her line back together; redo brings both.
    REQUIRE(genogram.undo());
    CHECK(genogram.person(sister).isEmpty());
    CHECK(genogram.scene()->personCount() == 5);
    REQUIRE(genogram.redo());
    CHECK(genogram.person(sister).value(QStringLiteral("parents")).toInt() == 1);

    // A new controller (the app restarted) finds them all, from the store.
    GenogramController again;
    again.setSession(fixture.session.get());
    again.setFamilyId(family.familyId);
    CHECK(again.people().size() == 6);
    CHECK(again.person(dad).value(QStringLiteral("gender")).toString() == QStringLiteral("male"));
}

TEST_CASE("Refused edits say why and write nothing", "[genogram]")
{
    test::SessionFixture fixture;
    const Family family = addFamily(fixture);
    GenogramController genogram;
    genogram.setSession(fixture.session.get());
    genogram.setFamilyId(family.familyId);
    const auto people = [&] { return genogram.people().size(); };

    CHECK(genogram
              .addRelative(family.amber, QStringLiteral("sibling"), QStringLiteral("Ruth"),
                  QStringLiteral("female"))
              .isEmpty());
    CHECK(genogram.errorString().contains(QStringLiteral("parents first")));
    CHECK(genogram
              .addRelative(family.amber, QStringLiteral("parent"), QStringLiteral("  "), QString())
              .isEmpty());
    CHECK(genogram.errorString().contains(QStringLiteral("name")));
    CHECK(genogram
              .addRelative(family.amber, QStringLiteral("cousin"), QStringLiteral("Kit"), QString())
              .isEmpty());
    CHECK(people() == 2);

    // A third birth parent is refused by the model's rule, with its sentence.
    genogram.addRelative(
        family.amber, QStringLiteral("parent"), QStringLiteral("Sarah"), QStringLiteral("female"));
    genogram.addRelative(
        family.amber, QStringLiteral("parent"), QStringLiteral("Dev"), QStringLiteral("male"));
    genogram.clearError();
    CHECK(genogram
              .addRelative(family.amber, QStringLiteral("parent"), QStringLiteral("Kim"),
                  QStringLiteral("female"))
              .isEmpty());
    CHECK_FALSE(genogram.errorString().isEmpty());
    CHECK(people() == 4);

    // A family member stays on the genogram; a bad year is refused; a line can change type
    // only within its kind.
    CHECK_FALSE(genogram.removePerson(family.amber));
    CHECK(genogram.errorString().contains(QStringLiteral("family record")));
    const QString sarah = idOf(genogram, QStringLiteral("Sarah"));
    CHECK_FALSE(genogram.savePerson(sarah, { { QStringLiteral("born"), QStringLiteral("62") } }));
    CHECK(genogram.errorString().contains(QStringLiteral("1962")));
    const QString close = genogram.addLine(sarah, family.amber, QStringLiteral("close"));
    REQUIRE_FALSE(close.isEmpty());
    CHECK_FALSE(genogram.setRelationType(close, QStringLiteral("divorced")));
    CHECK(genogram.relation(close).value(QStringLiteral("type")) == QStringLiteral("close"));
    CHECK(genogram.addLine(sarah, sarah, QStringLiteral("close")).isEmpty());
}

TEST_CASE(
    "A family member's genogram details are undone and redone through their overlay", "[genogram]")
{
    test::SessionFixture fixture;
    const Family family = addFamily(fixture);
    GenogramController genogram;
    genogram.setSession(fixture.session.get());
    genogram.setFamilyId(family.familyId);

    // The first edit of a family member creates their overlay; undo and redo then update it.
    REQUIRE(genogram.savePerson(family.amber,
        { { QStringLiteral("isIndex"), true }, { QStringLiteral("ageText"), QStringLiteral("10") },
            { QStringLiteral("name"), QStringLiteral("not written") } }));
    CHECK(genogram.person(family.amber).value(QStringLiteral("isIndex")).toBool());
    // The family record's name, not the one in the edit.
    CHECK(genogram.person(family.amber).value(QStringLiteral("name")).toString()
        == QStringLiteral("Amber Ashdown"));
    REQUIRE(genogram.undo());
    CHECK_FALSE(genogram.person(family.amber).value(QStringLiteral("isIndex")).toBool());
    CHECK(genogram.person(family.amber).value(QStringLiteral("ageText")).toString().isEmpty());
    REQUIRE(genogram.redo());
    CHECK(genogram.person(family.amber).value(QStringLiteral("ageText")) == QStringLiteral("10"));

    // One index person: choosing Ben moves the double outline, and undo moves it back.
    REQUIRE(genogram.savePerson(family.ben, { { QStringLiteral("isIndex"), true } }));
    CHECK(genogram.person(family.ben).value(QStringLiteral("isIndex")).toBool());
    CHECK_FALSE(genogram.person(family.amber).value(QStringLiteral("isIndex")).toBool());
    REQUIRE(genogram.undo());
    CHECK(genogram.person(family.amber).value(QStringLiteral("isIndex")).toBool());
    CHECK_FALSE(genogram.person(family.ben).value(QStringLiteral("isIndex")).toBool());

    // An extended person's name: changed, undone, redone.
    const QString nan = genogram.addRelative(
        family.amber, QStringLiteral("parent"), QStringLiteral("Nan"), QStringLiteral("female"));
    REQUIRE(genogram.savePerson(nan, { { QStringLiteral("name"), QStringLiteral("Rose") } }));
    REQUIRE(genogram.undo());
    CHECK(genogram.person(nan).value(QStringLiteral("name")) == QStringLiteral("Nan"));
    REQUIRE(genogram.redo());
    CHECK(genogram.person(nan).value(QStringLiteral("name")) == QStringLiteral("Rose"));

    // Dragged: pinned where put, then placed by the layout again.
    REQUIRE(genogram.pin(nan, 12.5, -3.0));
    CHECK(genogram.scene()->positionOf(nan) == QPointF(12.5, -3.0));
    REQUIRE(genogram.unpin(nan));
    CHECK_FALSE(genogram.person(nan).value(QStringLiteral("pinned")).toBool());
    CHECK(genogram.undoText() == QStringLiteral("Undo placing Rose automatically"));
}

TEST_CASE("The household, the ecomap and another tablet's edit", "[genogram]")
{
    test::SessionFixture fixture;
    const Family family = addFamily(fixture);
    GenogramController genogram;
    genogram.setSession(fixture.session.get());
    genogram.setFamilyId(family.familyId);

    REQUIRE(genogram.setLivesInHousehold(family.amber, true));
    REQUIRE(genogram.setLivesInHousehold(family.ben, true));
    CHECK(genogram.livesInHousehold(family.ben));
    REQUIRE(genogram.setLivesInHousehold(family.ben, false));
    CHECK_FALSE(genogram.livesInHousehold(family.ben));
    REQUIRE(genogram.undo());
    CHECK(genogram.livesInHousehold(family.ben));

    const QString school = genogram.addLink(QStringLiteral("school"),
        QStringLiteral("Oakfield Primary"), family.amber, QStringLiteral("strong"), QString());
    REQUIRE_FALSE(school.isEmpty());
    CHECK(genogram
              .addLink(
                  QStringLiteral("bank"), QString(), QString(), QStringLiteral("strong"), QString())
              .isEmpty());
    CHECK(genogram
              .addLink(QStringLiteral("gp"), QString(), QString(), QStringLiteral("ok"), QString())
              .isEmpty());
    REQUIRE(genogram.saveLink(school,
        { { QStringLiteral("strength"), QStringLiteral("stressful") },
            { QStringLiteral("note"), QStringLiteral("Late") } }));
    CHECK(genogram.link(school).value(QStringLiteral("strength")) == QStringLiteral("stressful"));
    CHECK(genogram.link(school).value(QStringLiteral("personName")).toString()
        == QStringLiteral("Amber Ashdown"));
    CHECK(genogram.scene()->linkCount() == 1);
    REQUIRE(genogram.undo());
    CHECK(genogram.link(school).value(QStringLiteral("strength")) == QStringLiteral("strong"));
    REQUIRE(genogram.removeLink(school));
    CHECK(genogram.links().isEmpty());
    REQUIRE(genogram.undo());
    CHECK(genogram.links().size() == 1);

    // Another page (or a sync) writes: the page shows it, and its own history starts again,
    // so an undo never puts back an older value over someone else's.
    REQUIRE(genogram.canUndo());
    QSignalSpy history(&genogram, &GenogramController::historyChanged);
    GenogramController other;
    other.setSession(fixture.session.get());
    other.setFamilyId(family.familyId);
    REQUIRE_FALSE(other
                      .addRelative(family.amber, QStringLiteral("parent"), QStringLiteral("Sarah"),
                          QStringLiteral("female"))
                      .isEmpty());
    CHECK(genogram.people().size() == 3);
    CHECK_FALSE(genogram.canUndo());
    CHECK(history.count() >= 1);
}

TEST_CASE("The genogram and ecomap are saved as SVG and PDF, and go into the plan", "[genogram]")
{
    test::SessionFixture fixture;
    const Family family = addFamily(fixture);
    GenogramController genogram;
    genogram.setSession(fixture.session.get());
    genogram.setFamilyId(family.familyId);
    genogram.addRelative(
        family.amber, QStringLiteral("parent"), QStringLiteral("Sarah"), QStringLiteral("female"));
    genogram.addLink(QStringLiteral("gp"), QStringLiteral("Dr Khan"), QString(),
        QStringLiteral("weak"), QString());

    QTemporaryDir folder;
    const QString svg
        = genogram.saveExport(QStringLiteral("genogram"), QStringLiteral("svg"), folder.path());
    REQUIRE(svg.endsWith(QStringLiteral(".svg")));
    QFile file(svg);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    CHECK(text.contains("<svg"));
    CHECK(text.contains("Sarah"));
    const QString pdf
        = genogram.saveExport(QStringLiteral("ecomap"), QStringLiteral("pdf"), folder.path());
    REQUIRE(pdf.endsWith(QStringLiteral(".pdf")));
    CHECK(QFileInfo(pdf).size() > 1000);
    // The same name again is numbered, never replaced.
    const QString second
        = genogram.saveExport(QStringLiteral("genogram"), QStringLiteral("svg"), folder.path());
    CHECK(second.endsWith(QStringLiteral("(2).svg")));
    CHECK(genogram.saveExport(QStringLiteral("tree"), QStringLiteral("svg"), folder.path())
              .isEmpty());
    CHECK(genogram
              .saveExport(QStringLiteral("genogram"), QStringLiteral("svg"),
                  folder.filePath(QStringLiteral("missing")))
              .isEmpty());
    CHECK(genogram.errorString().contains(QStringLiteral("does not exist")));

    // The family's plan carries both, as the store holds them.
    auto stored = GenogramRepository(*fixture.session->store()).forFamily(family.familyId);
    REQUIRE(stored);
    FamilyPlanDocument plan;
    plan.familyName = QStringLiteral("Ashdown");
    FamilyDocuments::addGenogram(plan, *stored);
    REQUIRE(plan.genogram);
    CHECK(plan.genogram->layout.places.size() == 3);
    CHECK(plan.genogram->familyLabel == QStringLiteral("The Ashdown family"));
    REQUIRE(plan.ecomap);
    CHECK(plan.ecomap->links.size() == 1);
    CHECK(plan.ecomap->members.size() == 2);

    // A family with neither gets no such section.
    FamilyPlanDocument empty;
    FamilyDocuments::addGenogram(empty, FamilyGenogram {});
    CHECK_FALSE(empty.genogram);
    CHECK_FALSE(empty.ecomap);
}
