#include "protocol/synccodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <catch2/catch.hpp>
#include <limits>
#include <optional>
#include <random>

using namespace doorstep;
using namespace doorstep::sync;
using namespace Qt::StringLiterals;

namespace Catch
{
template <> struct StringMaker<QString> {
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch

namespace
{

// A refusal of a hostile header costs microseconds; a second means the codec walked or
// allocated what the body only claimed.
constexpr qint64 QuickMs = 1000;

constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
constexpr qint64 Int64Min = std::numeric_limits<qint64>::min();

Op makeOp(int sequence, QVariant value, QStringList replaces = {})
{
    Op op;
    op.id = u"tablet-a:%1"_s.arg(sequence);
    op.kind = u"visit"_s;
    op.recordId = u"visit-7"_s;
    op.field = u"notes"_s;
    op.value = std::move(value);
    op.hlc = Hlc(1'700'000'000'000 + sequence, quint32(sequence));
    op.deviceId = u"tablet-a"_s;
    op.replaces = std::move(replaces);
    return op;
}

PushRequest threeOpPush()
{
    PushRequest request;
    request.ops = { makeOp(1, QVariant()), makeOp(2, QVariant(qint64(-42))),
        makeOp(
            3, QVariant(u"Zoë said “hello” 🙂"_s), { u"tablet-b:9"_s, u"tablet-a:2"_s }) };
    return request;
}

PullReply samplePullReply()
{
    PullReply reply;
    reply.ops = { LoggedOp { 1, makeOp(1, QVariant(QByteArray("\0\x01\xff\0", 4))) },
        LoggedOp { Int64Max, makeOp(2, QVariant(u"text"_s), { u"tablet-c:3"_s }) } };
    reply.cursor = 4711;
    reply.more = true;
    reply.snapshot = true;
    reply.removedFamilies = { u"family-1"_s, u"famille-é"_s };
    reply.serverHlc = Hlc(1'700'000'000'123, 4);
    reply.catchUp = { 12, Int64Max };
    TeamView team;
    team.role = TeamView::Role::Supervisor;
    team.team = u"north"_s;
    team.members = { { u"priya"_s, u"Priya Shah"_s, TeamView::Role::Supervisor, {} },
        { u"sam"_s, u"Sam Okafor"_s, TeamView::Role::Practitioner,
            { { u"Sam's tablet"_s, QDateTime(QDate(2026, 11, 30), QTime(9, 15, 2, 500), Qt::UTC) },
                { u"Spare tablet"_s, {} } } } };
    reply.team = team;
    return reply;
}

using Entries = QList<QPair<QCborValue, QCborValue>>;

/// A CBOR map with exactly these entries in this order: unlike QCborMap, it keeps a
/// repeated key, which is what a hostile body sends.
QByteArray mapBytes(const Entries &entries)
{
    QByteArray bytes;
    {
        QCborStreamWriter writer(&bytes);
        writer.startMap(quint64(entries.size()));
        for (const auto &[key, value] : entries) {
            key.toCbor(writer);
            value.toCbor(writer);
        }
        writer.endMap();
    }
    return bytes;
}

/// The entries, then `key` with a value written as raw bytes: for items QCborValue cannot
/// hold, such as a header claiming 2^62 entries.
QByteArray mapWithRaw(const Entries &entries, QLatin1StringView key, QByteArrayView raw)
{
    QByteArray bytes;
    {
        QCborStreamWriter writer(&bytes);
        writer.startMap(quint64(entries.size()) + 1);
        for (const auto &[entryKey, value] : entries) {
            entryKey.toCbor(writer);
            value.toCbor(writer);
        }
        writer.append(key);
    }
    bytes.append(raw.data(), raw.size());
    return bytes;
}

QCborValue mapValue(const Entries &entries)
{
    return QCborValue::fromCbor(mapBytes(entries));
}

Entries with(Entries entries, QLatin1StringView key, const QCborValue &value)
{
    for (auto &entry : entries) {
        if (entry.first == QCborValue(key)) {
            entry.second = value;
            return entries;
        }
    }
    entries.append({ QCborValue(key), value });
    return entries;
}

Entries without(Entries entries, QLatin1StringView key)
{
    entries.removeIf([&](const auto &entry) { return entry.first == QCborValue(key); });
    return entries;
}

Entries opEntries()
{
    return { { "id"_L1, "tablet-a:1"_L1 }, { "kind"_L1, "visit"_L1 }, { "record"_L1, "visit-7"_L1 },
        { "field"_L1, "notes"_L1 }, { "value"_L1, "text"_L1 }, { "hlc"_L1, qint64(123456) },
        { "replaces"_L1, QCborArray { "tablet-b:1"_L1 } } };
}

Entries pushEntries(const QCborArray &ops)
{
    return { { "v"_L1, 1 }, { "type"_L1, "push"_L1 }, { "ops"_L1, ops },
        { "audit"_L1, QCborArray {} }, { "pull"_L1, QCborValue(nullptr) } };
}

Entries pushEntries()
{
    return pushEntries(QCborArray { mapValue(opEntries()) });
}

Entries pushedEntries()
{
    return { { "v"_L1, 1 }, { "type"_L1, "pushed"_L1 }, { "acked"_L1, 5 }, { "hlc"_L1, 99 },
        { "audited"_L1, 0 }, { "pulled"_L1, QCborValue(nullptr) } };
}

Entries pullEntries()
{
    return { { "v"_L1, 1 }, { "type"_L1, "pull"_L1 }, { "cursor"_L1, 0 }, { "limit"_L1, 500 },
        { "catchUp"_L1, QCborArray { 0, 0 } } };
}

Entries loggedEntries()
{
    return { { "seq"_L1, 1 }, { "op"_L1, mapValue(opEntries()) } };
}

Entries pulledEntries(const QCborArray &ops)
{
    return { { "v"_L1, 1 }, { "type"_L1, "pulled"_L1 }, { "ops"_L1, ops }, { "cursor"_L1, 10 },
        { "more"_L1, false }, { "snapshot"_L1, false }, { "removed"_L1, QCborArray {} },
        { "hlc"_L1, 99 }, { "catchUp"_L1, QCborArray { 3, 17 } },
        { "team"_L1, QCborValue(nullptr) } };
}

Entries pulledEntries()
{
    return pulledEntries(QCborArray { mapValue(loggedEntries()) });
}

/// A pulled body whose team is this value.
QByteArray pulledWithTeam(const QCborValue &team)
{
    return mapBytes(with(pulledEntries(), "team"_L1, team));
}

QCborMap teamMap(const QCborArray &members)
{
    QCborMap team;
    team.insert("role"_L1, "supervisor"_L1);
    team.insert("team"_L1, "north"_L1);
    team.insert("members"_L1, members);
    return team;
}

Entries errorEntries()
{
    return { { "v"_L1, 1 }, { "type"_L1, "error"_L1 }, { "code"_L1, "unauthorised"_L1 },
        { "message"_L1, "The device token has expired."_L1 } };
}

QByteArray pushWithOp(const Entries &op)
{
    return mapBytes(pushEntries({ mapValue(op) }));
}

QByteArray pulledWithEntry(const Entries &entry)
{
    return mapBytes(pulledEntries({ mapValue(entry) }));
}

QByteArray pushWithRawOps(QByteArrayView rawOps)
{
    return mapWithRaw(without(pushEntries(), "ops"_L1), "ops"_L1, rawOps);
}

template <typename T> std::optional<Error> errorOf(const Result<T> &result)
{
    if (result.ok())
        return std::nullopt;
    return result.error();
}

/// Decodes with the decoder for `type`: the refusal, or nothing if the body was accepted.
std::optional<Error> refusal(
    QLatin1StringView type, QByteArrayView body, const CodecLimits &limits = {})
{
    if (type == "push"_L1)
        return errorOf(SyncCodec::decodePushRequest(body, limits));
    if (type == "pushed"_L1)
        return errorOf(SyncCodec::decodePushReply(body, limits));
    if (type == "pull"_L1)
        return errorOf(SyncCodec::decodePullRequest(body, limits));
    if (type == "pulled"_L1)
        return errorOf(SyncCodec::decodePullReply(body, limits));
    REQUIRE(type == "error"_L1);
    return errorOf(SyncCodec::decodeErrorReply(body, limits));
}

/// A refusal is one plain sentence for people, naming `what` was wrong.
void checkRefused(const std::optional<Error> &error, const QString &what,
    Error::Code code = Error::Code::InvalidArgument)
{
    REQUIRE(error.has_value());
    INFO("message: " << error->message.toStdString());
    CHECK(error->code == code);
    REQUIRE(error->message.size() > 10);
    CHECK(error->message.front().isUpper());
    CHECK(error->message.endsWith(u'.'));
    CHECK(error->message.size() < 200);
    CHECK_FALSE(error->message.contains(u'\n'));
    if (!what.isEmpty())
        CHECK(error->message.contains(what));
}

QString quoted(const char *key)
{
    return u"\"%1\""_s.arg(QLatin1StringView(key));
}

QStringList mapKeys(const QCborMap &map)
{
    QStringList keys;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        keys.append(it.key().toString());
    return keys;
}

/// A damaged body is either refused or decodes to something that encodes to a valid body.
template <typename Decode> bool refusedOrSurvives(Decode decode, QByteArrayView damaged)
{
    const auto result = decode(damaged, CodecLimits {});
    if (!result.ok()) {
        const Error &error = result.error();
        CHECK(
            (error.code == Error::Code::InvalidArgument || error.code == Error::Code::Unsupported));
        CHECK_FALSE(error.message.isEmpty());
        return false;
    }
    const QByteArray again = SyncCodec::encode(*result);
    const auto redecoded = decode(again, CodecLimits {});
    REQUIRE(redecoded.ok());
    CHECK(SyncCodec::encode(*redecoded) == again);
    return true;
}

} // namespace

TEST_CASE("A push request survives encoding and decoding with every kind of value", "[protocol]")
{
    PushRequest request;
    const QList<QVariant> values = { QVariant(), QVariant(qint64(0)), QVariant(qint64(-1)),
        QVariant(Int64Min), QVariant(Int64Max), QVariant(u"Zoë — 子供 🙂"_s),
        QVariant(u""_s), QVariant(QByteArray("\0a\0\xff\0", 5)), QVariant(QByteArray()),
        QVariant(2.75), QVariant(-0.1) };
    for (qsizetype i = 0; i < values.size(); ++i)
        request.ops.append(makeOp(int(i) + 1, values[i], { u"tablet-b:%1"_s.arg(i + 1) }));
    request.ops[0].hlc = Hlc::fromPacked(Int64Max);
    request.ops[1].hlc = Hlc();
    request.ops[2].replaces.clear();

    const auto decoded = SyncCodec::decodePushRequest(SyncCodec::encode(request));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->ops.size() == request.ops.size());
    CHECK(decoded->ops == request.ops);
    CHECK_FALSE(decoded->ops[0].value.isValid());
    for (int i : { 1, 2, 3, 4 })
        CHECK(decoded->ops[i].value.typeId() == QMetaType::LongLong);
    CHECK(decoded->ops[3].value.toLongLong() == Int64Min);
    CHECK(decoded->ops[5].value.typeId() == QMetaType::QString);
    CHECK(decoded->ops[5].value.toString() == u"Zoë — 子供 🙂"_s);
    CHECK(decoded->ops[7].value.typeId() == QMetaType::QByteArray);
    CHECK(decoded->ops[7].value.toByteArray() == QByteArray("\0a\0\xff\0", 5));
    CHECK(decoded->ops[9].value.typeId() == QMetaType::Double);
    CHECK(decoded->ops[10].value.toDouble() == -0.1);
}

TEST_CASE("A value that is not a finite number is refused", "[protocol]")
{
    for (const double bad :
        { std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity() }) {
        PushRequest request;
        request.ops.append(makeOp(1, QVariant(bad), {}));
        const auto decoded = SyncCodec::decodePushRequest(SyncCodec::encode(request));
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == Error::Code::InvalidArgument);
        CHECK(decoded.error().message.contains(QLatin1String("a finite number")));
    }
}

