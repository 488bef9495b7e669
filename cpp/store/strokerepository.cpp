#include "store/strokerepository.h"

#include "domain/strokepoints.h"
#include "store/store.h"

namespace doorstep
{

Result<QList<Stroke>> StrokeRepository::forDrawing(const QString &drawingId) const
{
    return list(QStringLiteral("d.id = ?1"), drawingId);
}

Result<QList<Stroke>> StrokeRepository::forFamily(
    const QString &familyId, const QString &purpose) const
{
    return list(QStringLiteral("d.family_id = ?1 AND d.purpose = ?2"), familyId, purpose);
}

Result<QList<Stroke>> StrokeRepository::list(
    const QString &where, const QString &first, const QString &second) const
{
    // rowid breaks ties between strokes stamped with the same time: the order written.
    auto query = m_store.query(
        QStringLiteral("SELECT s.id, s.drawing_id, s.drawn_by, s.points, coalesce(s.colour, ''), "
                       "coalesce(s.width, 0), s.drawn_at FROM strokes s JOIN drawings d ON "
                       "d.id = s.drawing_id WHERE %1 AND s.causal_length % 2 = 1 AND "
                       "d.causal_length % 2 = 1 ORDER BY s.drawing_id, s.drawn_at, s.rowid")
            .arg(where));
    if (!query)
        return query.error();
    query->bind(1, first);
    if (!second.isNull())
        query->bind(2, second);
    QList<Stroke> strokes;
    for (;;) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto points = StrokePoints::decodeAll(query->blob(3));
        if (!points)
            continue;
        Stroke stroke;
        stroke.id = query->text(0);
        stroke.drawingId = query->text(1);
        stroke.drawnBy = query->text(2);
        stroke.points = std::move(points->points);
        stroke.pressures = std::move(points->pressures);
        stroke.colour = query->text(4);
        stroke.width = query->real(5);
        stroke.drawnAt = QDateTime::fromString(query->text(6), Qt::ISODateWithMs);
        strokes << stroke;
    }
    return strokes;
}

} // namespace doorstep
