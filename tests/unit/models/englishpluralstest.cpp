#include "models/englishplurals.h"

#include "domain/driftanddelay.h"
#include "models/casetext.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
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

namespace
{

// The numerus messages of a .ts file: context and source, with their forms.
QHash<QString, QStringList> numerusMessages(const QString &path)
{
    QHash<QString, QStringList> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QStringList forms;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message")) {
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                source.clear();
                forms.clear();
            } else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("numerusform"))
                forms << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && numerus) {
            messages.insert(context + u'\n' + source, forms);
        }
    }
    return messages;
}

} // namespace

TEST_CASE("Every counted text in the code has its English forms", "[models]")
{
    // lupdate reads the code as it is now; the committed file must hold each counted text.
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(DOORSTEP_SOURCE_DIR));
    lupdate.start(QStringLiteral(DOORSTEP_LUPDATE),
        { QStringLiteral("-pluralonly"), QStringLiteral("-source-language"), QStringLiteral("en"),
            QStringLiteral("-target-language"), QStringLiteral("en"), QStringLiteral("-locations"),
            QStringLiteral("none"), QStringLiteral("cpp"), QStringLiteral("qml"),
            QStringLiteral("-ts"), fresh });
    REQUIRE(lupdate.waitForFinished(120000));
    REQUIRE(lupdate.exitCode() == 0);

    const auto inCode = numerusMessages(fresh);
    const auto committed
        = numerusMessages(QStringLiteral(DOORSTEP_SOURCE_DIR "/translations/doorstep_en.ts"));
    REQUIRE(inCode.size() >= 30);
    for (auto it = inCode.cbegin(); it != inCode.cend(); ++it) {
        INFO(it.key().toStdString());
        REQUIRE(committed.contains(it.key()));
        const QStringList forms = committed.value(it.key());
        REQUIRE(forms.size() == 2);
        CHECK_FALSE(forms.at(0).isEmpty());
        CHECK_FALSE(forms.at(1).isEmpty());
    }
}
