#pragma once

// Families for the drawing tests: a small hand-made one with every kind of line, and a large
// generated one with ages and emotional lines added.

#include "genogram/ecomap.h"
#include "genogram/ecomaplayout.h"
#include "genogram/genogram.h"
#include "genogram/genogramlayout.h"
#include "unit/genogram/familygenerator.h"

#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <optional>

namespace doorstep::test
{

using Gender = GenogramPerson::Gender;
using Type = GenogramRelation::Type;

inline GenogramPerson samplePerson(
    const char *id, const char *name, Gender gender, const char *age, bool deceased = false)
{
    GenogramPerson person;
    person.id = QString::fromLatin1(id);
    person.displayName = QString::fromUtf8(name);
    person.gender = gender;
    person.ageText = QString::fromLatin1(age);
    person.deceased = deceased;
    return person;
}

inline GenogramRelation sampleRelation(
    const char *id, Type type, const char *from, const char *to, int start = 0, int end = 0)
{
    GenogramRelation relation;
    relation.id = QString::fromLatin1(id);
    relation.type = type;
    relation.fromId = QString::fromLatin1(from);
    relation.toId = QString::fromLatin1(to);
    relation.start.year = start;
    relation.end.year = end;
    return relation;
}

/// Three generations: a remarriage with a half-brother, identical twins, an adopted and a
/// foster child, a pregnancy, a household, and one of each emotional line.
inline Genogram bellFamily()
{
    QList<GenogramPerson> people {
        samplePerson("gf", "Arthur Bell", Gender::Male, "82", true),
        samplePerson("gm", "Edith Bell", Gender::Female, "80"),
        samplePerson("dad", "David Bell", Gender::Male, "45"),
        samplePerson("aunt", "Susan Bell", Gender::Female, "43"),
        samplePerson("gary", "Gary Stone", Gender::Male, "47"),
        samplePerson("ex", "Karen Hill", Gender::Female, "44"),
        samplePerson("mum", "Priya Bell", Gender::Female, "41"),
        samplePerson("tom", "Tom Hill", Gender::Male, "20"),
        samplePerson("mia", "Mia Bell", Gender::Female, "9"),
        samplePerson("lily", "Lily Bell", Gender::Female, "9"),
        samplePerson("sam", "Sam Bell", Gender::Male, "5"),
        samplePerson("alex", "Alex Morgan-Whitfield", Gender::Unknown, "12"),
        samplePerson("baby", "", Gender::Unknown, ""),
    };
    people[6].interpreterNeeded = true;
    people[8].isIndex = true;
    people[12].pregnancy = true;
    QList<GenogramRelation> relations {
        sampleRelation("r-gp", Type::Married, "gf", "gm", 1955),
        sampleRelation("r-gf-dad", Type::Biological, "gf", "dad"),
        sampleRelation("r-gm-dad", Type::Biological, "gm", "dad"),
        sampleRelation("r-gf-aunt", Type::Biological, "gf", "aunt"),
        sampleRelation("r-gm-aunt", Type::Biological, "gm", "aunt"),
        sampleRelation("r-aunt-gary", Type::Separated, "aunt", "gary", 2001, 2015),
        sampleRelation("r-dad-ex", Type::Divorced, "dad", "ex", 1998, 2003),
        sampleRelation("r-dad-mum", Type::Married, "dad", "mum", 2006),
        sampleRelation("r-dad-tom", Type::Biological, "dad", "tom"),
        sampleRelation("r-ex-tom", Type::Biological, "ex", "tom"),
        sampleRelation("r-mum-tom", Type::Step, "mum", "tom"),
        sampleRelation("r-dad-mia", Type::Biological, "dad", "mia"),
        sampleRelation("r-mum-mia", Type::Biological, "mum", "mia"),
        sampleRelation("r-dad-lily", Type::Biological, "dad", "lily"),
        sampleRelation("r-mum-lily", Type::Biological, "mum", "lily"),
        sampleRelation("r-twins", Type::IdenticalTwins, "mia", "lily"),
        sampleRelation("r-dad-sam", Type::Adopted, "dad", "sam"),
        sampleRelation("r-mum-sam", Type::Adopted, "mum", "sam"),
        sampleRelation("r-dad-alex", Type::Foster, "dad", "alex"),
        sampleRelation("r-mum-alex", Type::Foster, "mum", "alex"),
        sampleRelation("r-dad-baby", Type::Biological, "dad", "baby"),
        sampleRelation("r-mum-baby", Type::Biological, "mum", "baby"),
        sampleRelation("e-support", Type::Support, "gm", "mia"),
        sampleRelation("e-close", Type::Close, "gm", "mum"),
        sampleRelation("e-conflict", Type::Conflict, "aunt", "dad"),
        sampleRelation("e-cutoff", Type::CutOff, "ex", "mum"),
        sampleRelation("e-distant", Type::Distant, "dad", "tom"),
        sampleRelation("e-abuse", Type::Abuse, "gary", "aunt"),
    };
    QList<GenogramHousehold> households {
        { QStringLiteral("h-home"),
            { QStringLiteral("dad"), QStringLiteral("mum"), QStringLiteral("mia"),
                QStringLiteral("lily"), QStringLiteral("sam"), QStringLiteral("alex") },
            {} },
    };
    return Genogram(people, relations, households);
}

/// The family of the app's screenshots (tests/qml/tst_genogram.qml): Dev's son with Kim and
/// his children with Sarah in one row, and emotional lines past other people in a row.
inline Genogram ashdownFamily()
{
    QList<GenogramPerson> people {
        samplePerson("frank", "Frank", Gender::Male, "78", true),
        samplePerson("rose", "Rose", Gender::Female, "74"),
        samplePerson("tom", "Tom", Gender::Male, ""),
        samplePerson("jo", "Jo", Gender::Female, ""),
        samplePerson("sarah", "Sarah", Gender::Female, ""),
        samplePerson("dev", "Dev", Gender::Male, ""),
        samplePerson("kim", "Kim", Gender::Female, ""),
        samplePerson("sam", "Sam", Gender::Unknown, ""),
        samplePerson("ryan", "Ryan", Gender::Male, ""),
        samplePerson("amber", "Amber Ashdown", Gender::Unknown, "10"),
        samplePerson("leo", "Leo", Gender::Unknown, ""),
        samplePerson("lily", "Lily", Gender::Female, ""),
        samplePerson("daisy", "Daisy", Gender::Female, ""),
        samplePerson("mia", "Mia", Gender::Female, ""),
    };
    people[1].interpreterNeeded = true;
    people[9].isIndex = true;
    QList<GenogramRelation> relations {
        sampleRelation("r-gp", Type::Married, "frank", "rose"),
        sampleRelation("r-frank-sarah", Type::Biological, "frank", "sarah"),
        sampleRelation("r-rose-sarah", Type::Biological, "rose", "sarah"),
        sampleRelation("r-frank-jo", Type::Biological, "frank", "jo"),
        sampleRelation("r-rose-jo", Type::Biological, "rose", "jo"),
        sampleRelation("r-frank-tom", Type::Biological, "frank", "tom"),
        sampleRelation("r-rose-tom", Type::Biological, "rose", "tom"),
        sampleRelation("r-sarah-dev", Type::Divorced, "sarah", "dev"),
        sampleRelation("r-dev-kim", Type::Married, "dev", "kim"),
        sampleRelation("r-kim-ryan", Type::Biological, "kim", "ryan"),
        sampleRelation("r-dev-ryan", Type::Biological, "dev", "ryan"),
        sampleRelation("r-jo-sam", Type::Biological, "jo", "sam"),
        sampleRelation("r-tom-sam", Type::Adopted, "tom", "sam"),
        sampleRelation("r-sarah-mia", Type::Biological, "sarah", "mia"),
    };
    for (const char *child : { "amber", "leo", "lily", "daisy" }) {
        for (const char *parent : { "sarah", "dev" }) {
            relations.append(sampleRelation(QStringLiteral("r-%1-%2")
                                                .arg(QLatin1String(parent), QLatin1String(child))
                                                .toLatin1()
                                                .constData(),
                Type::Biological, parent, child));
        }
    }
    relations += {
        sampleRelation("r-twins", Type::IdenticalTwins, "lily", "daisy"),
        sampleRelation("e-close", Type::Close, "sarah", "rose"),
        sampleRelation("e-conflict", Type::Conflict, "dev", "kim"),
        sampleRelation("e-support", Type::Support, "tom", "sarah"),
        sampleRelation("e-siblings", Type::Close, "ryan", "amber"),
    };
    QList<GenogramHousehold> households {
        { QStringLiteral("h-home"),
            { QStringLiteral("amber"), QStringLiteral("sarah"), QStringLiteral("dev"),
                QStringLiteral("lily"), QStringLiteral("daisy"), QStringLiteral("leo"),
                QStringLiteral("mia") },
            {} },
    };
    return Genogram(people, relations, households);
}

/// A generated family of about 60 people, with ages written in and emotional lines between
/// some of them, as a practitioner would add them.
inline Genogram largeFamily(quint32 seed = 7)
{
    FamilyGenerator generator(seed);
    const Genogram generated = generator.generate(60, 4);
    QList<GenogramPerson> people = generated.people();
    for (GenogramPerson &person : people) {
        if (person.born.isValid() && !person.pregnancy && person.born.year <= 2026)
            person.ageText = QString::number(2026 - person.born.year);
        if (person.displayName.startsWith(QLatin1String("Person ")))
            person.displayName
                = QStringLiteral("Name ") + person.displayName.mid(7) + QStringLiteral(" Family");
    }
    QList<GenogramRelation> relations = generated.relations();
    static constexpr Type emotional[]
        = { Type::Close, Type::Distant, Type::Conflict, Type::CutOff, Type::Abuse, Type::Support };
    int added = 0;
    for (int k = 0; k + 7 < people.size() && added < 6; k += 9, ++added) {
        GenogramRelation relation;
        relation.id = QStringLiteral("emotional-%1").arg(added);
        relation.type = emotional[added];
        relation.fromId = people.at(k).id;
        relation.toId = people.at(k + 3).id;
        relations.append(relation);
    }
    return Genogram(people, relations, generated.households());
}

inline QList<EcomapLink> sampleLinks()
{
    auto link = [](const char *id, EcomapLink::Agency agency, const char *name,
                    EcomapLink::Strength strength, const char *person = "", const char *note = "") {
        EcomapLink l;
        l.id = QString::fromLatin1(id);
        l.agency = agency;
        l.name = QString::fromUtf8(name);
        l.strength = strength;
        l.personId = QString::fromLatin1(person);
        l.note = QString::fromUtf8(note);
        return l;
    };
    using A = EcomapLink::Agency;
    using S = EcomapLink::Strength;
    return {
        link("l-school", A::School, "St Mary's Primary", S::Strong, "mia", "Class teacher"),
        link("l-gp", A::Gp, "Dr Khan", S::Weak),
        link("l-hv", A::HealthVisitor, "Health visitor team", S::Weak, "mum"),
        link("l-police", A::Police, "Neighbourhood police", S::Stressful),
        link("l-housing", A::Housing, "Northfield Homes", S::Stressful, "", "Repairs overdue"),
        link("l-church", A::Faith, "St Anne's Church", S::Strong),
        link("l-friends", A::Friends, "Neighbours on Elm Road", S::Strong),
        link("l-work", A::Employment, "Job Centre", S::Weak, "dad"),
        link("l-mh", A::MentalHealth, "Talking Therapies", S::Weak, "mum"),
        link("l-vol", A::Voluntary, "Food bank", S::Strong),
        link("l-care", A::SocialCare, "Early Help", S::Weak),
        link("l-other", A::Other, "Boxing club", S::Strong, "dad"),
    };
}

inline QList<EcomapLayout::Member> sampleMembers()
{
    return { { QStringLiteral("dad"), QStringLiteral("David") },
        { QStringLiteral("mum"), QStringLiteral("Priya") },
        { QStringLiteral("mia"), QStringLiteral("Mia") },
        { QStringLiteral("lily"), QStringLiteral("Lily") },
        { QStringLiteral("sam"), QStringLiteral("Sam") } };
}

/// rsvg-convert, or nothing (with a message) when it is not installed and CI is not set.
inline std::optional<QString> rsvgConvert()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("rsvg-convert"));
    if (found.isEmpty() && qEnvironmentVariableIsSet("CI"))
        FAIL("rsvg-convert is missing: install librsvg2-bin (listed in .ci/packages)");
    if (found.isEmpty())
        WARN("rsvg-convert is not installed: the SVG is not rendered by a second renderer");
    return found.isEmpty() ? std::nullopt : std::optional<QString>(found);
}

/// @p svg rendered by rsvg-convert to a PNG at @p pngPath, read back.
inline QImage renderWithRsvg(const QString &program, const QByteArray &svg, const QString &pngPath)
{
    QProcess process;
    process.start(program,
        { QStringLiteral("--format=png"), QStringLiteral("--output"), pngPath,
            QStringLiteral("--background-color=white") });
    REQUIRE(process.waitForStarted(10000));
    process.write(svg);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(60000));
    INFO(process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    QImage image(pngPath);
    REQUIRE_FALSE(image.isNull());
    return image.convertToFormat(QImage::Format_RGB32);
}

inline bool isInk(QRgb pixel)
{
    return qGray(pixel) < 160;
}

/// Whether there is ink within @p radius pixels of @p at.
inline bool inkNear(const QImage &image, QPoint at, int radius)
{
    for (int y = at.y() - radius; y <= at.y() + radius; ++y) {
        for (int x = at.x() - radius; x <= at.x() + radius; ++x) {
            if (image.rect().contains(x, y) && isInk(image.pixel(x, y)))
                return true;
        }
    }
    return false;
}

} // namespace doorstep::test
