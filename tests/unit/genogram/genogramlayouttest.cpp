// Layouts of particular families, checked against the notation and issue 7's rules.

#include "genogram/genogramlayout.h"

#include "catchhelpers.h"
#include "unit/genogram/layoutchecks.h"

#include <catch2/catch.hpp>

using namespace doorstep;
using Type = GenogramRelation::Type;
using Gender = GenogramPerson::Gender;
using L = GenogramLayout;

namespace
{

// A family written down line by line, as a practitioner might draw it.
class Family
{
public:
    Family &person(const QString &id, Gender gender = Gender::Unknown, int born = 0)
    {
        GenogramPerson p;
        p.id = id;
        p.displayName = id;
        p.gender = gender;
        p.born.year = born;
        m_people.append(p);
        return *this;
    }
    Family &man(const QString &id, int born = 0) { return person(id, Gender::Male, born); }
    Family &woman(const QString &id, int born = 0) { return person(id, Gender::Female, born); }
    Family &line(Type type, const QString &from, const QString &to, int order = 0)
    {
        GenogramRelation r;
        r.id = QStringLiteral("%1-%2-%3").arg(GenogramRelation::typeName(type), from, to);
        r.type = type;
        r.fromId = from;
        r.toId = to;
        r.order = order;
        m_relations.append(r);
        return *this;
    }
    Family &couple(const QString &a, const QString &b, int order = 0, Type type = Type::Married)
    {
        return line(type, a, b, order);
    }
    Family &children(
        const QString &a, const QString &b, const QStringList &kids, Type type = Type::Biological)
    {
        for (const QString &kid : kids) {
            line(type, a, kid);
            if (!b.isEmpty())
                line(type, b, kid);
        }
        return *this;
    }
    GenogramPerson &last() { return m_people.last(); }
    Genogram genogram() const { return Genogram(m_people, m_relations); }

private:
    QList<GenogramPerson> m_people;
    QList<GenogramRelation> m_relations;
};

QPointF at(const GenogramLayout &layout, const QString &id)
{
    const auto position = layout.position(id);
    REQUIRE(position);
    return *position;
}

const GenogramLayout::Sibship &sibshipOf(const GenogramLayout &layout, const QString &child)
{
    for (const auto &sibship : layout.sibships) {
        if (sibship.childIds.contains(child))
            return sibship;
    }
    FAIL("no sibship holds " << child.toStdString());
    return layout.sibships.first();
}

void requireValid(const Genogram &genogram, const GenogramLayout &layout)
{
    const QStringList problems = test::layoutProblems(genogram, layout);
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    REQUIRE(problems.isEmpty());
    REQUIRE(test::sibshipsAside(layout) == 0);
}

} // namespace

TEST_CASE("An empty genogram has an empty layout", "[genogram]")
{
    const GenogramLayout layout = GenogramLayout::layout(Genogram());
    CHECK(layout.isEmpty());
    CHECK(layout.sibships.isEmpty());
}

