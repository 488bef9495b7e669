#include "protocol/recordschema.h"
#include "protocol/synccodec.h"
#include "servertestworld.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace doorstep;
using namespace doorstep::server;
using namespace doorstep::test;

// Blobs at the server (sync/PROTOCOL.md, "Blobs"), against both databases.

namespace
{

const QString App = QStringLiteral("1.2.0");

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// A signed consent form kept as a document of the family, naming its bytes.
QList<Op> documentOps(Tablet &tablet, const QString &familyId, const QByteArray &bytes)
{
    return tablet.create(QStringLiteral("document"), newId(),
        { { "family_id", familyId }, { "purpose", QStringLiteral("signed_consent") },
            { "media_type", QStringLiteral("application/pdf") }, { "sha256", sha256Of(bytes) },
            { "size", qint64(bytes.size()) },
            { "made_at", QStringLiteral("2026-03-04T09:10:00.000Z") } });
}

sync::BlobPutReply put(
    ServerStorage &s, const Tablet &tablet, const QByteArray &bytes, qint64 offset, qint64 length)
{
    return require(s.putBlob(tablet.device,
        { sha256Of(bytes), qint64(bytes.size()), offset, bytes.mid(offset, length) }, App));
}

/// The whole blob, read in ranges of `range` bytes as a tablet reads it.
QByteArray readAllOf(ServerStorage &s, const Tablet &tablet, const QByteArray &bytes, qint64 range)
{
    QByteArray read;
    for (;;) {
        const sync::BlobGetReply reply = require(
            s.getBlob(tablet.device, { sha256Of(bytes), qint64(read.size()), range }, App));
        CHECK(reply.size == bytes.size());
        CHECK(reply.offset == read.size());
        REQUIRE_FALSE(reply.data.isEmpty());
        read += reply.data;
        if (read.size() >= reply.size)
            return read;
    }
}

Error::Code getError(ServerStorage &s, const Tablet &tablet, const QByteArray &bytes)
{
    auto got = s.getBlob(tablet.device, { sha256Of(bytes), 0, 1000 }, App);
    REQUIRE_FALSE(got.ok());
    return got.error().code;
}

} // namespace

