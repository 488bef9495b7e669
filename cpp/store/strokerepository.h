#pragma once

#include "domain/result.h"
#include "domain/stroke.h"

#include <QList>

namespace doorstep
{

class Store;

/// Reads the ink strokes of drawings, in the order they were drawn. Strokes whose points
/// cannot be decoded (damaged, or a newer format) are left out: a drawing shows what can
/// be read rather than nothing.
class StrokeRepository
{
public:
    explicit StrokeRepository(Store &store)
        : m_store(store)
    {
    }

    /// The live strokes of a live drawing.
    Result<QList<Stroke>> forDrawing(const QString &drawingId) const;
    /// The live strokes of a family's live drawings made for purpose (e.g. "signature"),
    /// each with its drawingId, so one read serves every signature on a page.
    Result<QList<Stroke>> forFamily(const QString &familyId, const QString &purpose) const;

private:
    Result<QList<Stroke>> list(
        const QString &where, const QString &first, const QString &second = {}) const;

    Store &m_store;
};

} // namespace doorstep