TEST_CASE("A push request without ops survives encoding and decoding", "[protocol]")
{
    const auto decoded = SyncCodec::decodePushRequest(SyncCodec::encode(PushRequest {}));
    REQUIRE(decoded.ok());
    CHECK(decoded->ops.isEmpty());
}

TEST_CASE("A pushed reply survives encoding and decoding", "[protocol]")
{
    for (const PushReply &reply :
        { PushReply {}, PushReply { 42, Hlc(1'700'000'000'000, 7), 0, std::nullopt },
            PushReply { Int64Max, Hlc::fromPacked(Int64Max), Int64Max, std::nullopt } }) {
        const auto decoded = SyncCodec::decodePushReply(SyncCodec::encode(reply));
        REQUIRE(decoded.ok());
        CHECK(decoded->acked == reply.acked);
        CHECK(decoded->serverHlc == reply.serverHlc);
    }
}

TEST_CASE("A pull request survives encoding and decoding", "[protocol]")
{
    for (const PullRequest &request : { PullRequest {}, PullRequest { 0, 1, {} },
             PullRequest { Int64Max, 5000, { 7, Int64Max } } }) {
        const auto decoded = SyncCodec::decodePullRequest(SyncCodec::encode(request));
        REQUIRE(decoded.ok());
        CHECK(decoded->cursor == request.cursor);
        CHECK(decoded->limit == request.limit);
        CHECK(decoded->catchUp == request.catchUp);
    }
}

TEST_CASE("A pulled reply survives encoding and decoding with its ops, flags and removed "
          "families",
    "[protocol]")
{
    const PullReply reply = samplePullReply();
    const auto decoded = SyncCodec::decodePullReply(SyncCodec::encode(reply));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->ops.size() == 2);
    CHECK(decoded->ops[0].serverSeq == 1);
    CHECK(decoded->ops[0].op == reply.ops[0].op);
    CHECK(decoded->ops[1].serverSeq == Int64Max);
    CHECK(decoded->ops[1].op == reply.ops[1].op);
    CHECK(decoded->cursor == reply.cursor);
    CHECK(decoded->more);
    CHECK(decoded->snapshot);
    CHECK(decoded->removedFamilies == reply.removedFamilies);
    CHECK(decoded->serverHlc == reply.serverHlc);
    CHECK(decoded->catchUp == reply.catchUp);
    REQUIRE(decoded->team.has_value());
    CHECK(*decoded->team == *reply.team);
    CHECK(decoded->team->members[1].lastSyncAt()
        == QDateTime(QDate(2026, 11, 30), QTime(9, 15, 2, 500), Qt::UTC));
}

