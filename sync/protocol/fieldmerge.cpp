#include "protocol/fieldmerge.h"

#include <QSet>
#include <algorithm>

namespace doorstep
{

namespace
{

bool laterFirst(const Op &a, const Op &b)
{
    return a.isLaterThan(b);
}

QList<Op> withoutRepeats(const QList<Op> &ops)
{
    QList<Op> unique;
    QSet<QString> seen;
    for (const Op &op : ops) {
        if (!seen.contains(op.id)) {
            seen.insert(op.id);
            unique << op;
        }
    }
    return unique;
}

} // namespace

bool FieldMerge::wins(Rule rule, const Op &candidate, const Op &current)
{
    if (rule == Rule::CausalLength) {
        const qint64 a = candidate.value.toLongLong();
        const qint64 b = current.value.toLongLong();
        if (a != b)
            return a > b;
    }
    return candidate.isLaterThan(current);
}

QList<Op> FieldMerge::heads(const QList<Op> &ops)
{
    QSet<QString> replaced;
    for (const Op &op : ops) {
        for (const QString &id : op.replaces)
            replaced.insert(id);
    }
    QList<Op> heads;
    for (const Op &op : withoutRepeats(ops)) {
        if (!replaced.contains(op.id))
            heads << op;
    }
    std::sort(heads.begin(), heads.end(), laterFirst);
    return heads;
}

FieldMerge::Outcome FieldMerge::resolve(Rule rule, const QList<Op> &ops)
{
    Outcome outcome;
    if (ops.isEmpty())
        return outcome;
    if (rule == Rule::TextVersions) {
        QList<Op> live = heads(ops);
        if (live.isEmpty()) {
            // Every version replaced by another: only a cycle of replaces can do that, which
            // no honest writer makes. Fall back to the latest write rather than lose it.
            live = withoutRepeats(ops);
            std::sort(live.begin(), live.end(), laterFirst);
            outcome.current = live.takeFirst();
            return outcome;
        }
        outcome.current = live.takeFirst();
        outcome.conflicts = live;
        return outcome;
    }
    const Op *best = &ops.first();
    for (const Op &op : ops) {
        if (wins(rule, op, *best))
            best = &op;
    }
    outcome.current = *best;
    return outcome;
}

} // namespace doorstep
