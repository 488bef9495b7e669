#include "protocol/recordmerge.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace doorstep
{

namespace
{

const QString CausalLengthField = QString::fromLatin1(Op::CausalLength);

/// The op after which a record may no longer change, if it has one: for a kind that is
/// immutable, its creation; for one finalised by its status, the first op that set the
/// status to "final". The first by (hlc, device, id), so every replica picks the same.
const Op *sealingOp(const RecordKindSpec &kind, const QList<Op> &ops)
{
    using Mutability = RecordKindSpec::Mutability;
    const Op *sealing = nullptr;
    for (const Op &op : ops) {
        bool seals = false;
        if (kind.mutability == Mutability::Immutable)
            seals = op.field == CausalLengthField;
        else if (kind.mutability == Mutability::FinalisedByStatus)
            seals = op.field == QLatin1String("status") && op.value == QLatin1String("final");
        if (seals && (!sealing || sealing->isLaterThan(op)))
            sealing = &op;
    }
    return sealing;
}

/// True if op was written as part of, or before, the sealing op: by the same device at or
/// before its time (a create or a finalising save is one transaction on one device), or by
/// anyone strictly before it.
bool beforeSeal(const Op &op, const Op &seal, RecordKindSpec::Mutability mutability)
{
    if (mutability == RecordKindSpec::Mutability::Immutable)
        return op.deviceId == seal.deviceId && op.hlc <= seal.hlc;
    return !op.isLaterThan(seal) || (op.deviceId == seal.deviceId && op.hlc == seal.hlc);
}

} // namespace

qint64 RecordMerge::Record::causalLength() const
{
    const auto found = fields.find(CausalLengthField);
    if (found == fields.end() || !found->second.current)
        return 0;
    return found->second.current->value.toLongLong();
}

bool RecordMerge::Record::isComplete(const RecordKindSpec &kind) const
{
    for (const FieldSpec &spec : kind.fields) {
        if (!spec.required)
            continue;
        const auto found = fields.find(spec.name);
        if (found == fields.end() || !found->second.current
            || found->second.current->value.isNull())
            return false;
    }
    return causalLength() > 0;
}

FieldMerge::Rule RecordMerge::ruleFor(const RecordKindSpec &kind, const QString &field)
{
    if (field == CausalLengthField)
        return FieldMerge::Rule::CausalLength;
    const FieldSpec *spec = kind.field(field);
    if (spec && spec->type == FieldType::Text)
        return FieldMerge::Rule::TextVersions;
    return FieldMerge::Rule::LastWriterWins;
}

RecordMerge::Record RecordMerge::resolve(const RecordKindSpec &kind, const QList<Op> &ops)
{
    QHash<QString, QList<Op>> applied;
    QHash<QString, QList<Op>> sealedOut;
    const Op *seal = sealingOp(kind, ops);
    for (const Op &op : ops) {
        if (seal && !beforeSeal(op, *seal, kind.mutability))
            sealedOut[op.field] << op;
        else
            applied[op.field] << op;
    }

    Record record;
    for (auto it = applied.cbegin(); it != applied.cend(); ++it)
        record.fields[it.key()] = FieldMerge::resolve(ruleFor(kind, it.key()), it.value());
    // What came after the seal is never applied, and never dropped: each such op is a
    // conflict version of its field, unless it only repeats the value the field holds.
    for (auto it = sealedOut.cbegin(); it != sealedOut.cend(); ++it) {
        FieldMerge::Outcome &field = record.fields[it.key()];
        QSet<QString> seen;
        for (const Op &conflict : field.conflicts)
            seen.insert(conflict.id);
        QList<Op> late = it.value();
        std::sort(
            late.begin(), late.end(), [](const Op &a, const Op &b) { return a.isLaterThan(b); });
        for (const Op &op : late) {
            if (seen.contains(op.id))
                continue;
            seen.insert(op.id);
            if (field.current && field.current->value == op.value)
                continue;
            field.conflicts << op;
        }
    }
    return record;
}

} // namespace doorstep
