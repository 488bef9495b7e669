#include "models/englishplurals.h"

#include "domain/driftanddelay.h"
#include "models/casetext.h"

#include <QCoreApplication>
#include <catch2/catch.hpp>

using namespace doorstep;

TEST_CASE("Counted text reads as English: one day, three days", "[models]")
{
    REQUIRE(EnglishPlurals::install());
    REQUIRE(EnglishPlurals::install()); // once is enough; twice does no harm

    const auto goals = [](int n) {
        return QCoreApplication::translate("DriftAndDelay", "Goals due in %n days (by %1).", "", n);
    };
    CHECK(goals(1) == QStringLiteral("Goals due in 1 day (by %1)."));
    CHECK(goals(3) == QStringLiteral("Goals due in 3 days (by %1)."));
    CHECK(
        QCoreApplication::translate("DriftAndDelay", "Plan due in %n working days (by %1).", "", 1)
        == QStringLiteral("Plan due in 1 working day (by %1)."));
    CHECK(QCoreApplication::translate("Vault",
              "The PIN is not correct. You have %n attempts left before the data on this device "
              "is locked for good.",
              "", 1)
        == QStringLiteral("The PIN is not correct. You have 1 attempt left before the data on this "
                          "device is locked for good."));

    // Through the app's own code: a baby of one month.
    Person baby;
    baby.dateOfBirth = QDate(2026, 2, 1);
    CHECK(CaseText::age(baby, QDate(2026, 3, 12)) == QStringLiteral("1 month old"));
    baby.dateOfBirth = QDate(2026, 1, 1);
    CHECK(CaseText::age(baby, QDate(2026, 3, 12)) == QStringLiteral("2 months old"));

    // Every numerus message has its two forms: none falls back to the source.
    CHECK(QCoreApplication::translate("CaseloadDelegate", "%n children", "", 1)
        == QStringLiteral("1 child"));
}
