#include "testsyncserver.h"

#include "client/syncclient.h"
#include "store/store.h"

#include <QFile>
#include <QTest>
#include <QUuid>

namespace doorstep
{

bool TestSyncServer::start(server::User::Role role)
{
    if (!m_server)
        m_server = std::make_unique<test::LocalSyncServer>(role);
    if (m_server->service)
        return true;
    if (!m_certificate) {
        auto certificate = m_server->localCertificate();
        if (!m_server->storage || !certificate)
            return false;
        m_caFile = m_server->dir.filePath(QStringLiteral("council-ca.pem"));
        QFile ca(m_caFile);
        const QByteArray &pem = m_server->ca.certificatePem;
        if (!ca.open(QIODevice::WriteOnly | QIODevice::Truncate) || ca.write(pem) != pem.size())
            return false;
        m_certificate = *certificate;
    }
    return m_server->serve(m_certificate).ok();
}

QVariantMap TestSyncServer::enrolment()
{
    if (!start())
        return {};
    return enrolmentFor(test::LocalSyncServer::Practitioner);
}

QVariantMap TestSyncServer::enrolmentFor(const QString &userId)
{
    auto code = m_server->storage->createEnrolmentCode(userId, 3600);
    if (!code)
        return {};
    return { { QStringLiteral("address"), m_server->url().toString() },
        { QStringLiteral("caFile"), m_caFile }, { QStringLiteral("code"), *code } };
}

QVariantMap TestSyncServer::supervisorEnrolment()
{
    const QDate today = QDate::currentDate();
    if (!start(server::User::Role::Supervisor))
        return {};
    // Amara: one family seen at once, one never seen in 60 days, one nearing its goals.
    // Tom: one open seven months without a review, one allocated yesterday.
    if (!seedPractitioner(QStringLiteral("amara"), QStringLiteral("Amara Osei"),
            { { QStringLiteral("Fenwick"), 5 }, { QStringLiteral("Garside"), 60 },
                { QStringLiteral("Holloway"), 24 } },
            today)
        || !seedPractitioner(QStringLiteral("tom"), QStringLiteral("Tom Hughes"),
            { { QStringLiteral("Ingram"), 200 }, { QStringLiteral("Jessop"), 1 } }, today))
        return {};
    return enrolmentFor(test::LocalSyncServer::Practitioner);
}

bool TestSyncServer::seedPractitioner(const QString &userId, const QString &name,
    const QList<std::pair<QString, int>> &families, const QDate &today)
{
    const auto fail = [](const QString &why) {
        qWarning("seeding a practitioner failed: %s", qPrintable(why));
        return false;
    };
    if (auto made = m_server->storage->createUser(
            { userId, name, server::User::Role::Practitioner, QStringLiteral("north") });
        !made)
        return fail(made.error().message);
    auto created = Store::create(
        m_server->dir.filePath(userId), QByteArray(Database::KeyBytes, 'p'), userId);
    if (!created)
        return fail(created.error().message);
    Store &tablet = **created;
    m_tablets[userId] = std::move(*created);
    for (const auto &[familyName, daysAgo] : families) {
        const QDate allocated = today.addDays(-daysAgo);
        const QString familyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QList<Change> changes {
            Change::create(QStringLiteral("family"),
                { { QStringLiteral("family_name"), familyName } }, familyId),
            Change::create(QStringLiteral("referral"),
                { { QStringLiteral("family_id"), familyId },
                    { QStringLiteral("source"), QStringLiteral("school") },
                    { QStringLiteral("level_of_need"), qint64(daysAgo > 100 ? 4 : 3) },
                    { QStringLiteral("referred_on"), allocated.addDays(-2) } }),
            Change::create(QStringLiteral("allocation"),
                { { QStringLiteral("family_id"), familyId },
                    { QStringLiteral("practitioner_id"), userId },
                    { QStringLiteral("practitioner_name"), name },
                    { QStringLiteral("team"), QStringLiteral("north") },
                    { QStringLiteral("allocated_on"), allocated } }),
        };
        // Seen the day after allocation, except the family that never was.
        if (familyName != QLatin1String("Garside"))
            changes << Change::create(QStringLiteral("visit"),
                { { QStringLiteral("family_id"), familyId },
                    { QStringLiteral("visit_at"),
                        QDateTime(allocated.addDays(1), QTime(10, 0)).toUTC() } });
        if (daysAgo > 100)
            changes << Change::create(QStringLiteral("plan"),
                { { QStringLiteral("family_id"), familyId },
                    { QStringLiteral("status"), QStringLiteral("complete") },
                    { QStringLiteral("goals_agreed_on"), allocated.addDays(20) },
                    { QStringLiteral("completed_on"), allocated.addDays(30) } });
        if (auto applied = tablet.apply(changes); !applied)
            return fail(applied.error().message);
    }

    const QVariantMap given = enrolmentFor(userId);
    QFile caFile(m_caFile);
    if (given.isEmpty() || !caFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("no enrolment code"));
    SyncClient client(tablet, QStringLiteral(DOORSTEP_VERSION));
    std::optional<SyncClient::Outcome> outcome;
    client.enrol(m_server->url(), caFile.readAll(), given.value(QStringLiteral("code")).toString(),
        QStringLiteral("%1's tablet").arg(name.section(QLatin1Char(' '), 0, 0)),
        [&](SyncClient::Outcome done) { outcome = done; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 15000) || !outcome->ok)
        return fail(outcome ? outcome->message : QStringLiteral("enrolment timed out"));
    outcome.reset();
    client.sync([&](SyncClient::Outcome done) { outcome = done; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000) || !outcome->ok)
        return fail(outcome ? outcome->message : QStringLiteral("sync timed out"));
    return true;
}

namespace
{

QStringList familyNames(Store &tablet)
{
    QStringList names;
    auto query = tablet.query(QStringLiteral(
        "SELECT family_name FROM families WHERE causal_length % 2 = 1 ORDER BY family_name"));
    if (!query)
        return names;
    for (auto row = query->step(); row && *row; row = query->step())
        names << query->text(0);
    return names;
}

} // namespace

QVariantMap TestSyncServer::syncPractitioner(const QString &userId)
{
    const auto found = m_tablets.find(userId);
    if (found == m_tablets.end() || !m_server)
        return {};
    Store &tablet = *found->second;
    SyncClient client(tablet, QStringLiteral(DOORSTEP_VERSION));
    std::optional<SyncClient::Outcome> outcome;
    client.sync([&](SyncClient::Outcome done) { outcome = done; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000) || !outcome->ok) {
        qWarning("the practitioner's sync failed: %s",
            qPrintable(outcome ? outcome->message : QStringLiteral("timed out")));
        return {};
    }
    const auto first = [&](const QString &sql) -> QVariant {
        auto query = tablet.query(sql);
        if (!query)
            return {};
        auto row = query->step();
        if (!row || !*row || query->isNull(0))
            return {};
        return query->value(0);
    };
    return { { QStringLiteral("planStatus"),
                 first(QStringLiteral("SELECT status FROM plans ORDER BY rowid DESC LIMIT 1")) },
        { QStringLiteral("decisions"),
            first(QStringLiteral("SELECT count(*) FROM plan_decisions")) },
        { QStringLiteral("comments"),
            first(QStringLiteral(
                "SELECT comments FROM plan_decisions ORDER BY decided_at DESC LIMIT 1")) },
        { QStringLiteral("notes"),
            first(QStringLiteral("SELECT count(*) FROM supervision_notes")) },
        { QStringLiteral("families"), familyNames(tablet) } };
}

} // namespace doorstep
