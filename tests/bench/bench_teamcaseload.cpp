// The supervisor's team caseload (issue 8): a team of 8 practitioners with 35 families each
// and two years of history. Times opening the team caseload (TeamCaseloadModel::reload: the
// store read, every family's six drift and delay checks, the practitioners view) and
// filtering and sorting it, each as a ratio to the same step of a practitioner's own
// caseload (CaseloadModel on their tablet's 35 families), measured in the same process,
// taking turns round by round. The models, not frames: the list views on top are the same
// kind for both. Prints figures and asserts nothing. See README.md.

#include "models/caseloadmodel.h"
#include "models/session.h"
#include "models/teamcaseloadmodel.h"
#include "quickbench.h"
#include "security/kdfparams.h"
#include "security/securebytes.h"
#include "security/storeaccess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>
#include <cstdio>
#include <functional>

namespace doorstep
{

namespace
{

constexpr int Practitioners = 8;
constexpr int FamiliesEach = 35;
constexpr int HistoryDays = 730;
constexpr int Rounds = 40;

void fail(const QString &message)
{
    std::fprintf(stderr, "bench_teamcaseload: %s\n", qPrintable(message));
    std::exit(1);
}

QString practitionerId(int p)
{
    return QStringLiteral("practitioner-%1").arg(p + 1);
}

/// One family of practitioner p, allocated up to two years before today, with what two
/// years of casework leave: four people, a referral, visits every fortnight, a plan,
/// reviews every six weeks, and (for most of those open longer than 30 weeks) a closure.
QList<Change> family(int p, int index, const QDate &today, QRandomGenerator &random)
{
    const QString id
        = QUuid::createUuidV5(QUuid(), QStringLiteral("family-%1-%2").arg(p).arg(index))
              .toString(QUuid::WithoutBraces);
    const QDate allocated = today.addDays(-int(random.bounded(HistoryDays)));
    const int open = int(allocated.daysTo(today));
    const bool closed = open > 210 && random.bounded(4) != 0;
    const QDate end = closed ? allocated.addDays(180 + int(random.bounded(open - 180))) : today;
    QList<Change> changes { Change::create(QStringLiteral("family"),
        { { QStringLiteral("family_name"), QStringLiteral("Family %1-%2").arg(p).arg(index) } },
        id) };
    for (int m = 0; m < 4; ++m)
        changes << Change::create(QStringLiteral("person"),
            { { QStringLiteral("family_id"), id },
                { QStringLiteral("given_name"), QStringLiteral("Person %1").arg(m) },
                { QStringLiteral("role"),
                    m < 2 ? QStringLiteral("parent") : QStringLiteral("child") } });
    changes << Change::create(QStringLiteral("referral"),
        { { QStringLiteral("family_id"), id },
            { QStringLiteral("source"), QStringLiteral("school") },
            { QStringLiteral("level_of_need"), qint64(2 + random.bounded(3)) },
            { QStringLiteral("referred_on"), allocated.addDays(-3) } });
    changes << Change::create(QStringLiteral("allocation"),
        { { QStringLiteral("family_id"), id },
            { QStringLiteral("practitioner_id"), practitionerId(p) },
            { QStringLiteral("practitioner_name"), QStringLiteral("Practitioner %1").arg(p + 1) },
            { QStringLiteral("allocated_on"), allocated } });
    // A few families never seen, to give the checks something to find.
    const int firstVisit = random.bounded(10) == 0 ? open + 1 : 1 + int(random.bounded(4));
    for (int day = firstVisit; day <= allocated.daysTo(end); day += 14)
        changes << Change::create(QStringLiteral("visit"),
            { { QStringLiteral("family_id"), id },
                { QStringLiteral("visit_at"),
                    QDateTime(allocated.addDays(day), QTime(10, 0)).toUTC() },
                { QStringLiteral("worries"), QStringLiteral("Rent arrears") } });
    if (open > 35) {
        const QDate completed = allocated.addDays(20 + int(random.bounded(30)));
        changes << Change::create(QStringLiteral("plan"),
            { { QStringLiteral("family_id"), id },
                { QStringLiteral("goals_agreed_on"), allocated.addDays(18) },
                { QStringLiteral("completed_on"), completed } });
        for (QDate held = completed.addDays(40); held <= end; held = held.addDays(42))
            changes << Change::create(QStringLiteral("review"),
                { { QStringLiteral("family_id"), id }, { QStringLiteral("held_on"), held },
                    { QStringLiteral("progress"), qint64(random.bounded(2)) } });
    }
    if (closed)
        changes << Change::create(QStringLiteral("closure"),
            { { QStringLiteral("family_id"), id }, { QStringLiteral("closed_on"), end },
                { QStringLiteral("outcome"), QStringLiteral("stepped_down") } });
    return changes;
}

/// A tablet's store holding the families of these practitioners; the records it holds.
int makeStore(const QString &folder, const QString &userId, const QList<int> &practitioners,
    const QDate &today)
{
    auto secret = SecureBytes::fromString(QuickBench::passphrase());
    if (!secret)
        fail(secret.error().message);
    auto store = StoreAccess::create(folder, *secret, userId, KdfParams::minimum());
    if (!store)
        fail(store.error().message);
    QRandomGenerator random(7);
    int records = 0;
    for (const int p : practitioners) {
        QList<Change> changes;
        for (int i = 0; i < FamiliesEach; ++i)
            changes << family(p, i, today, random);
        records += int(changes.size());
        if (auto applied = (*store)->apply(changes); !applied)
            fail(applied.error().message);
    }
    return records;
}

double timed(const std::function<void()> &step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    return double(timer.nsecsElapsed()) / 1e6;
}

void report(const char *label, const std::vector<double> &team, const std::vector<double> &own)
{
    std::printf("  %-46s team %7.2f ms  own %6.2f ms  ratio %5.1f x   (p95 %7.2f / %6.2f ms)\n",
        label, QuickBench::median(team), QuickBench::median(own),
        QuickBench::median(team) / QuickBench::median(own), QuickBench::percentile(team, 0.95),
        QuickBench::percentile(own, 0.95));
}

} // namespace

} // namespace doorstep