TEST_CASE("A pulled team that is not a team view is refused, saying what is wrong", "[protocol]")
{
    const QCborArray device { "Sam's tablet"_L1, "2026-11-30T09:15:02Z"_L1 };
    const QCborArray sam { "sam"_L1, "Sam Okafor"_L1, "practitioner"_L1,
        QCborArray { QCborValue(device) } };
    REQUIRE_FALSE(
        refusal("pulled"_L1, pulledWithTeam(teamMap(QCborArray { QCborValue(sam) }))).has_value());

    QCborMap badRole = teamMap(QCborArray { QCborValue(sam) });
    badRole.insert("role"_L1, "manager"_L1);
    checkRefused(refusal("pulled"_L1, pulledWithTeam(badRole)), u"\"role\""_s);
    QCborMap extra = teamMap(QCborArray { QCborValue(sam) });
    extra.insert("password"_L1, "x"_L1);
    checkRefused(refusal("pulled"_L1, pulledWithTeam(extra)), u"\"password\""_s);
    checkRefused(refusal("pulled"_L1, pulledWithTeam("north"_L1)), u"must be a map"_s);
    checkRefused(
        refusal("pulled"_L1, pulledWithTeam(teamMap({ "sam"_L1 }))), u"must be a list of four"_s);
    const auto oneMember = [](const QCborArray &member) {
        return pulledWithTeam(teamMap(QCborArray { QCborValue(member) }));
    };
    checkRefused(
        refusal("pulled"_L1, oneMember({ ""_L1, "Sam"_L1, "practitioner"_L1, QCborArray {} })),
        u"must not be empty"_s);
    const QCborArray yesterday { "tablet"_L1, "yesterday"_L1 };
    checkRefused(refusal("pulled"_L1,
                     oneMember({ "sam"_L1, "Sam"_L1, "practitioner"_L1,
                         QCborArray { QCborValue(yesterday) } })),
        u"last sync"_s);
    checkRefused(
        refusal("pulled"_L1, oneMember({ "sam"_L1, "Sam"_L1, "practitioner"_L1, "tablet"_L1 })),
        u"\"device\""_s);
    QCborArray crowd;
    for (int i = 0; i < 501; ++i)
        crowd.append(sam);
    checkRefused(refusal("pulled"_L1, pulledWithTeam(teamMap(crowd))), u"at most 500"_s);
}

TEST_CASE("An empty pulled reply survives encoding and decoding", "[protocol]")
{
    const auto decoded = SyncCodec::decodePullReply(SyncCodec::encode(PullReply {}));
    REQUIRE(decoded.ok());
    CHECK(decoded->ops.isEmpty());
    CHECK(decoded->cursor == 0);
    CHECK_FALSE(decoded->more);
    CHECK_FALSE(decoded->snapshot);
    CHECK(decoded->removedFamilies.isEmpty());
    CHECK(decoded->serverHlc.isNull());
    CHECK_FALSE(decoded->team.has_value());
}

TEST_CASE("An error reply survives encoding and decoding", "[protocol]")
{
    const ErrorReply reply { u"scope"_s, u"This device may not see family “Ørsted”."_s };
    const auto decoded = SyncCodec::decodeErrorReply(SyncCodec::encode(reply));
    REQUIRE(decoded.ok());
    CHECK(decoded->code == reply.code);
    CHECK(decoded->message == reply.message);
}

TEST_CASE("Bodies are CBOR maps of version 1 with the short keys of the protocol", "[protocol]")
{
    const QCborMap push = QCborValue::fromCbor(SyncCodec::encode(threeOpPush())).toMap();
    CHECK(mapKeys(push) == QStringList { u"v"_s, u"type"_s, u"ops"_s, u"audit"_s, u"pull"_s });
    CHECK(push.value("v"_L1).isInteger());
    CHECK(push.value("v"_L1).toInteger() == 1);
    CHECK(push.value("type"_L1).toString() == u"push"_s);
    const QCborMap op = push.value("ops"_L1).toArray().at(2).toMap();
    CHECK(mapKeys(op)
        == QStringList {
            u"id"_s, u"kind"_s, u"record"_s, u"field"_s, u"value"_s, u"hlc"_s, u"replaces"_s });
    CHECK(op.value("hlc"_L1).toInteger() == makeOp(3, {}).hlc.packed());
    CHECK(op.value("value"_L1).isString());
    CHECK(op.value("replaces"_L1).toArray().size() == 2);
    CHECK(push.value("ops"_L1).toArray().at(0).toMap().value("value"_L1).isNull());
    CHECK(push.value("ops"_L1).toArray().at(1).toMap().value("value"_L1).toInteger() == -42);

    const QCborMap pushed
        = QCborValue::fromCbor(SyncCodec::encode(PushReply { 3, Hlc(1, 2), 0, std::nullopt }))
              .toMap();
    CHECK(mapKeys(pushed)
        == QStringList { u"v"_s, u"type"_s, u"acked"_s, u"hlc"_s, u"audited"_s, u"pulled"_s });
    CHECK(pushed.value("type"_L1).toString() == u"pushed"_s);
    CHECK(pushed.value("hlc"_L1).toInteger() == Hlc(1, 2).packed());

    const QCborMap pull
        = QCborValue::fromCbor(SyncCodec::encode(PullRequest { 8, 100, { 2, 5 } })).toMap();
    CHECK(
        mapKeys(pull) == QStringList { u"v"_s, u"type"_s, u"cursor"_s, u"limit"_s, u"catchUp"_s });
    CHECK(pull.value("catchUp"_L1).toArray() == QCborArray { 2, 5 });
    CHECK(pull.value("type"_L1).toString() == u"pull"_s);

    const QCborMap pulled = QCborValue::fromCbor(SyncCodec::encode(samplePullReply())).toMap();
    CHECK(mapKeys(pulled)
        == QStringList { u"v"_s, u"type"_s, u"ops"_s, u"cursor"_s, u"more"_s, u"snapshot"_s,
            u"removed"_s, u"hlc"_s, u"catchUp"_s, u"team"_s });
    CHECK(pulled.value("type"_L1).toString() == u"pulled"_s);
    CHECK(pulled.value("more"_L1).isBool());
    const QCborMap entry = pulled.value("ops"_L1).toArray().at(0).toMap();
    CHECK(mapKeys(entry) == QStringList { u"seq"_s, u"op"_s });
    CHECK(entry.value("op"_L1).toMap().value("value"_L1).isByteArray());

    const QCborMap error
        = QCborValue::fromCbor(SyncCodec::encode(ErrorReply { u"c"_s, u"m"_s })).toMap();
    CHECK(mapKeys(error) == QStringList { u"v"_s, u"type"_s, u"code"_s, u"message"_s });
    CHECK(error.value("type"_L1).toString() == u"error"_s);
}

TEST_CASE("A body larger than the limit is refused", "[protocol]")
{
    const QByteArray body = SyncCodec::encode(PullRequest {});
    CodecLimits limits;
    limits.maxBodyBytes = body.size() - 1;
    checkRefused(refusal("pull"_L1, body, limits), u"larger"_s);
    limits.maxBodyBytes = body.size();
    CHECK_FALSE(refusal("pull"_L1, body, limits));

    QByteArray huge = SyncCodec::encode(PushRequest {});
    huge.append(QByteArray(CodecLimits {}.maxBodyBytes + 1 - huge.size(), '\0'));
    QElapsedTimer timer;
    timer.start();
    checkRefused(refusal("push"_L1, huge), u"larger"_s);
    CHECK(timer.elapsed() < QuickMs);
}

TEST_CASE("Bytes that are not well-formed CBOR are refused", "[protocol]")
{
    checkRefused(refusal("pull"_L1, QByteArray()), u"empty"_s);
    // 0x1c is a reserved header; 0xff is a break outside any container.
    checkRefused(refusal("pull"_L1, QByteArray::fromHex("1c")), u"well-formed"_s);
    checkRefused(refusal("pull"_L1, QByteArray::fromHex("ff")), u"well-formed"_s);
    checkRefused(refusal("pull"_L1, QByteArray::fromHex("a1ff")), u"well-formed"_s);
    checkRefused(refusal("pull"_L1, QByteArray::fromHex("a16176fc")), u"well-formed"_s);
    // A key whose text is not UTF-8.
    checkRefused(refusal("pull"_L1, QByteArray::fromHex("a162fffe01")), u"well-formed"_s);
}

TEST_CASE("Every truncation of a valid push body is refused", "[protocol]")
{
    const QByteArray body = SyncCodec::encode(threeOpPush());
    REQUIRE(SyncCodec::decodePushRequest(body).ok());
    for (qsizetype length = 0; length < body.size(); ++length) {
        INFO("truncated to " << length << " of " << body.size() << " bytes");
        const auto decoded = SyncCodec::decodePushRequest(QByteArrayView(body).first(length));
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == Error::Code::InvalidArgument);
        CHECK(decoded.error().message.endsWith(u'.'));
    }
    checkRefused(refusal("push"_L1, QByteArrayView(body).first(body.size() - 1)), u"truncated"_s);
}

