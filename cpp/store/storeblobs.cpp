// Blobs: the bytes a document names, kept by SHA-256 inside the encrypted store, in chunks
// as they arrive so a download cut off resumes where it stopped (sync/PROTOCOL.md, "Blobs").
#include "protocol/recordschema.h"
#include "store/rowreader.h"
#include "store/store.h"
#include "store/transaction.h"

#include <QCryptographicHash>
#include <algorithm>

namespace doorstep
{

namespace
{

Error blobInvalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

/// Rows of sha256, size and received.
Result<QList<Store::BlobState>> readStates(Statement &select)
{
    auto states = readAll<Store::BlobState>(select, [](const Statement &s) {
        RowReader row(s);
        return Store::BlobState { row.text(), row.integer(), row.integer() };
    });
    select.reset();
    return states;
}

} // namespace

QString Store::blobSha256(QByteArrayView bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Result<void> Store::keepBlob(const QByteArray &bytes)
{
    if (bytes.isEmpty() || bytes.size() > MaxBlobBytes)
        return blobInvalid(QStringLiteral("A document must hold between 1 byte and %1 MiB.")
                               .arg(MaxBlobBytes / (1024 * 1024)));
    const QString sha256 = blobSha256(bytes);
    auto found = cached(QStringLiteral("SELECT complete FROM blobs WHERE sha256 = ?"));
    if (!found)
        return found.error();
    auto row = (*found)->bind(1, sha256).step();
    if (!row)
        return row.error();
    const bool complete = *row && (*found)->integer(0) == 1;
    (*found)->reset();
    if (complete)
        return {};
    // Half of it may have been arriving from the server: what was made here replaces it.
    if (auto forgot = forgetBlob(sha256); !forgot)
        return forgot;
    auto insert = cached(QStringLiteral(
        "INSERT INTO blobs (sha256, size, received, complete, sent) VALUES (?, ?, ?, 1, 0)"));
    if (!insert)
        return insert.error();
    if (auto ran = (*insert)
                       ->bind(1, sha256)
                       .bind(2, qint64(bytes.size()))
                       .bind(3, qint64(bytes.size()))
                       .run();
        !ran)
        return ran;
    auto chunk = cached(
        QStringLiteral("INSERT INTO blob_chunks (sha256, position, data) VALUES (?, 0, ?)"));
    if (!chunk)
        return chunk.error();
    return (*chunk)->bind(1, sha256).bind(2, QVariant(bytes)).run();
}

Result<QByteArray> Store::chunkBytes(const QString &sha256, qint64 from, qint64 to)
{
    // Only the part of each chunk inside [from, to), cut by SQLite: a range of a large blob
    // does not read the rest of it into memory.
    auto chunks = cached(QStringLiteral(
        "SELECT position, substr(data, max(?1 - position, 0) + 1, min(position + length(data), "
        "?2) - max(position, ?1)) FROM blob_chunks WHERE sha256 = ?3 AND position < ?2 AND "
        "position + length(data) > ?1 ORDER BY position"));
    if (!chunks)
        return chunks.error();
    (*chunks)->bind(1, from).bind(2, to).bind(3, sha256);
    QByteArray bytes;
    bytes.reserve(to - from);
    for (;;) {
        auto next = (*chunks)->step();
        if (!next) {
            (*chunks)->reset();
            return next.error();
        }
        if (!*next || std::max(from, (*chunks)->integer(0)) != from + bytes.size())
            break; // the end, or a gap: caught below
        bytes += (*chunks)->blob(1);
    }
    (*chunks)->reset();
    if (bytes.size() != to - from)
        return makeError(Error::Code::Damaged,
            QStringLiteral("A document's content in this store is not the size it should be."));
    return bytes;
}

Result<std::optional<QByteArray>> Store::blobRange(
    const QString &sha256, qint64 offset, qint64 length)
{
    auto state = cached(QStringLiteral("SELECT size FROM blobs WHERE sha256 = ? AND complete = 1"));
    if (!state)
        return state.error();
    auto row = (*state)->bind(1, sha256).step();
    const qint64 size = row && *row ? (*state)->integer(0) : -1;
    (*state)->reset();
    if (!row)
        return row.error();
    if (size < 0)
        return std::optional<QByteArray>();
    const qint64 from = std::clamp<qint64>(offset, 0, size);
    auto bytes = chunkBytes(sha256, from, std::min(size, from + std::max<qint64>(length, 0)));
    if (!bytes)
        return bytes.error();
    return std::optional<QByteArray>(std::move(*bytes));
}

Result<std::optional<QByteArray>> Store::blob(const QString &sha256)
{
    return blobRange(sha256, 0, MaxBlobBytes);
}

Result<QList<Store::BlobState>> Store::blobsToSend()
{
    auto select = cached(QStringLiteral(
        "SELECT b.sha256, b.size, b.received FROM blobs b WHERE b.complete = 1 AND b.sent = 0 "
        "AND EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = b.sha256 AND d.causal_length % "
        "2 = 1) ORDER BY b.sha256"));
    if (!select)
        return select.error();
    return readStates(**select);
}

Result<void> Store::markBlobSent(const QString &sha256)
{
    auto update = cached(QStringLiteral("UPDATE blobs SET sent = 1 WHERE sha256 = ?"));
    if (!update)
        return update.error();
    return (*update)->bind(1, sha256).run();
}

Result<QList<Store::BlobState>> Store::blobsToFetch()
{
    // A document's size is what it claims; the hash decides whether the bytes are right.
    auto select = cached(QStringLiteral(
        "SELECT d.sha256, MAX(d.size), COALESCE(MAX(b.received), 0) FROM documents d "
        "LEFT JOIN blobs b ON b.sha256 = d.sha256 WHERE d.causal_length % 2 = 1 "
        "AND COALESCE(b.complete, 0) = 0 GROUP BY d.sha256 ORDER BY d.sha256"));
    if (!select)
        return select.error();
    return readStates(**select);
}

Result<Store::BlobState> Store::keepBlobRange(
    const QString &sha256, qint64 size, qint64 offset, const QByteArray &bytes)
{
    if (!RecordSchema::isContentHash(sha256) || size < 1 || size > MaxBlobBytes)
        return blobInvalid(QStringLiteral("The document's content is not named as it should be."));
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto state
        = cached(QStringLiteral("SELECT size, received, complete FROM blobs WHERE sha256 = ?"));
    if (!state)
        return state.error();
    auto row = (*state)->bind(1, sha256).step();
    if (!row)
        return row.error();
    BlobState now { sha256, size, 0 };
    bool complete = false;
    if (*row) {
        now.size = (*state)->integer(0);
        now.received = (*state)->integer(1);
        complete = (*state)->integer(2) == 1;
    }
    (*state)->reset();
    if (complete)
        return now;
    if (!*row || now.size != size) {
        // New, or named with another size by a newer document: start it afresh.
        if (auto forgot = forgetBlob(sha256); !forgot)
            return forgot.error();
        auto insert = cached(QStringLiteral(
            "INSERT INTO blobs (sha256, size, received, complete, sent) VALUES (?, ?, 0, 0, 1)"));
        if (!insert)
            return insert.error();
        if (auto ran = (*insert)->bind(1, sha256).bind(2, size).run(); !ran)
            return ran.error();
        now = BlobState { sha256, size, 0 };
    }
    if (offset != now.received)
        return blobInvalid(QStringLiteral(
            "The document's content arrived out of order; it will be fetched again."));
    if (bytes.isEmpty() || qint64(bytes.size()) > now.size - now.received)
        return blobInvalid(
            QStringLiteral("The server sent more of a document than it said it holds."));
    auto chunk = cached(
        QStringLiteral("INSERT INTO blob_chunks (sha256, position, data) VALUES (?, ?, ?)"));
    if (!chunk)
        return chunk.error();
    if (auto ran = (*chunk)->bind(1, sha256).bind(2, offset).bind(3, QVariant(bytes)).run(); !ran)
        return ran.error();
    now.received += bytes.size();

    bool matches = false;
    if (now.received == now.size) {
        auto whole = chunkBytes(sha256, 0, now.size);
        if (!whole)
            return whole.error();
        matches = blobSha256(*whole) == sha256;
        if (!matches) {
            // Kept for nothing: the next sync fetches it again from the start.
            if (auto forgot = forgetBlob(sha256); !forgot)
                return forgot.error();
        }
    }
    auto update
        = cached(QStringLiteral("UPDATE blobs SET received = ?, complete = ? WHERE sha256 = ?"));
    if (!update)
        return update.error();
    if (auto ran
        = (*update)->bind(1, now.received).bind(2, qint64(matches ? 1 : 0)).bind(3, sha256).run();
        !ran)
        return ran.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    if (now.received == now.size && !matches)
        return makeError(Error::Code::Damaged,
            QStringLiteral("A document's content did not match its SHA-256 when it arrived; it "
                           "will be fetched again at the next sync."));
    return now;
}

Result<void> Store::forgetBlob(const QString &sha256)
{
    // Its chunks go with it (ON DELETE CASCADE).
    auto forget = cached(QStringLiteral("DELETE FROM blobs WHERE sha256 = ?"));
    if (!forget)
        return forget.error();
    return (*forget)->bind(1, sha256).run();
}

Result<void> Store::dropUnnamedBlobs()
{
    auto drop = cached(QStringLiteral(
        "DELETE FROM blobs WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = "
        "blobs.sha256)"));
    if (!drop)
        return drop.error();
    return (*drop)->run();
}

} // namespace doorstep
