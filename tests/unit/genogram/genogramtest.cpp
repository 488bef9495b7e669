#include "genogram/genogram.h"

#include "catchhelpers.h"

#include <catch2/catch.hpp>

using namespace doorstep;
using Type = GenogramRelation::Type;
using State = GenogramRelation::State;
using Code = GenogramIssue::Code;

namespace
{

GenogramPerson person(const QString &id, const QString &name = {})
{
    GenogramPerson p;
    p.id = id;
    p.displayName = name.isEmpty() ? id : name;
    return p;
}

GenogramRelation line(const QString &id, Type type, const QString &from, const QString &to)
{
    GenogramRelation r;
    r.id = id;
    r.type = type;
    r.fromId = from;
    r.toId = to;
    return r;
}

QList<Code> codesOf(const Genogram &genogram, const QString &elementId)
{
    QList<Code> codes;
    for (const GenogramIssue &issue : genogram.issues()) {
        if (issue.elementId == elementId)
            codes.append(issue.code);
    }
    return codes;
}

const QString mum = QStringLiteral("mum");
const QString dad = QStringLiteral("dad");
const QString kid = QStringLiteral("kid");

} // namespace

TEST_CASE("Dates are known to the year, the month or the day", "[genogram]")
{
    CHECK(GenogramDate::fromString(u"1962")->toString() == QStringLiteral("1962"));
    CHECK(GenogramDate::fromString(u"1962-07")->toString() == QStringLiteral("1962-07"));
    CHECK(GenogramDate::fromString(u"1962-07-14")->toString() == QStringLiteral("1962-07-14"));
    CHECK_FALSE(GenogramDate::fromString(u"")->isValid());
    CHECK_FALSE(GenogramDate::fromString(u"62"));
    CHECK_FALSE(GenogramDate::fromString(u"1962-13"));
    CHECK_FALSE(GenogramDate::fromString(u"1962-02-30"));
    CHECK_FALSE(GenogramDate::fromString(u"1962-7-14"));
    CHECK(*GenogramDate::fromString(u"1962") < *GenogramDate::fromString(u"1962-01"));
    CHECK(*GenogramDate::fromString(u"1962-12-31") < *GenogramDate::fromString(u"1963"));
}

TEST_CASE("Every line type reads back from the store's kind and subtype words", "[genogram]")
{
    for (int t = int(Type::Married); t <= int(Type::Support); ++t) {
        const auto type = Type(t);
        const QString kind = GenogramRelation::kindName(GenogramRelation::kindOf(type));
        const QString subtype = GenogramRelation::typeName(type);
        INFO(kind.toStdString() << " " << subtype.toStdString());
        CHECK(test::require(GenogramRelation::typeFromNames(kind, subtype)) == type);
    }
    CHECK(GenogramRelation::kindName(GenogramRelation::Kind::Partner) == QStringLiteral("partner"));
    CHECK(GenogramRelation::typeName(Type::CutOff) == QStringLiteral("cut_off"));
}

TEST_CASE("A missing subtype means a birth parent or twins of unknown zygosity", "[genogram]")
{
    CHECK(test::require(GenogramRelation::typeFromNames(QStringLiteral("parent"), {}))
        == Type::Biological);
    CHECK(test::require(GenogramRelation::typeFromNames(QStringLiteral("twin"), {}))
        == Type::NonIdenticalTwins);
    CHECK_FALSE(GenogramRelation::typeFromNames(QStringLiteral("partner"), {}).ok());
    CHECK_FALSE(GenogramRelation::typeFromNames(QStringLiteral("emotional"), {}).ok());
}

TEST_CASE("A subtype of another kind or an unknown word is refused with a reason", "[genogram]")
{
    const auto wrongKind
        = GenogramRelation::typeFromNames(QStringLiteral("partner"), QStringLiteral("adopted"));
    REQUIRE_FALSE(wrongKind.ok());
    CHECK(wrongKind.error().code == Error::Code::InvalidArgument);
    CHECK(wrongKind.error().message.contains(QStringLiteral("parent")));
    const auto unknownKind
        = GenogramRelation::typeFromNames(QStringLiteral("cousin"), QStringLiteral("close"));
    REQUIRE_FALSE(unknownKind.ok());
    CHECK(unknownKind.error().code == Error::Code::Unsupported);
    const auto unknownType
        = GenogramRelation::typeFromNames(QStringLiteral("emotional"), QStringLiteral("fond"));
    REQUIRE_FALSE(unknownType.ok());
    CHECK(unknownType.error().code == Error::Code::Unsupported);
}

