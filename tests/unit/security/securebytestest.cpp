#include "security/securebytes.h"

#include <QByteArray>
#include <algorithm>
#include <catch2/catch.hpp>
#include <utility>

using namespace doorstep;

namespace
{

SecureBytes bytesOf(QByteArrayView text)
{
    auto bytes = SecureBytes::fromUtf8(text);
    REQUIRE(bytes);
    return std::move(bytes).value();
}

bool allZero(const SecureBytes &bytes)
{
    return std::all_of(
        bytes.constData(), bytes.constData() + bytes.size(), [](quint8 b) { return b == 0; });
}

} // namespace

TEST_CASE("allocate gives zeroed bytes of the asked size", "[security]")
{
    auto bytes = SecureBytes::allocate(64);
    REQUIRE(bytes);
    CHECK(bytes->size() == 64);
    CHECK(allZero(*bytes));
}

TEST_CASE("fromUtf8 copies the bytes", "[security]")
{
    const SecureBytes bytes = bytesOf("open sesame");
    REQUIRE(bytes.size() == 11);
    CHECK(QByteArrayView(bytes.constData(), bytes.size()) == QByteArrayView("open sesame"));
}

TEST_CASE("fromString stores the text as UTF-8", "[security]")
{
    auto bytes = SecureBytes::fromString(QStringLiteral("caf\u00e9 \u2603"));
    REQUIRE(bytes);
    CHECK(QByteArrayView(bytes->constData(), bytes->size())
        == QByteArrayView("caf\xc3\xa9 \xe2\x98\x83"));
}

TEST_CASE("empty input gives empty bytes", "[security]")
{
    auto bytes = SecureBytes::fromString(QString());
    REQUIRE(bytes);
    CHECK(bytes->isEmpty());
    CHECK(bytes->data() == nullptr);
}

TEST_CASE("wipe zeroes the bytes in place", "[security]")
{
    SecureBytes bytes = bytesOf("secret key material");
    bytes.wipe();
    CHECK(bytes.size() == 19);
    CHECK(allZero(bytes));
}

TEST_CASE("clear wipes and releases the buffer", "[security]")
{
    SecureBytes bytes = bytesOf("secret key material");
    bytes.clear();
    CHECK(bytes.isEmpty());
    CHECK(bytes.data() == nullptr);
    bytes.clear(); // twice is harmless
}

TEST_CASE("moving leaves the source empty", "[security]")
{
    SecureBytes source = bytesOf("0123456789abcdef");
    const quint8 *buffer = source.constData();

    SecureBytes constructed(std::move(source));
    CHECK(source.isEmpty()); // NOLINT(bugprone-use-after-move): the behaviour under test
    CHECK(source.constData() == nullptr);
    CHECK(constructed.constData() == buffer);
    CHECK(constructed.size() == 16);

    SecureBytes assigned = bytesOf("replaced");
    assigned = std::move(constructed);
    CHECK(constructed.isEmpty()); // NOLINT(bugprone-use-after-move)
    CHECK(assigned.constData() == buffer);
    CHECK(assigned.equals(bytesOf("0123456789abcdef")));
}

TEST_CASE("random bytes differ between calls", "[security]")
{
    auto a = SecureBytes::random(32);
    auto b = SecureBytes::random(32);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->size() == 32);
    CHECK_FALSE(a->equals(*b));
    CHECK_FALSE(allZero(*a));
}

TEST_CASE("equals compares size and contents", "[security]")
{
    CHECK(bytesOf("abc").equals(bytesOf("abc")));
    CHECK_FALSE(bytesOf("abc").equals(bytesOf("abd")));
    CHECK_FALSE(bytesOf("abc").equals(bytesOf("abcd")));
    CHECK(SecureBytes().equals(SecureBytes()));
}
