#include "domain/strokepoints.h"

#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace doorstep
{

namespace
{

void appendFloat(QByteArray &bytes, float value)
{
    quint32 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    char little[4];
    qToLittleEndian(bits, little);
    bytes.append(little, 4);
}

float readFloat(const char *at)
{
    const quint32 bits = qFromLittleEndian<quint32>(at);
    float value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

} // namespace

Result<QByteArray> StrokePoints::encode(const QList<QPointF> &points)
{
    if (points.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("A stroke has no points."));
    if (points.size() > MaximumPoints)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A stroke has more than %1 points.").arg(MaximumPoints));
    QByteArray bytes;
    bytes.reserve(1 + BytesPerPoint * points.size());
    bytes.append(Version);
    for (const QPointF &point : points) {
        if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("A stroke has a point that is not a number."));
        appendFloat(bytes, float(std::clamp(point.x(), 0.0, 1.0)));
        appendFloat(bytes, float(std::clamp(point.y(), 0.0, 1.0)));
    }
    return bytes;
}

Result<QList<QPointF>> StrokePoints::decode(const QByteArray &bytes)
{
    if (bytes.isEmpty() || bytes.at(0) != Version)
        return makeError(Error::Code::Unsupported,
            QStringLiteral("The stroke's points are in a format this version of Doorstep does "
                           "not know."));
    const qsizetype body = bytes.size() - 1;
    if (body == 0 || body % BytesPerPoint != 0 || body / BytesPerPoint > MaximumPoints)
        return makeError(Error::Code::Damaged, QStringLiteral("The stroke's points are damaged."));
    QList<QPointF> points;
    points.reserve(body / BytesPerPoint);
    for (qsizetype at = 1; at < bytes.size(); at += BytesPerPoint) {
        const float x = readFloat(bytes.constData() + at);
        const float y = readFloat(bytes.constData() + at + 4);
        if (!std::isfinite(x) || !std::isfinite(y))
            return makeError(
                Error::Code::Damaged, QStringLiteral("The stroke's points are damaged."));
        points.append(QPointF(x, y));
    }
    return points;
}

} // namespace doorstep
