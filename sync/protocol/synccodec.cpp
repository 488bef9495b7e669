#include "protocol/synccodec.h"

#include "protocol/recordschema.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>
#include <QDateTime>
#include <QList>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>

namespace doorstep::sync
{
namespace
{

namespace Key
{
constexpr QLatin1String Version("v");
constexpr QLatin1String Type("type");
constexpr QLatin1String Ops("ops");
constexpr QLatin1String Acked("acked");
constexpr QLatin1String Hlc("hlc");
constexpr QLatin1String Cursor("cursor");
constexpr QLatin1String Limit("limit");
constexpr QLatin1String More("more");
constexpr QLatin1String Snapshot("snapshot");
constexpr QLatin1String Removed("removed");
constexpr QLatin1String CatchUp("catchUp");
constexpr QLatin1String Audit("audit");
constexpr QLatin1String Audited("audited");
constexpr QLatin1String At("at");
constexpr QLatin1String Actor("actor");
constexpr QLatin1String Action("action");
constexpr QLatin1String Fields("fields");
constexpr QLatin1String Origin("origin");
constexpr QLatin1String Seq("seq");
constexpr QLatin1String Op("op");
constexpr QLatin1String Code("code");
constexpr QLatin1String Message("message");
constexpr QLatin1String Id("id");
constexpr QLatin1String Kind("kind");
constexpr QLatin1String Record("record");
constexpr QLatin1String Field("field");
constexpr QLatin1String Value("value");
constexpr QLatin1String Device("device");
constexpr QLatin1String Replaces("replaces");
constexpr QLatin1String Name("name");
constexpr QLatin1String App("app");
constexpr QLatin1String Token("token");
constexpr QLatin1String User("user");
constexpr QLatin1String Sha256("sha256");
constexpr QLatin1String Size("size");
constexpr QLatin1String Offset("offset");
constexpr QLatin1String Data("data");
constexpr QLatin1String Length("length");
constexpr QLatin1String Received("received");
constexpr QLatin1String Complete("complete");
constexpr QLatin1String Pull("pull");
constexpr QLatin1String Pulled("pulled");
constexpr QLatin1String Team("team");
constexpr QLatin1String Role("role");
constexpr QLatin1String Members("members");
constexpr QLatin1String Family("family");
constexpr QLatin1String Entries("entries");
} // namespace Key

namespace Type
{
constexpr QLatin1String Push("push");
constexpr QLatin1String Pushed("pushed");
constexpr QLatin1String Pull("pull");
constexpr QLatin1String Pulled("pulled");
constexpr QLatin1String Error("error");
constexpr QLatin1String Enrol("enrol");
constexpr QLatin1String Enrolled("enrolled");
constexpr QLatin1String BlobPut("blob-put");
constexpr QLatin1String BlobHeld("blob-held");
constexpr QLatin1String BlobGet("blob-get");
constexpr QLatin1String BlobRange("blob-range");
constexpr QLatin1String FamilyAudit("family-audit");
constexpr QLatin1String FamilyAuditTrail("family-audit-trail");
} // namespace Type

constexpr qint64 MaxPullLimit = 5000;

// Longer than any key the protocol uses and short enough to quote in a message.
constexpr qsizetype MaxQuotedKeyLength = 32;

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// The most CBOR items any body within the limits can hold: a few top-level keys, and per op
// its map, eight keys and values, its replaces and the wrapping of a pulled entry. Checking
// the count bounds what QCborValue allocates, which a plain byte limit does not (a one-byte
// item costs QCborValue far more than one byte).
qint64 itemBudget(const CodecLimits &limits)
{
    return 32 + qint64(limits.maxOps) * (24 + qint64(limits.maxReplaces));
}

Error readerError(QCborStreamReader &reader)
{
    if (reader.lastError() == QCborError::EndOfFile)
        return invalid(QStringLiteral("The body ends too early: it is truncated."));
    return invalid(QStringLiteral("The body is not well-formed CBOR."));
}

/// Walks the whole body iteratively, item by item, before QCborValue sees it: QCborValue's
/// parser recurses into nested containers and reserves memory by the lengths a body claims,
/// so it only ever gets bodies whose nesting, lengths and item count are already known to
/// be within the limits and true.
std::optional<Error> checkShape(QByteArrayView body, const CodecLimits &limits)
{
    QCborStreamReader reader(body.data(), body.size());
    if (reader.type() == QCborStreamReader::Invalid) {
        if (body.isEmpty())
            return invalid(QStringLiteral("The body is empty."));
        return readerError(reader);
    }
    if (!reader.isMap())
        return invalid(QStringLiteral("The body is not a CBOR map."));

    const qint64 budget = itemBudget(limits);
    qint64 items = 0;
    int depth = 0;
    do {
        if (reader.lastError() != QCborError::NoError)
            return readerError(reader);
        if (depth > 0 && !reader.hasNext()) {
            if (!reader.leaveContainer())
                return readerError(reader);
            --depth;
            continue;
        }
        if (++items > budget)
            return invalid(QStringLiteral("The body holds more items than a sync body may."));
        const quint64 remaining = quint64(body.size() - reader.currentOffset());
        switch (reader.type()) {
        case QCborStreamReader::Array:
        case QCborStreamReader::Map: {
            if (!reader.isLengthKnown())
                return invalid(QStringLiteral(
                    "The body holds a list or map of indefinite length, which sync bodies "
                    "never use."));
            if (depth >= limits.maxDepth)
                return invalid(QStringLiteral("The body nests lists and maps more than %1 deep.")
                                   .arg(limits.maxDepth));
            // Every entry takes at least a byte (a map entry two), so a longer claim is false;
            // refusing it here keeps a claim of 2^62 entries from costing anything.
            const quint64 claimed = reader.length();
            if (claimed > remaining || (reader.isMap() && claimed > remaining / 2))
                return invalid(QStringLiteral(
                    "The body holds a list or map that claims more entries than the body has."));
            if (!reader.enterContainer())
                return readerError(reader);
            ++depth;
            break;
        }
        case QCborStreamReader::String:
        case QCborStreamReader::ByteArray:
            if (!reader.isLengthKnown())
                return invalid(QStringLiteral(
                    "The body holds a string sent in chunks, which sync bodies never use."));
            if (reader.length() > quint64(limits.maxStringBytes))
                return invalid(
                    QStringLiteral("The body holds a text or byte string longer than %1 bytes.")
                        .arg(limits.maxStringBytes));
            if (reader.length() > remaining)
                return invalid(QStringLiteral("The body ends too early: it is truncated."));
            // Skipping a string also checks that text is valid UTF-8.
            if (!reader.next())
                return readerError(reader);
            break;
        case QCborStreamReader::UnsignedInteger:
            if (reader.toUnsignedInteger() > quint64(std::numeric_limits<qint64>::max()))
                return invalid(QStringLiteral("The body holds an integer too large for 64 bits."));
            reader.next();
            break;
        case QCborStreamReader::NegativeInteger: {
            // The magnitude of the value, with -2^64 wrapped to 0.
            const quint64 magnitude = quint64(reader.toNegativeInteger());
            if (magnitude == 0 || magnitude > quint64(std::numeric_limits<qint64>::max()) + 1)
                return invalid(QStringLiteral("The body holds an integer too small for 64 bits."));
            reader.next();
            break;
        }
        case QCborStreamReader::Tag:
            // Refused rather than counted: QCborValue would recurse through nested tags too.
            return invalid(
                QStringLiteral("The body holds a CBOR tag, which sync bodies never use."));
        case QCborStreamReader::Invalid:
            return readerError(reader);
        default:
            reader.next();
            break;
        }
    } while (depth > 0);

    if (reader.lastError() != QCborError::NoError)
        return readerError(reader);
    if (reader.currentOffset() != body.size())
        return invalid(QStringLiteral("The body has bytes after its end."));
    return std::nullopt;
}

QString describeKey(const QCborValue &key)
{
    const QString name = key.toString();
    if (name.size() > MaxQuotedKeyLength)
        return {};
    for (const QChar c : name) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
            || c == QLatin1Char('-');
        if (!plain)
            return {};
    }
    return name;
}

/// The one value under `key`: refused if the key is missing or appears twice.
Result<QCborValue> uniqueValue(const QCborMap &map, QLatin1String key, const QString &where)
{
    std::optional<QCborValue> found;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!it.key().isString() || it.key().toString() != key)
            continue;
        if (found)
            return invalid(
                QStringLiteral("In %1, the key \"%2\" appears more than once.").arg(where, key));
        found = QCborValue(it.value());
    }
    if (!found)
        return invalid(QStringLiteral("In %1, the key \"%2\" is missing.").arg(where, key));
    return *found;
}