TEST_CASE("Bytes after the body are refused", "[protocol]")
{
    const QByteArray body = SyncCodec::encode(PullRequest {});
    checkRefused(refusal("pull"_L1, body + QByteArray(1, '\0')), u"after its end"_s);
    checkRefused(refusal("pull"_L1, body + QByteArray::fromHex("ff")), u"after its end"_s);
    checkRefused(refusal("pull"_L1, body + body), u"after its end"_s);
}

TEST_CASE("A body that is not a map is refused", "[protocol]")
{
    checkRefused(refusal("pull"_L1, QCborValue(QCborArray { 1, 2 }).toCbor()), u"not a CBOR map"_s);
    checkRefused(refusal("pull"_L1, QCborValue(7).toCbor()), u"not a CBOR map"_s);
    checkRefused(refusal("pull"_L1, QCborValue(u"pull"_s).toCbor()), u"not a CBOR map"_s);
    checkRefused(refusal("pull"_L1, QCborValue(nullptr).toCbor()), u"not a CBOR map"_s);
}

TEST_CASE("A body missing any of its keys is refused, naming the key", "[protocol]")
{
    struct Body {
        QLatin1StringView type;
        Entries entries;
    };
    for (const Body &body : { Body { "push"_L1, pushEntries() },
             Body { "pushed"_L1, pushedEntries() }, Body { "pull"_L1, pullEntries() },
             Body { "pulled"_L1, pulledEntries() }, Body { "error"_L1, errorEntries() } }) {
        REQUIRE_FALSE(refusal(body.type, mapBytes(body.entries)));
        for (const auto &[key, value] : body.entries) {
            INFO(body.type.data() << " body without " << key.toString().toStdString());
            checkRefused(
                refusal(body.type,
                    mapBytes(without(body.entries, QLatin1StringView(key.toString().toLatin1())))),
                u"\"%1\" is missing"_s.arg(key.toString()));
        }
    }
    for (const auto &[key, value] : opEntries()) {
        const QByteArray name = key.toString().toLatin1();
        INFO("op without " << name.constData());
        checkRefused(refusal("push"_L1, pushWithOp(without(opEntries(), QLatin1StringView(name)))),
            u"\"%1\" is missing"_s.arg(key.toString()));
    }
    for (const auto &[key, value] : loggedEntries()) {
        const QByteArray name = key.toString().toLatin1();
        INFO("pulled entry without " << name.constData());
        checkRefused(refusal("pulled"_L1,
                         pulledWithEntry(without(loggedEntries(), QLatin1StringView(name)))),
            u"\"%1\" is missing"_s.arg(key.toString()));
    }
}

TEST_CASE("A key that is not text is refused", "[protocol]")
{
    Entries pull = pullEntries();
    pull.append({ 7, 1 });
    checkRefused(refusal("pull"_L1, mapBytes(pull)), u"a key is not text"_s);
    Entries op = opEntries();
    op.append({ QByteArray("id"), 1 });
    checkRefused(refusal("push"_L1, pushWithOp(op)), u"a key is not text"_s);
}

TEST_CASE("A value of the wrong type is refused, naming the key", "[protocol]")
{
    struct Case {
        const char *key;
        QLatin1StringView type;
        QByteArray body;
    };
    const QCborValue aMap = QCborMap { { "a"_L1, 1 } };
    const QCborValue aList = QCborArray { 1 };
    const QList<Case> cases = {
        { "v", "pull"_L1, mapBytes(with(pullEntries(), "v"_L1, "1"_L1)) },
        { "type", "pull"_L1, mapBytes(with(pullEntries(), "type"_L1, 3)) },
        { "cursor", "pull"_L1, mapBytes(with(pullEntries(), "cursor"_L1, "0"_L1)) },
        { "cursor", "pull"_L1, mapBytes(with(pullEntries(), "cursor"_L1, 1.0)) },
        { "limit", "pull"_L1, mapBytes(with(pullEntries(), "limit"_L1, 10.5)) },
        { "limit", "pull"_L1, mapBytes(with(pullEntries(), "limit"_L1, QCborValue(nullptr))) },
        { "acked", "pushed"_L1, mapBytes(with(pushedEntries(), "acked"_L1, true)) },
        { "hlc", "pushed"_L1, mapBytes(with(pushedEntries(), "hlc"_L1, "99"_L1)) },
        { "ops", "push"_L1, mapBytes(with(pushEntries(), "ops"_L1, aMap)) },
        { "ops", "push"_L1, mapBytes(with(pushEntries(), "ops"_L1, "ops"_L1)) },
        { "id", "push"_L1, pushWithOp(with(opEntries(), "id"_L1, 1)) },
        { "kind", "push"_L1, pushWithOp(with(opEntries(), "kind"_L1, QByteArray("visit"))) },
        { "record", "push"_L1, pushWithOp(with(opEntries(), "record"_L1, aList)) },
        { "field", "push"_L1, pushWithOp(with(opEntries(), "field"_L1, QCborValue(nullptr))) },
        { "hlc", "push"_L1, pushWithOp(with(opEntries(), "hlc"_L1, "123"_L1)) },
        { "hlc", "push"_L1, pushWithOp(with(opEntries(), "hlc"_L1, 1.5)) },
        { "value", "push"_L1, pushWithOp(with(opEntries(), "value"_L1, aMap)) },
        { "value", "push"_L1, pushWithOp(with(opEntries(), "value"_L1, aList)) },
        { "value", "push"_L1, pushWithOp(with(opEntries(), "value"_L1, true)) },
        { "value", "push"_L1, pushWithOp(with(opEntries(), "value"_L1, QCborValue())) },
        { "replaces", "push"_L1, pushWithOp(with(opEntries(), "replaces"_L1, "a:1"_L1)) },
        { "replaces", "push"_L1, pushWithOp(with(opEntries(), "replaces"_L1, QCborArray { 1 })) },
        { "more", "pulled"_L1, mapBytes(with(pulledEntries(), "more"_L1, 1)) },
        { "snapshot", "pulled"_L1, mapBytes(with(pulledEntries(), "snapshot"_L1, "true"_L1)) },
        { "cursor", "pulled"_L1, mapBytes(with(pulledEntries(), "cursor"_L1, false)) },
        { "removed", "pulled"_L1, mapBytes(with(pulledEntries(), "removed"_L1, aMap)) },
        { "removed", "pulled"_L1, mapBytes(with(pulledEntries(), "removed"_L1, QCborArray { 5 })) },
        { "seq", "pulled"_L1, pulledWithEntry(with(loggedEntries(), "seq"_L1, "1"_L1)) },
        { "catchUp", "pull"_L1, mapBytes(with(pullEntries(), "catchUp"_L1, 0)) },
        { "catchUp", "pull"_L1, mapBytes(with(pullEntries(), "catchUp"_L1, QCborArray { 1 })) },
        { "catchUp", "pull"_L1,
            mapBytes(with(pullEntries(), "catchUp"_L1, QCborArray { 1, 2, 3 })) },
        { "catchUp", "pull"_L1,
            mapBytes(with(pullEntries(), "catchUp"_L1, QCborArray { 1, "2"_L1 })) },
        { "catchUp", "pulled"_L1,
            mapBytes(with(pulledEntries(), "catchUp"_L1, QCborArray { 1.5, 2 })) },
        { "code", "error"_L1, mapBytes(with(errorEntries(), "code"_L1, 404)) },
        { "message", "error"_L1, mapBytes(with(errorEntries(), "message"_L1, QByteArray("m"))) },
    };
    for (const Case &c : cases) {
        INFO(c.type.data() << " body with a wrong " << c.key);
        checkRefused(refusal(c.type, c.body), quoted(c.key));
    }

    // Containers that should be maps say which element was wrong.
    checkRefused(refusal("push"_L1, mapBytes(pushEntries({ aList }))), u"Op 1 of the push body"_s);
    checkRefused(
        refusal("pulled"_L1, mapBytes(pulledEntries({ 7 }))), u"Entry 1 of the pulled body"_s);
    checkRefused(refusal("pulled"_L1, pulledWithEntry(with(loggedEntries(), "op"_L1, "op"_L1))),
        u"The op in entry 1"_s);
    checkRefused(
        refusal("push"_L1,
            pushWithOp(with(opEntries(), "value"_L1, QCborValue(QCborTag(6), QCborValue(1))))),
        u"tag"_s);
}

