// Issue 7's layout invariants over many generated families: up to 4 generations and 60
// people, with remarriage, step and half siblings, adoption, twins, deceased people,
// pregnancies and in-laws with parents of their own. Each run makes new families from a
// printed seed; DOORSTEP_TEST_SEED=<seed> makes the same ones again, and with
// DOORSTEP_GENOGRAM_SVG=<folder> a failing family is drawn there to look at.

#include "catchhelpers.h"
#include "genogram/genogramlayout.h"
#include "unit/genogram/familygenerator.h"
#include "unit/genogram/layoutchecks.h"

#include <QDir>
#include <QMap>
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

using namespace doorstep;
using doorstep::test::FamilyGenerator;

namespace
{

constexpr int MaxPeople = 60;
constexpr int Generations = 4;

// The families of one run: seeds drawn from the run's seed.
QList<quint32> familySeeds(int count)
{
    const quint32 runSeed = test::testSeed();
    UNSCOPED_INFO("DOORSTEP_TEST_SEED=" << runSeed);
    std::mt19937 random(runSeed);
    QList<quint32> seeds;
    for (int i = 0; i < count; ++i)
        seeds.append(random());
    return seeds;
}

Genogram family(quint32 seed)
{
    return FamilyGenerator(seed).generate(MaxPeople, Generations);
}

// The same records in another order, as another device or a later load might hand them.
Genogram shuffled(const Genogram &genogram, quint32 seed)
{
    std::mt19937 random(seed);
    QList<GenogramPerson> people = genogram.people();
    QList<GenogramRelation> relations = genogram.relations();
    QList<GenogramHousehold> households = genogram.households();
    std::shuffle(people.begin(), people.end(), random);
    std::shuffle(relations.begin(), relations.end(), random);
    std::shuffle(households.begin(), households.end(), random);
    return Genogram(people, relations, households);
}

void requireNoProblems(const QStringList &problems, const Genogram &genogram,
    const GenogramLayout &layout, quint32 seed)
{
    const QString folder = qEnvironmentVariable("DOORSTEP_GENOGRAM_SVG");
    if (!problems.isEmpty() && !folder.isEmpty())
        test::writeSvg(genogram, layout, QDir(folder).filePath(QStringLiteral("%1.svg").arg(seed)));
    INFO("family " << seed << ":\n" << problems.join(QLatin1Char('\n')).toStdString());
    REQUIRE(problems.isEmpty());
}

void requireNoProblems(const Genogram &genogram, const GenogramLayout &layout, quint32 seed)
{
    requireNoProblems(test::layoutProblems(genogram, layout), genogram, layout, seed);
}

// Families whose children the layout marks as not under their parents, among those with
// no one pinned: a pinned parent or child is exempt from rule 4 altogether.
int unpinnedSibshipsAside(const GenogramLayout &layout)
{
    return int(std::count_if(
        layout.sibships.cbegin(), layout.sibships.cend(), [&layout](const auto &sibship) {
            const QStringList people = sibship.parentIds + sibship.childIds;
            return !sibship.underParents
                && std::none_of(people.cbegin(), people.cend(),
                    [&layout](const QString &id) { return layout.places.value(id).pinned; });
        }));
}

// People of each row, left to right.
QMap<int, QStringList> rowsOf(const GenogramLayout &layout, const QStringList &only)
{
    QMap<int, QList<std::pair<double, QString>>> placed;
    for (auto it = layout.places.cbegin(); it != layout.places.cend(); ++it) {
        if (only.contains(it.key()))
            placed[it->generation].append({ it->position.x(), it.key() });
    }
    QMap<int, QStringList> rows;
    for (auto it = placed.begin(); it != placed.end(); ++it) {
        std::sort(it->begin(), it->end());
        for (const auto &entry : *it)
            rows[it.key()].append(entry.second);
    }
    return rows;
}

int percentile(QList<int> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(int(values.size()) - 1, int(p * values.size()))];
}

} // namespace