/// The values of a map that must hold exactly `names`, in that order.
Result<QList<QCborValue>> fieldsOf(
    const QCborValue &value, std::initializer_list<QLatin1String> names, const QString &where)
{
    if (!value.isMap())
        return invalid(QStringLiteral("%1 must be a map.").arg(capitalised(where)));
    const QCborMap map = value.toMap();
    QList<QCborValue> values(qsizetype(names.size()));
    QList<bool> seen(qsizetype(names.size()), false);
    // Stops at the first stray key, so a map claiming many entries costs little.
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!it.key().isString())
            return invalid(QStringLiteral("In %1, a key is not text.").arg(where));
        const QString key = it.key().toString();
        qsizetype index = 0;
        for (const QLatin1String name : names) {
            if (key == name)
                break;
            ++index;
        }
        if (index == qsizetype(names.size())) {
            const QString quoted = describeKey(it.key());
            if (quoted.isEmpty())
                return invalid(QStringLiteral("In %1, there is an unknown key.").arg(where));
            return invalid(
                QStringLiteral("In %1, there is an unknown key \"%2\".").arg(where, quoted));
        }
        if (seen[index])
            return invalid(
                QStringLiteral("In %1, the key \"%2\" appears more than once.").arg(where, key));
        seen[index] = true;
        values[index] = it.value();
    }
    qsizetype index = 0;
    for (const QLatin1String name : names) {
        if (!seen[index++])
            return invalid(QStringLiteral("In %1, the key \"%2\" is missing.").arg(where, name));
    }
    return values;
}

Error wrongType(const QString &where, QLatin1String key, const char *expected)
{
    return invalid(
        QStringLiteral("In %1, \"%2\" must be %3.").arg(where, key, QString::fromLatin1(expected)));
}

Result<qint64> integerOf(const QCborValue &value, QLatin1String key, const QString &where)
{
    if (!value.isInteger())
        return wrongType(where, key, "an integer");
    return qint64(value.toInteger());
}

Result<qint64> countOf(const QCborValue &value, QLatin1String key, const QString &where)
{
    auto number = integerOf(value, key, where);
    if (number.ok() && *number < 0)
        return invalid(QStringLiteral("In %1, \"%2\" must not be negative.").arg(where, key));
    return number;
}

Result<Hlc> hlcOf(const QCborValue &value, const QString &where)
{
    // A clock reading before 1970 is no time any device wrote at.
    auto packed = countOf(value, Key::Hlc, where);
    if (!packed)
        return packed.error();
    return Hlc::fromPacked(*packed);
}

/// A catch-up position: a list of two counts, [family, seq].
Result<CatchUp> catchUpOf(const QCborValue &value, const QString &where)
{
    if (!value.isArray() || value.toArray().size() != 2)
        return wrongType(where, Key::CatchUp, "a list of two counts");
    const QCborArray pair = value.toArray();
    auto family = countOf(pair.at(0), Key::CatchUp, where);
    if (!family)
        return family.error();
    auto seq = countOf(pair.at(1), Key::CatchUp, where);
    if (!seq)
        return seq.error();
    return CatchUp { *family, *seq };
}

QCborArray catchUpToCbor(const CatchUp &catchUp)
{
    return QCborArray { catchUp.family, catchUp.seq };
}

Result<bool> boolOf(const QCborValue &value, QLatin1String key, const QString &where)
{
    if (!value.isBool())
        return wrongType(where, key, "true or false");
    return value.toBool();
}

