// Times unlocking the vault with the settings new key slots get (KdfParams::standard()):
// the wait a practitioner has at every unlock. Prints figures and asserts nothing.

#include "security/kdfparams.h"
#include "security/securebytes.h"
#include "security/vault.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

int main(int argc, char *argv[])
{
    using namespace doorstep;
    using Clock = std::chrono::steady_clock;
    QCoreApplication app(argc, argv);
    constexpr int Unlocks = 5;

    QTemporaryDir dir;
    auto passphrase = SecureBytes::fromUtf8("correct horse battery staple");
    if (!dir.isValid() || !passphrase) {
        std::fprintf(stderr, "bench_unlock: no temporary folder or secure memory\n");
        return 1;
    }
    const KdfParams params = KdfParams::standard();
    const QString slotPath = QDir(dir.path()).filePath(QStringLiteral("passphrase.slot"));

    const auto createStart = Clock::now();
    auto created = Vault::createWithNewKey(slotPath, *passphrase, params);
    const double createSeconds = std::chrono::duration<double>(Clock::now() - createStart).count();
    if (!created) {
        std::fprintf(stderr, "bench_unlock: %s\n", qPrintable(created.error().message));
        return 1;
    }

    Vault vault(slotPath);
    std::vector<double> seconds;
    for (int i = 0; i < Unlocks; ++i) {
        const auto start = Clock::now();
        auto key = vault.unlock(*passphrase);
        seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        if (!key || !key->equals(*created)) {
            std::fprintf(stderr, "bench_unlock: unlock %d failed\n", i + 1);
            return 1;
        }
    }

    std::printf("bench_unlock: Argon2id opslimit %llu, memlimit %llu MiB\n",
        static_cast<unsigned long long>(params.opsLimit),
        static_cast<unsigned long long>(params.memLimitBytes >> 20));
    std::printf("create slot: %.3f s\n", createSeconds);
    for (size_t i = 0; i < seconds.size(); ++i)
        std::printf("unlock %zu: %.3f s\n", i + 1, seconds[i]);
    std::vector<double> sorted = seconds;
    std::sort(sorted.begin(), sorted.end());
    std::printf("median unlock: %.3f s (min %.3f, max %.3f; target 0.3-1 s)\n",
        sorted[sorted.size() / 2], sorted.front(), sorted.back());
    return 0;
}