TEST_CASE("A line to a removed person is kept, hidden and flagged, not cascaded away", "[genogram]")
{
    Genogram genogram({ person(mum, QStringLiteral("Amy")), person(kid) },
        { line(QStringLiteral("r1"), Type::Biological, mum, kid),
            line(QStringLiteral("r2"), Type::Married, mum, dad) });
    REQUIRE(genogram.relations().size() == 2);
    CHECK(genogram.relation(QStringLiteral("r1"))->state == State::Shown);
    CHECK(genogram.relation(QStringLiteral("r2"))->state == State::Dangling);
    CHECK(codesOf(genogram, QStringLiteral("r2")) == QList<Code> { Code::DanglingRelation });
    CHECK(genogram.issues().first().message.contains(QStringLiteral("Amy")));

    // Deleting a person keeps their lines, dangling; bringing them back shows them again.
    genogram.removePerson(kid);
    CHECK(genogram.relation(QStringLiteral("r1"))->state == State::Dangling);
    CHECK(genogram.childrenOf(mum).isEmpty());
    test::requireOk(genogram.addPerson(person(kid)));
    CHECK(genogram.relation(QStringLiteral("r1"))->state == State::Shown);
    CHECK(genogram.childrenOf(mum) == QStringList { kid });
}

TEST_CASE("Someone cannot be their own partner", "[genogram]")
{
    Genogram genogram({ person(mum, QStringLiteral("Amy")) },
        { line(QStringLiteral("r1"), Type::Married, mum, mum) });
    CHECK(genogram.relation(QStringLiteral("r1"))->state == State::Refused);
    CHECK(codesOf(genogram, QStringLiteral("r1")) == QList<Code> { Code::SelfRelation });

    const auto added = genogram.addRelation(line(QStringLiteral("r2"), Type::Cohabiting, mum, mum));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == Error::Code::InvalidArgument);
    CHECK(added.error().message == QStringLiteral("Amy cannot be their own partner."));
    CHECK(genogram.relation(QStringLiteral("r2")) == nullptr);
}

TEST_CASE("A parent line that makes someone their own ancestor is refused", "[genogram]")
{
    Genogram genogram({ person(QStringLiteral("gran")), person(mum), person(kid) },
        { line(QStringLiteral("r1"), Type::Biological, QStringLiteral("gran"), mum),
            line(QStringLiteral("r2"), Type::Biological, mum, kid) });
    const auto added = genogram.addRelation(
        line(QStringLiteral("r3"), Type::Adopted, kid, QStringLiteral("gran")));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().message.contains(QStringLiteral("grandparent")));
    CHECK(genogram.relations().size() == 2);
}

TEST_CASE("Of two lines that close a cycle, the same one is hidden on every device", "[genogram]")
{
    // Two devices each added one half of a cycle; whichever order the records arrive in,
    // the line with the later id is the one refused.
    const GenogramRelation first = line(QStringLiteral("a"), Type::Biological, mum, kid);
    const GenogramRelation second = line(QStringLiteral("b"), Type::Biological, kid, mum);
    for (const auto &relations :
        { QList<GenogramRelation> { first, second }, QList<GenogramRelation> { second, first } }) {
        const Genogram genogram({ person(mum), person(kid) }, relations);
        CHECK(genogram.relation(QStringLiteral("a"))->state == State::Shown);
        CHECK(genogram.relation(QStringLiteral("b"))->state == State::Refused);
        CHECK(codesOf(genogram, QStringLiteral("b")) == QList<Code> { Code::ParentCycle });
    }
}

