// bench_genogram: how long the genogram layout takes (issue 7: "layout time for 10, 60 and
// 200 people; an incremental add vs a full relayout (ratio)"). Families come from the unit
// tests' seeded generator (tests/unit/genogram/familygenerator.h), so every run lays out
// the same ones: remarriage, step and half siblings, adoption, twins, in-laws' parents. For
// each size, several families are laid out again and again and the median time is kept.
// The incremental add: a child is added to a couple and the family laid out with the
// previous layout (people keep their places), against laying it out afresh. Prints a
// markdown table; asserts nothing.

#include "genogram/genogramlayout.h"
#include "unit/genogram/familygenerator.h"
#include "unit/genogram/layoutchecks.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace doorstep;

namespace
{

constexpr int FamiliesPerSize = 5;

struct Size {
    int people;
    int generations;
    int runs; ///< layouts timed per family
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Milliseconds for one call, the median of `runs`.
double timeMs(int runs, const std::function<void()> &call)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        call();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

// Families of about `people` people (at least 90% of it), from seeds counted up from 1.
QList<Genogram> familiesOf(const Size &size)
{
    QList<Genogram> families;
    for (quint32 seed = 1; families.size() < FamiliesPerSize && seed < 100000; ++seed) {
        Genogram genogram = test::FamilyGenerator(seed).generate(size.people, size.generations);
        if (genogram.people().size() * 10 >= size.people * 9)
            families.append(genogram);
    }
    return families;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Size sizes[] = { { 10, 3, 201 }, { 60, 4, 51 }, { 200, 5, 11 } };

    std::printf(
        "bench_genogram: %d families per size, generated from fixed seeds\n\n", FamiliesPerSize);
    std::printf("| people (mean) | full layout, median | slowest family | add a child: with "
                "previous layout | add a child: afresh | incremental / full | people moved by "
                "the add |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (const Size &size : sizes) {
        const QList<Genogram> families = familiesOf(size);
        std::vector<double> full;
        std::vector<double> incremental;
        std::vector<double> afresh;
        std::vector<double> ratios;
        std::vector<double> moved;
        double people = 0.0;
        for (int f = 0; f < families.size(); ++f) {
            const Genogram &genogram = families[f];
            people += genogram.people().size();
            full.push_back(timeMs(size.runs, [&] { (void)GenogramLayout::layout(genogram); }));

            const GenogramLayout before = GenogramLayout::layout(genogram);
            Genogram changed = genogram;
            test::FamilyGenerator generator(quint32(1000 + f));
            const QStringList couples = test::FamilyGenerator::couplesWithChildren(changed);
            generator.addChild(changed, couples[generator.below(int(couples.size()))]);
            const double withPrevious
                = timeMs(size.runs, [&] { (void)GenogramLayout::layout(changed, before); });
            const double fresh = timeMs(size.runs, [&] { (void)GenogramLayout::layout(changed); });
            incremental.push_back(withPrevious);
            afresh.push_back(fresh);
            ratios.push_back(withPrevious / fresh);
            const GenogramLayout after = GenogramLayout::layout(changed, before);
            moved.push_back(100.0 * double(test::movedPeople(before, after).size())
                / double(before.places.size()));
        }
        std::printf("| %.0f | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f | %.0f%% (median) |\n",
            people / families.size(), median(full), *std::max_element(full.begin(), full.end()),
            median(incremental), median(afresh), median(ratios), median(moved));
    }
    return 0;
}
