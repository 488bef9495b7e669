#include "store/walcheck.h"

#include <QFile>
#include <QtEndian>

namespace doorstep
{

namespace
{

constexpr int HeaderBytes = 32;
constexpr int FrameHeaderBytes = 24;
constexpr quint32 MagicLittleEndian = 0x377f0682;
constexpr quint32 MagicBigEndian = 0x377f0683;

struct Checksum {
    quint32 s0 = 0;
    quint32 s1 = 0;
};

// SQLite's WAL checksum (wal.c walChecksumBytes): Fibonacci-weighted sums of 32-bit words.
Checksum checksum(const uchar *data, int length, Checksum seed, bool bigEndian)
{
    quint32 s0 = seed.s0;
    quint32 s1 = seed.s1;
    for (int i = 0; i + 8 <= length; i += 8) {
        const quint32 x0
            = bigEndian ? qFromBigEndian<quint32>(data + i) : qFromLittleEndian<quint32>(data + i);
        const quint32 x1 = bigEndian ? qFromBigEndian<quint32>(data + i + 4)
                                     : qFromLittleEndian<quint32>(data + i + 4);
        s0 += x0 + s1;
        s1 += x1 + s0;
    }
    return { s0, s1 };
}

Error damaged(const QString &why)
{
    return makeError(Error::Code::Damaged,
        QStringLiteral("The database's write-ahead log is damaged (%1).").arg(why));
}

} // namespace

Result<void> WalCheck::check(const QString &walPath)
{
    QFile file(walPath);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io,
            QStringLiteral("Could not read the write-ahead log: %1.").arg(file.errorString()));
    const QByteArray wal = file.readAll();
    if (wal.size() < HeaderBytes)
        return {}; // SQLite ignores a WAL without a whole header: it never held a commit.

    const auto *bytes = reinterpret_cast<const uchar *>(wal.constData());
    const quint32 magic = qFromBigEndian<quint32>(bytes);
    if (magic != MagicLittleEndian && magic != MagicBigEndian)
        return damaged(QStringLiteral("its header is not a WAL header"));
    const bool bigEndian = (magic & 1) != 0;
    const quint32 pageSize = qFromBigEndian<quint32>(bytes + 8);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return damaged(QStringLiteral("its header gives an impossible page size"));
    const Checksum headerSum = checksum(bytes, 24, {}, bigEndian);
    if (headerSum.s0 != qFromBigEndian<quint32>(bytes + 24)
        || headerSum.s1 != qFromBigEndian<quint32>(bytes + 28))
        return damaged(QStringLiteral("its header checksum does not match"));
    const quint32 salt1 = qFromBigEndian<quint32>(bytes + 16);
    const quint32 salt2 = qFromBigEndian<quint32>(bytes + 20);

    const qsizetype frameBytes = FrameHeaderBytes + qsizetype(pageSize);
    const qsizetype frames = (wal.size() - HeaderBytes) / frameBytes;
    // The writer chained each frame's checksum from the previous frame's. After a bad
    // frame we cannot know whether its data or its stored checksum was hit, so the next
    // frame is tried from both: the stored value and the one recomputed from the data.
    Checksum seeds[2] = { headerSum, headerSum };
    int seedCount = 1;
    qsizetype firstBroken = -1;
    for (qsizetype i = 0; i < frames; ++i) {
        const uchar *frame = bytes + HeaderBytes + i * frameBytes;
        const Checksum stored { qFromBigEndian<quint32>(frame + 16),
            qFromBigEndian<quint32>(frame + 20) };
        const bool sameGeneration = qFromBigEndian<quint32>(frame + 8) == salt1
            && qFromBigEndian<quint32>(frame + 12) == salt2;
        bool valid = false;
        Checksum computed = stored;
        for (int s = 0; s < seedCount && sameGeneration && !valid; ++s) {
            Checksum sum = checksum(frame, 8, seeds[s], bigEndian);
            sum = checksum(frame + FrameHeaderBytes, int(pageSize), sum, bigEndian);
            valid = sum.s0 == stored.s0 && sum.s1 == stored.s1;
            if (s == 0)
                computed = sum;
        }
        const bool commit = qFromBigEndian<quint32>(frame + 4) != 0;
        if (valid && commit && firstBroken >= 0)
            return damaged(QStringLiteral("frame %1 is corrupt but later transactions were "
                                          "committed after it")
                               .arg(firstBroken));
        if (valid) {
            seeds[0] = stored;
            seedCount = 1;
            continue;
        }
        // A frame with other salts is from an older generation (or its salt is corrupt):
        // SQLite ends the live log there. Only a valid commit after it proves damage.
        if (firstBroken < 0)
            firstBroken = i;
        seeds[0] = stored;
        seeds[1] = computed;
        seedCount = sameGeneration ? 2 : 1;
    }
    return {};
}

} // namespace doorstep