TEST_CASE("Generated families: no overlaps, one row per generation, partners side by side, "
          "children under their parents",
    "[genogram]")
{
    constexpr int Families = 500;
    int people = 0;
    int largest = 0;
    int familiesAside = 0;
    for (const quint32 seed : familySeeds(Families)) {
        const Genogram genogram = family(seed);
        const GenogramLayout layout = GenogramLayout::layout(genogram);
        requireNoProblems(genogram, layout, seed);
        familiesAside += test::sibshipsAside(layout) > 0 ? 1 : 0;
        people += int(genogram.people().size());
        largest = std::max(largest, int(genogram.people().size()));
    }
    // A family's children stand under their parents unless no order can have them there
    // (partners side by side, twins together and birth order leave no such place; rule 4),
    // and the layout marks the family. Measured: 14 families in 20,000 (0.07%), 0.35 a
    // run; a correct layout has more than 4 in 1 run in 30,000 (more than 3 in 1 in 2,000,
    // too often for a bound of 3).
    CHECK(familiesAside <= 4);
    // The generator makes families of the sizes the issue names.
    CHECK(largest > 50);
    CHECK(people / Families > 20);
}

TEST_CASE("The same family gives the same layout, whatever order its records come in", "[genogram]")
{
    // The shuffled records are also the same input again, in other memory: one comparison
    // checks both.
    for (const quint32 seed : familySeeds(150)) {
        const Genogram genogram = family(seed);
        const QString first = test::dump(GenogramLayout::layout(genogram));
        INFO("family " << seed);
        REQUIRE(test::dump(GenogramLayout::layout(shuffled(genogram, seed))) == first);
    }
}

TEST_CASE("Adding a child or a partner moves few people, keeping rows and order", "[genogram]")
{
    // Making room moves the people on the side of the newcomer with fewer people to move,
    // in a row with no slack, and through rule 4 their parents or children where those
    // stand at the edge of what it allows; nobody else. So most changes move a person or
    // none, and a change in a packed middle row of a large family moves a third or more.
    // Measured over 200 runs of 200 changes (families of 20 to 60 people): the median
    // change moved 0 or 1 people, the 9-in-10 one 4 to 11, the most in a run 13 to 27 (34
    // in 20,000 changes).
    constexpr int Changes = 200;
    QList<int> moved;
    int changesAside = 0;
    int index = 0;
    for (const quint32 seed : familySeeds(Changes)) {
        Genogram genogram = family(seed);
        const GenogramLayout before = GenogramLayout::layout(genogram);
        FamilyGenerator generator(seed + 1);
        const QStringList couples = FamilyGenerator::couplesWithChildren(genogram);
        QString added;
        if (index++ % 2 == 0 && !couples.isEmpty()) {
            added = generator.addChild(genogram, couples[generator.below(int(couples.size()))]);
        } else {
            const QString who
                = genogram.people()[generator.below(int(genogram.people().size()))].id;
            added = generator.addPartner(genogram, who);
        }
        const GenogramLayout after = GenogramLayout::layout(genogram, before);
        INFO("family " << seed << ", added " << added.toStdString());
        requireNoProblems(genogram, after, seed);
        // Keeping everyone's order (rule 6) can leave a family that a fresh layout would
        // reorder to stand under its parents marked aside instead.
        changesAside += test::sibshipsAside(after) > test::sibshipsAside(before) ? 1 : 0;

        // Everyone keeps their row and their order in it.
        const QStringList existing = before.places.keys();
        REQUIRE(rowsOf(before, existing) == rowsOf(after, existing));
        moved.append(int(test::movedPeople(before, after).size()));
    }
    INFO("people moved: median " << percentile(moved, 0.5) << ", 90th percentile "
                                 << percentile(moved, 0.9) << ", most " << percentile(moved, 1.0));
    CHECK(percentile(moved, 0.5) <= 2);
    CHECK(percentile(moved, 0.9) <= 14);
    CHECK(percentile(moved, 1.0) <= 40);
    // Measured: 9 changes in 20,000 (0.045%), 0.09 a run; more than 2 in 1 run in 9,000.
    CHECK(changesAside <= 2);
}

