#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QList>
#include <QPointF>

namespace doorstep
{

/// The binary form of a stroke's points, as the `points` field of a stroke record holds
/// them. Written as version 2; version 1 is still read.
///
/// Version 2, compact (about 4 to 5 bytes a point for handwriting, against 8 in version 1):
///
///     byte 0      format version, 2
///     byte 1      flags: bit 0 set when the points carry pressure; other bits 0
///     varint      the number of points, n (1 to MaximumPoints)
///     then, per point, zigzag varints of the difference from the previous point (the first
///     from 0): x, y, and pressure when flagged. x and y are on a grid of 65,535 steps
///     across the surface (0 = left/top edge, 65,535 = right/bottom); pressure on a grid of
///     255 steps (0 = lightest, 255 = hardest).
///
/// Varints are unsigned LEB128 (7 bits a byte, low first, high bit = more follows, at most
/// 5 bytes); zigzag maps 0, -1, 1, -2, ... to 0, 1, 2, 3, .... The grid is about 0.04 px on
/// a 2,560 px wide screen, finer than any touch or stylus reports.
///
/// Version 1: byte 0 is 1, then per point 8 bytes: x then y as IEEE 754 float32,
/// little-endian, normalised to the surface. No pressure.
///
/// Decoding refuses other versions, unknown flags, a count of 0 or over MaximumPoints,
/// values off the grid, bytes left over or missing, and (version 1) coordinates that are not
/// finite numbers.
class StrokePoints
{
public:
    static constexpr char Version = 2;
    static constexpr int GridSteps = 65535;
    static constexpr int PressureSteps = 255;
    /// A bound on one stroke (about 18 minutes of input at 60 points a second), so a
    /// damaged or hostile record cannot make a reader allocate without limit.
    static constexpr int MaximumPoints = 65536;

    struct Decoded {
        QList<QPointF> points;
        QList<double> pressures; ///< one per point, or empty when the stroke has none
    };

    /// Points are clamped to [0, 1] and pressures to [0, 1]. pressures is empty (no pressure)
    /// or one per point. Refuses an empty stroke, too many points, a pressure count that does
    /// not match, or a value that is not a finite number.
    static Result<QByteArray> encode(
        const QList<QPointF> &points, const QList<double> &pressures = {});
    static Result<Decoded> decodeAll(const QByteArray &bytes);
    /// The points alone.
    static Result<QList<QPointF>> decode(const QByteArray &bytes);
};

} // namespace doorstep
