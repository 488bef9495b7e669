#include "store/noterepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

Result<QList<Note>> NoteRepository::forVisit(const QString &visitId) const
{
    auto query = m_store.query(QStringLiteral(
        "SELECT id, family_id, coalesce(visit_id, ''), coalesce(author_id, ''), written_at, body "
        "FROM notes WHERE visit_id = ? AND causal_length % 2 = 1 ORDER BY written_at, id"));
    if (!query)
        return query.error();
    query->bind(1, visitId);
    return readAll<Note>(*query, [](const Statement &row) {
        RowReader r(row);
        Note note;
        note.id = r.text();
        note.familyId = r.text();
        note.visitId = r.text();
        note.authorId = r.text();
        note.writtenAt = r.dateTime();
        note.body = r.text();
        return note;
    });
}

} // namespace doorstep