TEST_CASE(
    "People dragged into free space stay exactly there; the rest keeps the rules", "[genogram]")
{
    // Three people dragged where the practitioner sees room: one into a gap in their own
    // row, one into a gap in the row below and a little off it, one past the end of a row.
    constexpr int Families = 100;
    int twinsParted = 0;
    int familiesAside = 0;
    for (const quint32 seed : familySeeds(Families)) {
        Genogram genogram = family(seed);
        const GenogramLayout before = GenogramLayout::layout(genogram);
        std::mt19937 random(seed);
        const QList<GenogramPerson> people = genogram.people();
        QMap<int, QList<double>> rows; // generation -> x of each symbol
        for (const auto &place : before.places)
            rows[place.generation].append(place.position.x());
        for (auto &xs : rows)
            std::sort(xs.begin(), xs.end());
        // The middle of the widest gap in a row, or a little past its end.
        auto freeSpot = [&rows](int generation, bool end) {
            const QList<double> xs = rows.value(generation);
            if (xs.isEmpty())
                return 0.0;
            double best = xs.last() + 4.0;
            double widest = 0.0;
            for (int k = 0; k + 1 < xs.size() && !end; ++k) {
                if (xs[k + 1] - xs[k] > widest) {
                    widest = xs[k + 1] - xs[k];
                    best = (xs[k] + xs[k + 1]) / 2.0;
                }
            }
            return widest >= 8.0 || end ? best : xs.last() + 4.0;
        };
        QMap<QString, QPointF> pins;
        while (pins.size() < 3) {
            const GenogramPerson &person = people[int(random() % people.size())];
            if (pins.contains(person.id))
                continue;
            const int generation = before.places[person.id].generation;
            const int k = int(pins.size());
            const int row = k == 1 ? generation + 1 : generation;
            const double y = row * GenogramLayout::RowSpacing + (k == 1 ? 0.5 : 0.0);
            pins.insert(person.id, QPointF(freeSpot(row, k == 2), y));
            rows[row].append(pins.last().x());
            std::sort(rows[row].begin(), rows[row].end());
        }
        for (auto it = pins.cbegin(); it != pins.cend(); ++it)
            test::requireOk(genogram.setPinned(it.key(), it.value()));

        INFO("family " << seed);
        bool aside = false;
        for (const GenogramLayout &layout :
            { GenogramLayout::layout(genogram, before), GenogramLayout::layout(genogram) }) {
            for (auto it = pins.cbegin(); it != pins.cend(); ++it) {
                REQUIRE(layout.places[it.key()].position == it.value());
                REQUIRE(layout.places[it.key()].pinned);
            }
            // Everyone else keeps clear of them and keeps the other rules, but for twins:
            // people between two pins too close for them move out past one (rule 5), and
            // that may part twins (the view draws each twin's line to them).
            if (!test::layoutProblems(genogram, layout).isEmpty()) {
                ++twinsParted;
                requireNoProblems(
                    test::layoutProblems(genogram, layout, false), genogram, layout, seed);
            }
            aside = aside || unpinnedSibshipsAside(layout) > 0;
        }
        familiesAside += aside ? 1 : 0;
    }
    // Measured: twins parted in 4 layouts in 10,000 (0.04%), 0.08 a run; more than 2 in 1
    // run in 12,000.
    CHECK(twinsParted <= 2);
    // Moving people out past a pin can take a family's children away from under their
    // parents (then marked), even when no one of that family is pinned. Measured: 5.75% of
    // families (115 in 2,000) in one of their two layouts; more than 16 in 100 families in
    // 1 run in 9,000.
    CHECK(familiesAside <= 16);
}
