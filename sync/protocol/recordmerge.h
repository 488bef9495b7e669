#pragma once

#include "protocol/fieldmerge.h"
#include "protocol/recordschema.h"

#include <QList>
#include <map>

namespace doorstep
{

/// One record resolved from every op written to it, by the rules of its kind
/// (sync/PROTOCOL.md): per-field merge, and for records that cannot change once signed or
/// finalised, every later op kept as a conflict version instead of applied. A function of
/// the set of ops, so the store and the server, holding the same ops, agree.
class RecordMerge
{
public:
    struct Record {
        /// Each field written, causal_length included, with its value and its conflicts.
        std::map<QString, FieldMerge::Outcome> fields;

        /// The record's causal length: 0 if never created, odd while live.
        qint64 causalLength() const;
        bool isLive() const { return causalLength() % 2 == 1; }
        /// True once every field the kind requires has a value (a record whose create
        /// has only partly arrived is held back until the rest comes).
        bool isComplete(const RecordKindSpec &kind) const;
    };

    static FieldMerge::Rule ruleFor(const RecordKindSpec &kind, const QString &field);

    static Record resolve(const RecordKindSpec &kind, const QList<Op> &ops);
};

} // namespace doorstep
