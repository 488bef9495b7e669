// storewriter FOLDER: opens (or, the first time, creates) a store with a fixed raw key and
// commits one family, a person and a visit per transaction until it is killed. After each
// commit it prints "committed <familyId>" and flushes, so whoever kills it knows exactly
// which transactions Store::apply reported as done.

#include "store/store.h"
#include "storewriterkey.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QUuid>
#include <cstdio>

using namespace doorstep;

namespace
{

int fail(const char *what, const Error &error)
{
    std::fprintf(stderr, "storewriter: %s: %s\n", what, qPrintable(error.message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fputs("usage: storewriter FOLDER\n", stderr);
        return 2;
    }
    const QString folder = arguments.at(1);
    const bool exists = QFileInfo::exists(StorePaths { folder }.database());
    auto store = exists ? Store::open(folder, test::storeWriterKey())
                        : Store::create(folder, test::storeWriterKey(), QStringLiteral("writer"));
    if (!store)
        return fail(exists ? "open" : "create", store.error());

    // A bound, so a writer whose test died (and whose pipe is not read) stops on its own.
    QElapsedTimer running;
    running.start();
    for (int i = 0; running.elapsed() < 60000; ++i) {
        const QString familyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QList<Change> batch {
            Change::create(QStringLiteral("family"),
                { { QStringLiteral("family_name"), QStringLiteral("Writer %1").arg(i) },
                    { QStringLiteral("postcode"), QStringLiteral("AB1 2CD") } },
                familyId),
            Change::create(QStringLiteral("person"),
                { { QStringLiteral("family_id"), familyId },
                    { QStringLiteral("given_name"), QStringLiteral("Child %1").arg(i) },
                    { QStringLiteral("date_of_birth"), QStringLiteral("2019-05-06") } }),
            Change::create(QStringLiteral("visit"),
                { { QStringLiteral("family_id"), familyId },
                    { QStringLiteral("visit_at"), QStringLiteral("2026-03-04T10:30:00Z") },
                    { QStringLiteral("notes"), QStringLiteral("Visit %1").arg(i) } }),
        };
        auto ids = (*store)->apply(batch);
        if (!ids)
            return fail("apply", ids.error());
        std::printf("committed %s\n", qPrintable(ids->constFirst()));
        std::fflush(stdout);
    }
    return 0;
}
