#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QList>
#include <QPointF>

namespace doorstep
{

/// The binary form of a stroke's points, as the `points` field of a stroke record holds
/// them. Version 1:
///
///     byte 0      format version, 1
///     then, per point, 8 bytes: x then y, each an IEEE 754 float32, little-endian,
///     normalised to the surface drawn on (0 = left/top edge, 1 = right/bottom edge)
///
/// So a stroke of n points takes 1 + 8n bytes. Decoding refuses other versions, a
/// length that is not 1 + 8n, no points, and coordinates that are not finite numbers.
class StrokePoints
{
public:
    static constexpr char Version = 1;
    static constexpr int BytesPerPoint = 8;
    /// A bound on one stroke (about 18 minutes of input at 60 points a second), so a
    /// damaged or hostile record cannot make a reader allocate without limit.
    static constexpr int MaximumPoints = 65536;

    /// Points are clamped to [0, 1]. Refuses an empty stroke, too many points, or a
    /// coordinate that is not a finite number.
    static Result<QByteArray> encode(const QList<QPointF> &points);
    static Result<QList<QPointF>> decode(const QByteArray &bytes);
};

} // namespace doorstep
