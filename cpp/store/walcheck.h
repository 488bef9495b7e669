#pragma once

#include "domain/result.h"

#include <QString>

namespace doorstep
{

/// Checks a write-ahead log before SQLite sees it. SQLite treats a frame with a bad
/// checksum as the torn end of an interrupted write and silently drops it and every
/// later frame, which would lose committed transactions without a word. A bad frame
/// followed by a valid commit of the same WAL generation cannot be a torn write (the
/// commit was synced after it), so it is reported as damage instead.
class WalCheck
{
public:
    static Result<void> check(const QString &walPath);
};

} // namespace doorstep
