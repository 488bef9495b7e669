#include "protocol/recordmerge.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

using namespace doorstep;

namespace
{

struct Writer {
    QString device;
    qint64 seq = 1;

    Op write(const char *field, QVariant value, qint64 ms, QStringList replaces = {})
    {
        Op op;
        op.id = QStringLiteral("%1:%2").arg(device).arg(seq++);
        op.kind = QStringLiteral("visit");
        op.recordId = QStringLiteral("v1");
        op.field = QString::fromLatin1(field);
        op.value = std::move(value);
        op.hlc = Hlc(ms, 0);
        op.deviceId = device;
        op.replaces = std::move(replaces);
        return op;
    }
};

const RecordKindSpec &kindNamed(const char *name)
{
    const RecordKindSpec *kind = RecordSchema::find(QString::fromLatin1(name));
    REQUIRE(kind);
    return *kind;
}

/// The record from the ops in every order a shuffle gives: it must not depend on order.
RecordMerge::Record resolveInAnyOrder(const RecordKindSpec &kind, QList<Op> ops)
{
    const RecordMerge::Record first = RecordMerge::resolve(kind, ops);
    std::mt19937 random(7);
    for (int i = 0; i < 20; ++i) {
        std::shuffle(ops.begin(), ops.end(), random);
        const RecordMerge::Record again = RecordMerge::resolve(kind, ops);
        REQUIRE(again.fields.size() == first.fields.size());
        for (const auto &[field, outcome] : first.fields) {
            const FieldMerge::Outcome &other = again.fields.at(field);
            CHECK(other.current.has_value() == outcome.current.has_value());
            if (outcome.current)
                CHECK(other.current->id == outcome.current->id);
            CHECK(other.conflicts.size() == outcome.conflicts.size());
            for (int c = 0; c < std::min(other.conflicts.size(), outcome.conflicts.size()); ++c)
                CHECK(other.conflicts[c].id == outcome.conflicts[c].id);
        }
    }
    return first;
}

} // namespace

TEST_CASE(
    "A visit finalised on one device keeps a later edit from another as a conflict", "[protocol]")
{
    const RecordKindSpec &visit = kindNamed("visit");
    Writer lead { QStringLiteral("lead") };
    Writer school { QStringLiteral("school") };
    QList<Op> ops { lead.write("family_id", QStringLiteral("f1"), 1000),
        lead.write("visit_at", QStringLiteral("2026-03-04T10:30:00Z"), 1000),
        lead.write("worries", QStringLiteral("Rent arrears"), 1000),
        lead.write("causal_length", 1, 1000) };
    // The school practitioner edits before the lead's finalisation by the clock...
    ops << school.write("location", QStringLiteral("School"), 1500);
    ops << lead.write("status", QStringLiteral("final"), 2000);
    // ...and again after it, offline, not knowing it was final.
    ops << school.write("worries", QStringLiteral("Rent arrears; school uniform"), 2500,
        { QStringLiteral("lead:3") });
    ops << school.write("status", QStringLiteral("draft"), 2600);

    const RecordMerge::Record record = resolveInAnyOrder(visit, ops);
    CHECK(record.isLive());
    CHECK(record.isComplete(visit));
    CHECK(record.fields.at(QStringLiteral("location")).current->value == QStringLiteral("School"));
    CHECK(record.fields.at(QStringLiteral("status")).current->value == QStringLiteral("final"));
    const FieldMerge::Outcome &worries = record.fields.at(QStringLiteral("worries"));
    CHECK(worries.current->value == QStringLiteral("Rent arrears"));
    REQUIRE(worries.conflicts.size() == 1);
    CHECK(worries.conflicts.first().value == QStringLiteral("Rent arrears; school uniform"));
    REQUIRE(record.fields.at(QStringLiteral("status")).conflicts.size() == 1);
}

TEST_CASE(
    "A signed consent is what its creator wrote; any other op is only a conflict", "[protocol]")
{
    const RecordKindSpec &consent = kindNamed("consent");
    Writer lead { QStringLiteral("lead") };
    Writer other { QStringLiteral("other") };
    QList<Op> ops { lead.write("family_id", QStringLiteral("f1"), 1000),
        lead.write("person_id", QStringLiteral("p1"), 1000),
        lead.write("signed_on", QStringLiteral("2026-03-04"), 1000),
        lead.write("purpose", QStringLiteral("Attendance"), 1000),
        lead.write("causal_length", 1, 1000) };
    ops << other.write("purpose", QStringLiteral("Anything at all"), 500);
    ops << other.write("causal_length", 2, 3000);

    const RecordMerge::Record record = resolveInAnyOrder(consent, ops);
    CHECK(record.isLive());
    const FieldMerge::Outcome &purpose = record.fields.at(QStringLiteral("purpose"));
    CHECK(purpose.current->value == QStringLiteral("Attendance"));
    REQUIRE(purpose.conflicts.size() == 1);
    CHECK(purpose.conflicts.first().value == QStringLiteral("Anything at all"));
}

TEST_CASE("A record whose create has only partly arrived is not complete", "[protocol]")
{
    const RecordKindSpec &visit = kindNamed("visit");
    Writer lead { QStringLiteral("lead") };
    QList<Op> ops { lead.write("family_id", QStringLiteral("f1"), 1000) };
    CHECK_FALSE(RecordMerge::resolve(visit, ops).isComplete(visit));
    ops << lead.write("visit_at", QStringLiteral("2026-03-04T10:30:00Z"), 1000);
    CHECK_FALSE(RecordMerge::resolve(visit, ops).isComplete(visit));
    ops << lead.write("causal_length", 1, 1000);
    CHECK(RecordMerge::resolve(visit, ops).isComplete(visit));
}

TEST_CASE("Deleting and restoring a visit follow the causal length", "[protocol]")
{
    const RecordKindSpec &visit = kindNamed("visit");
    Writer lead { QStringLiteral("lead") };
    Writer school { QStringLiteral("school") };
    QList<Op> ops { lead.write("family_id", QStringLiteral("f1"), 1000),
        lead.write("visit_at", QStringLiteral("2026-03-04T10:30:00Z"), 1000),
        lead.write("causal_length", 1, 1000) };
    ops << school.write("causal_length", 2, 2000);
    CHECK_FALSE(resolveInAnyOrder(visit, ops).isLive());
    ops << lead.write("causal_length", 3, 1800); // restored after seeing the delete
    CHECK(resolveInAnyOrder(visit, ops).isLive());
    CHECK(RecordMerge::ruleFor(visit, QStringLiteral("worries")) == FieldMerge::Rule::TextVersions);
    CHECK(RecordMerge::ruleFor(visit, QStringLiteral("seen_alone"))
        == FieldMerge::Rule::LastWriterWins);
}
