#pragma once

#include "domain/result.h"

#include <QString>
#include <QtGlobal>
#include <catch2/catch.hpp>
#include <random>
#include <utility>

namespace doorstep::test
{

/// The value of a call the test needs to succeed; if it failed, the test stops with the
/// call's own message.
template <typename T> T require(Result<T> result)
{
    INFO((result ? QString() : result.error().message).toStdString());
    REQUIRE(result.ok());
    return std::move(result.value());
}

inline void requireOk(const Result<void> &result)
{
    INFO((result ? QString() : result.error().message).toStdString());
    REQUIRE(result.ok());
}

/// The seed of a randomised test: DOORSTEP_TEST_SEED repeats a run; otherwise a new one.
inline quint32 testSeed()
{
    bool ok = false;
    const quint32 fixed = qEnvironmentVariable("DOORSTEP_TEST_SEED").toUInt(&ok);
    return ok ? fixed : std::random_device {}();
}

} // namespace doorstep::test
