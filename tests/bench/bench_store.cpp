// Measures what encryption costs the store: the same workload through the same code, once
// with SQLCipher keyed and once with it unkeyed (plain SQLite in the same library). Prints
// figures and asserts nothing. See README.md for how to run it and the recorded results.

#include "cli/demodata.h"
#include "store/caseloadrepository.h"
#include "store/familyrepository.h"
#include "store/personrepository.h"
#include "store/store.h"
#include "store/visitrepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

namespace doorstep
{

namespace
{

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// CPU time this process has used: unlike wall time, barely moved by other work on the machine
/// (but blind to waiting for the disk).
double cpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

/// splitmix64, as DemoData uses, so the sample of families is the same on every run.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    {
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    quint64 m_state;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = size_t(std::ceil(p * double(values.size()))) - 1;
    return values[std::min(rank, values.size() - 1)];
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// Peak resident set size since the last reset, from the kernel (VmHWM), in KiB.
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Starts a new peak: writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+).
void resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

struct Settings {
    double scale = 1.0;
    int familiesPerBatch = 100;
    int changesPerBatch = 1000;
    int queryRepeats = 15;
    int familiesOpened = 1000;
    bool encrypted = true;
    bool plain = true;
    bool keep = false;
    int families() const { return std::max(10, int(std::lround(10'000 * scale))); }
};

/// One mode's results.
struct Figures {
    qint64 familyRecords = 0;
    double familySeconds = 0;
    qint64 visitRecords = 0;
    double visitSeconds = 0;
    qint64 caseworkRecords = 0;
    double caseworkSeconds = 0;
    double insertCpuSeconds = 0;
    double openStoreSeconds = 0;
    qint64 databaseBytes = 0;
    int caseloadSize = 0;
    double caseloadMs = 0;
    int searchSize = 0;
    double searchMs = 0;
    double openFamilyMedianMs = 0;
    double openFamilyP95Ms = 0;
    int familyMisses = 0;
    QString cacheSize;

    double insertSeconds() const { return familySeconds + visitSeconds + caseworkSeconds; }
    qint64 insertRecords() const { return familyRecords + visitRecords + caseworkRecords; }
};

struct FamilyInfo {
    QString id;
    QDate allocatedOn;
};

const QString PractitionerId = QStringLiteral("practitioner-1");

const QUuid &idNamespace()
{
    static const QUuid Namespace(QStringLiteral("{0b7c61a4-3d0e-4f0c-8f43-62656e636821}"));
    return Namespace;
}

QString benchId(const char *what, int family, int n = 0)
{
    return QUuid::createUuidV5(
        idNamespace(), QStringLiteral("%1/%2/%3").arg(QLatin1String(what)).arg(family).arg(n))
        .toString(QUuid::WithoutBraces);
}

/// Visits per family: 4 to 16, pairs balanced around 10, so the mean is exactly 10.
int visitCount(int family, int families)
{
    if (families % 2 == 1 && family == families - 1)
        return 10;
    const int spread = (family / 2) % 7;
    return family % 2 == 0 ? 10 + spread : 10 - spread;
}

Change makeVisit(const FamilyInfo &family, int familyIndex, int n)
{
    static const std::array<QString, 4> WorkingWell {
        QStringLiteral("Mum walks the children to school every day."),
        QStringLiteral("Grandad collects the children on Fridays."),
        QStringLiteral("The children have a regular bedtime now."),
        QStringLiteral("Dad has started at the job club.")
    };
    static const std::array<QString, 4> Worries {
        QStringLiteral("School attendance has dropped to 82% this term."),
        QStringLiteral("Rent arrears and a letter from the housing officer."),
        QStringLiteral("Arguments at home late at night, the children hear them."),
        QStringLiteral("The youngest has missed two health visitor checks.")
    };
    static const std::array<QString, 4> NeedsToHappen {
        QStringLiteral("Meet the school attendance officer together."),
        QStringLiteral("Referral to the debt advice service this week."),
        QStringLiteral("Book the health visitor check before the review."),
        QStringLiteral("Agree a morning routine chart with the children.")
    };
    const int k = familyIndex + n;
    const QDate day = family.allocatedOn.addDays(1 + familyIndex % 3 + 14 * n + k % 5);
    return Change::create(QStringLiteral("visit"),
        { { QStringLiteral("family_id"), family.id },
            { QStringLiteral("visit_at"), QDateTime(day, QTime(9 + k % 8, 0), Qt::UTC) },
            { QStringLiteral("location"), QStringLiteral("Family home") },
            { QStringLiteral("present"), QStringLiteral("Parent and children") },
            { QStringLiteral("seen_alone"), k % 2 == 1 },
            { QStringLiteral("working_well"), WorkingWell.at(size_t(k % 4)) },
            { QStringLiteral("worries"), Worries.at(size_t((k / 4) % 4)) },
            { QStringLiteral("needs_to_happen"), NeedsToHappen.at(size_t((k / 16) % 4)) },
            { QStringLiteral("author_id"), PractitionerId } },
        benchId("visit", familyIndex, n));
}

/// The case so far: most families have a plan, most plans are complete and reviewed, a
/// tenth went into maintenance and a few closed, so every part of the caseload query works.
QList<Change> casework(const FamilyInfo &family, int i)
{
    QList<Change> changes;
    if (i % 5 == 4)
        return changes; // still assessing: no plan yet
    const QDate allocated = family.allocatedOn;
    const bool complete = i % 5 < 3;
    const QDate completed = allocated.addDays(35 + i % 11);
    QList<FieldValue> plan { { QStringLiteral("family_id"), family.id },
        { QStringLiteral("status"),
            complete ? QStringLiteral("complete") : QStringLiteral("draft") },
        { QStringLiteral("started_on"), allocated.addDays(7) },
        { QStringLiteral("goals_agreed_on"), allocated.addDays(20 + i % 9) } };
    if (complete)
        plan.append({ QStringLiteral("completed_on"), completed });
    const QString planId = benchId("plan", i);
    changes << Change::create(QStringLiteral("plan"), plan, planId);
    if (!complete)
        return changes;
    const int reviews = 1 + i % 2;
    QDate held = completed;
    for (int r = 0; r < reviews; ++r) {
        held = held.addDays(30 + (i + r) % 10);
        changes << Change::create(QStringLiteral("review"),
            { { QStringLiteral("family_id"), family.id }, { QStringLiteral("plan_id"), planId },
                { QStringLiteral("held_on"), held },
                { QStringLiteral("outcome"), QStringLiteral("Progressing.") } },
            benchId("review", i, r));
    }
    if (i % 10 == 0) {
        const QDate maintenance = held.addDays(40);
        changes << Change::create(QStringLiteral("closure"),
            { { QStringLiteral("family_id"), family.id },
                { QStringLiteral("closed_on"), maintenance },
                { QStringLiteral("outcome"), QStringLiteral("maintenance") } },
            benchId("closure", i));
        if (i % 20 == 0)
            changes << Change::create(QStringLiteral("review"),
                { { QStringLiteral("family_id"), family.id },
                    { QStringLiteral("kind"), QStringLiteral("maintenance") },
                    { QStringLiteral("held_on"), maintenance.addMonths(1) } },
                benchId("maintenance", i));
    } else if (i % 25 == 3) {
        changes << Change::create(QStringLiteral("closure"),
            { { QStringLiteral("family_id"), family.id },
                { QStringLiteral("closed_on"), held.addDays(20) },
                { QStringLiteral("outcome"), QStringLiteral("stepped_down") } },
            benchId("closure", i));
    }
    return changes;
}

/// One mode's store and figures. Both modes run side by side, a batch or a query at a
/// time each, so anything else the machine does slows both alike.
struct Lane {
    Database::Protection protection = Database::Protection::Encrypted;
    Figures figures;
    std::unique_ptr<QTemporaryDir> dir;
    QString folder;
    std::unique_ptr<Store> store;
};

const QByteArray &benchKey()
{
    static const QByteArray Key(Database::KeyBytes, '\x5a');
    return Key;
}

Store::Options optionsFor(const Lane &lane)
{
    Store::Options options;
    options.protection = lane.protection;
    return options;
}

/// The lanes in the order to run the n-th step: alternating, so neither mode always goes
/// first (and finds the processor's caches warm, or the disk busy with the other's writes).
std::vector<Lane *> order(std::vector<Lane> &lanes, qint64 n)
{
    std::vector<Lane *> result;
    for (Lane &lane : lanes)
        result.push_back(&lane);
    if (n % 2 == 1)
        std::reverse(result.begin(), result.end());
    return result;
}

void progress(const char *what)
{
    std::fprintf(stderr, "  %s\n", what);
}

/// Applies one batch to every lane and adds the time each apply() took; the changes are built
/// once, outside the clock.
bool applyToAll(std::vector<Lane> &lanes, const QList<Change> &batch, qint64 n,
    qint64 Figures::*records, double Figures::*seconds)
{
    for (Lane *lane : order(lanes, n)) {
        const auto start = Clock::now();
        const double cpuStart = cpuSeconds();
        auto applied = lane->store->apply(batch);
        lane->figures.*seconds += secondsSince(start);
        lane->figures.insertCpuSeconds += cpuSeconds() - cpuStart;
        if (!applied) {
            std::fprintf(stderr, "apply failed: %s\n", qPrintable(applied.error().message));
            return false;
        }
        lane->figures.*records += batch.size();
    }
    return true;
}

/// Measure 1, bulk insert through the one write path: families (with their people, referral
/// and allocation, as the demo makes them), then visits, then plans, reviews and closures.
bool insertWorkload(
    const Settings &settings, std::vector<Lane> &lanes, std::vector<FamilyInfo> &families)
{
    DemoData::Options demo;
    demo.families = settings.families();
    demo.maxVisitsPerFamily = 0;
    demo.practitionerId = PractitionerId;
    demo.practitionerName = QStringLiteral("Bench Practitioner");
    QList<Change> batch;
    qint64 batches = 0;
    for (int i = 0; i < demo.families; ++i) {
        const QList<Change> changes = DemoData::family(demo, i);
        FamilyInfo info { changes.constFirst().recordId, {} };
        for (const Change &change : changes) {
            if (change.kind != QLatin1String("allocation"))
                continue;
            for (const FieldValue &field : change.fields) {
                if (field.field == QLatin1String("allocated_on"))
                    info.allocatedOn = field.value.toDate();
            }
        }
        families.push_back(info);
        batch << changes;
        if ((i + 1) % settings.familiesPerBatch == 0 || i + 1 == demo.families) {
            if (!applyToAll(
                    lanes, batch, batches++, &Figures::familyRecords, &Figures::familySeconds))
                return false;
            batch.clear();
        }
    }
    progress("families inserted");

    // Visits in the order they happen: each family's visits spread over months, interleaved
    // with everyone else's, as a practitioner's tablet records them.
    const int n = int(families.size());
    int maxVisits = 0;
    for (int i = 0; i < n; ++i)
        maxVisits = std::max(maxVisits, visitCount(i, n));
    for (int v = 0; v < maxVisits; ++v) {
        for (int i = 0; i < n; ++i) {
            if (v >= visitCount(i, n))
                continue;
            batch << makeVisit(families[size_t(i)], i, v);
            if (batch.size() == settings.changesPerBatch) {
                if (!applyToAll(
                        lanes, batch, batches++, &Figures::visitRecords, &Figures::visitSeconds))
                    return false;
                batch.clear();
            }
        }
    }
    if (!batch.isEmpty()) {
        if (!applyToAll(lanes, batch, batches++, &Figures::visitRecords, &Figures::visitSeconds))
            return false;
        batch.clear();
    }
    progress("visits inserted");

    for (int i = 0; i < n; ++i) {
        batch << casework(families[size_t(i)], i);
        if ((batch.size() >= settings.changesPerBatch || i + 1 == n) && !batch.isEmpty()) {
            if (!applyToAll(
                    lanes, batch, batches++, &Figures::caseworkRecords, &Figures::caseworkSeconds))
                return false;
            batch.clear();
        }
    }
    progress("casework inserted");
    return true;
}

/// Closes every store and opens it again, as unlocking does: the queries after this start
/// with SQLite's cache empty (the operating system's file cache is warm in both modes).
bool reopen(std::vector<Lane> &lanes)
{
    for (Lane &lane : lanes) {
        lane.store.reset();
        const StorePaths paths { lane.folder };
        lane.figures.databaseBytes
            = QFileInfo(paths.database()).size() + QFileInfo(paths.wal()).size();
    }
    for (Lane *lane : order(lanes, 0)) {
        const auto start = Clock::now();
        auto opened = Store::open(lane->folder, benchKey(), optionsFor(*lane));
        lane->figures.openStoreSeconds = secondsSince(start);
        if (!opened) {
            std::fprintf(stderr, "open failed: %s\n", qPrintable(opened.error().message));
            return false;
        }
        lane->store = std::move(*opened);
        if (auto cache = lane->store->query(QStringLiteral("PRAGMA cache_size")); cache) {
            if (auto row = cache->step(); row && *row)
                lane->figures.cacheSize = cache->text(0);
        }
    }
    progress("stores reopened");
    return true;
}

/// Measure 2: the caseload by next due date, whole and searched. One run first to fill the
/// cache; the median is of the runs after it.
bool timeCaseload(const Settings &settings, std::vector<Lane> &lanes, const QString &search,
    double Figures::*medianMs, int Figures::*size)
{
    auto calendar = WorkingCalendar::englandAndWales();
    if (!calendar) {
        std::fprintf(stderr, "no calendar: %s\n", qPrintable(calendar.error().message));
        return false;
    }
    std::vector<std::vector<double>> runs(lanes.size());
    for (int r = 0; r <= settings.queryRepeats; ++r) {
        for (Lane *lane : order(lanes, r)) {
            const CaseloadRepository caseload(*lane->store, Timescales(*calendar));
            const auto start = Clock::now();
            auto entries = caseload.forPractitioner(PractitionerId, search);
            const double ms = secondsSince(start) * 1000;
            if (!entries) {
                std::fprintf(stderr, "caseload failed: %s\n", qPrintable(entries.error().message));
                return false;
            }
            lane->figures.*size = int(entries->size());
            if (r > 0)
                runs[size_t(lane - lanes.data())].push_back(ms);
        }
    }
    for (size_t i = 0; i < lanes.size(); ++i)
        lanes[i].figures.*medianMs = median(runs[i]);
    return true;
}

/// Measure 3: opening a family (the family, its members, its visits) for a fixed sample.
void timeOpenFamily(
    const Settings &settings, std::vector<Lane> &lanes, const std::vector<FamilyInfo> &families)
{
    std::vector<std::vector<double>> perFamily(lanes.size());
    Random random(20261123);
    for (int k = 0; k < settings.familiesOpened; ++k) {
        const QString &id = families[size_t(random.next() % families.size())].id;
        for (Lane *lane : order(lanes, k)) {
            const FamilyRepository familyRepository(*lane->store);
            const PersonRepository personRepository(*lane->store);
            const VisitRepository visitRepository(*lane->store);
            const auto start = Clock::now();
            auto family = familyRepository.find(id);
            auto people = personRepository.forFamily(id);
            auto visits = visitRepository.forFamily(id);
            perFamily[size_t(lane - lanes.data())].push_back(secondsSince(start) * 1000);
            if (!family || !*family || !people || people->isEmpty() || !visits || visits->isEmpty())
                ++lane->figures.familyMisses;
        }
    }
    for (size_t i = 0; i < lanes.size(); ++i) {
        lanes[i].figures.openFamilyMedianMs = median(perFamily[i]);
        lanes[i].figures.openFamilyP95Ms = percentile(perFamily[i], 0.95);
    }
}

std::optional<std::vector<Lane>> run(const Settings &settings)
{
    std::vector<Lane> lanes;
    if (settings.encrypted)
        lanes.push_back({ Database::Protection::Encrypted, {}, {}, {}, {} });
    if (settings.plain)
        lanes.push_back({ Database::Protection::PlaintextForBenchmark, {}, {}, {}, {} });
    for (Lane &lane : lanes) {
        lane.dir = std::make_unique<QTemporaryDir>();
        if (!lane.dir->isValid()) {
            std::fprintf(stderr, "no temporary folder\n");
            return std::nullopt;
        }
        lane.dir->setAutoRemove(!settings.keep);
        lane.folder = lane.dir->filePath(QStringLiteral("store"));
        if (settings.keep)
            std::fprintf(stderr, "  keeping %s\n", qPrintable(lane.folder));
        auto created = Store::create(lane.folder, benchKey(), PractitionerId, optionsFor(lane));
        if (!created) {
            std::fprintf(stderr, "create failed: %s\n", qPrintable(created.error().message));
            return std::nullopt;
        }
        lane.store = std::move(*created);
    }

    std::vector<FamilyInfo> families;
    if (!insertWorkload(settings, lanes, families) || !reopen(lanes))
        return std::nullopt;
    if (!timeCaseload(settings, lanes, {}, &Figures::caseloadMs, &Figures::caseloadSize)
        || !timeCaseload(
            settings, lanes, QStringLiteral("ash"), &Figures::searchMs, &Figures::searchSize))
        return std::nullopt;
    progress("caseload timed");
    timeOpenFamily(settings, lanes, families);
    progress("families opened");
    return lanes;
}

QString number(double value, int decimals)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

void printRow(
    const QString &measure, const QString &encrypted, const QString &plain, const QString &ratio)
{
    std::printf("| %-44s | %18s | %18s | %6s |\n", qPrintable(measure), qPrintable(encrypted),
        qPrintable(plain), qPrintable(ratio));
}

void printTable(const Settings &settings, const std::optional<Figures> &enc,
    const std::optional<Figures> &pla, qint64 peakKiB)
{
    const Figures none;
    const Figures &e = enc ? *enc : none;
    const Figures &p = pla ? *pla : none;
    const auto ratio = [&](double a, double b) {
        return enc && pla && b > 0 ? number(a / b, 2) : QStringLiteral("-");
    };
    const auto cell = [](const std::optional<Figures> &f, const QString &text) {
        return f ? text : QStringLiteral("-");
    };
    // Rates: the ratio is of times (encrypted/plain), so above 1 means encryption is slower.
    const auto insertRow = [&](const QString &what, qint64 Figures::*records,
                               double Figures::*seconds) {
        const auto text = [&](const Figures &f) {
            return QStringLiteral("%1 s, %2/s")
                .arg(number(f.*seconds, 1),
                    number(double(f.*records) / std::max(f.*seconds, 1e-9), 0));
        };
        printRow(QStringLiteral("insert %1 (%2 records)").arg(what, number(double(e.*records), 0)),
            cell(enc, text(e)), cell(pla, text(p)), ratio(e.*seconds, p.*seconds));
    };

    std::printf("\nbench_store: %d families, %d visits, scale %s; %d families or %d changes "
                "per Store::apply; medians of %d query runs after one warm-up; %d families "
                "opened\n\n",
        settings.families(), settings.families() * 10, qPrintable(number(settings.scale, 2)),
        settings.familiesPerBatch, settings.changesPerBatch, settings.queryRepeats,
        settings.familiesOpened);
    printRow(QStringLiteral("measure"), QStringLiteral("encrypted"), QStringLiteral("plain"),
        QStringLiteral("ratio"));
    std::printf("|%s|%s|%s|%s|\n", QByteArray(46, '-').constData(), QByteArray(20, '-').constData(),
        QByteArray(20, '-').constData(), QByteArray(8, '-').constData());
    insertRow(QStringLiteral("families"), &Figures::familyRecords, &Figures::familySeconds);
    insertRow(QStringLiteral("visits"), &Figures::visitRecords, &Figures::visitSeconds);
    insertRow(QStringLiteral("casework"), &Figures::caseworkRecords, &Figures::caseworkSeconds);
    {
        const auto text = [](const Figures &f) {
            return QStringLiteral("%1 s, %2/s")
                .arg(number(f.insertSeconds(), 1),
                    number(double(f.insertRecords()) / std::max(f.insertSeconds(), 1e-9), 0));
        };
        printRow(
            QStringLiteral("insert total (%1 records)").arg(number(double(e.insertRecords()), 0)),
            cell(enc, text(e)), cell(pla, text(p)), ratio(e.insertSeconds(), p.insertSeconds()));
    }
    printRow(QStringLiteral("insert total, CPU time"),
        cell(enc, QStringLiteral("%1 s").arg(number(e.insertCpuSeconds, 1))),
        cell(pla, QStringLiteral("%1 s").arg(number(p.insertCpuSeconds, 1))),
        ratio(e.insertCpuSeconds, p.insertCpuSeconds));
    const auto ms = [&](const std::optional<Figures> &f, double value) {
        return cell(f, QStringLiteral("%1 ms").arg(number(value, 2)));
    };
    printRow(QStringLiteral("Store::open incl. quick_check"), ms(enc, e.openStoreSeconds * 1000),
        ms(pla, p.openStoreSeconds * 1000), ratio(e.openStoreSeconds, p.openStoreSeconds));
    printRow(QStringLiteral("caseload by next due (%1 families)").arg(e.caseloadSize),
        ms(enc, e.caseloadMs), ms(pla, p.caseloadMs), ratio(e.caseloadMs, p.caseloadMs));
    printRow(QStringLiteral("caseload search \"ash\" (%1 families)").arg(e.searchSize),
        ms(enc, e.searchMs), ms(pla, p.searchMs), ratio(e.searchMs, p.searchMs));
    printRow(QStringLiteral("open family + people + visits, median"), ms(enc, e.openFamilyMedianMs),
        ms(pla, p.openFamilyMedianMs), ratio(e.openFamilyMedianMs, p.openFamilyMedianMs));
    printRow(QStringLiteral("open family + people + visits, p95"), ms(enc, e.openFamilyP95Ms),
        ms(pla, p.openFamilyP95Ms), ratio(e.openFamilyP95Ms, p.openFamilyP95Ms));
    const auto mib = [](const std::optional<Figures> &f, double bytes) {
        return f ? QStringLiteral("%1 MiB").arg(number(bytes / 1048576.0, 1)) : QStringLiteral("-");
    };
    printRow(QStringLiteral("database + WAL on disk"), mib(enc, double(e.databaseBytes)),
        mib(pla, double(p.databaseBytes)), ratio(double(e.databaseBytes), double(p.databaseBytes)));
    std::printf("\npeak RSS of the process: %s MiB (%s)\n",
        qPrintable(number(double(peakKiB) / 1024, 1)),
        enc && pla ? "both stores open at once; --only gives one store's" : "one store");
    std::printf("PRAGMA cache_size: %s; families not found or empty when opened: %d / %d\n",
        qPrintable(enc ? e.cacheSize : p.cacheSize), e.familyMisses, p.familyMisses);
}

int usage()
{
    std::fprintf(stderr,
        "usage: bench_store [--scale F] [--only encrypted|plain] [--batch N] [--keep]\n"
        "  --scale F   10,000 x F families and 10 visits each (default 1.0)\n"
        "  --only M    run one mode only\n"
        "  --batch N   visits and casework changes per Store::apply (default 1000)\n"
        "  --keep      keep the stores (in the temporary folder) to examine them\n");
    return 2;
}

} // namespace

} // namespace doorstep

int main(int argc, char *argv[])
{
    using namespace doorstep;
    QCoreApplication app(argc, argv);
    Settings settings;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const QString value = args.value(i + 1);
        bool ok = true;
        if (arg == QLatin1String("--scale")) {
            settings.scale = value.toDouble(&ok);
            ok = ok && settings.scale > 0;
            ++i;
        } else if (arg == QLatin1String("--batch")) {
            settings.changesPerBatch = value.toInt(&ok);
            ok = ok && settings.changesPerBatch > 0;
            ++i;
        } else if (arg == QLatin1String("--keep")) {
            settings.keep = true;
        } else if (arg == QLatin1String("--only")) {
            settings.encrypted = value == QLatin1String("encrypted");
            settings.plain = value == QLatin1String("plain");
            ok = settings.encrypted || settings.plain;
            ++i;
        } else {
            ok = false;
        }
        if (!ok)
            return usage();
    }
    const QString loadBefore = loadAverage();
    resetPeakRss();
    const auto lanes = run(settings);
    if (!lanes)
        return 1;
    std::optional<Figures> encrypted;
    std::optional<Figures> plain;
    for (const Lane &lane : *lanes)
        (lane.protection == Database::Protection::Encrypted ? encrypted : plain) = lane.figures;
    printTable(settings, encrypted, plain, peakRssKiB());
    // Timings mean little if something else was busy: say how busy the machine was.
    std::printf(
        "load average before: %s, after: %s\n", qPrintable(loadBefore), qPrintable(loadAverage()));
    std::fflush(stdout);
    return 0;
}