Result<QString> textOf(const QCborValue &value, QLatin1String key, const QString &where)
{
    if (!value.isString())
        return wrongType(where, key, "text");
    return value.toString();
}

Result<QString> nonEmptyTextOf(const QCborValue &value, QLatin1String key, const QString &where)
{
    auto text = textOf(value, key, where);
    if (text.ok() && text->isEmpty())
        return invalid(QStringLiteral("In %1, \"%2\" must not be empty.").arg(where, key));
    return text;
}

Result<QCborArray> listOf(const QCborValue &value, QLatin1String key, qsizetype maxEntries,
    const char *entryNoun, const QString &where)
{
    if (!value.isArray())
        return wrongType(where, key, "a list");
    const QCborArray list = value.toArray();
    if (list.size() > maxEntries)
        return invalid(QStringLiteral("In %1, \"%2\" holds %3 %4; at most %5 are allowed.")
                           .arg(where, key)
                           .arg(list.size())
                           .arg(QString::fromLatin1(entryNoun))
                           .arg(maxEntries));
    return list;
}

Result<QStringList> textListOf(const QCborValue &value, QLatin1String key, qsizetype maxEntries,
    const char *entryNoun, const QString &where)
{
    auto list = listOf(value, key, maxEntries, entryNoun, where);
    if (!list)
        return list.error();
    QStringList texts;
    texts.reserve(list->size());
    for (const QCborValue &entry : *list) {
        if (!entry.isString() || entry.toString().isEmpty())
            return invalid(QStringLiteral("In %1, every entry of \"%2\" must be non-empty text.")
                               .arg(where, key));
        texts.append(entry.toString());
    }
    return texts;
}

QCborValue valueToCbor(const QVariant &value)
{
    if (!value.isValid())
        return QCborValue(nullptr);
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::UInt:
    case QMetaType::UShort:
        return QCborValue(value.toLongLong());
    case QMetaType::QString:
        return QCborValue(value.toString());
    case QMetaType::QByteArray:
        return QCborValue(value.toByteArray());
    case QMetaType::Double:
        return QCborValue(value.toDouble());
    default:
        // Undefined makes every peer refuse the body: better than a silently changed value.
        Q_ASSERT_X(false, "SyncCodec",
            "an op value must be null, an integer, a real number, text or bytes");
        return QCborValue();
    }
}

Result<QVariant> valueFromCbor(const QCborValue &value, const QString &where)
{
    if (value.isNull())
        return QVariant();
    if (value.isInteger())
        return QVariant(qint64(value.toInteger()));
    if (value.isString())
        return QVariant(value.toString());
    if (value.isByteArray())
        return QVariant(value.toByteArray());
    if (value.isDouble()) {
        // A stroke's width, say: a number, never NaN or infinity, which no field can hold.
        if (!std::isfinite(value.toDouble()))
            return wrongType(where, Key::Value, "a finite number");
        return QVariant(value.toDouble());
    }
    return wrongType(where, Key::Value, "null, an integer, a real number, text or bytes");
}

QCborMap opToCbor(const Op &op)
{
    QCborMap map;
    map.insert(Key::Id, op.id);
    map.insert(Key::Kind, op.kind);
    map.insert(Key::Record, op.recordId);
    map.insert(Key::Field, op.field);
    map.insert(Key::Value, valueToCbor(op.value));
    map.insert(Key::Hlc, op.hlc.packed());
    // No device: it is the op id's first part ("<device>:<sequence>"), not sent twice.
    map.insert(Key::Replaces, QCborArray::fromStringList(op.replaces));
    return map;
}

Result<Op> opFromCbor(const QCborValue &value, const CodecLimits &limits, const QString &where)
{
    auto fields = fieldsOf(value,
        { Key::Id, Key::Kind, Key::Record, Key::Field, Key::Value, Key::Hlc, Key::Replaces },
        where);
    if (!fields)
        return fields.error();
    const QList<QCborValue> &f = *fields;

    Op op;
    auto id = nonEmptyTextOf(f[0], Key::Id, where);
    if (!id)
        return id.error();
    const qsizetype colon = id->lastIndexOf(QLatin1Char(':'));
    if (opSequence(*id) < 0 || colon < 1)
        return invalid(QStringLiteral("In %1, \"id\" is not a device and a local sequence "
                                      "number, as \"<device>:<sequence>\" is.")
                           .arg(where));
    op.id = *id;
    op.deviceId = id->left(colon);
    auto kind = nonEmptyTextOf(f[1], Key::Kind, where);
    if (!kind)
        return kind.error();
    op.kind = *kind;
    auto record = nonEmptyTextOf(f[2], Key::Record, where);
    if (!record)
        return record.error();
    op.recordId = *record;
    auto field = nonEmptyTextOf(f[3], Key::Field, where);
    if (!field)
        return field.error();
    op.field = *field;
    auto fieldValue = valueFromCbor(f[4], where);
    if (!fieldValue)
        return fieldValue.error();
    op.value = *fieldValue;
    auto hlc = hlcOf(f[5], where);
    if (!hlc)
        return hlc.error();
    op.hlc = *hlc;
    auto replaces = textListOf(f[6], Key::Replaces, limits.maxReplaces, "versions", where);
    if (!replaces)
        return replaces.error();
    op.replaces = *replaces;
    return op;
}

QByteArray encodeBody(QLatin1String type, QCborMap body)
{
    QCborMap map;
    map.insert(Key::Version, ProtocolVersion);
    map.insert(Key::Type, type);
    for (auto it = body.cbegin(); it != body.cend(); ++it)
        map.insert(it.key(), it.value());
    return map.toCborValue().toCbor();
}