TEST_CASE("A couple stands side by side, the man on the left, children under them oldest first",
    "[genogram]")
{
    const Genogram genogram = Family()
                                  .woman(QStringLiteral("mum"))
                                  .man(QStringLiteral("dad"))
                                  .couple(QStringLiteral("mum"), QStringLiteral("dad"))
                                  .person(QStringLiteral("unknown"))
                                  .woman(QStringLiteral("eldest"), 2010)
                                  .man(QStringLiteral("youngest"), 2016)
                                  .person(QStringLiteral("middle"), Gender::Unknown, 2013)
                                  .children(QStringLiteral("mum"), QStringLiteral("dad"),
                                      { QStringLiteral("youngest"), QStringLiteral("unknown"),
                                          QStringLiteral("middle"), QStringLiteral("eldest") })
                                  .genogram();
    const GenogramLayout layout = GenogramLayout::layout(genogram);
    requireValid(genogram, layout);

    CHECK(at(layout, QStringLiteral("dad"))
        == QPointF(at(layout, QStringLiteral("mum")).x() - L::PersonSpacing, 0.0));
    const auto &sibship = sibshipOf(layout, QStringLiteral("eldest"));
    // Unknown birth dates after known ones.
    CHECK(sibship.childIds
        == QStringList { QStringLiteral("eldest"), QStringLiteral("middle"),
            QStringLiteral("youngest"), QStringLiteral("unknown") });
    CHECK(at(layout, QStringLiteral("eldest")).y() == L::RowSpacing);
    // Four children centred under the couple's line.
    const double centre
        = (at(layout, QStringLiteral("eldest")).x() + at(layout, QStringLiteral("unknown")).x())
        / 2.0;
    CHECK(centre == sibship.hangPoint.x());
    CHECK(sibship.descent.x1() == sibship.descent.x2());
    CHECK(sibship.partnerRelationId == QStringLiteral("married-mum-dad"));
    // The partner line runs below the symbols.
    const auto &partners = layout.partnerLines.first();
    CHECK(partners.leftId == QStringLiteral("dad"));
    CHECK(partners.path.size() == 4);
    CHECK(partners.hangPoint.y() == L::SymbolSize / 2.0 + L::PartnerLineDrop);
}