TEST_CASE("Negative counts, sequences and clocks are refused", "[protocol]")
{
    checkRefused(refusal("pull"_L1, mapBytes(with(pullEntries(), "cursor"_L1, -1))),
        u"\"cursor\" must not be negative"_s);
    checkRefused(refusal("pushed"_L1, mapBytes(with(pushedEntries(), "acked"_L1, -5))),
        u"\"acked\" must not be negative"_s);
    checkRefused(refusal("pushed"_L1, mapBytes(with(pushedEntries(), "hlc"_L1, -5))),
        u"\"hlc\" must not be negative"_s);
    checkRefused(refusal("pulled"_L1, mapBytes(with(pulledEntries(), "cursor"_L1, Int64Min))),
        u"\"cursor\" must not be negative"_s);
    checkRefused(refusal("pulled"_L1, pulledWithEntry(with(loggedEntries(), "seq"_L1, -1))),
        u"\"seq\" must not be negative"_s);
    checkRefused(refusal("push"_L1, pushWithOp(with(opEntries(), "hlc"_L1, -1))),
        u"\"hlc\" must not be negative"_s);
    checkRefused(refusal("pull"_L1, mapBytes(with(pullEntries(), "limit"_L1, -1))),
        u"\"limit\" must be between 1 and 5000"_s);
    checkRefused(
        refusal("pull"_L1, mapBytes(with(pullEntries(), "catchUp"_L1, QCborArray { 1, -1 }))),
        u"\"catchUp\" must not be negative"_s);
}

TEST_CASE("A pull limit outside 1 to 5000 is refused", "[protocol]")
{
    for (const int limit : { 0, 5001, 1'000'000 }) {
        INFO("limit " << limit);
        checkRefused(refusal("pull"_L1, mapBytes(with(pullEntries(), "limit"_L1, limit))),
            u"\"limit\" must be between 1 and 5000"_s);
    }
    for (const int limit : { 1, 5000 }) {
        const auto decoded
            = SyncCodec::decodePullRequest(mapBytes(with(pullEntries(), "limit"_L1, limit)));
        REQUIRE(decoded.ok());
        CHECK(decoded->limit == limit);
    }
}

TEST_CASE("More ops than the limit are refused", "[protocol]")
{
    CodecLimits limits;
    limits.maxOps = 2;
    checkRefused(refusal("push"_L1, SyncCodec::encode(threeOpPush()), limits), u"3 ops"_s);
    PullReply reply = samplePullReply();
    reply.ops.append(reply.ops.first());
    checkRefused(refusal("pulled"_L1, SyncCodec::encode(reply), limits), u"at most 2"_s);

    PushRequest two = threeOpPush();
    two.ops.removeLast();
    CHECK_FALSE(refusal("push"_L1, SyncCodec::encode(two), limits));
}

TEST_CASE("A text or byte string longer than the limit is refused", "[protocol]")
{
    CodecLimits limits;
    limits.maxStringBytes = 16;
    const QString sixteen(16, u'x');
    const QString seventeen(17, u'x');
    CHECK_FALSE(refusal("push"_L1, pushWithOp(with(opEntries(), "value"_L1, sixteen)), limits));
    CHECK_FALSE(refusal(
        "push"_L1, pushWithOp(with(opEntries(), "value"_L1, QByteArray(16, '\0'))), limits));

    const QList<QByteArray> bodies = {
        pushWithOp(with(opEntries(), "value"_L1, seventeen)),
        pushWithOp(with(opEntries(), "value"_L1, QByteArray(17, '\0'))),
        // Nine two-byte letters: the limit counts bytes, not characters.
        pushWithOp(with(opEntries(), "value"_L1, QString(9, u'é'))),
        pushWithOp(with(opEntries(), "id"_L1, u"tablet-abcdefgh:1"_s)),
        pushWithOp(with(opEntries(), "replaces"_L1, QCborArray { seventeen })),
        mapBytes(with(pullEntries(), QLatin1StringView(seventeen.toLatin1()), 1)),
    };
    for (const QByteArray &body : bodies)
        checkRefused(refusal("push"_L1, body, limits), u"longer than 16 bytes"_s);
}

TEST_CASE("More replaced versions than the limit are refused", "[protocol]")
{
    CodecLimits limits;
    limits.maxReplaces = 2;
    const QCborArray two { "a:1"_L1, "b:2"_L1 };
    const QCborArray three { "a:1"_L1, "b:2"_L1, "c:3"_L1 };
    CHECK_FALSE(refusal("push"_L1, pushWithOp(with(opEntries(), "replaces"_L1, two)), limits));
    checkRefused(refusal("push"_L1, pushWithOp(with(opEntries(), "replaces"_L1, three)), limits),
        u"\"replaces\" holds 3 versions; at most 2"_s);
}

TEST_CASE("Nesting deeper than the limit is refused", "[protocol]")
{
    // A push op's replaces is a list in a map in a list in the body: four deep.
    CodecLimits limits;
    limits.maxDepth = 4;
    CHECK_FALSE(refusal("push"_L1, pushWithOp(opEntries()), limits));
    limits.maxDepth = 3;
    checkRefused(refusal("push"_L1, pushWithOp(opEntries()), limits), u"more than 3 deep"_s);
    // In a pulled body the op sits one map further in.
    limits.maxDepth = 4;
    checkRefused(
        refusal("pulled"_L1, pulledWithEntry(loggedEntries()), limits), u"more than 4 deep"_s);

    QCborValue nested = QCborArray {};
    for (int i = 0; i < 8; ++i)
        nested = QCborArray { nested };
    checkRefused(refusal("push"_L1, pushWithOp(with(opEntries(), "value"_L1, nested))),
        u"more than 8 deep"_s);
}

TEST_CASE("Empty names in an op, an error code or a list of ids are refused", "[protocol]")
{
    for (const char *key : { "id", "kind", "record", "field" }) {
        INFO("empty " << key);
        checkRefused(
            refusal("push"_L1, pushWithOp(with(opEntries(), QLatin1StringView(key), ""_L1))),
            u"\"%1\" must not be empty"_s.arg(QLatin1StringView(key)));
    }
    checkRefused(
        refusal("push"_L1, pushWithOp(with(opEntries(), "replaces"_L1, QCborArray { ""_L1 }))),
        u"\"replaces\" must be non-empty text"_s);
    checkRefused(
        refusal("pulled"_L1, mapBytes(with(pulledEntries(), "removed"_L1, QCborArray { ""_L1 }))),
        u"\"removed\" must be non-empty text"_s);
    checkRefused(refusal("error"_L1, mapBytes(with(errorEntries(), "code"_L1, ""_L1))),
        u"\"code\" must not be empty"_s);
}

TEST_CASE("An op id without a local sequence is refused", "[protocol]")
{
    for (const char *id :
        { "tablet-a", "tablet-a:", "tablet-a:0", "tablet-a:x1", ":5", "tablet-a:-3" }) {
        INFO("id " << id);
        checkRefused(
            refusal("push"_L1, pushWithOp(with(opEntries(), "id"_L1, QLatin1StringView(id)))),
            u"local sequence"_s);
    }
}