/// The top-level fields of a body of `type`, in the order of `names` (which include the
/// version and type), once the body has passed every check that is not about its type.
Result<QList<QCborValue>> decodeBody(QByteArrayView body, const CodecLimits &limits,
    QLatin1String type, std::initializer_list<QLatin1String> names)
{
    if (body.size() > limits.maxBodyBytes)
        return invalid(QStringLiteral("The body is larger than the limit of %1 bytes.")
                           .arg(limits.maxBodyBytes));
    if (auto shapeError = checkShape(body, limits))
        return *shapeError;

    QCborParserError parseError;
    const QCborValue top
        = QCborValue::fromCbor(QByteArray::fromRawData(body.data(), body.size()), &parseError);
    if (parseError.error != QCborError::NoError || !top.isMap())
        return invalid(QStringLiteral("The body is not well-formed CBOR."));
    const QCborMap map = top.toMap();
    const QString where = QStringLiteral("the %1 body").arg(type);

    // Version first: a newer peer's body may differ in any other way, and it should hear
    // that the version is the problem.
    auto version = uniqueValue(map, Key::Version, where);
    if (!version)
        return version.error();
    if (!version->isInteger())
        return wrongType(where, Key::Version, "an integer");
    if (version->toInteger() != ProtocolVersion)
        return makeError(Error::Code::Unsupported,
            QStringLiteral("This program speaks sync protocol version %1, but the body is "
                           "version %2.")
                .arg(ProtocolVersion)
                .arg(version->toInteger()));

    auto sentType = uniqueValue(map, Key::Type, where);
    if (!sentType)
        return sentType.error();
    if (!sentType->isString())
        return wrongType(where, Key::Type, "text");
    const QString sent = sentType->toString();
    if (sent != type) {
        const bool known = sent == Type::Push || sent == Type::Pushed || sent == Type::Pull
            || sent == Type::Pulled || sent == Type::Error || sent == Type::Enrol
            || sent == Type::Enrolled || sent == Type::BlobPut || sent == Type::BlobHeld
            || sent == Type::BlobGet || sent == Type::BlobRange || sent == Type::FamilyAudit
            || sent == Type::FamilyAuditTrail;
        if (!known)
            return invalid(QStringLiteral("Expected a body of type \"%1\", but the body's type "
                                          "is not one this protocol has.")
                               .arg(type));
        return invalid(
            QStringLiteral("Expected a body of type \"%1\", but the body is of type \"%2\".")
                .arg(type, sent));
    }
    return fieldsOf(top, names, where);
}

/// A tablet's audit entries, as a push carries them: each a list of eight, in the order of
/// AuditEntryFields (a list, not a map: an entry rides with every push, and its keys would
/// be a third of it).
const std::initializer_list<QLatin1String> AuditEntryFields { Key::Seq, Key::At, Key::Actor,
    Key::Action, Key::Kind, Key::Record, Key::Fields, Key::Origin };

QCborArray auditToCbor(const QList<DeviceAuditEntry> &entries)
{
    QCborArray list;
    for (const DeviceAuditEntry &entry : entries) {
        list.append(QCborArray { entry.seq, entry.at, entry.actorId, entry.action, entry.recordKind,
            entry.recordId, entry.fields, entry.origin });
    }
    return list;
}

Result<QList<DeviceAuditEntry>> auditFromCbor(
    const QCborValue &value, const CodecLimits &limits, const QString &where)
{
    auto entries = listOf(value, Key::Audit, limits.maxOps, "entries", where);
    if (!entries)
        return entries.error();
    QList<DeviceAuditEntry> made;
    made.reserve(entries->size());
    qint64 previous = 0;
    for (qsizetype i = 0; i < entries->size(); ++i) {
        const QString entryWhere = QStringLiteral("audit entry %1 of %2").arg(i + 1).arg(where);
        const QCborValue &item = entries->at(i);
        if (!item.isArray() || item.toArray().size() != qsizetype(AuditEntryFields.size()))
            return invalid(QStringLiteral("%1 must be a list of %2 values: %3.")
                               .arg(capitalised(entryWhere))
                               .arg(AuditEntryFields.size())
                               .arg(QStringList(AuditEntryFields.begin(), AuditEntryFields.end())
                                        .join(QStringLiteral(", "))));
        const QCborArray entry = item.toArray();
        DeviceAuditEntry one;
        auto seq = countOf(entry.at(0), Key::Seq, entryWhere);
        if (!seq)
            return seq.error();
        // In order and each once: the server keeps only what is after what it holds.
        if (*seq <= previous)
            return invalid(QStringLiteral("In %1, \"seq\" must be greater than the entry "
                                          "before's.")
                               .arg(entryWhere));
        previous = one.seq = *seq;
        auto at = nonEmptyTextOf(entry.at(1), Key::At, entryWhere);
        if (!at)
            return at.error();
        if (!QDateTime::fromString(*at, Qt::ISODateWithMs).isValid())
            return invalid(
                QStringLiteral("In %1, \"at\" must be an ISO 8601 time.").arg(entryWhere));
        one.at = *at;
        QString *const texts[] = { &one.actorId, &one.action, &one.recordKind, &one.recordId,
            &one.fields, &one.origin };
        const QLatin1String names[]
            = { Key::Actor, Key::Action, Key::Kind, Key::Record, Key::Fields, Key::Origin };
        for (int t = 0; t < 6; ++t) {
            // Only the field names may be empty (a delete names none).
            auto text = t == 4 ? textOf(entry.at(2 + t), names[t], entryWhere)
                               : nonEmptyTextOf(entry.at(2 + t), names[t], entryWhere);
            if (!text)
                return text.error();
            *texts[t] = *text;
        }
        made.append(one);
    }
    return made;
}

/// Blob bodies carry a range of bytes, longer than any other string a body holds.
CodecLimits blobLimits(CodecLimits limits)
{
    limits.maxStringBytes = std::max<qsizetype>(limits.maxStringBytes, MaxBlobRangeBytes);
    return limits;
}

Result<QString> sha256Of(const QCborValue &value, const QString &where)
{
    if (!value.isString() || !RecordSchema::isContentHash(value.toString()))
        return wrongType(where, Key::Sha256, "a SHA-256 in 64 lowercase hex digits");
    return value.toString();
}

Result<qint64> blobSizeOf(const QCborValue &value, const QString &where)
{
    auto size = countOf(value, Key::Size, where);
    if (size.ok() && (*size < 1 || *size > MaxBlobBytes))
        return invalid(QStringLiteral("In %1, \"size\" must be between 1 and %2 bytes.")
                           .arg(where)
                           .arg(MaxBlobBytes));
    return size;
}

