#include "store/documentrepository.h"

#include "store/rowreader.h"
#include "store/store.h"

namespace doorstep
{

namespace
{

const QString Columns = QStringLiteral(
    "d.id, d.family_id, d.purpose, coalesce(d.about_id, ''), coalesce(d.title, ''), "
    "d.media_type, d.sha256, d.size, d.made_at, coalesce(b.complete, 0) FROM documents d LEFT "
    "JOIN blobs b ON b.sha256 = d.sha256");

Document readDocument(const Statement &row)
{
    RowReader r(row);
    Document document;
    document.id = r.text();
    document.familyId = r.text();
    document.purpose = r.text();
    document.aboutId = r.text();
    document.title = r.text();
    document.mediaType = r.text();
    document.sha256 = r.text();
    document.size = r.integer();
    document.madeAt = r.dateTime();
    document.bytesHere = r.boolean();
    return document;
}

} // namespace

Result<QList<Document>> DocumentRepository::forFamily(const QString &familyId) const
{
    auto query
        = m_store.query(QStringLiteral("SELECT %1 WHERE d.family_id = ? AND "
                                       "d.causal_length % 2 = 1 ORDER BY d.made_at DESC, d.id")
                            .arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, familyId);
    return readAll<Document>(*query, readDocument);
}

Result<std::optional<Document>> DocumentRepository::find(const QString &id) const
{
    auto query = m_store.query(
        QStringLiteral("SELECT %1 WHERE d.id = ? AND d.causal_length % 2 = 1").arg(Columns));
    if (!query)
        return query.error();
    query->bind(1, id);
    return readFirst<Document>(*query, readDocument);
}

} // namespace doorstep
