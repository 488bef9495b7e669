#include "protocol/hybridlogicalclock.h"

#include <catch2/catch.hpp>

using namespace doorstep;

TEST_CASE("The clock follows wall time when it moves forward", "[protocol]")
{
    qint64 wall = 1000;
    HybridLogicalClock clock([&] { return wall; });
    CHECK(clock.tick() == Hlc(1000, 0));
    wall = 2000;
    CHECK(clock.tick() == Hlc(2000, 0));
}

TEST_CASE("The clock counts within one millisecond and never runs backwards", "[protocol]")
{
    qint64 wall = 1000;
    HybridLogicalClock clock([&] { return wall; });
    const Hlc first = clock.tick();
    const Hlc second = clock.tick();
    CHECK(second > first);
    CHECK(second == Hlc(1000, 1));
    wall = 500; // the wall clock was set back
    CHECK(clock.tick() > second);
}

TEST_CASE("Receiving a later remote time moves the clock past it", "[protocol]")
{
    qint64 wall = 1000;
    HybridLogicalClock clock([&] { return wall; });
    const Hlc remote(5000, 7);
    CHECK(clock.receive(remote) == Hlc(5000, 8));
    CHECK(clock.tick() == Hlc(5000, 9));
}

TEST_CASE("A full counter borrows the next millisecond", "[protocol]")
{
    HybridLogicalClock clock([] { return qint64(1000); }, Hlc(1000, Hlc::MaxCounter));
    CHECK(clock.tick() == Hlc(1001, 0));
}

TEST_CASE("Restoring a saved time never moves the clock back", "[protocol]")
{
    HybridLogicalClock clock([] { return qint64(10); });
    clock.restore(Hlc(900, 3));
    clock.restore(Hlc(800, 0));
    CHECK(clock.last() == Hlc(900, 3));
    CHECK(clock.tick() == Hlc(900, 4));
}
