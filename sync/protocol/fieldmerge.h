#pragma once

#include "protocol/op.h"

#include <QList>
#include <optional>

namespace doorstep
{

/// The merge rules for one field (sync/PROTOCOL.md), as functions of the set of ops
/// written to it, so that every replica that holds the same ops holds the same value,
/// whatever order they arrived in and however often.
class FieldMerge
{
public:
    enum class Rule {
        LastWriterWins, ///< scalars: the later (hlc, device) wins, nothing else is kept
        TextVersions, ///< free text: the latest head wins, the other heads are conflicts
        CausalLength, ///< a record's life: the larger count wins (odd live, even deleted)
    };

    struct Outcome {
        std::optional<Op> current; ///< the op whose value the field holds; none if no ops
        /// Free text written concurrently with the current value and not yet merged by a
        /// person: kept, never dropped. Ordered newest first.
        QList<Op> conflicts;
    };

    /// The field's value from all the ops written to it (any order, repeats allowed).
    static Outcome resolve(Rule rule, const QList<Op> &ops);

    /// The ops of a free-text field that no other op replaced: the versions a writer must
    /// name in `replaces` to supersede what they saw.
    static QList<Op> heads(const QList<Op> &ops);

    /// True if `candidate` wins over `current` under the rule (the cheap test for a single
    /// incoming op against a scalar field's current op).
    static bool wins(Rule rule, const Op &candidate, const Op &current);
};

} // namespace doorstep