TEST_CASE("A key that appears twice is refused", "[protocol]")
{
    Entries pull = pullEntries();
    pull.append({ "cursor"_L1, 3 });
    checkRefused(refusal("pull"_L1, mapBytes(pull)), u"\"cursor\" appears more than once"_s);

    Entries twoVersions = pullEntries();
    twoVersions.append({ "v"_L1, 1 });
    checkRefused(refusal("pull"_L1, mapBytes(twoVersions)), u"\"v\" appears more than once"_s);

    Entries twoTypes = pullEntries();
    twoTypes.append({ "type"_L1, "pull"_L1 });
    checkRefused(refusal("pull"_L1, mapBytes(twoTypes)), u"\"type\" appears more than once"_s);

    Entries op = opEntries();
    op.append({ "id"_L1, "tablet-a:2"_L1 });
    checkRefused(refusal("push"_L1, pushWithOp(op)), u"\"id\" appears more than once"_s);

    Entries entry = loggedEntries();
    entry.prepend({ "seq"_L1, 2 });
    checkRefused(refusal("pulled"_L1, pulledWithEntry(entry)), u"\"seq\" appears more than once"_s);
}

TEST_CASE("A body of another protocol version is refused as unsupported", "[protocol]")
{
    for (const int version : { 0, 2, -1 }) {
        INFO("version " << version);
        checkRefused(refusal("pull"_L1, mapBytes(with(pullEntries(), "v"_L1, version))),
            u"version %1"_s.arg(version), Error::Code::Unsupported);
    }
    // A newer body may look different in every other way; the version is what to report.
    const Entries future
        = { { "future"_L1, QCborArray { 1 } }, { "v"_L1, 2 }, { "type"_L1, "gossip"_L1 } };
    for (const char *type : { "push", "pushed", "pull", "pulled", "error" })
        checkRefused(refusal(QLatin1StringView(type), mapBytes(future)), u"version 2"_s,
            Error::Code::Unsupported);
}

TEST_CASE("An unknown key is refused, named only when it is short and plain", "[protocol]")
{
    checkRefused(refusal("pull"_L1, mapBytes(with(pullEntries(), "extra"_L1, 1))),
        u"unknown key \"extra\""_s);
    checkRefused(refusal("push"_L1, pushWithOp(with(opEntries(), "colour"_L1, 1))),
        u"In op 1 of the push body, there is an unknown key \"colour\""_s);
    checkRefused(refusal("pulled"_L1, pulledWithEntry(with(loggedEntries(), "note"_L1, 1))),
        u"unknown key \"note\""_s);

    const QString longKey = u"k"_s.repeated(40);
    const QString oddKey = u"bad \"key\""_s;
    for (const QString &key : { longKey, oddKey }) {
        const auto error = refusal(
            "pull"_L1, mapBytes(with(pullEntries(), QLatin1StringView(key.toLatin1()), 1)));
        checkRefused(error, u"there is an unknown key."_s);
        CHECK_FALSE(error->message.contains(key));
    }
}

TEST_CASE("A body of another type than expected is refused, naming both types", "[protocol]")
{
    const QList<QPair<QLatin1StringView, QByteArray>> bodies = {
        { "push"_L1, SyncCodec::encode(threeOpPush()) },
        { "pushed"_L1, SyncCodec::encode(PushReply {}) },
        { "pull"_L1, SyncCodec::encode(PullRequest {}) },
        { "pulled"_L1, SyncCodec::encode(samplePullReply()) },
        { "error"_L1, SyncCodec::encode(ErrorReply { u"c"_s, u"m"_s }) },
    };
    for (const auto &[expected, unused] : bodies) {
        for (const auto &[sent, body] : bodies) {
            INFO("expected " << expected.data() << ", sent " << sent.data());
            if (expected == sent) {
                CHECK_FALSE(refusal(expected, body));
                continue;
            }
            checkRefused(refusal(expected, body),
                u"Expected a body of type \"%1\", but the body is of type \"%2\"."_s.arg(
                    expected, sent));
        }
    }

    const auto error = refusal("pull"_L1, mapBytes(with(pullEntries(), "type"_L1, "SECRET"_L1)));
    checkRefused(error, u"Expected a body of type \"pull\""_s);
    CHECK_FALSE(error->message.contains(u"SECRET"_s));
}

TEST_CASE("Refusals never repeat the values a body held", "[protocol]")
{
    const QString secret = u"Jane Doe 1970-01-01"_s;
    const QList<QPair<QLatin1StringView, QByteArray>> bodies = {
        { "pull"_L1, mapBytes(with(pullEntries(), "cursor"_L1, secret)) },
        { "pull"_L1, mapBytes(with(pullEntries(), "type"_L1, secret)) },
        { "pull"_L1, mapBytes(with(pullEntries(), "limit"_L1, 99999)) },
        { "push"_L1, pushWithOp(with(opEntries(), "id"_L1, secret)) },
        { "push"_L1, pushWithOp(with(opEntries(), "value"_L1, QCborArray { secret })) },
        { "push"_L1, pushWithOp(with(with(opEntries(), "kind"_L1, secret), "hlc"_L1, -99999)) },
        { "error"_L1, mapBytes(with(errorEntries(), "message"_L1, QByteArray("Jane Doe"))) },
    };
    for (const auto &[type, body] : bodies) {
        const auto error = refusal(type, body);
        checkRefused(error, {});
        CHECK_FALSE(error->message.contains(u"Jane"_s));
        CHECK_FALSE(error->message.contains(u"99999"_s));
    }
}

TEST_CASE("A million nested lists are refused quickly", "[protocol]")
{
    const QByteArray nested(1'000'000, '\x81');
    QElapsedTimer timer;
    timer.start();
    checkRefused(refusal("push"_L1, nested + QByteArray(1, '\0')), u"not a CBOR map"_s);
    checkRefused(
        refusal("push"_L1, pushWithRawOps(nested + QByteArray(1, '\0'))), u"more than 8 deep"_s);
    // Truncated, too: the walk stops at the depth limit before it could notice.
    checkRefused(refusal("push"_L1, pushWithRawOps(nested)), u"more than 8 deep"_s);
    checkRefused(
        refusal("pulled"_L1, mapWithRaw(without(pulledEntries(), "hlc"_L1), "hlc"_L1, nested)),
        u"more than 8 deep"_s);
    CHECK(timer.elapsed() < QuickMs);
}

TEST_CASE("A million nested tags are refused quickly", "[protocol]")
{
    // Tag 6 is unassigned; QCborValue's parser would recurse once per tag.
    const QByteArray tags = QByteArray(1'000'000, '\xc6') + QByteArray(1, '\x80');
    QElapsedTimer timer;
    timer.start();
    checkRefused(refusal("push"_L1, pushWithRawOps(tags)), u"tag"_s);
    CHECK(timer.elapsed() < QuickMs);
}

TEST_CASE("A list or map claiming 2^62 entries is refused quickly without allocating", "[protocol]")
{
    const QByteArray hugeList = QByteArray::fromHex("9b4000000000000000");
    const QByteArray hugeMap = QByteArray::fromHex("bb4000000000000000");
    QElapsedTimer timer;
    timer.start();
    checkRefused(refusal("push"_L1, hugeList), u"not a CBOR map"_s);
    checkRefused(refusal("push"_L1, hugeMap), u"claims more entries"_s);
    checkRefused(refusal("push"_L1, hugeMap + QByteArray(64, '\0')), u"claims more entries"_s);
    checkRefused(refusal("push"_L1, pushWithRawOps(hugeList)), u"claims more entries"_s);
    checkRefused(refusal("push"_L1, pushWithRawOps(hugeList + QByteArray(64, '\xa0'))),
        u"claims more entries"_s);
    checkRefused(refusal("pulled"_L1,
                     mapWithRaw(without(pulledEntries(), "removed"_L1), "removed"_L1, hugeList)),
        u"claims more entries"_s);
    CHECK(timer.elapsed() < QuickMs);
}

