#include "protocol/fieldmerge.h"

#include <catch2/catch.hpp>

using namespace doorstep;

namespace
{

Op text(const char *id, qint64 ms, const char *device, const char *value, QStringList replaces = {})
{
    Op op;
    op.id = QString::fromLatin1(id);
    op.kind = QStringLiteral("visit");
    op.recordId = QStringLiteral("v1");
    op.field = QStringLiteral("notes");
    op.value = QString::fromUtf8(value);
    op.hlc = Hlc(ms, 0);
    op.deviceId = QString::fromLatin1(device);
    op.replaces = std::move(replaces);
    return op;
}

Op length(const char *id, qint64 ms, const char *device, qint64 count)
{
    Op op = text(id, ms, device, "");
    op.field = QString::fromLatin1(Op::CausalLength);
    op.value = count;
    return op;
}

QStringList values(const QList<Op> &ops)
{
    QStringList list;
    for (const Op &op : ops)
        list << op.value.toString();
    return list;
}

} // namespace

TEST_CASE("A scalar field takes the later write, whatever order the writes arrive in", "[protocol]")
{
    const Op early = text("a:1", 1000, "a", "early");
    const Op late = text("b:1", 2000, "b", "late");
    for (const QList<Op> &ops : { QList<Op> { early, late }, QList<Op> { late, early } }) {
        const auto outcome = FieldMerge::resolve(FieldMerge::Rule::LastWriterWins, ops);
        REQUIRE(outcome.current);
        CHECK(outcome.current->value == QStringLiteral("late"));
        CHECK(outcome.conflicts.isEmpty());
    }
}

TEST_CASE("Writes at the same clock time are ordered by device, then by op id", "[protocol]")
{
    const Op fromA = text("a:1", 1000, "a", "from a");
    const Op fromB = text("b:1", 1000, "b", "from b");
    CHECK(fromB.isLaterThan(fromA));
    CHECK_FALSE(fromA.isLaterThan(fromB));
    CHECK(FieldMerge::resolve(FieldMerge::Rule::LastWriterWins, { fromB, fromA }).current->value
        == QStringLiteral("from b"));
    const Op again = text("a:2", 1000, "a", "again");
    CHECK(again.isLaterThan(fromA));
}

TEST_CASE("Text written over what its writer saw supersedes it without a conflict", "[protocol]")
{
    const Op first = text("a:1", 1000, "a", "Seen at home.");
    const Op edit = text("b:1", 2000, "b", "Seen at home with Gran.", { QStringLiteral("a:1") });
    const auto outcome = FieldMerge::resolve(FieldMerge::Rule::TextVersions, { edit, first });
    CHECK(outcome.current->value == QStringLiteral("Seen at home with Gran."));
    CHECK(outcome.conflicts.isEmpty());
}

TEST_CASE("Text written concurrently keeps the losing version as a conflict", "[protocol]")
{
    const Op first = text("a:1", 1000, "a", "Seen at home.");
    const Op school = text("s:1", 2000, "s", "Seen at school.", { QStringLiteral("a:1") });
    const Op lead = text("a:2", 3000, "a", "Seen at home; Mum upset.", { QStringLiteral("a:1") });
    const auto outcome
        = FieldMerge::resolve(FieldMerge::Rule::TextVersions, { first, school, lead, school });
    CHECK(outcome.current->value == QStringLiteral("Seen at home; Mum upset."));
    CHECK(values(outcome.conflicts) == QStringList { QStringLiteral("Seen at school.") });

    // A person merges the two: one op replacing both heads ends the conflict.
    const Op merged = text("s:2", 4000, "s", "Seen at home and at school; Mum upset.",
        { QStringLiteral("a:2"), QStringLiteral("s:1") });
    const auto after
        = FieldMerge::resolve(FieldMerge::Rule::TextVersions, { lead, merged, first, school });
    CHECK(after.current->value == QStringLiteral("Seen at home and at school; Mum upset."));
    CHECK(after.conflicts.isEmpty());
}

TEST_CASE("A conflict is kept even when the losing text arrives after the winner", "[protocol]")
{
    const Op first = text("a:1", 1000, "a", "one");
    const Op older = text("s:1", 1500, "s", "two", { QStringLiteral("a:1") });
    const Op newer = text("a:2", 2500, "a", "three", { QStringLiteral("a:1") });
    const auto outcome
        = FieldMerge::resolve(FieldMerge::Rule::TextVersions, { first, newer, older });
    CHECK(outcome.current->value == QStringLiteral("three"));
    CHECK(values(outcome.conflicts) == QStringList { QStringLiteral("two") });
    CHECK(values(FieldMerge::heads({ older, newer, first }))
        == QStringList { QStringLiteral("three"), QStringLiteral("two") });
}

TEST_CASE("A record's life goes to the larger causal length, not the later write", "[protocol]")
{
    const Op created = length("a:1", 1000, "a", 1);
    const Op deleted = length("b:1", 2000, "b", 2);
    const Op restored = length("a:2", 1500, "a", 3);
    CHECK(FieldMerge::resolve(FieldMerge::Rule::CausalLength, { created, deleted }).current->value
        == 2);
    // Restored after seeing the delete, even though its clock is earlier than the delete's.
    CHECK(FieldMerge::resolve(FieldMerge::Rule::CausalLength, { deleted, restored, created })
              .current->value
        == 3);
    CHECK(FieldMerge::wins(FieldMerge::Rule::CausalLength, restored, deleted));
    CHECK_FALSE(FieldMerge::wins(FieldMerge::Rule::LastWriterWins, restored, deleted));
}

TEST_CASE("A field no one wrote has no value", "[protocol]")
{
    const auto outcome = FieldMerge::resolve(FieldMerge::Rule::TextVersions, {});
    CHECK_FALSE(outcome.current);
    CHECK(outcome.conflicts.isEmpty());
}

TEST_CASE("Op ids carry their device's sequence", "[protocol]")
{
    CHECK(opSequence(QStringLiteral("3f2a-device:42")) == 42);
    CHECK(opSequence(QStringLiteral("a:b:7")) == 7);
    CHECK(opSequence(QStringLiteral("device:")) == -1);
    CHECK(opSequence(QStringLiteral(":5")) == -1);
    CHECK(opSequence(QStringLiteral("device:0")) == -1);
    CHECK(opSequence(QStringLiteral("device:-3")) == -1);
    CHECK(opSequence(QStringLiteral("device:x1")) == -1);
    CHECK(opSequence(QStringLiteral("device")) == -1);
}
