// Blobs at the centre (sync/PROTOCOL.md, "Blobs"): the bytes a document names, sent and read
// in ranges so a cut connection costs only the range in flight, and hashed again here before
// anyone may read them. Who may send or read a blob follows the families whose documents
// name it: the same scope as the records themselves.
#include "server/sqlserverstorage.h"
#include "store/rowreader.h"

#include <QCryptographicHash>

namespace doorstep::server
{

namespace
{

const QString BlobPut = QStringLiteral("blob put");
const QString BlobGet = QStringLiteral("blob get");
const QString BlobKind = QStringLiteral("blob");

QString byteRange(qint64 from, qint64 to, qint64 size)
{
    return QStringLiteral("bytes %1 to %2 of %3").arg(from).arg(to).arg(size);
}

} // namespace

Result<void> SqlServerStorage::nameBlob(const QString &sha256, const QString &familyId)
{
    auto insert = cached(QStringLiteral(
        "INSERT INTO blob_families (sha256, family_id) SELECT h, f FROM (SELECT CAST(? AS TEXT) "
        "AS h, CAST(? AS TEXT) AS f) AS n WHERE NOT EXISTS (SELECT 1 FROM blob_families x "
        "WHERE x.sha256 = n.h AND x.family_id = n.f)"));
    if (!insert)
        return insert.error();
    return (*insert)->bind(1, sha256).bind(2, familyId).run();
}

Result<bool> SqlServerStorage::blobInScope(
    const User &user, const QString &sha256, bool orHeldBefore)
{
    auto families = cached(QStringLiteral(
        "SELECT f.id, f.practitioner_id, f.team FROM blob_families b JOIN families f ON f.id = "
        "b.family_id WHERE b.sha256 = ? ORDER BY f.id"));
    if (!families)
        return families.error();
    (*families)->bind(1, sha256);
    struct Family {
        QString id;
        QString practitionerId;
        QString team;
    };
    auto rows = readAll<Family>(**families, [](const SqlStatement &s) {
        return Family { s.text(0), s.text(1), s.text(2) };
    });
    (*families)->reset();
    if (!rows)
        return rows.error();
    for (const Family &family : std::as_const(*rows)) {
        if (holdsNow(user, family.practitionerId, family.team))
            return true;
    }
    if (!orHeldBefore)
        return false;
    for (const Family &family : std::as_const(*rows)) {
        auto held = heldBefore(user, family.id);
        if (!held || *held)
            return held;
    }
    return false;
}

Result<QByteArray> SqlServerStorage::blobBytes(const QString &sha256, qint64 from, qint64 to)
{
    auto chunks = cached(QStringLiteral(
        "SELECT position, data FROM blob_chunks WHERE sha256 = ? AND position < ? AND "
        "position + bytes > ? ORDER BY position"));
    if (!chunks)
        return chunks.error();
    (*chunks)->bind(1, sha256).bind(2, to).bind(3, from);
    QByteArray bytes;
    bytes.reserve(to - from);
    for (;;) {
        auto row = (*chunks)->step();
        if (!row) {
            (*chunks)->reset();
            return row.error();
        }
        if (!*row)
            break;
        const qint64 position = (*chunks)->integer(0);
        const QByteArray data = (*chunks)->value(1).toByteArray();
        const qint64 start = std::max(from, position);
        const qint64 end = std::min(to, position + qint64(data.size()));
        if (start != from + bytes.size())
            break; // a gap: caught below
        bytes += data.mid(start - position, end - start);
    }
    (*chunks)->reset();
    if (bytes.size() != to - from)
        return makeError(Error::Code::Damaged,
            QStringLiteral("A blob's stored chunks do not cover the bytes the server holds."));
    return bytes;
}

Result<sync::BlobPutReply> SqlServerStorage::putBlob(
    const Device &device, const sync::BlobPutRequest &request, const QString &appVersion)
{
    return forSyncingDevice<sync::BlobPutReply>(
        device, BlobPut,
        [&](const Device &, const User &user,
            std::optional<Error> &refusal) -> Result<sync::BlobPutReply> {
            auto allowed = blobInScope(user, request.sha256, true);
            if (!allowed)
                return allowed.error();
            if (!*allowed) {
                refusal = makeError(Error::Code::NotFound,
                    QStringLiteral("No document this device may send names this content: the "
                                   "document is sent first, then its content."));
                return *refusal;
            }
            if (auto touched = touchDevice(device.id, appVersion); !touched)
                return touched.error();

            auto state = cached(
                QStringLiteral("SELECT size, received, complete FROM blobs WHERE sha256 = ?"));
            if (!state)
                return state.error();
            (*state)->bind(1, request.sha256);
            struct Held {
                qint64 size;
                qint64 received;
                bool complete;
            };
            auto held = readFirst<Held>(**state, [](const SqlStatement &s) {
                return Held { s.integer(0), s.integer(1), s.integer(2) == 1 };
            });
            (*state)->reset();
            if (!held)
                return held.error();

            const QDateTime at = now();
            const auto forgetChunks = [&]() -> Result<void> {
                auto forget = cached(QStringLiteral("DELETE FROM blob_chunks WHERE sha256 = ?"));
                if (!forget)
                    return forget.error();
                return (*forget)->bind(1, request.sha256).run();
            };
            qint64 received = 0;
            if (!*held) {
                auto insert
                    = cached(QStringLiteral("INSERT INTO blobs (sha256, size, received, complete, "
                                            "started_at, started_by) VALUES (?, ?, 0, 0, ?, ?)"));
                if (!insert)
                    return insert.error();
                if (auto ran = (*insert)
                                   ->bind(1, request.sha256)
                                   .bind(2, request.size)
                                   .bind(3, at.toUTC().toString(Qt::ISODateWithMs))
                                   .bind(4, device.id)
                                   .run();
                    !ran)
                    return ran.error();
            } else if ((*held)->complete) {
                // Equal hashes are equal bytes: a different size is a mistake, not a new blob.
                if ((*held)->size != request.size) {
                    refusal = makeError(Error::Code::InvalidArgument,
                        QStringLiteral("The server holds this content with another size."));
                    return *refusal;
                }
                return sync::BlobPutReply { (*held)->size, true };
            } else if ((*held)->size != request.size) {
                // Started with another size, which no bytes can match: start again.
                if (auto forgot = forgetChunks(); !forgot)
                    return forgot.error();
                if (auto updated = setBlobState(request.sha256, request.size, 0, false); !updated)
                    return updated.error();
            } else {
                received = (*held)->received;
            }

            // Asked where it stands, or sent from elsewhere: only the answer.
            if (request.offset != received || request.data.isEmpty())
                return sync::BlobPutReply { received, false };

            auto chunk = cached(QStringLiteral(
                "INSERT INTO blob_chunks (sha256, position, bytes, data) VALUES (?, ?, ?, ?)"));
            if (!chunk)
                return chunk.error();
            if (auto ran = (*chunk)
                               ->bind(1, request.sha256)
                               .bind(2, request.offset)
                               .bind(3, qint64(request.data.size()))
                               .bind(4, QVariant(request.data))
                               .run();
                !ran)
                return ran.error();
            received += request.data.size();
            QString detail = byteRange(request.offset, received, request.size);

            bool complete = false;
            if (received == request.size) {
                auto whole = blobBytes(request.sha256, 0, request.size);
                if (!whole)
                    return whole.error();
                complete = QString::fromLatin1(
                               QCryptographicHash::hash(*whole, QCryptographicHash::Sha256).toHex())
                    == request.sha256;
                if (complete) {
                    detail += QStringLiteral("; complete, its SHA-256 checked");
                } else {
                    // Kept, it could be read as the document it claims to be: never.
                    if (auto forgot = forgetChunks(); !forgot)
                        return forgot.error();
                    received = 0;
                    detail += QStringLiteral(
                        "; did not match its SHA-256, so every byte was discarded");
                }
            }
            if (auto updated = setBlobState(request.sha256, request.size, received, complete);
                !updated)
                return updated.error();
            if (auto audited
                = writeAudit({ at, user.id, device.id, BlobPut, BlobKind, request.sha256, detail });
                !audited)
                return audited.error();
            return sync::BlobPutReply { received, complete };
        },
        BlobKind, request.sha256);
}

Result<void> SqlServerStorage::setBlobState(
    const QString &sha256, qint64 size, qint64 received, bool complete)
{
    auto update = cached(
        QStringLiteral("UPDATE blobs SET size = ?, received = ?, complete = ? WHERE sha256 = ?"));
    if (!update)
        return update.error();
    return (*update)
        ->bind(1, size)
        .bind(2, received)
        .bind(3, qint64(complete ? 1 : 0))
        .bind(4, sha256)
        .run();
}

Result<sync::BlobGetReply> SqlServerStorage::getBlob(
    const Device &device, const sync::BlobGetRequest &request, const QString &appVersion)
{
    return forSyncingDevice<sync::BlobGetReply>(
        device, BlobGet,
        [&](const Device &, const User &user,
            std::optional<Error> &refusal) -> Result<sync::BlobGetReply> {
            // One answer for "not yours" and "not here": a device learns nothing of content
            // it may not read.
            const auto notHere = [&refusal] {
                refusal = makeError(Error::Code::NotFound,
                    QStringLiteral("The server does not hold this document's content for this "
                                   "device; if it is still being sent, a later sync fetches it."));
                return *refusal;
            };
            auto allowed = blobInScope(user, request.sha256, false);
            if (!allowed)
                return allowed.error();
            if (!*allowed)
                return notHere();
            auto state = cached(
                QStringLiteral("SELECT size FROM blobs WHERE sha256 = ? AND complete = 1"));
            if (!state)
                return state.error();
            (*state)->bind(1, request.sha256);
            auto size
                = readFirst<qint64>(**state, [](const SqlStatement &s) { return s.integer(0); });
            (*state)->reset();
            if (!size)
                return size.error();
            if (!*size)
                return notHere();
            if (request.offset >= **size) {
                refusal = makeError(Error::Code::InvalidArgument,
                    QStringLiteral("The range asked for starts past the end of the document."));
                return *refusal;
            }
            const qint64 end = std::min(**size, request.offset + request.length);
            auto bytes = blobBytes(request.sha256, request.offset, end);
            if (!bytes)
                return bytes.error();
            if (auto touched = touchDevice(device.id, appVersion); !touched)
                return touched.error();
            if (auto audited = writeAudit({ now(), user.id, device.id, BlobGet, BlobKind,
                    request.sha256, byteRange(request.offset, end, **size) });
                !audited)
                return audited.error();
            return sync::BlobGetReply { **size, request.offset, *bytes };
        },
        BlobKind, request.sha256);
}

} // namespace doorstep::server