TEST_CASE("A child has at most two birth parents", "[genogram]")
{
    Genogram genogram({ person(mum), person(dad), person(QStringLiteral("other")),
                          person(kid, QStringLiteral("Sam")) },
        { line(QStringLiteral("r1"), Type::Biological, mum, kid),
            line(QStringLiteral("r2"), Type::Biological, dad, kid) });
    const auto added = genogram.addRelation(
        line(QStringLiteral("r3"), Type::Biological, QStringLiteral("other"), kid));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().message == QStringLiteral("Sam already has two birth parents."));
    // Step and foster parents are not limited.
    test::requireOk(
        genogram.addRelation(line(QStringLiteral("r4"), Type::Step, QStringLiteral("other"), kid)));

    // Loaded from records that disagree, a third is flagged but kept.
    const Genogram loaded(
        { person(mum), person(dad), person(QStringLiteral("other")), person(kid) },
        { line(QStringLiteral("r1"), Type::Biological, mum, kid),
            line(QStringLiteral("r2"), Type::Biological, dad, kid),
            line(QStringLiteral("r3"), Type::Biological, QStringLiteral("other"), kid) });
    CHECK(codesOf(loaded, kid) == QList<Code> { Code::TooManyParents });
    CHECK(loaded.relation(QStringLiteral("r3"))->isShown());
}

TEST_CASE("A line needs both its people to be added", "[genogram]")
{
    Genogram genogram({ person(mum) }, {});
    const auto added = genogram.addRelation(line(QStringLiteral("r1"), Type::Close, mum, dad));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == Error::Code::NotFound);
    const auto noId = genogram.addRelation(line({}, Type::Close, mum, mum));
    REQUIRE_FALSE(noId.ok());
}

TEST_CASE("Repeated ids keep the first record and flag the others", "[genogram]")
{
    const Genogram genogram(
        { person(mum, QStringLiteral("Amy")), person(mum, QStringLiteral("Bea")), person(kid) },
        { line(QStringLiteral("r1"), Type::Biological, mum, kid),
            line(QStringLiteral("r1"), Type::Adopted, mum, kid) });
    REQUIRE(genogram.people().size() == 2);
    CHECK(genogram.person(mum)->displayName == QStringLiteral("Amy"));
    CHECK(codesOf(genogram, mum) == QList<Code> { Code::DuplicateId });
    CHECK(codesOf(genogram, QStringLiteral("r1")) == QList<Code> { Code::DuplicateId });
    CHECK(genogram.relation(QStringLiteral("r1"))->type == Type::Biological);
}

TEST_CASE("Twins with parents of their own but none in common are flagged", "[genogram]")
{
    const Genogram genogram(
        { person(mum), person(dad), person(QStringLiteral("a")), person(QStringLiteral("b")) },
        { line(QStringLiteral("r1"), Type::Biological, mum, QStringLiteral("a")),
            line(QStringLiteral("r2"), Type::Biological, dad, QStringLiteral("b")),
            line(QStringLiteral("t"), Type::IdenticalTwins, QStringLiteral("a"),
                QStringLiteral("b")) });
    CHECK(codesOf(genogram, QStringLiteral("t")) == QList<Code> { Code::TwinsNotSiblings });
    CHECK(genogram.relation(QStringLiteral("t"))->isShown());
}

TEST_CASE("A household leaves out members who have been removed", "[genogram]")
{
    Genogram genogram({ person(mum), person(kid) }, {},
        { GenogramHousehold { QStringLiteral("h"), { mum, kid, dad }, {} } });
    CHECK(codesOf(genogram, QStringLiteral("h")) == QList<Code> { Code::MissingMember });
    const auto added = genogram.addHousehold({ QStringLiteral("h2"), { mum, dad }, {} });
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == Error::Code::NotFound);
    test::requireOk(genogram.updateHousehold({ QStringLiteral("h"), { mum, kid }, {} }));
    CHECK(genogram.issues().isEmpty());
}

