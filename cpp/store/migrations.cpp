#include "store/migrations.h"

#include "store/database.h"
#include "store/transaction.h"

#include <QFile>

namespace doorstep
{

namespace
{

const char *const Steps[] = {
    "0001_core.sql",
    "0002_casework.sql",
    "0003_ending.sql",
    "0004_disclosures.sql",
    "0005_sync.sql",
    "0006_catch_up.sql",
    "0007_audit_sync.sql",
    "0008_documents.sql",
    "0009_three_houses.sql",
    "0010_genogram.sql",
    "0011_review_progress.sql",
    "0012_team_view.sql",
    "0013_supervision.sql",
    "0014_exit_questionnaire.sql",
};
constexpr int StepCount = int(sizeof(Steps) / sizeof(Steps[0]));

Result<QString> stepSql(int version)
{
    QFile file(QStringLiteral(":/doorstep/store/migrations/%1")
                   .arg(QString::fromLatin1(Steps[version - 1])));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Internal,
            QStringLiteral("Migration step %1 is missing from the program.").arg(version));
    return QString::fromUtf8(file.readAll());
}

} // namespace

int Migrations::latestVersion()
{
    return StepCount;
}

Result<int> Migrations::currentVersion(Database &db)
{
    auto version = db.queryText(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    return version->toInt();
}

Result<int> Migrations::run(Database &db, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return makeError(Error::Code::Unsupported,
            QStringLiteral("This store was written by a newer version of Doorstep "
                           "(schema %1; this program knows up to %2). Update "
                           "Doorstep to open it.")
                .arg(*current)
                .arg(latestVersion()));
    for (int version = *current + 1; version <= targetVersion; ++version) {
        auto sql = stepSql(version);
        if (!sql)
            return sql.error();
        auto transaction = Transaction::begin(db);
        if (!transaction)
            return transaction.error();
        if (auto applied = db.exec(*sql); !applied)
            return makeError(applied.error().code,
                QStringLiteral("Upgrading the store to schema %1 failed: %2")
                    .arg(version)
                    .arg(applied.error().message));
        if (auto stamped = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
            !stamped)
            return stamped.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
    }
    return currentVersion(db);
}

} // namespace doorstep
