#pragma once

#include "domain/result.h"

#include <QtGlobal>

namespace doorstep
{

/// How much work Argon2id does to turn a passphrase or PIN into a wrapping key; stored in each
/// key slot so it can be raised later without re-encrypting anything.
struct KdfParams {
    quint64 opsLimit = 0;
    quint64 memLimitBytes = 0;

    /// What new slots use: one unlock takes about half a second on the reference machine.
    static KdfParams standard();
    /// libsodium's smallest settings. For tests only: they give no real protection.
    static KdfParams minimum();

    /// Upper bounds for settings read from a file, so a hostile key slot cannot make us
    /// allocate huge memory or spin for minutes. libsodium's own maxima are far beyond these.
    static constexpr quint64 MaxOpsLimit = 16;
    static constexpr quint64 MaxMemLimitBytes = Q_UINT64_C(1) << 30;

    /// InvalidArgument unless within libsodium's minima and our maxima.
    Result<void> validate() const;

    friend bool operator==(const KdfParams &a, const KdfParams &b)
    {
        return a.opsLimit == b.opsLimit && a.memLimitBytes == b.memLimitBytes;
    }
    friend bool operator!=(const KdfParams &a, const KdfParams &b) { return !(a == b); }
};

} // namespace doorstep