Result<QByteArray> bytesOf(const QCborValue &value, const QString &where)
{
    if (!value.isByteArray())
        return wrongType(where, Key::Data, "bytes");
    const QByteArray data = value.toByteArray();
    if (data.size() > MaxBlobRangeBytes)
        return invalid(QStringLiteral("In %1, \"data\" holds more than %2 bytes.")
                           .arg(where)
                           .arg(MaxBlobRangeBytes));
    return data;
}

QCborMap pullRequestToCbor(const PullRequest &request)
{
    QCborMap map;
    map.insert(Key::Cursor, request.cursor);
    map.insert(Key::Limit, request.limit);
    map.insert(Key::CatchUp, catchUpToCbor(request.catchUp));
    return map;
}

/// The most people a team view names, and tablets one of them has: far above any team.
constexpr qsizetype MaxTeamMembers = 500;
constexpr qsizetype MaxMemberDevices = 50;

QString roleWord(TeamView::Role role)
{
    return role == TeamView::Role::Supervisor ? QStringLiteral("supervisor")
                                              : QStringLiteral("practitioner");
}

Result<TeamView::Role> roleOf(const QCborValue &value, const QString &where)
{
    auto word = textOf(value, Key::Role, where);
    if (!word)
        return word.error();
    if (*word == QLatin1String("supervisor"))
        return TeamView::Role::Supervisor;
    if (*word == QLatin1String("practitioner"))
        return TeamView::Role::Practitioner;
    return invalid(
        QStringLiteral("In %1, \"role\" must be \"practitioner\" or \"supervisor\".").arg(where));
}

/// A team view: a map of role, team and members; each member a list of four (user id,
/// name, role, devices), each device a list of two (name, last sync as ISO 8601 UTC text
/// or null). Lists, not maps, as for audit entries: a supervisor's pull carries them all.
QCborMap teamToCbor(const TeamView &team)
{
    QCborArray members;
    for (const TeamView::Member &member : team.members) {
        QCborArray devices;
        for (const TeamView::Device &device : member.devices) {
            devices.append(QCborArray { device.name,
                device.lastSyncAt.isValid()
                    ? QCborValue(device.lastSyncAt.toUTC().toString(Qt::ISODateWithMs))
                    : QCborValue(nullptr) });
        }
        members.append(QCborArray { member.userId, member.name, roleWord(member.role), devices });
    }
    QCborMap map;
    map.insert(Key::Role, roleWord(team.role));
    map.insert(Key::Team, team.team);
    map.insert(Key::Members, members);
    return map;
}

Result<TeamView> teamFrom(const QCborValue &value, const CodecLimits &limits, const QString &where)
{
    auto fields = fieldsOf(value, { Key::Role, Key::Team, Key::Members }, where);
    if (!fields)
        return fields.error();
    TeamView team;
    auto role = roleOf(fields->at(0), where);
    if (!role)
        return role.error();
    team.role = *role;
    auto name = textOf(fields->at(1), Key::Team, where);
    if (!name)
        return name.error();
    team.team = *name;
    auto members = listOf(fields->at(2), Key::Members, MaxTeamMembers, "people", where);
    if (!members)
        return members.error();
    for (qsizetype i = 0; i < members->size(); ++i) {
        const QString memberWhere = QStringLiteral("person %1 of %2").arg(i + 1).arg(where);
        const QCborValue entry = members->at(i);
        if (!entry.isArray() || entry.toArray().size() != 4)
            return invalid(
                QStringLiteral("%1 must be a list of four.").arg(capitalised(memberWhere)));
        const QCborArray parts = entry.toArray();
        TeamView::Member member;
        auto userId = nonEmptyTextOf(parts.at(0), Key::User, memberWhere);
        if (!userId)
            return userId.error();
        auto memberName = textOf(parts.at(1), Key::Name, memberWhere);
        if (!memberName)
            return memberName.error();
        auto memberRole = roleOf(parts.at(2), memberWhere);
        if (!memberRole)
            return memberRole.error();
        if (userId->size() > limits.maxStringBytes || memberName->size() > limits.maxStringBytes)
            return invalid(
                QStringLiteral("In %1, a text is longer than the limit.").arg(memberWhere));
        member.userId = *userId;
        member.name = *memberName;
        member.role = *memberRole;
        auto devices = listOf(parts.at(3), Key::Device, MaxMemberDevices, "tablets", memberWhere);
        if (!devices)
            return devices.error();
        for (const QCborValue &deviceEntry : *devices) {
            if (!deviceEntry.isArray() || deviceEntry.toArray().size() != 2
                || !deviceEntry.toArray().at(0).isString())
                return invalid(QStringLiteral("In %1, each tablet must be a list of its name "
                                              "and its last sync.")
                                   .arg(memberWhere));
            const QCborArray pair = deviceEntry.toArray();
            TeamView::Device device;
            device.name = pair.at(0).toString();
            if (!pair.at(1).isNull()) {
                device.lastSyncAt = pair.at(1).isString()
                    ? QDateTime::fromString(pair.at(1).toString(), Qt::ISODateWithMs)
                    : QDateTime();
                if (!device.lastSyncAt.isValid())
                    return invalid(QStringLiteral("In %1, a tablet's last sync must be a date "
                                                  "and time (ISO 8601) or null.")
                                       .arg(memberWhere));
                device.lastSyncAt = device.lastSyncAt.toUTC();
            }
            member.devices.append(device);
        }
        team.members.append(member);
    }
    return team;
}

QCborMap pullReplyToCbor(const PullReply &reply)
{
    QCborArray ops;
    for (const LoggedOp &logged : reply.ops) {
        QCborMap entry;
        entry.insert(Key::Seq, logged.serverSeq);
        entry.insert(Key::Op, opToCbor(logged.op));
        ops.append(entry);
    }
    QCborMap map;
    map.insert(Key::Ops, ops);
    map.insert(Key::Cursor, reply.cursor);
    map.insert(Key::More, reply.more);
    map.insert(Key::Snapshot, reply.snapshot);
    map.insert(Key::Removed, QCborArray::fromStringList(reply.removedFamilies));
    map.insert(Key::Hlc, reply.serverHlc.packed());
    map.insert(Key::CatchUp, catchUpToCbor(reply.catchUp));
    map.insert(Key::Team, reply.team ? QCborValue(teamToCbor(*reply.team)) : QCborValue(nullptr));
    return map;
}