TEST_CASE("Remarriage: each partnership's children hang under their own parents", "[genogram]")
{
    // Sam married Ann first, then Bea: half-siblings under each couple.
    const Genogram genogram
        = Family()
              .man(QStringLiteral("sam"))
              .woman(QStringLiteral("ann"))
              .woman(QStringLiteral("bea"))
              .couple(QStringLiteral("sam"), QStringLiteral("ann"), 1, Type::Divorced)
              .couple(QStringLiteral("sam"), QStringLiteral("bea"), 2)
              .person(QStringLiteral("a1"), Gender::Male, 1990)
              .person(QStringLiteral("a2"), Gender::Female, 1992)
              .person(QStringLiteral("b1"), Gender::Female, 2001)
              .person(QStringLiteral("b2"), Gender::Male, 2003)
              .person(QStringLiteral("b3"), Gender::Male, 2005)
              .children(QStringLiteral("sam"), QStringLiteral("ann"),
                  { QStringLiteral("a1"), QStringLiteral("a2") })
              .children(QStringLiteral("sam"), QStringLiteral("bea"),
                  { QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3") })
              .genogram();
    const GenogramLayout layout = GenogramLayout::layout(genogram);
    requireValid(genogram, layout);

    // Sam in the middle, a partner on each side.
    const double sam = at(layout, QStringLiteral("sam")).x();
    const double ann = at(layout, QStringLiteral("ann")).x();
    const double bea = at(layout, QStringLiteral("bea")).x();
    CHECK(std::abs(sam - ann) == L::PersonSpacing);
    CHECK(std::abs(sam - bea) == L::PersonSpacing);
    CHECK((ann - sam) * (bea - sam) < 0);

    // Each set of children apart, under its own parents, on its own parents' side.
    const auto &first = sibshipOf(layout, QStringLiteral("a1"));
    const auto &second = sibshipOf(layout, QStringLiteral("b1"));
    CHECK(first.childIds == QStringList { QStringLiteral("a1"), QStringLiteral("a2") });
    CHECK(second.childIds.size() == 3);
    CHECK(first.partnerRelationId == QStringLiteral("divorced-sam-ann"));
    const double firstRight = at(layout, QStringLiteral("a2")).x();
    const double secondLeft = at(layout, QStringLiteral("b1")).x();
    CHECK((ann < bea ? firstRight < secondLeft : firstRight > secondLeft));
    CHECK(first.hangPoint.x() == (sam + ann) / 2.0);
    CHECK(second.hangPoint.x() == (sam + bea) / 2.0);
}

TEST_CASE(
    "A step-parent's line goes straight to the child, who hangs from their parents", "[genogram]")
{
    const Genogram genogram
        = Family()
              .woman(QStringLiteral("mum"))
              .man(QStringLiteral("stepdad"))
              .couple(QStringLiteral("mum"), QStringLiteral("stepdad"))
              .man(QStringLiteral("kid"))
              .children(QStringLiteral("mum"), {}, { QStringLiteral("kid") })
              .line(Type::Step, QStringLiteral("stepdad"), QStringLiteral("kid"))
              .genogram();
    const GenogramLayout layout = GenogramLayout::layout(genogram);
    requireValid(genogram, layout);
    const auto &sibship = sibshipOf(layout, QStringLiteral("kid"));
    CHECK(sibship.parentIds == QStringList { QStringLiteral("mum") });
    CHECK(
        sibship.hangPoint == at(layout, QStringLiteral("mum")) + QPointF(0.0, L::SymbolSize / 2.0));
    REQUIRE(layout.connectors.size() == 1);
    CHECK(layout.connectors.first().relationId == QStringLiteral("step-stepdad-kid"));
}

TEST_CASE(
    "Twins hang from one point, side by side; identical twins are joined by a bar", "[genogram]")
{
    Family family;
    family.woman(QStringLiteral("mum"))
        .man(QStringLiteral("dad"))
        .couple(QStringLiteral("mum"), QStringLiteral("dad"))
        .woman(QStringLiteral("older"), 2005)
        .woman(QStringLiteral("twin1"), 2008)
        .woman(QStringLiteral("twin2"))
        .man(QStringLiteral("younger"), 2011)
        .man(QStringLiteral("fraternal1"), 2014)
        .woman(QStringLiteral("fraternal2"), 2014)
        .children(QStringLiteral("mum"), QStringLiteral("dad"),
            { QStringLiteral("younger"), QStringLiteral("twin2"), QStringLiteral("older"),
                QStringLiteral("twin1"), QStringLiteral("fraternal2"),
                QStringLiteral("fraternal1") })
        .line(Type::IdenticalTwins, QStringLiteral("twin2"), QStringLiteral("twin1"))
        .line(Type::NonIdenticalTwins, QStringLiteral("fraternal1"), QStringLiteral("fraternal2"));
    // twin2's birth date is not known: twins sort together at the known one.
    const Genogram genogram = family.genogram();
    const GenogramLayout layout = GenogramLayout::layout(genogram);
    requireValid(genogram, layout);

    const auto &sibship = sibshipOf(layout, QStringLiteral("older"));
    REQUIRE(sibship.childIds.size() == 6);
    CHECK(sibship.childIds.first() == QStringLiteral("older"));
    CHECK(sibship.childIds.indexOf(QStringLiteral("younger")) == 3);
    // Both twins' lines start at one point on the bar, midway between them.
    const QLineF one = sibship.drops[sibship.childIds.indexOf(QStringLiteral("twin1"))];
    const QLineF two = sibship.drops[sibship.childIds.indexOf(QStringLiteral("twin2"))];
    CHECK(one.p1() == two.p1());
    CHECK(one.p1().x()
        == (at(layout, QStringLiteral("twin1")).x() + at(layout, QStringLiteral("twin2")).x())
            / 2.0);
    CHECK(
        std::abs(at(layout, QStringLiteral("twin1")).x() - at(layout, QStringLiteral("twin2")).x())
        == L::PersonSpacing);
    // Only the identical twins get a bar.
    REQUIRE(layout.twinBars.size() == 1);
    CHECK(layout.twinBars.first().relationId == QStringLiteral("identical-twin2-twin1"));
    CHECK(layout.twinBars.first().line == QLineF(two.pointAt(0.5), one.pointAt(0.5)));
}

TEST_CASE(
    "An adopted child hangs from the adoptive parents; the birth mother gets a line", "[genogram]")
{
    const Genogram genogram
        = Family()
              .woman(QStringLiteral("mum"))
              .man(QStringLiteral("dad"))
              .couple(QStringLiteral("mum"), QStringLiteral("dad"))
              .woman(QStringLiteral("birthmum"))
              .person(QStringLiteral("own"), Gender::Male, 2009)
              .person(QStringLiteral("adopted"), Gender::Female, 2012)
              .children(QStringLiteral("mum"), QStringLiteral("dad"), { QStringLiteral("own") })
              .children(QStringLiteral("mum"), QStringLiteral("dad"), { QStringLiteral("adopted") },
                  Type::Adopted)
              .line(Type::Biological, QStringLiteral("birthmum"), QStringLiteral("adopted"))
              .genogram();
    const GenogramLayout layout = GenogramLayout::layout(genogram);
    requireValid(genogram, layout);
    const auto &sibship = sibshipOf(layout, QStringLiteral("adopted"));
    CHECK(sibship.childIds == QStringList { QStringLiteral("own"), QStringLiteral("adopted") });
    CHECK(sibship.relationIds[1]
        == QStringList {
            QStringLiteral("adopted-dad-adopted"), QStringLiteral("adopted-mum-adopted") });
    // The birth mother stands in the parents' row with a straight line to her child.
    CHECK(at(layout, QStringLiteral("birthmum")).y() == 0.0);
    REQUIRE(layout.connectors.size() == 1);
    CHECK(layout.connectors.first().line
        == QLineF(at(layout, QStringLiteral("birthmum")), at(layout, QStringLiteral("adopted"))));
}

TEST_CASE("Three generations: a deceased grandparent's row, in-laws' parents above the in-law",
    "[genogram]")
{
    Family family;
    family.man(QStringLiteral("grandad"))
        .woman(QStringLiteral("gran"))
        .couple(QStringLiteral("grandad"), QStringLiteral("gran"));
    family.last().deceased = true;
    family.man(QStringLiteral("dad"))
        .children(QStringLiteral("grandad"), QStringLiteral("gran"), { QStringLiteral("dad") })
        .woman(QStringLiteral("mum"))
        .couple(QStringLiteral("dad"), QStringLiteral("mum"))
        .man(QStringLiteral("kid"))
        .children(QStringLiteral("dad"), QStringLiteral("mum"), { QStringLiteral("kid") })
        // The kid's partner, whose parents are in the genogram too.
        .woman(QStringLiteral("partner"))
        .couple(QStringLiteral("kid"), QStringLiteral("partner"), 0, Type::Cohabiting)
        .man(QStringLiteral("inlawdad"))
        .woman(QStringLiteral("inlawmum"))
        .couple(QStringLiteral("inlawdad"), QStringLiteral("inlawmum"))
        .children(
            QStringLiteral("inlawdad"), QStringLiteral("inlawmum"), { QStringLiteral("partner") })
        .woman(QStringLiteral("loner"));
    family.last().isIndex = false;
    // The index person is the kid: someone with no lines stands in their row.
    Genogram genogram = family.genogram();
    GenogramPerson kid = *genogram.person(QStringLiteral("kid"));
    kid.isIndex = true;
    test::requireOk(genogram.updatePerson(kid));
    const GenogramLayout layout = GenogramLayout::layout(genogram);
    requireValid(genogram, layout);

    CHECK(layout.places[QStringLiteral("gran")].generation == 0);
    CHECK(layout.places[QStringLiteral("dad")].generation == 1);
    CHECK(layout.places[QStringLiteral("kid")].generation == 2);
    CHECK(layout.places[QStringLiteral("inlawmum")].generation == 1);
    CHECK(layout.places[QStringLiteral("loner")].generation == 2);
    // The in-law's parents stand on the in-law's side.
    const bool partnerRight
        = at(layout, QStringLiteral("partner")).x() > at(layout, QStringLiteral("kid")).x();
    CHECK((at(layout, QStringLiteral("inlawmum")).x() > at(layout, QStringLiteral("mum")).x())
        == partnerRight);
}

TEST_CASE("A line to a removed person is left out of the layout", "[genogram]")
{
    Genogram genogram
        = Family()
              .woman(QStringLiteral("mum"))
              .man(QStringLiteral("dad"))
              .couple(QStringLiteral("mum"), QStringLiteral("dad"))
              .man(QStringLiteral("kid"))
              .children(QStringLiteral("mum"), QStringLiteral("dad"), { QStringLiteral("kid") })
              .line(Type::Conflict, QStringLiteral("kid"), QStringLiteral("dad"))
              .genogram();
    genogram.removePerson(QStringLiteral("dad"));
    REQUIRE(genogram.issues().size() == 3);
    const GenogramLayout layout = GenogramLayout::layout(genogram);
    requireValid(genogram, layout);
    CHECK(layout.places.keys() == QStringList { QStringLiteral("kid"), QStringLiteral("mum") });
    CHECK(layout.partnerLines.isEmpty());
    CHECK(layout.connectors.isEmpty());
    // The child hangs from the parent who is left.
    CHECK(sibshipOf(layout, QStringLiteral("kid")).parentIds
        == QStringList { QStringLiteral("mum") });
}

TEST_CASE("Emotional lines and households are drawn between and around their people", "[genogram]")
{
    Genogram genogram
        = Family()
              .woman(QStringLiteral("mum"))
              .man(QStringLiteral("dad"))
              .couple(QStringLiteral("mum"), QStringLiteral("dad"), 0, Type::Separated)
              .man(QStringLiteral("kid"))
              .children(QStringLiteral("mum"), QStringLiteral("dad"), { QStringLiteral("kid") })
              .line(Type::Abuse, QStringLiteral("dad"), QStringLiteral("mum"))
              .genogram();
    test::requireOk(genogram.addHousehold(
        { QStringLiteral("home"), { QStringLiteral("mum"), QStringLiteral("kid") }, {} }));
    const GenogramLayout layout = GenogramLayout::layout(genogram);
    requireValid(genogram, layout);
    REQUIRE(layout.connectors.size() == 1);
    CHECK(layout.connectors.first().line.p1() == at(layout, QStringLiteral("dad")));
    CHECK(layout.connectors.first().line.p2() == at(layout, QStringLiteral("mum")));
    REQUIRE(layout.households.size() == 1);
    // A box around the members' symbols (an outline that leaves others out is the view's).
    const QRectF home = layout.households.first().rect;
    for (const QString &id : { QStringLiteral("mum"), QStringLiteral("kid") }) {
        const QPointF p = at(layout, id);
        CHECK(home.contains(QRectF(p.x() - 0.5, p.y() - 0.5, 1.0, 1.0)));
    }
    CHECK(layout.bounds.contains(home));
}

TEST_CASE("A pinned person stays exactly where they were put and others keep clear", "[genogram]")
{
    Genogram genogram = Family()
                            .woman(QStringLiteral("mum"))
                            .man(QStringLiteral("dad"))
                            .couple(QStringLiteral("mum"), QStringLiteral("dad"))
                            .man(QStringLiteral("a"), 2001)
                            .man(QStringLiteral("b"), 2003)
                            .man(QStringLiteral("c"), 2005)
                            .children(QStringLiteral("mum"), QStringLiteral("dad"),
                                { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") })
                            .genogram();
    const GenogramLayout before = GenogramLayout::layout(genogram);
    // Drag the eldest to the far right and slightly down.
    const QPointF dropped = at(before, QStringLiteral("c")) + QPointF(3.25, 0.5);
    test::requireOk(genogram.setPinned(QStringLiteral("a"), dropped));
    const GenogramLayout layout = GenogramLayout::layout(genogram, before);
    CHECK(at(layout, QStringLiteral("a")) == dropped);
    CHECK(layout.places[QStringLiteral("a")].pinned);
    CHECK(test::layoutProblems(genogram, layout).isEmpty());
    // Without the previous layout too: pins are in the same units.
    const GenogramLayout fresh = GenogramLayout::layout(genogram);
    CHECK(at(fresh, QStringLiteral("a")) == dropped);
    CHECK(test::layoutProblems(genogram, fresh).isEmpty());
}

TEST_CASE("Adding grandparents above keeps everyone else's rows and places", "[genogram]")
{
    Family family;
    family.woman(QStringLiteral("mum"))
        .man(QStringLiteral("dad"))
        .couple(QStringLiteral("mum"), QStringLiteral("dad"))
        .man(QStringLiteral("kid"))
        .children(QStringLiteral("mum"), QStringLiteral("dad"), { QStringLiteral("kid") });
    const GenogramLayout before = GenogramLayout::layout(family.genogram());
    family.woman(QStringLiteral("gran"))
        .children(QStringLiteral("gran"), {}, { QStringLiteral("mum") });
    const Genogram genogram = family.genogram();
    const GenogramLayout after = GenogramLayout::layout(genogram, before);
    requireValid(genogram, after);
    CHECK(test::movedPeople(before, after).isEmpty());
    CHECK(after.places[QStringLiteral("gran")].generation == -1);
    CHECK(at(after, QStringLiteral("gran")).y() == -L::RowSpacing);
}

TEST_CASE("Children stay under their parents when lines must cross", "[genogram]")
{
    // Bob's partnerships run Cat - Bob - Dee - Eve, with a child of each. Dee and Bob's
    // child marries someone whose parents stand outside that row of partners: a line
    // crosses, and every child still stands under their own parents.
    const Genogram genogram
        = Family()
              .man(QStringLiteral("bob"))
              .woman(QStringLiteral("cat"))
              .woman(QStringLiteral("dee"))
              .man(QStringLiteral("eve"))
              .couple(QStringLiteral("bob"), QStringLiteral("cat"), 1, Type::Divorced)
              .couple(QStringLiteral("bob"), QStringLiteral("dee"), 2, Type::Divorced)
              .couple(QStringLiteral("dee"), QStringLiteral("eve"), 3)
              .person(QStringLiteral("k1"), Gender::Male, 1990)
              .person(QStringLiteral("k2"), Gender::Female, 1995)
              .person(QStringLiteral("k3"), Gender::Male, 2000)
              .children(QStringLiteral("bob"), QStringLiteral("cat"), { QStringLiteral("k1") })
              .children(QStringLiteral("bob"), QStringLiteral("dee"), { QStringLiteral("k2") })
              .children(QStringLiteral("dee"), QStringLiteral("eve"), { QStringLiteral("k3") })
              .man(QStringLiteral("spouse"))
              .couple(QStringLiteral("k2"), QStringLiteral("spouse"))
              .man(QStringLiteral("sp1"))
              .woman(QStringLiteral("sp2"))
              .couple(QStringLiteral("sp1"), QStringLiteral("sp2"))
              .children(QStringLiteral("sp1"), QStringLiteral("sp2"), { QStringLiteral("spouse") })
              .genogram();
    requireValid(genogram, GenogramLayout::layout(genogram));
}

TEST_CASE("Children who cannot stand under their parents are marked", "[genogram]")
{
    // A mother and child dragged far apart: the children's line runs across to the child
    // and the family is marked for the view. (With only the child dragged, the mother
    // follows.)
    Genogram genogram = Family()
                            .woman(QStringLiteral("mum"))
                            .man(QStringLiteral("kid"))
                            .children(QStringLiteral("mum"), {}, { QStringLiteral("kid") })
                            .genogram();
    test::requireOk(genogram.setPinned(QStringLiteral("mum"), QPointF(0.0, 0.0)));
    test::requireOk(genogram.setPinned(QStringLiteral("kid"), QPointF(20.0, L::RowSpacing)));
    const GenogramLayout layout = GenogramLayout::layout(genogram);
    const auto &sibship = sibshipOf(layout, QStringLiteral("kid"));
    CHECK_FALSE(sibship.underParents);
    CHECK(sibship.bar.x1() == sibship.hangPoint.x());
    CHECK(sibship.bar.x2() == 20.0);
    CHECK(test::layoutProblems(genogram, layout).isEmpty());
}