TEST_CASE("A string claiming 2^40 bytes is refused quickly without allocating", "[protocol]")
{
    const QByteArray hugeText = QByteArray::fromHex("7b0000010000000000") + "abc";
    const QByteArray hugeBytes = QByteArray::fromHex("5b0000010000000000") + "abc";
    QElapsedTimer timer;
    timer.start();
    checkRefused(refusal("push"_L1, hugeText), u"not a CBOR map"_s);
    checkRefused(refusal("push"_L1, QByteArray(1, '\xa1') + hugeText), u"longer than"_s);
    checkRefused(refusal("push"_L1, pushWithRawOps(hugeText)), u"longer than"_s);
    const QByteArray op = QByteArray(1, '\x81')
        + mapWithRaw(without(opEntries(), "value"_L1), "value"_L1, hugeBytes);
    checkRefused(refusal("push"_L1, pushWithRawOps(op)), u"longer than"_s);
    CHECK(timer.elapsed() < QuickMs);
}

TEST_CASE("Lists of indefinite length and strings sent in chunks are refused", "[protocol]")
{
    QByteArray indefinite;
    {
        QCborStreamWriter writer(&indefinite);
        writer.startMap();
        for (const auto &[key, value] : pullEntries()) {
            key.toCbor(writer);
            value.toCbor(writer);
        }
        writer.endMap();
    }
    checkRefused(refusal("pull"_L1, indefinite), u"indefinite length"_s);
    checkRefused(
        refusal("push"_L1, pushWithRawOps(QByteArray::fromHex("9fff"))), u"indefinite length"_s);
    // "v" as one chunk of an indefinite-length text string.
    checkRefused(refusal("pull"_L1, QByteArray::fromHex("a17f6176ff01")), u"in chunks"_s);
}

TEST_CASE("Integers beyond 64 signed bits are refused", "[protocol]")
{
    const Entries pull = without(pullEntries(), "cursor"_L1);
    checkRefused(refusal("pull"_L1,
                     mapWithRaw(pull, "cursor"_L1, QByteArray::fromHex("1bffffffffffffffff"))),
        u"too large"_s);
    checkRefused(refusal("pull"_L1,
                     mapWithRaw(pull, "cursor"_L1, QByteArray::fromHex("1b8000000000000000"))),
        u"too large"_s);
    const Entries pushed = without(pushedEntries(), "hlc"_L1);
    checkRefused(refusal("pushed"_L1,
                     mapWithRaw(pushed, "hlc"_L1, QByteArray::fromHex("3bffffffffffffffff"))),
        u"too small"_s);
    checkRefused(refusal("pushed"_L1,
                     mapWithRaw(pushed, "hlc"_L1, QByteArray::fromHex("3b8000000000000000"))),
        u"too small"_s);
    CHECK_FALSE(refusal(
        "pull"_L1, mapWithRaw(pull, "cursor"_L1, QByteArray::fromHex("1b7fffffffffffffff"))));
}

TEST_CASE(
    "Randomly damaged bodies are refused or decode to bodies that encode validly", "[protocol]")
{
    // Run with --rng-seed to explore other damage; the default keeps runs repeatable.
    const unsigned seed = Catch::rngSeed() != 0 ? Catch::rngSeed() : 20240611u;
    INFO("seed " << seed);
    std::mt19937 random(seed);

    PushRequest push = threeOpPush();
    push.ops.append(makeOp(4, QVariant(QByteArray("\0\x01\x02", 3)), { u"tablet-z:1"_s }));
    const QList<QPair<QLatin1StringView, QByteArray>> bodies = {
        { "push"_L1, SyncCodec::encode(push) },
        { "pushed"_L1,
            SyncCodec::encode(PushReply { 17, Hlc(1'700'000'000'000, 2), 0, std::nullopt }) },
        { "pull"_L1, SyncCodec::encode(PullRequest { 99, 250, {} }) },
        { "pulled"_L1, SyncCodec::encode(samplePullReply()) },
        { "error"_L1, SyncCodec::encode(ErrorReply { u"scope"_s, u"Not yours."_s }) },
    };

    int accepted = 0;
    int refused = 0;
    for (int round = 0; round < 2000; ++round) {
        const auto &[type, valid] = bodies[qsizetype(random() % bodies.size())];
        QByteArray damaged = valid;
        const int flips = 1 + int(random() % 3);
        for (int flip = 0; flip < flips; ++flip)
            damaged[qsizetype(random() % damaged.size())] ^= char(1 + random() % 255);
        INFO("round " << round << ", " << type.data() << " body " << damaged.toHex().constData());

        bool survived = false;
        if (type == "push"_L1)
            survived = refusedOrSurvives(&SyncCodec::decodePushRequest, damaged);
        else if (type == "pushed"_L1)
            survived = refusedOrSurvives(&SyncCodec::decodePushReply, damaged);
        else if (type == "pull"_L1)
            survived = refusedOrSurvives(&SyncCodec::decodePullRequest, damaged);
        else if (type == "pulled"_L1)
            survived = refusedOrSurvives(&SyncCodec::decodePullReply, damaged);
        else
            survived = refusedOrSurvives(&SyncCodec::decodeErrorReply, damaged);
        ++(survived ? accepted : refused);
    }
    // Both outcomes happen: the damage reaches the checks and the values alike.
    CHECK(accepted > 0);
    CHECK(refused > 0);
}

TEST_CASE("Enrolment bodies survive encoding and decoding, and refuse empty codes", "[protocol]")
{
    const EnrolRequest request { u"4821-0937"_s, u"1f0c6a2e-77b1-4c8e-9d3a-5e2b8f0a6c14"_s,
        u"Tablet 7 (Northshire Family Hub)"_s, u"0.1.0"_s };
    const auto decoded = SyncCodec::decodeEnrolRequest(SyncCodec::encode(request));
    REQUIRE(decoded.ok());
    CHECK(decoded->code == request.code);
    CHECK(decoded->deviceId == request.deviceId);
    CHECK(decoded->deviceName == request.deviceName);
    CHECK(decoded->appVersion == request.appVersion);

    const EnrolReply reply { u"8d5c0f6e-3f2a-4d0e-9a51-0b7c2e1f4a90"_s, u"a1b2c3"_s, u"p-17"_s };
    const auto back = SyncCodec::decodeEnrolReply(SyncCodec::encode(reply));
    REQUIRE(back.ok());
    CHECK(back->deviceId == reply.deviceId);
    CHECK(back->token == reply.token);
    CHECK(back->userId == reply.userId);

    const auto empty = SyncCodec::decodeEnrolRequest(SyncCodec::encode(EnrolRequest {}));
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == Error::Code::InvalidArgument);
    const auto wrongType = SyncCodec::decodeEnrolReply(SyncCodec::encode(request));
    REQUIRE_FALSE(wrongType.ok());
}