/// A pull request's fields: cursor, limit and catchUp, in that order.
Result<PullRequest> pullRequestFrom(const QList<QCborValue> &f, const QString &where)
{
    PullRequest request;
    auto cursor = countOf(f[0], Key::Cursor, where);
    if (!cursor)
        return cursor.error();
    request.cursor = *cursor;
    auto limit = integerOf(f[1], Key::Limit, where);
    if (!limit)
        return limit.error();
    if (*limit < 1 || *limit > MaxPullLimit)
        return invalid(QStringLiteral("In %1, \"limit\" must be between 1 and %2.")
                           .arg(where)
                           .arg(MaxPullLimit));
    request.limit = int(*limit);
    auto catchUp = catchUpOf(f[2], where);
    if (!catchUp)
        return catchUp.error();
    request.catchUp = *catchUp;
    return request;
}

/// A pull reply's fields: ops, cursor, more, snapshot, removed, hlc and catchUp, in order.
Result<PullReply> pullReplyFrom(
    const QList<QCborValue> &f, const CodecLimits &limits, const QString &where)
{
    auto ops = listOf(f[0], Key::Ops, limits.maxOps, "ops", where);
    if (!ops)
        return ops.error();
    PullReply reply;
    reply.ops.reserve(ops->size());
    for (qsizetype i = 0; i < ops->size(); ++i) {
        const QString entryWhere = QStringLiteral("entry %1 of %2").arg(i + 1).arg(where);
        auto entry = fieldsOf(ops->at(i), { Key::Seq, Key::Op }, entryWhere);
        if (!entry)
            return entry.error();
        auto seq = countOf(entry->at(0), Key::Seq, entryWhere);
        if (!seq)
            return seq.error();
        auto op = opFromCbor(entry->at(1), limits, QStringLiteral("the op in %1").arg(entryWhere));
        if (!op)
            return op.error();
        reply.ops.append(LoggedOp { *seq, *op });
    }
    auto cursor = countOf(f[1], Key::Cursor, where);
    if (!cursor)
        return cursor.error();
    reply.cursor = *cursor;
    auto more = boolOf(f[2], Key::More, where);
    if (!more)
        return more.error();
    reply.more = *more;
    auto snapshot = boolOf(f[3], Key::Snapshot, where);
    if (!snapshot)
        return snapshot.error();
    reply.snapshot = *snapshot;
    // No limit of its own: a batch names no more families than it could hold ops.
    auto removed = textListOf(f[4], Key::Removed, limits.maxOps, "families", where);
    if (!removed)
        return removed.error();
    reply.removedFamilies = *removed;
    auto hlc = hlcOf(f[5], where);
    if (!hlc)
        return hlc.error();
    reply.serverHlc = *hlc;
    auto catchUp = catchUpOf(f[6], where);
    if (!catchUp)
        return catchUp.error();
    reply.catchUp = *catchUp;
    if (!f[7].isNull()) {
        auto team = teamFrom(f[7], limits, QStringLiteral("the team of %1").arg(where));
        if (!team)
            return team.error();
        reply.team = *team;
    }
    return reply;
}

const std::initializer_list<QLatin1String> PullRequestKeys { Key::Cursor, Key::Limit,
    Key::CatchUp };
const std::initializer_list<QLatin1String> PullReplyKeys { Key::Ops, Key::Cursor, Key::More,
    Key::Snapshot, Key::Removed, Key::Hlc, Key::CatchUp, Key::Team };

} // namespace

QByteArray SyncCodec::encode(const PushRequest &request)
{
    QCborArray ops;
    for (const Op &op : request.ops)
        ops.append(opToCbor(op));
    QCborMap body;
    body.insert(Key::Ops, ops);
    body.insert(Key::Audit, auditToCbor(request.audit));
    body.insert(Key::Pull,
        request.pull ? QCborValue(pullRequestToCbor(*request.pull)) : QCborValue(nullptr));
    return encodeBody(Type::Push, body);
}

QByteArray SyncCodec::encode(const PushReply &reply)
{
    QCborMap body;
    body.insert(Key::Acked, reply.acked);
    body.insert(Key::Hlc, reply.serverHlc.packed());
    body.insert(Key::Audited, reply.audited);
    body.insert(Key::Pulled,
        reply.pulled ? QCborValue(pullReplyToCbor(*reply.pulled)) : QCborValue(nullptr));
    return encodeBody(Type::Pushed, body);
}

QByteArray SyncCodec::encode(const PullRequest &request)
{
    return encodeBody(Type::Pull, pullRequestToCbor(request));
}

QByteArray SyncCodec::encode(const PullReply &reply)
{
    return encodeBody(Type::Pulled, pullReplyToCbor(reply));
}

QByteArray SyncCodec::encode(const ErrorReply &reply)
{
    QCborMap body;
    body.insert(Key::Code, reply.code);
    body.insert(Key::Message, reply.message);
    return encodeBody(Type::Error, body);
}

QByteArray SyncCodec::encode(const EnrolRequest &request)
{
    QCborMap body;
    body.insert(Key::Code, request.code);
    body.insert(Key::Device, request.deviceId);
    body.insert(Key::Name, request.deviceName);
    body.insert(Key::App, request.appVersion);
    return encodeBody(Type::Enrol, body);
}

QByteArray SyncCodec::encode(const EnrolReply &reply)
{
    QCborMap body;
    body.insert(Key::Device, reply.deviceId);
    body.insert(Key::Token, reply.token);
    body.insert(Key::User, reply.userId);
    return encodeBody(Type::Enrolled, body);
}

QByteArray SyncCodec::encode(const BlobPutRequest &request)
{
    QCborMap body;
    body.insert(Key::Sha256, request.sha256);
    body.insert(Key::Size, request.size);
    body.insert(Key::Offset, request.offset);
    body.insert(Key::Data, request.data);
    return encodeBody(Type::BlobPut, body);
}