STORAGE_TEST_CASE("A document's bytes go to the server in ranges and back to who may read "
                  "its family",
    "[server][blob]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Tablet gareth = enrol(server, server.gareth, "Gareth's tablet");
    const Casework work(amara);
    const QByteArray form = randomBytes(250'000, 1);
    push(s, amara, work.ops + documentOps(amara, work.family, form));

    // Asking first: nothing held yet.
    CHECK(put(s, amara, form, 0, 0).received == 0);
    CHECK(put(s, amara, form, 0, 100'000).received == 100'000);
    // A range sent again (its reply was lost) and one from the wrong place change nothing:
    // the reply says where to go on from.
    CHECK(put(s, amara, form, 0, 100'000).received == 100'000);
    CHECK(put(s, amara, form, 150'000, 100'000).received == 100'000);
    // Not whole yet: nobody may read it.
    CHECK(getError(s, priya, form) == Error::Code::NotFound);
    CHECK(put(s, amara, form, 100'000, 100'000).received == 200'000);
    const sync::BlobPutReply last = put(s, amara, form, 200'000, 100'000);
    CHECK(last.received == 250'000);
    CHECK(last.complete);
    // Sent again after it is whole: still whole, nothing more kept.
    const sync::BlobPutReply again = put(s, amara, form, 0, 100'000);
    CHECK(again.complete);
    CHECK(again.received == 250'000);

    CHECK(readAllOf(s, priya, form, 64 * 1024) == form);
    CHECK(readAllOf(s, amara, form, 1024 * 1024) == form);
    // Another practitioner, and another team's supervisor, learn nothing of it.
    CHECK(getError(s, tom, form) == Error::Code::NotFound);
    CHECK(getError(s, gareth, form) == Error::Code::NotFound);
    auto pastEnd = s.getBlob(priya.device, { sha256Of(form), 250'000, 10 }, App);
    REQUIRE_FALSE(pastEnd.ok());
    CHECK(pastEnd.error().code == Error::Code::InvalidArgument);

    // Each access is audited with its user, device and the blob.
    QStringList actions;
    for (const ServerStorage::AuditEntry &entry : require(s.audit(50))) {
        if (entry.recordKind != QLatin1String("blob"))
            continue;
        CHECK(entry.recordId == sha256Of(form));
        actions.prepend(QStringLiteral("%1 %2 %3").arg(entry.action, entry.userId, entry.detail));
    }
    CHECK(actions.contains(QStringLiteral(
        "blob put amara.osei bytes 200000 to 250000 of 250000; complete, its SHA-256 checked")));
    CHECK(actions.contains(QStringLiteral("blob get priya.shah bytes 0 to 65536 of 250000")));
    CHECK(actions.contains(QStringLiteral(
        "refused tom.hughes blob get: The server does not hold this document's content for "
        "this device; if it is still being sent, a later sync fetches it.")));
}

STORAGE_TEST_CASE("Bytes that do not match their SHA-256 are discarded", "[server][blob]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet priya = enrol(server, server.priya, "Priya's tablet");
    const Casework work(amara);
    const QByteArray form = randomBytes(5'000, 2);
    push(s, amara, work.ops + documentOps(amara, work.family, form));

    QByteArray spoilt = form;
    spoilt[4'321] = char(spoilt[4'321] ^ 0x20);
    const sync::BlobPutReply refused
        = require(s.putBlob(amara.device, { sha256Of(form), qint64(form.size()), 0, spoilt }, App));
    CHECK_FALSE(refused.complete);
    CHECK(refused.received == 0);
    CHECK(getError(s, priya, form) == Error::Code::NotFound);

    // Sent again, right: kept.
    CHECK(put(s, amara, form, 0, 5'000).complete);
    CHECK(readAllOf(s, priya, form, 1'000) == form);
}

STORAGE_TEST_CASE("Only bytes a document in the user's scope names may be sent", "[server][blob]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Casework work(amara);
    const QByteArray form = randomBytes(3'000, 3);
    push(s, amara, work.ops + documentOps(amara, work.family, form));

    // No document names these bytes: the server keeps nothing it cannot tie to a family.
    const QByteArray stray = randomBytes(3'000, 4);
    auto unnamed = s.putBlob(amara.device, { sha256Of(stray), 3'000, 0, stray }, App);
    REQUIRE_FALSE(unnamed.ok());
    CHECK(unnamed.error().code == Error::Code::NotFound);
    // Another practitioner cannot send (or squat) the bytes of Amara's family's document.
    auto other = s.putBlob(tom.device, { sha256Of(form), 3'000, 0, form.left(10) }, App);
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().code == Error::Code::NotFound);
    // A size other than the bytes' is found out by the hash, and discarded.
    CHECK_FALSE(
        require(s.putBlob(amara.device, { sha256Of(form), 2'000, 0, form.left(2'000) }, App))
            .complete);
    CHECK(put(s, amara, form, 0, 3'000).complete);
    auto wrongSize = s.putBlob(amara.device, { sha256Of(form), 2'000, 0, {} }, App);
    REQUIRE_FALSE(wrongSize.ok());
    CHECK(wrongSize.error().code == Error::Code::InvalidArgument);
}

STORAGE_TEST_CASE(
    "After a reallocation the old practitioner may finish sending but not read", "[server][blob]")
{
    SKIP_WITHOUT_BACKEND();
    Server<TestType> server;
    ServerStorage &s = server.s;
    Tablet amara = enrol(server, server.amara, "Amara's tablet");
    const Tablet tom = enrol(server, server.tom, "Tom's tablet");
    const Casework work(amara);
    const QByteArray form = randomBytes(40'000, 5);
    push(s, amara, work.ops + documentOps(amara, work.family, form));
    CHECK(put(s, amara, form, 0, 30'000).received == 30'000);

    requireOk(s.allocate(work.family, server.tom));
    // Written at the kitchen table before the move: the rest of it is still taken.
    CHECK(put(s, amara, form, 30'000, 30'000).complete);
    CHECK(getError(s, amara, form) == Error::Code::NotFound);
    CHECK(readAllOf(s, tom, form, 16'384) == form);
}

TEST_CASE("Blob bodies are refused when they are not what they claim", "[server][blob][codec]")
{
    const QByteArray bytes = randomBytes(100, 6);
    const QString hash = sha256Of(bytes);
    // Past the blob's end.
    auto past = sync::SyncCodec::decodeBlobPutRequest(
        sync::SyncCodec::encode(sync::BlobPutRequest { hash, 100, 50, bytes }));
    REQUIRE_FALSE(past.ok());
    CHECK(past.error().message.contains(QLatin1String("run past the blob's size")));
    // A hash that is not one.
    auto notHash = sync::SyncCodec::decodeBlobGetRequest(
        sync::SyncCodec::encode(sync::BlobGetRequest { hash.toUpper(), 0, 10 }));
    REQUIRE_FALSE(notHash.ok());
    CHECK(notHash.error().message.contains(QLatin1String("SHA-256")));
    // A range longer than any one request may carry.
    auto tooLong = sync::SyncCodec::decodeBlobGetRequest(
        sync::SyncCodec::encode(sync::BlobGetRequest { hash, 0, sync::MaxBlobRangeBytes + 1 }));
    REQUIRE_FALSE(tooLong.ok());
    // A blob bigger than any document may be.
    auto huge = sync::SyncCodec::decodeBlobPutRequest(
        sync::SyncCodec::encode(sync::BlobPutRequest { hash, MaxBlobBytes + 1, 0, {} }));
    REQUIRE_FALSE(huge.ok());
    // A whole range of a megabyte is fine, though longer than any other string a body holds.
    const QByteArray range = randomBytes(sync::MaxBlobRangeBytes, 7);
    auto full = sync::SyncCodec::decodeBlobGetReply(sync::SyncCodec::encode(
        sync::BlobGetReply { 10 * sync::MaxBlobRangeBytes, sync::MaxBlobRangeBytes, range }));
    REQUIRE(full.ok());
    CHECK(full->data == range);
}
