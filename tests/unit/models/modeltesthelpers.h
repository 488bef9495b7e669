#pragma once

#include "models/session.h"
#include "security/storeaccess.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <memory>

namespace doorstep::test
{

/// An unlocked Session on a fresh encrypted store whose clock stands still at `now`.
class SessionFixture
{
public:
    explicit SessionFixture(const QDateTime &now = QDateTime(QDate(2026, 3, 12), QTime(10, 0)))
        : m_now(now)
    {
        REQUIRE(m_dir.isValid());
        const QString folder = m_dir.filePath(QStringLiteral("store"));
        auto passphrase = SecureBytes::fromString(QStringLiteral("test-passphrase"));
        REQUIRE(passphrase.ok());
        auto created = StoreAccess::create(
            folder, *passphrase, QStringLiteral("practitioner-1"), KdfParams::minimum());
        INFO((created ? QString() : created.error().message).toStdString());
        REQUIRE(created.ok());
        created->reset();
        session = std::make_unique<Session>(folder);
        session->setClock([this] { return m_now; });
        unlock();
    }

    void unlock()
    {
        QSignalSpy unlocked(session.get(), &Session::unlockedChanged);
        session->unlock(QStringLiteral("test-passphrase"));
        REQUIRE(unlocked.wait(10000));
        REQUIRE(session->isUnlocked());
    }

    QDate today() const { return m_now.date(); }

    QString add(const char *kind, QList<FieldValue> fields)
    {
        auto id = session->apply(Change::create(QString::fromLatin1(kind), std::move(fields)));
        INFO((id ? QString() : id.error().message).toStdString());
        REQUIRE(id.ok());
        return *id;
    }

    QString family(const QString &name, int allocatedDaysAgo)
    {
        const QString id = add("family", { { QStringLiteral("family_name"), name } });
        add("allocation",
            { { QStringLiteral("family_id"), id },
                { QStringLiteral("practitioner_id"), QStringLiteral("practitioner-1") },
                { QStringLiteral("allocated_on"), today().addDays(-allocatedDaysAgo) } });
        return id;
    }

    std::unique_ptr<Session> session;

private:
    QTemporaryDir m_dir;
    QDateTime m_now;
};

} // namespace doorstep::test
