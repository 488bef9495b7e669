#include "security/kdfparams.h"

#include <sodium.h>

namespace doorstep
{

KdfParams KdfParams::standard()
{
    // Measured with crypto_pwhash (Argon2id, libsodium 1.0.18) on the reference machine,
    // best / mean of 3 runs:
    //   ops 2:  64 MiB 0.08/0.12 s, 128 MiB 0.15/0.19 s, 256 MiB 0.33/0.38 s
    //   ops 3:  64 MiB 0.09/0.09 s, 128 MiB 0.20/0.20 s, 192 MiB 0.32/0.32 s,
    //           256 MiB 0.47/0.51 s
    //   ops 4: 128 MiB 0.28/0.29 s, 192 MiB 0.44/0.49 s, 256 MiB 0.63/0.67 s
    // ops 3 with 256 MiB (libsodium's "moderate") sits mid-way in our 0.3-1 s budget; memory
    // is what makes guessing expensive on GPUs, so we spend the budget there. Tablets are
    // slower; re-measure on the target device and raise or lower through changePassphrase.
    return KdfParams { 3, Q_UINT64_C(256) << 20 };
}

KdfParams KdfParams::minimum()
{
    return KdfParams { crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN };
}

Result<void> KdfParams::validate() const
{
    const quint64 maxOps = qMin<quint64>(MaxOpsLimit, crypto_pwhash_OPSLIMIT_MAX);
    const quint64 maxMem = qMin<quint64>(MaxMemLimitBytes, crypto_pwhash_MEMLIMIT_MAX);
    if (opsLimit < crypto_pwhash_OPSLIMIT_MIN || opsLimit > maxOps
        || memLimitBytes < crypto_pwhash_MEMLIMIT_MIN || memLimitBytes > maxMem) {
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("The key-derivation settings are outside the safe range "
                           "(operations %1 to %2, memory %3 KiB to %4 MiB).")
                .arg(crypto_pwhash_OPSLIMIT_MIN)
                .arg(maxOps)
                .arg(crypto_pwhash_MEMLIMIT_MIN / 1024)
                .arg(maxMem >> 20));
    }
    return {};
}

} // namespace doorstep