int main(int argc, char **argv)
{
    using namespace doorstep;
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QDateTime now(QDate(2026, 11, 23), QTime(10, 0));

    QList<int> everyone;
    for (int p = 0; p < Practitioners; ++p)
        everyone << p;
    const QString teamFolder = dir.filePath(QStringLiteral("supervisor"));
    const QString ownFolder = dir.filePath(QStringLiteral("practitioner"));
    const int teamRecords
        = makeStore(teamFolder, QStringLiteral("supervisor-1"), everyone, now.date());
    const int ownRecords = makeStore(ownFolder, practitionerId(0), { 0 }, now.date());

    Session teamSession(teamFolder);
    Session ownSession(ownFolder);
    for (Session *session : { &teamSession, &ownSession }) {
        session->setClock([now] { return now; });
        if (auto unlocked = QuickBench::unlock(*session); !unlocked)
            fail(unlocked.error().message);
    }

    TeamCaseloadModel team;
    CaseloadModel own;
    std::vector<double> openTeam, openOwn, byPractitioner, byCheck, byStatus, bySort, bySearch,
        ownSearch;
    // The first read of each (statement preparation, the calendar) is its own figure.
    const double firstTeam = timed([&] { team.setSession(&teamSession); });
    const double firstOwn = timed([&] { own.setSession(&ownSession); });
    // Each filter and sort from the whole team (the filters cleared, untimed), as a
    // supervisor first narrows the list.
    const auto fromWholeTeam = [&](const std::function<void()> &step) {
        team.clearFilters();
        return timed(step);
    };
    for (int round = 0; round < Rounds; ++round) {
        openOwn.push_back(timed([&] { own.reload(); }));
        openTeam.push_back(timed([&] { team.reload(); }));
        byPractitioner.push_back(fromWholeTeam(
            [&] { team.setPractitionerFilter(practitionerId(round % Practitioners)); }));
        byCheck.push_back(fromWholeTeam([&] { team.setCheckFilter(round % 6); }));
        byStatus.push_back(fromWholeTeam([&] { team.setStatusFilter(1 + round % 2); }));
        bySort.push_back(fromWholeTeam([&] {
            team.setSortBy(round % 2 ? TeamCaseloadModel::SortByWeeksOpen
                                     : TeamCaseloadModel::SortByCheck + round % 6);
        }));
        bySearch.push_back(fromWholeTeam([&] { team.setSearch(QStringLiteral("family 3")); }));
        // The practitioner's own filter: a search, from the whole caseload.
        own.setSearch({});
        own.applySearch();
        own.setSearch(QStringLiteral("family 0-3"));
        ownSearch.push_back(timed([&] { own.applySearch(); }));
    }
    team.clearFilters();
    own.setSearch({});
    own.applySearch();

    std::printf("bench_teamcaseload: %d practitioners x %d families, %d days of history\n",
        Practitioners, FamiliesEach, HistoryDays);
    std::printf("  supervisor's tablet: %d families, %d records; practitioner's: %d families, "
                "%d records\n",
        team.totalCount(), teamRecords, own.count(), ownRecords);
    std::printf("  drifting %d, due soon %d; practitioners view %d rows\n", team.redCount(),
        team.amberCount(), team.practitioners()->count());
    std::printf("  first open (cold):                             team %7.2f ms  own %6.2f ms  "
                "ratio %5.1f x\n",
        firstTeam, firstOwn, firstTeam / firstOwn);
    report("open (reload), warm", openTeam, openOwn);
    report("filter by practitioner / own search", byPractitioner, ownSearch);
    report("filter by check / own search", byCheck, ownSearch);
    report("filter by status / own search", byStatus, ownSearch);
    report("sort (weeks open, a check) / own search", bySort, ownSearch);
    report("search by name / own search", bySearch, ownSearch);
    return 0;
}
