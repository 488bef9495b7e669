// storeholder FOLDER FAMILY-NAME NOTES: opens a store through StoreAccess with the
// passphrase in DOORSTEP_PASSPHRASE, commits a family and a visit with these texts in two
// transactions, prints "ready <familyId>" and keeps the store open (its WAL not yet
// checkpointed) until its standard input is closed.

#include "security/storeaccess.h"

#include <QCoreApplication>
#include <cstdio>

using namespace doorstep;

namespace
{

int fail(const char *what, const Error &error)
{
    std::fprintf(stderr, "storeholder: %s: %s\n", what, qPrintable(error.message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4) {
        std::fputs("usage: storeholder FOLDER FAMILY-NAME NOTES\n", stderr);
        return 2;
    }
    auto passphrase = SecureBytes::fromString(qEnvironmentVariable("DOORSTEP_PASSPHRASE"));
    if (!passphrase)
        return fail("passphrase", passphrase.error());
    auto store = StoreAccess::open(arguments.at(1), *passphrase);
    if (!store)
        return fail("open", store.error());
    passphrase->clear();

    auto familyId = (*store)->apply(Change::create(
        QStringLiteral("family"), { { QStringLiteral("family_name"), arguments.at(2) } }));
    if (!familyId)
        return fail("family", familyId.error());
    auto visitId = (*store)->apply(Change::create(QStringLiteral("visit"),
        { { QStringLiteral("family_id"), *familyId },
            { QStringLiteral("visit_at"), QStringLiteral("2026-03-04T10:30:00Z") },
            { QStringLiteral("notes"), arguments.at(3) } }));
    if (!visitId)
        return fail("visit", visitId.error());

    std::printf("ready %s\n", qPrintable(*familyId));
    std::fflush(stdout);
    char buffer[256];
    while (std::fread(buffer, 1, sizeof buffer, stdin) > 0) { }
    return 0;
}
