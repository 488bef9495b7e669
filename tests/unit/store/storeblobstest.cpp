#include "catchhelpers.h"
#include "storetesthelpers.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace doorstep;
using namespace doorstep::test;

// Documents and the bytes they name (sync/PROTOCOL.md, "Blobs") in the tablet's store.

namespace
{

/// Bytes with a phrase in plain text every few hundred bytes, so a copy on disk would show.
QByteArray formBytes(qsizetype size)
{
    QByteArray bytes;
    int line = 0;
    while (bytes.size() < size)
        bytes += QByteArrayLiteral("%PDF consent form of Amara Okafor, line ")
            + QByteArray::number(line++) + '\n';
    bytes.truncate(size);
    return bytes;
}

Change documentFor(const QString &familyId, const QByteArray &bytes)
{
    return Change::create(QStringLiteral("document"),
        { { QStringLiteral("family_id"), familyId },
            { QStringLiteral("purpose"), QStringLiteral("signed_consent") },
            { QStringLiteral("media_type"), QStringLiteral("application/pdf") },
            { QStringLiteral("sha256"), Store::blobSha256(bytes) },
            { QStringLiteral("size"), qint64(bytes.size()) },
            { QStringLiteral("made_at"), QStringLiteral("2026-03-04T09:10:00Z") } });
}

QStringList hashesOf(const QList<Store::BlobState> &states)
{
    QStringList hashes;
    for (const Store::BlobState &state : states)
        hashes << state.sha256;
    return hashes;
}

} // namespace

TEST_CASE("A document is saved with its bytes, encrypted, and read back whole", "[store][blob]")
{
    QTemporaryDir folder;
    const QByteArray form = formBytes(200'000);
    const QString hash = Store::blobSha256(form);
    {
        auto store = makeStore(folder.path());
        const QString family = createFamily(*store, QStringLiteral("Okafor"));
        // Without its bytes a document is refused: it could never send them.
        auto bare = store->apply(documentFor(family, form));
        REQUIRE_FALSE(bare.ok());
        CHECK(bare.error().code == Error::Code::InvalidArgument);
        CHECK_FALSE(require(store->blob(hash)).has_value());

        require(store->apply({ documentFor(family, form) }, { form }));
        CHECK(require(store->blob(hash)) == std::optional<QByteArray>(form));
        CHECK(hashesOf(require(store->blobsToSend())) == QStringList { hash });
        CHECK(require(store->blobsToFetch()).isEmpty());
    }
    // Nothing of it is on disk in plain text.
    for (const QString &name : QDir(folder.path()).entryList(QDir::Files)) {
        QFile file(folder.filePath(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK_FALSE(file.readAll().contains("consent form of Amara"));
    }
    auto store = require(Store::open(folder.path(), testKey()));
    CHECK(require(store->blob(hash)) == std::optional<QByteArray>(form));
    requireOk(store->markBlobSent(hash));
    CHECK(require(store->blobsToSend()).isEmpty());
    CHECK(require(store->verify()).problems.isEmpty());
}

TEST_CASE("A document's bytes from the server are kept range by range and checked", "[store][blob]")
{
    QTemporaryDir leadFolder;
    QTemporaryDir otherFolder;
    auto lead = makeStore(leadFolder.path());
    auto other = makeStore(otherFolder.path());
    const QByteArray form = formBytes(70'000);
    const QString hash = Store::blobSha256(form);
    const QString family = createFamily(*lead, QStringLiteral("Okafor"));
    require(lead->apply({ documentFor(family, form) }, { form }));
    // The other tablet receives the document's record as a pull brings it.
    require(other->applyPulled(require(lead->outbox(100)), 1, {}));
    REQUIRE(require(other->blobsToFetch()).size() == 1);
    CHECK(require(other->blobsToFetch()).first().size == 70'000);
    CHECK_FALSE(require(other->blob(hash)).has_value());

    CHECK(require(other->keepBlobRange(hash, 70'000, 0, form.left(30'000))).received == 30'000);
    // Cut off here: the next sync goes on from 30,000.
    CHECK(require(other->blobsToFetch()).first().received == 30'000);
    // Bytes from anywhere else are refused, and change nothing.
    auto gap = other->keepBlobRange(hash, 70'000, 40'000, form.mid(40'000, 10'000));
    REQUIRE_FALSE(gap.ok());
    CHECK(require(other->blobsToFetch()).first().received == 30'000);

    // The rest, spoilt: the hash finds it, and what came is dropped.
    QByteArray spoilt = form.mid(30'000);
    spoilt[100] = char(spoilt[100] ^ 1);
    auto wrong = other->keepBlobRange(hash, 70'000, 30'000, spoilt);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == Error::Code::Damaged);
    CHECK(require(other->blobsToFetch()).first().received == 0);
    CHECK_FALSE(require(other->blob(hash)).has_value());

    CHECK(require(other->keepBlobRange(hash, 70'000, 0, form.left(50'000))).received == 50'000);
    CHECK(require(other->keepBlobRange(hash, 70'000, 50'000, form.mid(50'000))).received == 70'000);
    CHECK(require(other->blob(hash)) == std::optional<QByteArray>(form));
    CHECK(require(other->blobsToFetch()).isEmpty());
    // Received from the server, so the server has it: nothing to send.
    CHECK(require(other->blobsToSend()).isEmpty());
}

TEST_CASE("A family leaves the tablet with its documents' bytes, but not before they are sent",
    "[store][blob]")
{
    QTemporaryDir folder;
    auto store = makeStore(folder.path());
    const QByteArray form = formBytes(10'000);
    const QString hash = Store::blobSha256(form);
    const QString family = createFamily(*store, QStringLiteral("Okafor"));
    require(store->apply({ documentFor(family, form) }, { form }));
    const QList<Op> sent = require(store->outbox(100));
    requireOk(store->acknowledge(opSequence(sent.last().id)));

    // Its records are sent, its bytes not: the family stays.
    CHECK_FALSE(require(store->removeFamilyFromDevice(family)).removed);
    CHECK(require(store->blob(hash)).has_value());

    requireOk(store->markBlobSent(hash));
    CHECK(require(store->removeFamilyFromDevice(family)).removed);
    CHECK_FALSE(require(store->blob(hash)).has_value());
    auto left = require(store->query(QStringLiteral("SELECT count(*) FROM blob_chunks")));
    REQUIRE(require(left.step()));
    CHECK(left.integer(0) == 0);
}

TEST_CASE("Verify finds a document's bytes changed behind the store's back", "[store][blob]")
{
    QTemporaryDir folder;
    {
        auto store = makeStore(folder.path());
        const QString family = createFamily(*store, QStringLiteral("Okafor"));
        const QByteArray form = formBytes(5'000);
        require(store->apply({ documentFor(family, form) }, { form }));
        CHECK(require(store->verify()).ok());
    }
    {
        auto db = require(Database::open(
            StorePaths { folder.path() }.database(), testKey(), Database::Mode::OpenExisting));
        requireOk(db.exec(QStringLiteral("UPDATE blob_chunks SET data = CAST(replace(CAST(data "
                                         "AS TEXT), 'Amara', 'Alana') AS BLOB)")));
    }
    auto store = require(Store::open(folder.path(), testKey()));
    const VerifyReport report = require(store->verify());
    CHECK(report.problems
        == QStringList {
            QStringLiteral("A document's content does not match its SHA-256: it is damaged.") });
}
