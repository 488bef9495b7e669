#include "domain/strokepoints.h"

#include <QtEndian>
#include <catch2/catch.hpp>
#include <limits>

using doorstep::Error;
using doorstep::StrokePoints;

TEST_CASE("Stroke points are a version byte and little-endian float32 pairs", "[domain]")
{
    auto bytes = StrokePoints::encode({ QPointF(0.5, 0.25), QPointF(1.0, 0.0) });
    REQUIRE(bytes.ok());
    REQUIRE(bytes->size() == 1 + 2 * 8);
    CHECK(bytes->at(0) == 1);
    // 0.5f is 0x3f000000: little-endian, its high byte comes last.
    CHECK(bytes->mid(1, 4) == QByteArray::fromHex("0000003f"));
    CHECK(bytes->mid(5, 4) == QByteArray::fromHex("0000803e")); // 0.25f
    CHECK(bytes->mid(9, 4) == QByteArray::fromHex("0000803f")); // 1.0f
    CHECK(bytes->mid(13, 4) == QByteArray::fromHex("00000000"));
}

TEST_CASE("Stroke points round-trip at float precision, clamped to the surface", "[domain]")
{
    const QList<QPointF> points { QPointF(0.125, 0.875), QPointF(0.3, 0.7), QPointF(-0.2, 1.5) };
    auto bytes = StrokePoints::encode(points);
    REQUIRE(bytes.ok());
    auto back = StrokePoints::decode(*bytes);
    REQUIRE(back.ok());
    REQUIRE(back->size() == 3);
    CHECK(back->at(0) == QPointF(0.125, 0.875));
    CHECK(back->at(1).x() == Approx(0.3).epsilon(1e-6));
    CHECK(back->at(1).y() == Approx(0.7).epsilon(1e-6));
    CHECK(back->at(2) == QPointF(0.0, 1.0));
}

TEST_CASE("Empty strokes and points that are not numbers are refused", "[domain]")
{
    CHECK(StrokePoints::encode({}).error().code == Error::Code::InvalidArgument);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(StrokePoints::encode({ QPointF(nan, 0.1) }).error().code == Error::Code::InvalidArgument);
}

TEST_CASE("Unknown versions and damaged lengths are refused when read", "[domain]")
{
    CHECK(StrokePoints::decode({}).error().code == Error::Code::Unsupported);
    CHECK(StrokePoints::decode(QByteArray::fromHex("020000003f0000003f")).error().code
        == Error::Code::Unsupported);
    CHECK(StrokePoints::decode(QByteArray::fromHex("01")).error().code == Error::Code::Damaged);
    CHECK(StrokePoints::decode(QByteArray::fromHex("010000003f000000")).error().code
        == Error::Code::Damaged);
    // A NaN coordinate (0x7fc00000) is damage, not a point.
    CHECK(StrokePoints::decode(QByteArray::fromHex("010000c07f0000003f")).error().code
        == Error::Code::Damaged);
}
