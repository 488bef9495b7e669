#include "domain/strokepoints.h"

#include <catch2/catch.hpp>
#include <limits>
#include <random>

using doorstep::Error;
using doorstep::StrokePoints;

TEST_CASE("Stroke points are written as version 2: a count, then grid deltas", "[domain]")
{
    auto bytes = StrokePoints::encode({ QPointF(0.5, 0.25), QPointF(0.5, 0.25 + 1.0 / 65535) });
    REQUIRE(bytes.ok());
    // Version, flags, count 2; then 32768 (zigzag 65536: 80 80 04) and 16384 (zigzag 32768:
    // 80 80 02); then deltas 0 and +1 (zigzag 2).
    CHECK(bytes->toHex()
        == QByteArray("02000280800480800200"
                      "02"));
}

TEST_CASE("Stroke points round-trip on the grid, clamped to the surface", "[domain]")
{
    const QList<QPointF> points { QPointF(0.125, 0.875), QPointF(0.3, 0.7), QPointF(-0.2, 1.5) };
    auto bytes = StrokePoints::encode(points);
    REQUIRE(bytes.ok());
    auto back = StrokePoints::decodeAll(*bytes);
    REQUIRE(back.ok());
    REQUIRE(back->points.size() == 3);
    CHECK(back->pressures.isEmpty());
    const double step = 1.0 / StrokePoints::GridSteps;
    CHECK(back->points.at(0).x() == Approx(0.125).margin(step / 2));
    CHECK(back->points.at(1).x() == Approx(0.3).margin(step / 2));
    CHECK(back->points.at(1).y() == Approx(0.7).margin(step / 2));
    CHECK(back->points.at(2) == QPointF(0.0, 1.0));
}

TEST_CASE("Pressure is kept per point, on its own grid", "[domain]")
{
    const QList<QPointF> points { QPointF(0.1, 0.1), QPointF(0.2, 0.2), QPointF(0.3, 0.1) };
    const QList<double> pressures { 0.0, 0.5, 1.0 };
    auto bytes = StrokePoints::encode(points, pressures);
    REQUIRE(bytes.ok());
    CHECK(bytes->at(1) == 1);
    auto back = StrokePoints::decodeAll(*bytes);
    REQUIRE(back.ok());
    REQUIRE(back->pressures.size() == 3);
    CHECK(back->pressures.at(0) == 0.0);
    CHECK(back->pressures.at(1) == Approx(0.5).margin(0.5 / StrokePoints::PressureSteps));
    CHECK(back->pressures.at(2) == 1.0);
    CHECK(StrokePoints::encode(points, { 0.5 }).error().code == Error::Code::InvalidArgument);
}

TEST_CASE("Handwriting takes about half the bytes of version 1", "[domain]")
{
    // A scribble of small steps, as a finger or stylus reports them.
    std::mt19937 random(7);
    std::uniform_real_distribution<double> step(-0.004, 0.004);
    QList<QPointF> points { QPointF(0.5, 0.5) };
    QList<double> pressures { 0.4 };
    for (int i = 0; i < 200; ++i) {
        points.append(points.constLast() + QPointF(step(random), step(random)));
        pressures.append(std::clamp(pressures.constLast() + step(random) * 5, 0.0, 1.0));
    }
    const auto plain = StrokePoints::encode(points);
    const auto withPressure = StrokePoints::encode(points, pressures);
    REQUIRE(plain.ok());
    REQUIRE(withPressure.ok());
    const qsizetype version1 = 1 + 8 * points.size();
    CHECK(plain->size() < version1 * 6 / 10);
    CHECK(withPressure->size() < version1 * 7 / 10);
}

TEST_CASE("Empty strokes and points that are not numbers are refused", "[domain]")
{
    CHECK(StrokePoints::encode({}).error().code == Error::Code::InvalidArgument);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(StrokePoints::encode({ QPointF(nan, 0.1) }).error().code == Error::Code::InvalidArgument);
    CHECK(StrokePoints::encode({ QPointF(0.1, 0.1) }, { nan }).error().code
        == Error::Code::InvalidArgument);
}

TEST_CASE("Version 1 strokes, written before version 2, are still read", "[domain]")
{
    // 0.5f is 0x3f000000 and 0.25f 0x3e800000, little-endian.
    auto back = StrokePoints::decodeAll(QByteArray::fromHex("010000003f0000803e"));
    REQUIRE(back.ok());
    REQUIRE(back->points.size() == 1);
    CHECK(back->points.at(0) == QPointF(0.5, 0.25));
    CHECK(back->pressures.isEmpty());
    CHECK(StrokePoints::decode(QByteArray::fromHex("01")).error().code == Error::Code::Damaged);
    CHECK(StrokePoints::decode(QByteArray::fromHex("010000003f000000")).error().code
        == Error::Code::Damaged);
    // A NaN coordinate (0x7fc00000) is damage, not a point.
    CHECK(StrokePoints::decode(QByteArray::fromHex("010000c07f0000003f")).error().code
        == Error::Code::Damaged);
}

TEST_CASE("Unknown versions and damaged version 2 bytes are refused when read", "[domain]")
{
    CHECK(StrokePoints::decode({}).error().code == Error::Code::Unsupported);
    CHECK(StrokePoints::decode(QByteArray::fromHex("0300010000")).error().code
        == Error::Code::Unsupported);
    const auto damaged = [](const char *hex) {
        return StrokePoints::decode(QByteArray::fromHex(hex)).error().code == Error::Code::Damaged;
    };
    CHECK(damaged("02000100")); // one point, but only its x
    CHECK(damaged("0200000000")); // no points
    CHECK(damaged("0202010000")); // an unknown flag
    CHECK(damaged("020001000000")); // a byte left over
    CHECK(damaged("0200010100")); // x of -1: off the grid
    CHECK(damaged("02000180800800")); // x of 65536: off the grid
    CHECK(damaged("020101000001")); // a pressure of -1: off its grid
    CHECK(damaged("02000180808080800100")); // a varint longer than five bytes
    CHECK(damaged("0200ffffffff0f0000")); // a count far beyond the bytes
}

TEST_CASE("Every truncation of a stroke is refused, never misread", "[domain]")
{
    const auto bytes = StrokePoints::encode(
        { QPointF(0.1, 0.9), QPointF(0.6, 0.3), QPointF(0.61, 0.31) }, { 0.2, 0.9, 0.5 });
    REQUIRE(bytes.ok());
    for (qsizetype size = 0; size < bytes->size(); ++size) {
        INFO("first " << size << " bytes");
        CHECK_FALSE(StrokePoints::decode(bytes->left(size)).ok());
    }
}
