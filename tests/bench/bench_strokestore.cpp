// bench_strokestore: what keeping a child's drawing costs (issue 6: "time to store a stroke
// vs a plain insert of the same bytes; bytes stored per 1,000 strokes"). 1,000 strokes of a
// child's scribble (24 points with stylus pressure each) are stored one at a time, as the
// app stores them when each is finished: through ThreeHousesChanges::stroke and Store::apply
// (points encoded, the record, its field clocks, change journal and audit entry, one
// transaction each). The baseline is a plain INSERT of the same encoded bytes into a
// one-table database on the same SQLCipher connection settings (encrypted, WAL,
// synchronous=FULL), one transaction each. Also: the bytes the points take (version 2
// against version 1) and the database's growth per 1,000 strokes. Prints figures; asserts
// nothing.
#include "domain/strokepoints.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/store.h"
#include "store/storepaths.h"
#include "store/threehouseschanges.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

using namespace doorstep;

namespace
{

constexpr int Strokes = 1000;
constexpr int PointsPerStroke = 24;

struct Scribble {
    QList<QPointF> points;
    QList<double> pressures;
};

std::vector<Scribble> scribbles()
{
    std::mt19937 random(1);
    std::uniform_real_distribution<double> start(0.05, 0.95);
    std::uniform_real_distribution<double> turn(-0.6, 0.6);
    std::vector<Scribble> all;
    for (int s = 0; s < Strokes; ++s) {
        Scribble scribble;
        QPointF at(start(random), start(random));
        double heading = turn(random) * 5;
        double pressure = 0.5;
        for (int i = 0; i < PointsPerStroke; ++i) {
            scribble.points.append(at);
            scribble.pressures.append(pressure);
            heading += turn(random);
            at += QPointF(std::cos(heading), std::sin(heading)) * 0.006;
            at = QPointF(std::clamp(at.x(), 0.0, 1.0), std::clamp(at.y(), 0.0, 1.0));
            pressure = std::clamp(pressure + turn(random) * 0.1, 0.0, 1.0);
        }
        all.push_back(scribble);
    }
    return all;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

int fail(const char *what, const Error &error)
{
    std::fprintf(stderr, "bench_strokestore: %s: %s\n", what, qPrintable(error.message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    // --keep: leave the databases to look at with sqlcipher.
    dir.setAutoRemove(!QCoreApplication::arguments().contains(QStringLiteral("--keep")));
    const QByteArray key(Database::KeyBytes, 'k');
    const std::vector<Scribble> all = scribbles();

    qint64 version1Bytes = 0;
    qint64 version2Bytes = 0;
    std::vector<QByteArray> encoded;
    for (const Scribble &scribble : all) {
        auto bytes = StrokePoints::encode(scribble.points, scribble.pressures);
        if (!bytes)
            return fail("encode", bytes.error());
        version2Bytes += bytes->size();
        version1Bytes += 1 + 8 * scribble.points.size();
        encoded.push_back(*bytes);
    }

    // The baseline: the same bytes, plainly inserted.
    const QString plainPath = dir.filePath(QStringLiteral("plain.db"));
    std::vector<double> plainTimes;
    qint64 plainGrowth = 0;
    {
        auto db = Database::open(plainPath, key, Database::Mode::CreateNew);
        if (!db)
            return fail("plain database", db.error());
        if (auto made = db->exec(QStringLiteral("CREATE TABLE strokes (id TEXT PRIMARY KEY NOT "
                                                "NULL, drawing_id TEXT NOT NULL, points BLOB "
                                                "NOT NULL)"));
            !made)
            return fail("plain table", made.error());
        db->close();
        const qint64 before = fileSize(plainPath);
        db = Database::open(plainPath, key, Database::Mode::OpenExisting);
        const QString drawing = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (const QByteArray &bytes : encoded) {
            QElapsedTimer timer;
            timer.start();
            if (auto began = db->exec(QStringLiteral("BEGIN IMMEDIATE")); !began)
                return fail("plain begin", began.error());
            auto insert = db->prepare(
                QStringLiteral("INSERT INTO strokes (id, drawing_id, points) VALUES (?, ?, ?)"));
            if (!insert)
                return fail("plain insert", insert.error());
            insert->bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces));
            insert->bind(2, drawing);
            insert->bind(3, QVariant(bytes));
            if (auto stepped = insert->step(); !stepped)
                return fail("plain insert", stepped.error());
            if (auto committed = db->exec(QStringLiteral("COMMIT")); !committed)
                return fail("plain commit", committed.error());
            plainTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        db->close();
        plainGrowth = fileSize(plainPath) - before;
    }

    // The store, as the app stores each finished stroke.
    const QString folder = dir.filePath(QStringLiteral("store"));
    std::vector<double> storeTimes;
    qint64 storeGrowth = 0;
    {
        auto store = Store::create(folder, key, QStringLiteral("practitioner-1"));
        if (!store)
            return fail("store", store.error());
        auto family = (*store)->apply(Change::create(QStringLiteral("family"),
            { { QStringLiteral("family_name"), QStringLiteral("Ashdown") } }));
        auto child = family ? (*store)->apply(Change::create(QStringLiteral("person"),
                         { { QStringLiteral("family_id"), *family },
                             { QStringLiteral("given_name"), QStringLiteral("Mia") },
                             { QStringLiteral("family_name"), QStringLiteral("Ashdown") } }))
                            : Result<QString>(family.error());
        if (!child)
            return fail("child", child.error());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (auto started = (*store)->apply(
                ThreeHousesChanges::start(*family, *child, { House::Kind::Worries }, now));
            !started)
            return fail("houses", started.error());
        store->reset();
        const qint64 before = fileSize(StorePaths { folder }.database());
        store = Store::open(folder, key);
        if (!store)
            return fail("store", store.error());
        const QString drawing = ThreeHousesChanges::houseId(*child, House::Kind::Worries);
        for (const Scribble &scribble : all) {
            QElapsedTimer timer;
            timer.start();
            auto change = ThreeHousesChanges::stroke(drawing, scribble.points, scribble.pressures,
                QStringLiteral("#1d3557"), 0.01, true, QDateTime::currentDateTimeUtc());
            if (!change)
                return fail("stroke", change.error());
            if (auto stored = (*store)->apply(*change); !stored)
                return fail("store stroke", stored.error());
            storeTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        store->reset();
        storeGrowth = fileSize(StorePaths { folder }.database()) - before;
    }

    const double plainMedian = median(plainTimes);
    const double storeMedian = median(storeTimes);
    std::printf(
        "bench_strokestore: %d strokes of %d points with pressure, one transaction each\n\n",
        Strokes, PointsPerStroke);
    std::printf("| measure | store a stroke (Store::apply) | plain insert of the same bytes | "
                "ratio |\n|---|---|---|---|\n");
    std::printf("| time per stroke, median | %.3f ms | %.3f ms | %.2fx |\n", storeMedian,
        plainMedian, storeMedian / plainMedian);
    std::printf("| database growth per 1,000 strokes | %lld KiB | %lld KiB | %.2fx |\n",
        storeGrowth / 1024, plainGrowth / 1024, double(storeGrowth) / double(plainGrowth));
    std::printf("\nPoints per 1,000 strokes: %lld bytes in version 2 (%.1f per point), %lld in "
                "version 1 without pressure (%.2fx)\n",
        version2Bytes, double(version2Bytes) / (Strokes * PointsPerStroke), version1Bytes,
        double(version2Bytes) / double(version1Bytes));
    if (!dir.autoRemove())
        std::printf("Kept in %s\n", qPrintable(dir.path()));
    return 0;
}
