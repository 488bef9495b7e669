#include "domain/strokepoints.h"

#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace doorstep
{

namespace
{

constexpr char Version1 = 1;
constexpr int Version1BytesPerPoint = 8;
constexpr quint8 HasPressure = 0x01;
constexpr int MaximumVarintBytes = 5;

Error damaged()
{
    return Error { Error::Code::Damaged, QStringLiteral("The stroke's points are damaged.") };
}

void appendVarint(QByteArray &bytes, quint32 value)
{
    while (value >= 0x80) {
        bytes.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    bytes.append(char(value));
}

void appendSigned(QByteArray &bytes, qint32 value)
{
    appendVarint(bytes, (quint32(value) << 1) ^ quint32(value >> 31));
}

// Reads varints from bytes, remembering whether anything was wrong, so a decoder can read
// a whole point and check once.
class VarintReader
{
public:
    explicit VarintReader(const QByteArray &bytes, qsizetype at)
        : m_bytes(bytes)
        , m_at(at)
    {
    }

    quint32 next()
    {
        quint32 value = 0;
        for (int i = 0; i < MaximumVarintBytes; ++i) {
            if (m_at >= m_bytes.size()) {
                m_failed = true;
                return 0;
            }
            const auto byte = quint8(m_bytes.at(m_at++));
            value |= quint32(byte & 0x7f) << (7 * i);
            if (!(byte & 0x80))
                return value;
        }
        m_failed = true;
        return 0;
    }
    qint32 nextSigned()
    {
        const quint32 value = next();
        return qint32(value >> 1) ^ -qint32(value & 1);
    }
    bool failed() const { return m_failed; }
    bool atEnd() const { return m_at == m_bytes.size(); }

private:
    const QByteArray &m_bytes;
    qsizetype m_at;
    bool m_failed = false;
};

float readFloat(const char *at)
{
    const quint32 bits = qFromLittleEndian<quint32>(at);
    float value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

int onGrid(double value, int steps)
{
    return int(std::lround(std::clamp(value, 0.0, 1.0) * steps));
}

Result<StrokePoints::Decoded> decodeVersion1(const QByteArray &bytes)
{
    const qsizetype body = bytes.size() - 1;
    if (body == 0 || body % Version1BytesPerPoint != 0
        || body / Version1BytesPerPoint > StrokePoints::MaximumPoints)
        return damaged();
    StrokePoints::Decoded decoded;
    decoded.points.reserve(body / Version1BytesPerPoint);
    for (qsizetype at = 1; at < bytes.size(); at += Version1BytesPerPoint) {
        const float x = readFloat(bytes.constData() + at);
        const float y = readFloat(bytes.constData() + at + 4);
        if (!std::isfinite(x) || !std::isfinite(y))
            return damaged();
        decoded.points.append(QPointF(x, y));
    }
    return decoded;
}

Result<StrokePoints::Decoded> decodeVersion2(const QByteArray &bytes)
{
    if (bytes.size() < 3 || (quint8(bytes.at(1)) & ~HasPressure) != 0)
        return damaged();
    const bool withPressure = quint8(bytes.at(1)) & HasPressure;
    VarintReader reader(bytes, 2);
    const quint32 count = reader.next();
    // Every point takes at least two bytes: a count the bytes cannot hold is damage, found
    // before anything is allocated for it.
    if (reader.failed() || count == 0 || count > quint32(StrokePoints::MaximumPoints)
        || qsizetype(count) * (withPressure ? 3 : 2) > bytes.size())
        return damaged();
    StrokePoints::Decoded decoded;
    decoded.points.reserve(count);
    if (withPressure)
        decoded.pressures.reserve(count);
    qint64 x = 0;
    qint64 y = 0;
    qint64 pressure = 0;
    for (quint32 i = 0; i < count; ++i) {
        x += reader.nextSigned();
        y += reader.nextSigned();
        if (withPressure)
            pressure += reader.nextSigned();
        if (reader.failed() || x < 0 || x > StrokePoints::GridSteps || y < 0
            || y > StrokePoints::GridSteps || pressure < 0
            || pressure > StrokePoints::PressureSteps)
            return damaged();
        decoded.points.append(
            QPointF(double(x) / StrokePoints::GridSteps, double(y) / StrokePoints::GridSteps));
        if (withPressure)
            decoded.pressures.append(double(pressure) / StrokePoints::PressureSteps);
    }
    if (!reader.atEnd())
        return damaged();
    return decoded;
}

} // namespace

Result<QByteArray> StrokePoints::encode(
    const QList<QPointF> &points, const QList<double> &pressures)
{
    if (points.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("A stroke has no points."));
    if (points.size() > MaximumPoints)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A stroke has more than %1 points.").arg(MaximumPoints));
    if (!pressures.isEmpty() && pressures.size() != points.size())
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A stroke has %1 points but %2 pressures.")
                .arg(points.size())
                .arg(pressures.size()));
    const bool withPressure = !pressures.isEmpty();
    QByteArray bytes;
    bytes.reserve(4 + points.size() * (withPressure ? 5 : 4));
    bytes.append(Version);
    bytes.append(char(withPressure ? HasPressure : 0));
    appendVarint(bytes, quint32(points.size()));
    int x = 0;
    int y = 0;
    int pressure = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF &point = points.at(i);
        if (!std::isfinite(point.x()) || !std::isfinite(point.y())
            || (withPressure && !std::isfinite(pressures.at(i))))
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("A stroke has a point that is not a number."));
        const int nextX = onGrid(point.x(), GridSteps);
        const int nextY = onGrid(point.y(), GridSteps);
        appendSigned(bytes, nextX - x);
        appendSigned(bytes, nextY - y);
        x = nextX;
        y = nextY;
        if (withPressure) {
            const int nextPressure = onGrid(pressures.at(i), PressureSteps);
            appendSigned(bytes, nextPressure - pressure);
            pressure = nextPressure;
        }
    }
    return bytes;
}

Result<StrokePoints::Decoded> StrokePoints::decodeAll(const QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.at(0) == Version1)
        return decodeVersion1(bytes);
    if (!bytes.isEmpty() && bytes.at(0) == Version)
        return decodeVersion2(bytes);
    return makeError(Error::Code::Unsupported,
        QStringLiteral("The stroke's points are in a format this version of Doorstep does "
                       "not know."));
}

Result<QList<QPointF>> StrokePoints::decode(const QByteArray &bytes)
{
    auto decoded = decodeAll(bytes);
    if (!decoded)
        return decoded.error();
    return std::move(decoded->points);
}

} // namespace doorstep
