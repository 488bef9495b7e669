#include "protocol/opcheck.h"

#include "protocol/recordschema.h"

#include <QUuid>

namespace doorstep
{

namespace
{

const QString CausalLength = QString::fromLatin1(Op::CausalLength);

/// Why a value cannot be held by a field of this type, if it cannot.
std::optional<QString> valueProblem(const FieldSpec &spec, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return std::nullopt;
    const int type = value.typeId();
    const bool isText = type == QMetaType::QString;
    const bool isInteger = type == QMetaType::LongLong;
    switch (spec.type) {
    case FieldType::Text:
    case FieldType::Label:
    case FieldType::Date:
    case FieldType::DateTime:
    case FieldType::Reference:
    case FieldType::NhsNumber:
        if (!isText)
            return QStringLiteral("must be text");
        return std::nullopt;
    case FieldType::Choice:
        if (!isText || !spec.choices.contains(value.toString()))
            return QStringLiteral("must be one of the field's choices");
        return std::nullopt;
    case FieldType::Integer:
        if (!isInteger)
            return QStringLiteral("must be a whole number");
        if (spec.maximum > spec.minimum
            && (value.toLongLong() < spec.minimum || value.toLongLong() > spec.maximum))
            return QStringLiteral("is out of range");
        return std::nullopt;
    case FieldType::Boolean:
        if (!isInteger || (value.toLongLong() != 0 && value.toLongLong() != 1))
            return QStringLiteral("must be yes or no");
        return std::nullopt;
    case FieldType::Real:
        if (!isInteger && type != QMetaType::Double)
            return QStringLiteral("must be a number");
        return std::nullopt;
    case FieldType::Blob:
        if (type != QMetaType::QByteArray)
            return QStringLiteral("must be binary data");
        return std::nullopt;
    case FieldType::PartialDate:
        if (!isText || !RecordSchema::isPartialDate(value.toString()))
            return QStringLiteral("is not a year, month or day written as 1962, 1962-07 or "
                                  "1962-07-14");
        return std::nullopt;
    case FieldType::ContentHash:
        if (!isText || !RecordSchema::isContentHash(value.toString()))
            return QStringLiteral("must be a SHA-256 in 64 lowercase hex digits");
        return std::nullopt;
    }
    return QStringLiteral("has a type this store does not know");
}

} // namespace

std::optional<QString> OpCheck::problem(const Op &op)
{
    const RecordKindSpec *kind = RecordSchema::find(op.kind);
    if (!kind)
        return QStringLiteral("is for a kind of record this version does not store");
    if (QUuid::fromString(op.recordId).isNull())
        return QStringLiteral("names a record id that is not a UUID");
    if (opSequence(op.id) < 1 || op.deviceId.isEmpty()
        || !op.id.startsWith(op.deviceId + QLatin1Char(':')))
        return QStringLiteral("has an op id that does not belong to its device");
    if (op.field == CausalLength) {
        if (op.value.typeId() != QMetaType::LongLong || op.value.toLongLong() < 1)
            return QStringLiteral("gives a record's life as something other than a positive "
                                  "count");
        return std::nullopt;
    }
    const FieldSpec *spec = kind->field(op.field);
    if (!spec)
        return QStringLiteral("names a field the %1 does not have").arg(kind->label);
    if (auto problem = valueProblem(*spec, op.value))
        return QStringLiteral("has a %1 that %2").arg(spec->label, *problem);
    return std::nullopt;
}

} // namespace doorstep
