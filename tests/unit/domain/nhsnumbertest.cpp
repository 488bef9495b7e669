#include "domain/nhsnumber.h"

#include <QString>
#include <catch2/catch.hpp>

using doorstep::Error;
using doorstep::NhsNumber;

// Catch2 cannot print Qt types by itself; failures should show the text, not "{?}".
namespace Catch
{
template <> struct StringMaker<QString> {
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch

namespace
{

QString parseError(const QString &text)
{
    const auto result = NhsNumber::parse(text);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::InvalidArgument);
    return result.error().message;
}

} // namespace

TEST_CASE("accepts NHS numbers whose check digit matches", "[domain]")
{
    // Worked by hand: 9434765919 sums to 299, 299 % 11 = 2, 11 - 2 = 9; 4010232137 sums to
    // 92, 92 % 11 = 4, 11 - 4 = 7.
    for (const auto *digits : { "9434765919", "4010232137" }) {
        const auto result = NhsNumber::parse(QString::fromLatin1(digits));
        INFO(digits);
        REQUIRE(result.ok());
        CHECK(result->digits() == QString::fromLatin1(digits));
    }
}

TEST_CASE("a check digit result of 11 means a check digit of 0", "[domain]")
{
    // 9876543210: the weighted sum is 330, a multiple of 11, so 11 - 0 = 11, written 0.
    const auto result = NhsNumber::parse(QStringLiteral("9876543210"));
    REQUIRE(result.ok());
    CHECK(result->digits() == QStringLiteral("9876543210"));
}

TEST_CASE("accepts the 3-3-4 grouping with spaces or hyphens", "[domain]")
{
    const auto text
        = GENERATE(as<QString> {}, QStringLiteral("943 476 5919"), QStringLiteral("943-476-5919"),
            QStringLiteral("  943 476 5919\n"), QStringLiteral("943 - 476 - 5919"),
            QStringLiteral("943  476  5919"), QStringLiteral("943\u00a0476\u00a05919"));
    const auto result = NhsNumber::parse(text);
    INFO(text.toStdString());
    REQUIRE(result.ok());
    CHECK(result->digits() == QStringLiteral("9434765919"));
}

TEST_CASE("formats as three groups separated by spaces", "[domain]")
{
    const auto result = NhsNumber::parse(QStringLiteral("9434765919"));
    REQUIRE(result.ok());
    CHECK(result->formatted() == QStringLiteral("943 476 5919"));
}

TEST_CASE("rejects a wrong check digit and says so plainly", "[domain]")
{
    CHECK(parseError(QStringLiteral("943 476 5918"))
        == QStringLiteral("NHS number 943 476 5918 is not valid: its check digit does not "
                          "match. Check it was copied correctly."));
}

TEST_CASE(
    "rejects two neighbouring digits swapped, which the check digit exists to catch", "[domain]")
{
    // 9434765919 with its first two digits swapped; the check digit of 493476591 is 3.
    CHECK(
        parseError(QStringLiteral("4934765919")).contains(QStringLiteral("check digit does not")));
}

TEST_CASE("rejects nine digits for which no check digit exists", "[domain]")
{
    // 123456789: weighted sum 210, 210 % 11 = 1, 11 - 1 = 10, which no single digit can be.
    CHECK(parseError(QStringLiteral("1234567890"))
        == QStringLiteral("NHS number 123 456 7890 is not valid: no check digit fits its first "
                          "nine digits, so at least one digit is wrong. Check it was copied "
                          "correctly."));
}

TEST_CASE("rejects too few digits, counting them", "[domain]")
{
    CHECK(parseError(QStringLiteral("943 476 591"))
        == QStringLiteral("NHS number \"943 476 591\" is not valid: an NHS number has 10 "
                          "digits, and this has 9. Check it was copied correctly."));
}

TEST_CASE("rejects too many digits, counting them", "[domain]")
{
    CHECK(parseError(QStringLiteral("94347659190")).contains(QStringLiteral("this has 11.")));
}

TEST_CASE("rejects letters, naming the first one", "[domain]")
{
    CHECK(parseError(QStringLiteral("943 47A 5919"))
        == QStringLiteral("NHS number \"943 47A 5919\" is not valid: it contains \"A\". An NHS "
                          "number is made only of digits, which may be grouped 3-3-4 with "
                          "spaces or hyphens."));
}

TEST_CASE("rejects digits from other scripts", "[domain]")
{
    // Arabic-Indic ٩٤٣٤٧٦٥٩١٩ is 9434765919 to a reader but matches nothing in NHS systems.
    const QString arabicIndic
        = QStringLiteral("\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669");
    CHECK(parseError(arabicIndic).contains(QStringLiteral("it contains \"\u0669\"")));
}

TEST_CASE("rejects spaces or hyphens outside the 3-3-4 grouping", "[domain]")
{
    const auto text = GENERATE(as<QString> {}, QStringLiteral("9434 765 919"),
        QStringLiteral("94 34 76 59 19"), QStringLiteral("943--476-5919"),
        QStringLiteral("-9434765919"), QStringLiteral("943 476 5919-"));
    INFO(text.toStdString());
    CHECK(parseError(text).contains(QStringLiteral("spaces or hyphens are in the wrong places")));
}

TEST_CASE("rejects numbers of one repeated digit as stand-ins", "[domain]")
{
    // Each of these passes the modulus-11 check (see NhsNumber::parse), so only this rule
    // keeps "unknown" from becoming a number shared by every child it is typed for.
    for (char digit = '0'; digit <= '9'; ++digit) {
        const QString text(10, QChar::fromLatin1(digit));
        INFO(text.toStdString());
        CHECK(parseError(text).contains(QStringLiteral("is a stand-in, not a real NHS number")));
    }
}

TEST_CASE("rejects empty text", "[domain]")
{
    const auto text = GENERATE(as<QString> {}, QString(), QStringLiteral("   "));
    CHECK(parseError(text).startsWith(QStringLiteral("No NHS number was entered.")));
}

TEST_CASE("shortens long pasted text in the message", "[domain]")
{
    const QString message = parseError(QStringLiteral("9434765919 is Amy's number"));
    CHECK(message.contains(QStringLiteral("\"9434765919 is Amy's \u2026\"")));
}

TEST_CASE("numbers typed differently with the same digits are equal", "[domain]")
{
    const auto spaced = NhsNumber::parse(QStringLiteral("943 476 5919"));
    const auto plain = NhsNumber::parse(QStringLiteral("9434765919"));
    const auto other = NhsNumber::parse(QStringLiteral("4010232137"));
    REQUIRE(spaced.ok());
    REQUIRE(plain.ok());
    REQUIRE(other.ok());
    CHECK(*spaced == *plain);
    CHECK(*spaced != *other);
}