QByteArray SyncCodec::encode(const BlobPutReply &reply)
{
    QCborMap body;
    body.insert(Key::Received, reply.received);
    body.insert(Key::Complete, reply.complete);
    return encodeBody(Type::BlobHeld, body);
}

QByteArray SyncCodec::encode(const BlobGetRequest &request)
{
    QCborMap body;
    body.insert(Key::Sha256, request.sha256);
    body.insert(Key::Offset, request.offset);
    body.insert(Key::Length, request.length);
    return encodeBody(Type::BlobGet, body);
}

QByteArray SyncCodec::encode(const BlobGetReply &reply)
{
    QCborMap body;
    body.insert(Key::Size, reply.size);
    body.insert(Key::Offset, reply.offset);
    body.insert(Key::Data, reply.data);
    return encodeBody(Type::BlobRange, body);
}

Result<PushRequest> SyncCodec::decodePushRequest(QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(
        body, limits, Type::Push, { Key::Version, Key::Type, Key::Ops, Key::Audit, Key::Pull });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the push body");
    auto ops = listOf(fields->at(2), Key::Ops, limits.maxOps, "ops", where);
    if (!ops)
        return ops.error();

    PushRequest request;
    request.ops.reserve(ops->size());
    for (qsizetype i = 0; i < ops->size(); ++i) {
        // Counted from 1: the message is for people.
        auto op
            = opFromCbor(ops->at(i), limits, QStringLiteral("op %1 of %2").arg(i + 1).arg(where));
        if (!op)
            return op.error();
        request.ops.append(*op);
    }
    auto audit = auditFromCbor(fields->at(3), limits, where);
    if (!audit)
        return audit.error();
    request.audit = *audit;
    if (!fields->at(4).isNull()) {
        const QString pullWhere = QStringLiteral("the pull of %1").arg(where);
        auto pullFields = fieldsOf(fields->at(4), PullRequestKeys, pullWhere);
        if (!pullFields)
            return pullFields.error();
        auto pull = pullRequestFrom(*pullFields, pullWhere);
        if (!pull)
            return pull.error();
        request.pull = *pull;
    }
    return request;
}

Result<PushReply> SyncCodec::decodePushReply(QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(body, limits, Type::Pushed,
        { Key::Version, Key::Type, Key::Acked, Key::Hlc, Key::Audited, Key::Pulled });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the pushed body");
    PushReply reply;
    auto acked = countOf(fields->at(2), Key::Acked, where);
    if (!acked)
        return acked.error();
    reply.acked = *acked;
    auto hlc = hlcOf(fields->at(3), where);
    if (!hlc)
        return hlc.error();
    reply.serverHlc = *hlc;
    auto audited = countOf(fields->at(4), Key::Audited, where);
    if (!audited)
        return audited.error();
    reply.audited = *audited;
    if (!fields->at(5).isNull()) {
        const QString pulledWhere = QStringLiteral("the pulled part of %1").arg(where);
        auto pulledFields = fieldsOf(fields->at(5), PullReplyKeys, pulledWhere);
        if (!pulledFields)
            return pulledFields.error();
        auto pulled = pullReplyFrom(*pulledFields, limits, pulledWhere);
        if (!pulled)
            return pulled.error();
        reply.pulled = *pulled;
    }
    return reply;
}

Result<PullRequest> SyncCodec::decodePullRequest(QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(body, limits, Type::Pull,
        { Key::Version, Key::Type, Key::Cursor, Key::Limit, Key::CatchUp });
    if (!fields)
        return fields.error();
    return pullRequestFrom(fields->mid(2), QStringLiteral("the pull body"));
}

Result<PullReply> SyncCodec::decodePullReply(QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(body, limits, Type::Pulled,
        { Key::Version, Key::Type, Key::Ops, Key::Cursor, Key::More, Key::Snapshot, Key::Removed,
            Key::Hlc, Key::CatchUp, Key::Team });
    if (!fields)
        return fields.error();
    return pullReplyFrom(fields->mid(2), limits, QStringLiteral("the pulled body"));
}

Result<EnrolRequest> SyncCodec::decodeEnrolRequest(QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(body, limits, Type::Enrol,
        { Key::Version, Key::Type, Key::Code, Key::Device, Key::Name, Key::App });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the enrol body");
    EnrolRequest request;
    auto code = nonEmptyTextOf(fields->at(2), Key::Code, where);
    if (!code)
        return code.error();
    request.code = *code;
    auto device = nonEmptyTextOf(fields->at(3), Key::Device, where);
    if (!device)
        return device.error();
    request.deviceId = *device;
    auto name = nonEmptyTextOf(fields->at(4), Key::Name, where);
    if (!name)
        return name.error();
    request.deviceName = *name;
    auto app = nonEmptyTextOf(fields->at(5), Key::App, where);
    if (!app)
        return app.error();
    request.appVersion = *app;
    return request;
}

Result<EnrolReply> SyncCodec::decodeEnrolReply(QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(body, limits, Type::Enrolled,
        { Key::Version, Key::Type, Key::Device, Key::Token, Key::User });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the enrolled body");
    EnrolReply reply;
    auto device = nonEmptyTextOf(fields->at(2), Key::Device, where);
    if (!device)
        return device.error();
    reply.deviceId = *device;
    auto token = nonEmptyTextOf(fields->at(3), Key::Token, where);
    if (!token)
        return token.error();
    reply.token = *token;
    auto user = nonEmptyTextOf(fields->at(4), Key::User, where);
    if (!user)
        return user.error();
    reply.userId = *user;
    return reply;
}

Result<ErrorReply> SyncCodec::decodeErrorReply(QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(
        body, limits, Type::Error, { Key::Version, Key::Type, Key::Code, Key::Message });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the error body");
    ErrorReply reply;
    auto code = nonEmptyTextOf(fields->at(2), Key::Code, where);
    if (!code)
        return code.error();
    reply.code = *code;
    auto message = textOf(fields->at(3), Key::Message, where);
    if (!message)
        return message.error();
    reply.message = *message;
    return reply;
}

