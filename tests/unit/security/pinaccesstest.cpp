#include "security/pinaccess.h"

#include "security/kdfparams.h"
#include "security/storeaccess.h"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace doorstep;

namespace
{

SecureBytes secret(const char *text)
{
    auto bytes = SecureBytes::fromUtf8(QByteArrayView(text));
    REQUIRE(bytes.ok());
    return std::move(*bytes);
}

struct PinStore {
    QTemporaryDir dir;
    QString folder = dir.filePath(QStringLiteral("store"));
    SecureBytes key;

    PinStore()
    {
        auto created = StoreAccess::create(folder, secret("correct horse"),
            QStringLiteral("practitioner-1"), KdfParams::minimum());
        REQUIRE(created.ok());
        created->reset();
        auto unlocked = StoreAccess::openKeepingKey(folder, secret("correct horse"));
        REQUIRE(unlocked.ok());
        key = std::move(unlocked->key);
    }
};

} // namespace

TEST_CASE("A PIN set today unlocks the store today", "[security]")
{
    PinStore store;
    REQUIRE(PinAccess::setPin(store.folder, store.key, secret("482913")).ok());
    const QDate today = QDate::currentDate();
    CHECK(PinAccess::isAvailable(store.folder, today));
    auto opened = PinAccess::open(store.folder, secret("482913"), today);
    INFO((opened ? QString() : opened.error().message).toStdString());
    CHECK(opened.ok());
}

TEST_CASE("A PIN from an earlier day is removed and the passphrase is needed", "[security]")
{
    PinStore store;
    REQUIRE(PinAccess::setPin(store.folder, store.key, secret("482913")).ok());
    const QDate tomorrow = QDate::currentDate().addDays(1);
    CHECK_FALSE(PinAccess::isAvailable(store.folder, tomorrow));
    CHECK_FALSE(QFile::exists(StorePaths { store.folder }.pinSlot()));
    auto opened = PinAccess::open(store.folder, secret("482913"), tomorrow);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().message.contains(QStringLiteral("passphrase")));
}

TEST_CASE("A PIN must be 4 to 8 digits", "[security]")
{
    PinStore store;
    for (const char *bad : { "123", "123456789", "12a4", "" })
        CHECK(PinAccess::setPin(store.folder, store.key, secret(bad)).error().code
            == Error::Code::InvalidArgument);
    CHECK_FALSE(PinAccess::isAvailable(store.folder, QDate::currentDate()));
}

TEST_CASE("Five wrong PINs switch the PIN off but not the passphrase", "[security]")
{
    PinStore store;
    REQUIRE(PinAccess::setPin(store.folder, store.key, secret("482913")).ok());
    const QDate today = QDate::currentDate();
    auto first = PinAccess::open(store.folder, secret("000000"), today);
    REQUIRE_FALSE(first.ok());
    CHECK(first.error().code == Error::Code::WrongPassphrase);
    CHECK(first.error().message.contains(QStringLiteral("4 tries left")));
    Result<std::unique_ptr<Store>> last = first.error();
    for (int i = 1; i < PinAccess::MaxAttempts; ++i)
        last = PinAccess::open(store.folder, secret("000000"), today);
    REQUIRE_FALSE(last.ok());
    CHECK(last.error().code == Error::Code::LockedOut);
    CHECK(last.error().message.contains(QStringLiteral("passphrase")));
    CHECK_FALSE(PinAccess::isAvailable(store.folder, today));
    CHECK_FALSE(PinAccess::open(store.folder, secret("482913"), today).ok());
    CHECK(StoreAccess::open(store.folder, secret("correct horse")).ok());
}
