#pragma once

#include "store/store.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

namespace doorstep::test
{

/// A fixed 256-bit key: the tests need a store, not the vault.
inline QByteArray testKey(char fill = 'k')
{
    return QByteArray(Database::KeyBytes, fill);
}

/// A clock the test moves by hand, in milliseconds since the epoch.
struct ManualClock {
    qint64 now = 1'767'225'600'000; // 2026-01-01T00:00:00Z
    HybridLogicalClock::PhysicalClock function()
    {
        return [this] { return now; };
    }
};

inline std::unique_ptr<Store> makeStore(const QString &folder, ManualClock *clock = nullptr)
{
    Store::Options options;
    if (clock)
        options.clock = clock->function();
    auto store = Store::create(folder, testKey(), QStringLiteral("practitioner-1"), options);
    INFO((store ? QString() : store.error().message).toStdString());
    REQUIRE(store.ok());
    return std::move(store.value());
}

inline QString createFamily(Store &store, const QString &name)
{
    auto id = store.apply(
        Change::create(QStringLiteral("family"), { { QStringLiteral("family_name"), name } }));
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    return *id;
}

/// Flips one byte in the middle page of a store's (checkpointed) database, inside what the
/// page's HMAC covers. On a store filled with notes it is a note's page, which opening the
/// store never reads: only the full integrity check finds it.
inline void damageMiddlePage(const QString &folder)
{
    constexpr qint64 PageBytes = 4096;
    QFile file(StorePaths { folder }.database());
    REQUIRE(file.open(QIODevice::ReadWrite));
    const qint64 pages = file.size() / PageBytes;
    REQUIRE(pages > 20);
    const qint64 at = (pages / 2) * PageBytes + 100;
    REQUIRE(file.seek(at));
    char byte = 0;
    REQUIRE(file.getChar(&byte));
    REQUIRE(file.seek(at));
    REQUIRE(file.putChar(char(byte ^ 0x5a)));
}

} // namespace doorstep::test