Result<BlobPutRequest> SyncCodec::decodeBlobPutRequest(
    QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(body, blobLimits(limits), Type::BlobPut,
        { Key::Version, Key::Type, Key::Sha256, Key::Size, Key::Offset, Key::Data });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the blob-put body");
    BlobPutRequest request;
    auto sha256 = sha256Of(fields->at(2), where);
    if (!sha256)
        return sha256.error();
    request.sha256 = *sha256;
    auto size = blobSizeOf(fields->at(3), where);
    if (!size)
        return size.error();
    request.size = *size;
    auto offset = countOf(fields->at(4), Key::Offset, where);
    if (!offset)
        return offset.error();
    request.offset = *offset;
    auto data = bytesOf(fields->at(5), where);
    if (!data)
        return data.error();
    request.data = *data;
    if (request.offset > request.size || request.data.size() > request.size - request.offset)
        return invalid(
            QStringLiteral("In %1, the bytes sent run past the blob's size.").arg(where));
    return request;
}

Result<BlobPutReply> SyncCodec::decodeBlobPutReply(QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(
        body, limits, Type::BlobHeld, { Key::Version, Key::Type, Key::Received, Key::Complete });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the blob-held body");
    BlobPutReply reply;
    auto received = countOf(fields->at(2), Key::Received, where);
    if (!received)
        return received.error();
    reply.received = *received;
    auto complete = boolOf(fields->at(3), Key::Complete, where);
    if (!complete)
        return complete.error();
    reply.complete = *complete;
    return reply;
}

Result<BlobGetRequest> SyncCodec::decodeBlobGetRequest(
    QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(body, limits, Type::BlobGet,
        { Key::Version, Key::Type, Key::Sha256, Key::Offset, Key::Length });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the blob-get body");
    BlobGetRequest request;
    auto sha256 = sha256Of(fields->at(2), where);
    if (!sha256)
        return sha256.error();
    request.sha256 = *sha256;
    auto offset = countOf(fields->at(3), Key::Offset, where);
    if (!offset)
        return offset.error();
    if (*offset >= MaxBlobBytes)
        return invalid(QStringLiteral("In %1, \"offset\" is past the end of any blob.").arg(where));
    request.offset = *offset;
    auto length = countOf(fields->at(4), Key::Length, where);
    if (!length)
        return length.error();
    if (*length < 1 || *length > MaxBlobRangeBytes)
        return invalid(QStringLiteral("In %1, \"length\" must be between 1 and %2.")
                           .arg(where)
                           .arg(MaxBlobRangeBytes));
    request.length = *length;
    return request;
}

Result<BlobGetReply> SyncCodec::decodeBlobGetReply(QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(body, blobLimits(limits), Type::BlobRange,
        { Key::Version, Key::Type, Key::Size, Key::Offset, Key::Data });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the blob-range body");
    BlobGetReply reply;
    auto size = blobSizeOf(fields->at(2), where);
    if (!size)
        return size.error();
    reply.size = *size;
    auto offset = countOf(fields->at(3), Key::Offset, where);
    if (!offset)
        return offset.error();
    reply.offset = *offset;
    auto data = bytesOf(fields->at(4), where);
    if (!data)
        return data.error();
    reply.data = *data;
    if (reply.offset > reply.size || reply.data.size() > reply.size - reply.offset)
        return invalid(
            QStringLiteral("In %1, the bytes sent run past the blob's size.").arg(where));
    return reply;
}

QByteArray SyncCodec::encode(const FamilyAuditRequest &request)
{
    QCborMap body;
    body.insert(Key::Family, request.familyId);
    body.insert(Key::Limit, request.limit);
    return encodeBody(Type::FamilyAudit, body);
}

Result<FamilyAuditRequest> SyncCodec::decodeFamilyAuditRequest(
    QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(
        body, limits, Type::FamilyAudit, { Key::Version, Key::Type, Key::Family, Key::Limit });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the family-audit body");
    FamilyAuditRequest request;
    auto family = nonEmptyTextOf(fields->at(2), Key::Family, where);
    if (!family)
        return family.error();
    request.familyId = *family;
    auto limit = integerOf(fields->at(3), Key::Limit, where);
    if (!limit)
        return limit.error();
    if (*limit < 1 || *limit > MaxFamilyAuditEntries)
        return invalid(QStringLiteral("In %1, \"limit\" must be between 1 and %2.")
                           .arg(where)
                           .arg(MaxFamilyAuditEntries));
    request.limit = int(*limit);
    return request;
}

// Each entry a list of eight texts, in the order of FamilyAuditEntry's fields.
QByteArray SyncCodec::encode(const FamilyAuditReply &reply)
{
    QCborArray entries;
    for (const FamilyAuditEntry &e : reply.entries)
        entries.append(QCborArray { e.at, e.userId, e.userName, e.deviceName, e.action,
            e.recordKind, e.recordId, e.detail });
    QCborMap body;
    body.insert(Key::Entries, entries);
    return encodeBody(Type::FamilyAuditTrail, body);
}

Result<FamilyAuditReply> SyncCodec::decodeFamilyAuditReply(
    QByteArrayView body, const CodecLimits &limits)
{
    auto fields = decodeBody(
        body, limits, Type::FamilyAuditTrail, { Key::Version, Key::Type, Key::Entries });
    if (!fields)
        return fields.error();
    const QString where = QStringLiteral("the family-audit-trail body");
    auto list = listOf(fields->at(2), Key::Entries, MaxFamilyAuditEntries, "entries", where);
    if (!list)
        return list.error();
    FamilyAuditReply reply;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QCborValue entry = list->at(i);
        QStringList texts;
        if (entry.isArray() && entry.toArray().size() == 8) {
            for (const QCborValue &part : entry.toArray()) {
                if (!part.isString() || part.toString().size() > limits.maxStringBytes)
                    break;
                texts << part.toString();
            }
        }
        if (texts.size() != 8)
            return invalid(QStringLiteral("Entry %1 of %2 must be a list of eight texts.")
                               .arg(i + 1)
                               .arg(where));
        reply.entries.append(
            { texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], texts[6], texts[7] });
    }
    return reply;
}

} // namespace doorstep::sync