TEST_CASE("A push carries the tablet's audit entries, which must come in order", "[protocol]")
{
    PushRequest request;
    request.audit = { { 3, u"2026-03-04T10:30:00.000Z"_s, u"amara"_s, u"create"_s, u"visit"_s,
                          u"v-1"_s, u"worries,visit_at"_s, u"local"_s },
        { 7, u"2026-03-04T10:31:00.000Z"_s, u"amara"_s, u"delete"_s, u"person"_s, u"p-1"_s, {},
            u"local"_s } };
    const auto decoded = SyncCodec::decodePushRequest(SyncCodec::encode(request));
    REQUIRE(decoded.ok());
    CHECK(decoded->ops.isEmpty());
    CHECK(decoded->audit == request.audit);
    const auto reply = SyncCodec::decodePushReply(
        SyncCodec::encode(PushReply { 2, Hlc(5, 0), 7, std::nullopt }));
    REQUIRE(reply.ok());
    CHECK(reply->audited == 7);

    PushRequest repeated = request;
    repeated.audit[1].seq = 3;
    checkRefused(errorOf(SyncCodec::decodePushRequest(SyncCodec::encode(repeated))),
        u"greater than the entry before"_s);
    PushRequest untimed = request;
    untimed.audit[0].at = u"yesterday"_s;
    checkRefused(errorOf(SyncCodec::decodePushRequest(SyncCodec::encode(untimed))),
        u"\"at\" must be an ISO 8601 time"_s);
    PushRequest anonymous = request;
    anonymous.audit[0].actorId.clear();
    checkRefused(errorOf(SyncCodec::decodePushRequest(SyncCodec::encode(anonymous))),
        u"\"actor\" must not be empty"_s);
    // Each entry is a list of eight, in order: a map, or a list one short, is refused.
    checkRefused(
        refusal("push"_L1,
            mapBytes(with(pushEntries(), "audit"_L1, QCborArray { QCborMap { { "seq"_L1, 1 } } }))),
        u"must be a list of 8 values: seq, at, actor"_s);
    checkRefused(refusal("push"_L1,
                     mapBytes(with(pushEntries(), "audit"_L1,
                         QCborArray { QCborArray { 1, u"2026-03-04T10:30:00.000Z"_s, u"amara"_s,
                             u"create"_s, u"visit"_s, u"v-1"_s, u"worries"_s } }))),
        u"must be a list of 8 values"_s);
}

TEST_CASE("Blob bodies round-trip, and every truncation of one is refused", "[protocol]")
{
    const QString hash = u"0123456789abcdef"_s.repeated(4);
    const BlobPutRequest put { hash, 1'000, 200, QByteArray(300, 'p') };
    const BlobGetReply range { 1'000, 200, QByteArray(300, 'g') };
    auto decodedPut = SyncCodec::decodeBlobPutRequest(SyncCodec::encode(put));
    REQUIRE(decodedPut.ok());
    CHECK(decodedPut->sha256 == hash);
    CHECK(decodedPut->size == 1'000);
    CHECK(decodedPut->offset == 200);
    CHECK(decodedPut->data == put.data);
    auto decodedRange = SyncCodec::decodeBlobGetReply(SyncCodec::encode(range));
    REQUIRE(decodedRange.ok());
    CHECK(decodedRange->data == range.data);
    auto held = SyncCodec::decodeBlobPutReply(SyncCodec::encode(BlobPutReply { 500, false }));
    REQUIRE(held.ok());
    CHECK(held->received == 500);
    CHECK_FALSE(held->complete);
    auto get = SyncCodec::decodeBlobGetRequest(SyncCodec::encode(BlobGetRequest { hash, 7, 9 }));
    REQUIRE(get.ok());
    CHECK(get->offset == 7);
    CHECK(get->length == 9);

    for (const QByteArray &body : { SyncCodec::encode(put), SyncCodec::encode(range) }) {
        for (qsizetype length = 0; length < body.size(); ++length) {
            INFO("truncated to " << length << " of " << body.size() << " bytes");
            const QByteArrayView cut = QByteArrayView(body).first(length);
            CHECK_FALSE(SyncCodec::decodeBlobPutRequest(cut).ok());
            CHECK_FALSE(SyncCodec::decodeBlobGetReply(cut).ok());
        }
    }
    // A reply claiming more bytes than the blob has is refused, not trusted.
    CHECK_FALSE(SyncCodec::decodeBlobGetReply(
        SyncCodec::encode(BlobGetReply { 100, 90, QByteArray(20, 'x') }))
                    .ok());
}

TEST_CASE("An op's device is its id's first part, not sent twice", "[protocol]")
{
    const auto decoded = SyncCodec::decodePushRequest(mapBytes(pushEntries()));
    REQUIRE(decoded.ok());
    CHECK(decoded->ops.first().deviceId == u"tablet-a"_s);
    checkRefused(refusal("push"_L1, pushWithOp(with(opEntries(), "id"_L1, ":1"_L1))),
        u"\"<device>:<sequence>\""_s);
    checkRefused(refusal("push"_L1, pushWithOp(with(opEntries(), "device"_L1, "tablet-a"_L1))),
        u"unknown key \"device\""_s);
}

TEST_CASE("The last push carries the pull, and its reply the pull's answer", "[protocol]")
{
    PushRequest request = threeOpPush();
    request.pull = PullRequest { 41, 700, { 3, 9 } };
    const auto decoded = SyncCodec::decodePushRequest(SyncCodec::encode(request));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->pull.has_value());
    CHECK(decoded->pull->cursor == 41);
    CHECK(decoded->pull->limit == 700);
    CHECK(decoded->pull->catchUp == CatchUp { 3, 9 });
    CHECK(decoded->ops == request.ops);

    PullReply pulled;
    pulled.ops << LoggedOp { 42, makeOp(1, {}) };
    pulled.cursor = 42;
    pulled.removedFamilies << u"family-9"_s;
    pulled.serverHlc = Hlc(1'700'000'000'000, 1);
    const PushReply reply { 12, Hlc(1'700'000'000'000, 2), 4, pulled };
    const auto answer = SyncCodec::decodePushReply(SyncCodec::encode(reply));
    REQUIRE(answer.ok());
    REQUIRE(answer->pulled.has_value());
    CHECK(answer->pulled->cursor == 42);
    CHECK(answer->pulled->ops.size() == 1);
    CHECK(answer->pulled->ops.first().op == makeOp(1, {}));
    CHECK(answer->pulled->removedFamilies == QStringList { u"family-9"_s });

    // The nested pull is checked as a pull body is.
    checkRefused(refusal("push"_L1,
                     mapBytes(with(pushEntries(), "pull"_L1,
                         QCborMap { { "cursor"_L1, 0 }, { "limit"_L1, 0 },
                             { "catchUp"_L1, QCborArray { 0, 0 } } }))),
        u"\"limit\" must be between 1 and 5000"_s);
    checkRefused(
        refusal("push"_L1, mapBytes(with(pushEntries(), "pull"_L1, 7))), u"must be a map"_s);
}

TEST_CASE("A family audit request and its trail survive encoding, and a bad trail is refused",
    "[protocol]")
{
    const auto request = SyncCodec::decodeFamilyAuditRequest(
        SyncCodec::encode(FamilyAuditRequest { u"f-1"_s, 50 }));
    REQUIRE(request.ok());
    CHECK(request->familyId == u"f-1"_s);
    CHECK(request->limit == 50);
    CHECK_FALSE(
        SyncCodec::decodeFamilyAuditRequest(SyncCodec::encode(FamilyAuditRequest { u"f-1"_s, 0 }))
            .ok());
    CHECK_FALSE(
        SyncCodec::decodeFamilyAuditRequest(SyncCodec::encode(FamilyAuditRequest { {}, 10 })).ok());

    FamilyAuditReply reply;
    reply.entries = { { u"2026-03-04T09:00:00.000Z"_s, u"amara"_s, u"Amara Osei"_s,
        u"Amara's tablet"_s, u"update"_s, u"visit"_s, u"v-1"_s, u"worries"_s } };
    const auto decoded = SyncCodec::decodeFamilyAuditReply(SyncCodec::encode(reply));
    REQUIRE(decoded.ok());
    CHECK(decoded->entries == reply.entries);

    QCborMap bad;
    bad.insert("v"_L1, 1);
    bad.insert("type"_L1, "family-audit-trail"_L1);
    bad.insert("entries"_L1, QCborArray { QCborValue(QCborArray { 1, 2, 3 }) });
    const auto refused = SyncCodec::decodeFamilyAuditReply(bad.toCborValue().toCbor());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"list of eight texts"_s));
}
