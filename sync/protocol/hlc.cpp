#include "protocol/hlc.h"

static_assert(
    doorstep::Hlc(1, 2).packed() == ((1 << 16) | 2), "HLC packs milliseconds above the counter");
static_assert(doorstep::Hlc::fromPacked(doorstep::Hlc(123456789, 42).packed())
        == doorstep::Hlc(123456789, 42),
    "HLC packing round-trips");