TEST_CASE("Parents, children and partners are read from shown lines", "[genogram]")
{
    Genogram genogram({ person(mum), person(dad), person(kid), person(QStringLiteral("ex")) },
        { line(QStringLiteral("r1"), Type::Biological, mum, kid),
            line(QStringLiteral("r2"), Type::Adopted, dad, kid),
            line(QStringLiteral("r3"), Type::Married, dad, mum),
            line(QStringLiteral("r4"), Type::Divorced, QStringLiteral("ex"), mum),
            line(QStringLiteral("r5"), Type::Conflict, kid, QStringLiteral("ex")) });
    CHECK(genogram.parentsOf(kid) == QStringList { dad, mum });
    CHECK(genogram.childrenOf(dad) == QStringList { kid });
    CHECK(genogram.partnersOf(mum) == QStringList { dad, QStringLiteral("ex") });
    CHECK(genogram.issues().isEmpty());
}

TEST_CASE("A pinned position is kept with the person", "[genogram]")
{
    Genogram genogram({ person(mum) }, {});
    test::requireOk(genogram.setPinned(mum, QPointF(3.5, -2.0)));
    CHECK(genogram.person(mum)->pinned == QPointF(3.5, -2.0));
    test::requireOk(genogram.setPinned(mum, std::nullopt));
    CHECK_FALSE(genogram.person(mum)->pinned);
    CHECK_FALSE(genogram.setPinned(dad, QPointF()).ok());
}

TEST_CASE("Two people are joined by one line of a kind", "[genogram]")
{
    Genogram genogram({ person(QStringLiteral("mum"), QStringLiteral("Sarah")),
                          person(QStringLiteral("kid"), QStringLiteral("Amber")),
                          person(QStringLiteral("dad"), QStringLiteral("Dev")) },
        { line(
              QStringLiteral("r1"), Type::Biological, QStringLiteral("mum"), QStringLiteral("kid")),
            line(QStringLiteral("r2"), Type::Married, QStringLiteral("mum"), QStringLiteral("dad")),
            line(
                QStringLiteral("r3"), Type::Close, QStringLiteral("mum"), QStringLiteral("kid")) });

    // A second tap on Add: refused, saying they are joined already.
    auto again = genogram.addRelation(
        line(QStringLiteral("r4"), Type::Adopted, QStringLiteral("mum"), QStringLiteral("kid")));
    REQUIRE_FALSE(again);
    CHECK(again.error().message.contains(QStringLiteral("already joined")));
    // Partners in either direction are one pair.
    CHECK_FALSE(genogram.addRelation(
        line(QStringLiteral("r5"), Type::Divorced, QStringLiteral("dad"), QStringLiteral("mum"))));
    // Close and in conflict at once is allowed; two close lines are not.
    CHECK(genogram.addRelation(
        line(QStringLiteral("r6"), Type::Conflict, QStringLiteral("kid"), QStringLiteral("mum"))));
    CHECK_FALSE(genogram.addRelation(
        line(QStringLiteral("r7"), Type::Close, QStringLiteral("kid"), QStringLiteral("mum"))));
    // A parent line the other way round is a different line (and here a cycle).
    CHECK(genogram.checkRelation(line(
        QStringLiteral("r8"), Type::Biological, QStringLiteral("dad"), QStringLiteral("kid"))));

    // Two tablets that each drew the line offline: the lower id is drawn on both, the other
    // hidden and flagged, and no one gets a third parent.
    const QList<GenogramRelation> synced { line(QStringLiteral("b"), Type::Biological,
                                               QStringLiteral("mum"), QStringLiteral("kid")),
        line(QStringLiteral("a"), Type::Biological, QStringLiteral("mum"), QStringLiteral("kid")),
        line(QStringLiteral("c"), Type::Biological, QStringLiteral("dad"), QStringLiteral("kid")) };
    const Genogram loaded({ person(QStringLiteral("mum")), person(QStringLiteral("kid")),
                              person(QStringLiteral("dad")) },
        synced);
    CHECK(loaded.relation(QStringLiteral("a"))->isShown());
    CHECK(loaded.relation(QStringLiteral("b"))->state == State::Refused);
    CHECK(codesOf(loaded, QStringLiteral("b")) == QList<Code> { Code::DuplicateLine });
    CHECK(loaded.parentsOf(QStringLiteral("kid")).size() == 2);
    CHECK(codesOf(loaded, QStringLiteral("kid")).isEmpty());
}
