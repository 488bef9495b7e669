#include "protocol/recordschema.h"

#include <QDate>

namespace doorstep
{

namespace
{

FieldSpec text(const char *name, const char *label, bool required = false)
{
    return { QString::fromLatin1(name), FieldType::Text, required, QString::fromUtf8(label), {},
        {} };
}
FieldSpec labelField(const char *name, const char *label, bool required = false)
{
    return { QString::fromLatin1(name), FieldType::Label, required, QString::fromUtf8(label), {},
        {} };
}
FieldSpec typed(const char *name, FieldType type, const char *label, bool required = false)
{
    return { QString::fromLatin1(name), type, required, QString::fromUtf8(label), {}, {} };
}
FieldSpec reference(const char *name, const char *kind, const char *label, bool required = false)
{
    return { QString::fromLatin1(name), FieldType::Reference, required, QString::fromUtf8(label),
        QString::fromLatin1(kind), {} };
}
FieldSpec choice(const char *name, std::initializer_list<const char *> choices, const char *label,
    bool required = false)
{
    QStringList list;
    for (const char *c : choices)
        list << QString::fromLatin1(c);
    return { QString::fromLatin1(name), FieldType::Choice, required, QString::fromUtf8(label), {},
        list };
}
FieldSpec integer(
    const char *name, qint64 minimum, qint64 maximum, const char *label, bool required = false)
{
    FieldSpec spec { QString::fromLatin1(name), FieldType::Integer, required,
        QString::fromUtf8(label), {}, {} };
    spec.minimum = minimum;
    spec.maximum = maximum;
    return spec;
}

RecordKindSpec kind(const char *name, const char *table, const char *label, QList<FieldSpec> fields,
    RecordKindSpec::Mutability mutability = RecordKindSpec::Mutability::Mutable,
    int sinceVersion = 1)
{
    return { QString::fromLatin1(name), QString::fromLatin1(table), QString::fromUtf8(label),
        std::move(fields), mutability, sinceVersion };
}

QList<RecordKindSpec> buildKinds()
{
    using M = RecordKindSpec::Mutability;
    const auto gender = { "female", "male", "non_binary", "unknown", "not_stated" };
    const auto role = { "parent", "carer", "child", "young_person", "relative", "other" };
    const auto source
        = { "school", "police", "health", "self", "social_care", "housing", "voluntary", "other" };
    return {
        kind("family", "families", "family",
            { labelField("family_name", "family name", true), text("address", "address"),
                labelField("postcode", "postcode"), labelField("language", "language"),
                typed("interpreter_needed", FieldType::Boolean, "interpreter needed") }),
        kind("person", "people", "person",
            { reference("family_id", "family", "family", true),
                labelField("given_name", "given name", true),
                labelField("family_name", "family name"),
                typed("date_of_birth", FieldType::Date, "date of birth"),
                typed("nhs_number", FieldType::NhsNumber, "NHS number"),
                choice("gender", gender, "gender"), choice("role", role, "role"),
                labelField("school", "school") }),
        kind("household_member", "household_members", "household membership",
            { reference("family_id", "family", "family", true),
                reference("person_id", "person", "person", true),
                labelField("relationship", "relationship"),
                typed("from_date", FieldType::Date, "from date"),
                typed("to_date", FieldType::Date, "to date") }),
        kind("referral", "referrals", "referral",
            { reference("family_id", "family", "family", true),
                choice("source", source, "referral source", true),
                integer("level_of_need", 2, 4, "level of need", true),
                typed("referred_on", FieldType::Date, "referral date", true),
                text("reason", "reason for referral") }),
        kind("allocation", "allocations", "allocation",
            { reference("family_id", "family", "family", true),
                labelField("practitioner_id", "practitioner", true),
                labelField("practitioner_name", "practitioner name"), labelField("team", "team"),
                typed("allocated_on", FieldType::Date, "allocation date", true),
                typed("ended_on", FieldType::Date, "allocation end date") }),
        kind("visit", "visits", "home visit",
            { reference("family_id", "family", "family", true),
                typed("visit_at", FieldType::DateTime, "visit date and time", true),
                labelField("location", "place of the visit"), text("present", "who was present"),
                text("children_seen", "children seen"),
                typed("seen_alone", FieldType::Boolean, "seen alone"),
                labelField("interpreter_language", "interpreter language"),
                text("working_well", "what's working well"),
                text("worries", "what are we worried about"),
                text("needs_to_happen", "what needs to happen"), text("notes", "notes"),
                choice("status", { "draft", "final" }, "status"),
                typed("finalised_at", FieldType::DateTime, "finalised at"),
                labelField("author_id", "author"),
                reference("amends_visit_id", "visit", "amended visit") },
            M::FinalisedByStatus),
        kind("note", "notes", "note",
            { reference("family_id", "family", "family", true),
                reference("visit_id", "visit", "visit"), labelField("author_id", "author"),
                typed("written_at", FieldType::DateTime, "written at", true),
                text("body", "note", true) }),
        kind("consent", "consents", "consent",
            { reference("family_id", "family", "family", true),
                reference("person_id", "person", "person", true),
                choice("kind", { "grant", "withdrawal" }, "consent kind"),
                reference("withdraws_consent_id", "consent", "withdrawn consent"),
                text("agencies", "agencies"), text("purpose", "purpose"),
                typed("given_by_self", FieldType::Boolean, "given by the person"),
                typed("signed_on", FieldType::Date, "signature date", true),
                typed("expires_on", FieldType::Date, "expiry date"),
                labelField("signature_drawing_id", "signature"),
                labelField("recorded_by", "recorded by") },
            M::Immutable, 2),
        kind("plan", "plans", "My Family Plan",
            { reference("family_id", "family", "family", true),
                choice("status", { "draft", "complete", "signed_off", "returned" }, "plan status"),
                typed("started_on", FieldType::Date, "start date"),
                typed("goals_agreed_on", FieldType::Date, "goals agreed date"),
                typed("completed_on", FieldType::Date, "completion date") },
            M::Mutable, 2),
        kind("goal", "goals", "goal",
            { reference("plan_id", "plan", "plan", true),
                reference("person_id", "person", "family member"),
                text("words", "goal in the family's words", true),
                typed("agreed_on", FieldType::Date, "agreed date"),
                choice(
                    "status", { "open", "achieved", "not_achieved", "withdrawn" }, "goal status") },
            M::Mutable, 2),
        kind("action", "actions", "action",
            { reference("plan_id", "plan", "plan", true), reference("goal_id", "goal", "goal"),
                text("description", "action", true), labelField("who", "who"),
                typed("due_on", FieldType::Date, "due date"),
                typed("done_on", FieldType::Date, "done date") },
            M::Mutable, 2),
        kind("review", "reviews", "review",
            { reference("family_id", "family", "family", true),
                reference("plan_id", "plan", "plan"),
                choice("kind", { "review", "maintenance" }, "review kind"),
                typed("held_on", FieldType::Date, "review date", true),
                text("attendees", "attendees"), text("outcome", "outcome"),
                // Whether the review found the family making progress (since version 11).
                typed("progress", FieldType::Boolean, "progress made") },
            M::Mutable, 2),
        kind("closure", "closures", "closure",
            { reference("family_id", "family", "family", true),
                typed("closed_on", FieldType::Date, "closure date", true),
                choice("outcome", { "stepped_up", "stepped_down", "maintenance", "closed" },
                    "closure outcome", true),
                text("reason", "reason") },
            M::Mutable, 2),
        kind("drawing", "drawings", "drawing",
            { reference("family_id", "family", "family", true),
                reference("person_id", "person", "person"),
                choice("purpose",
                    { "house_of_worries", "house_of_good_things", "house_of_dreams", "signature",
                        "other" },
                    "drawing purpose", true),
                labelField("title", "title"),
                typed("created_at", FieldType::DateTime, "created at", true),
                typed("share_allowed", FieldType::Boolean, "may be shared"),
                // A house's symbol, a sticker the child chose (since version 9).
                labelField("symbol", "symbol") },
            M::Mutable, 2),
        kind("stroke", "strokes", "ink stroke",
            { reference("drawing_id", "drawing", "drawing", true),
                choice("drawn_by", { "child", "practitioner", "signatory" }, "drawn by", true),
                typed("points", FieldType::Blob, "points", true), labelField("colour", "colour"),
                typed("width", FieldType::Real, "width"),
                typed("drawn_at", FieldType::DateTime, "drawn at", true) },
            M::AppendOnly, 2),
        // A line of a family's genogram. Its ends are genogram ids (a family-record person's
        // people id, or an extended person's genogram_person id), not references: a line to
        // someone deleted stays, flagged, rather than holding the line back or cascading.
        // Dates are partial since version 10 (a full date is one too); ordinal is the
        // partnership order, since version 10.
        kind("genogram_relation", "genogram_relations", "genogram relation",
            { reference("family_id", "family", "family", true),
                labelField("from_person_id", "from person", true),
                labelField("to_person_id", "to person", true),
                labelField("kind", "relation kind", true), labelField("subtype", "relation type"),
                typed("start_date", FieldType::PartialDate, "start date"),
                typed("end_date", FieldType::PartialDate, "end date"), text("note", "note"),
                integer("ordinal", 0, 999, "partnership order") },
            M::Mutable, 2),
        // A genogram symbol: someone of the extended family (no person_id), or the genogram's
        // overlay of a family-record person (person_id), whose name, gender and date of birth
        // the family record keeps. pinned is "x,y" in layout units.
        kind("genogram_person", "genogram_people", "genogram person",
            { reference("family_id", "family", "family", true),
                reference("person_id", "person", "family member"),
                labelField("given_name", "given name"), labelField("family_name", "family name"),
                choice("gender", gender, "gender"),
                typed("born", FieldType::PartialDate, "date of birth"),
                typed("died", FieldType::PartialDate, "date of death"),
                typed("deceased", FieldType::Boolean, "deceased marker"),
                labelField("age_text", "age"),
                typed("is_index", FieldType::Boolean, "index person"),
                typed("interpreter_needed", FieldType::Boolean, "interpreter needed"),
                typed("pregnancy", FieldType::Boolean, "pregnancy"), text("note", "note"),
                labelField("pinned", "place on the genogram") },
            M::Mutable, 10),
        // People who live together: genogram ids separated by spaces.
        kind("genogram_household", "genogram_households", "genogram household",
            { reference("family_id", "family", "family", true), labelField("member_ids", "members"),
                text("note", "note") },
            M::Mutable, 10),
        // A link of the family, or of one member (person_id, a genogram id; empty for the
        // whole family), with a service or group.
        kind("ecomap_link", "ecomap_links", "ecomap link",
            { reference("family_id", "family", "family", true),
                choice("agency",
                    { "school", "gp", "health_visitor", "police", "housing", "voluntary",
                        "employment", "social_care", "mental_health", "faith", "friends", "other" },
                    "kind of service", true),
                labelField("name", "name"), labelField("person_id", "family member"),
                choice("strength", { "strong", "weak", "stressful" }, "strength of the link"),
                text("note", "note") },
            M::Mutable, 10),
        kind("crisis_card", "crisis_cards", "crisis card",
            { reference("family_id", "family", "family", true),
                typed("made_on", FieldType::Date, "date made", true),
                text("warning_signs", "warning signs"), text("what_to_do", "what to do"),
                text("who_to_call", "who to call") },
            M::Mutable, 3),
        kind("ending_letter", "ending_letters", "ending letter",
            { reference("family_id", "family", "family", true),
                typed("written_on", FieldType::Date, "letter date", true),
                labelField("addressed_to", "addressed to"),
                text("progress", "the family's progress"),
                text("where_to_get_help", "where to get help"), labelField("author_id", "author") },
            M::Mutable, 3),
        // What was shared: written when the share is made, never changed.
        kind("disclosure", "disclosures", "disclosure",
            { reference("family_id", "family", "family", true),
                labelField("agency", "agency", true),
                typed("shared_at", FieldType::DateTime, "time shared", true),
                labelField("shared_by", "shared by"),
                integer("people", 0, 1000, "number of people shared about"),
                text("consent_ids", "consents shared on"), labelField("file_name", "file name") },
            M::Immutable, 4),
        // The child's own words in one of the three houses: written by the child, or
        // scribed by the practitioner and marked as the child's words, with the question
        // asked. What a child said is never edited; it may only be taken back (tombstone).
        kind("house_words", "house_words", "child's words",
            { reference("drawing_id", "drawing", "house", true), text("words", "words", true),
                choice("written_by", { "child", "practitioner_scribing" }, "written by", true),
                text("prompt", "question asked"),
                typed("written_at", FieldType::DateTime, "written at", true) },
            M::AppendOnly, 9),
        // A sticker placed in a house: where (centre, 0..1 of the house's page) and how big
        // (a fraction of the page's width).
        kind("sticker", "stickers", "sticker",
            { reference("drawing_id", "drawing", "house", true),
                labelField("sticker", "sticker", true), typed("x", FieldType::Real, "across", true),
                typed("y", FieldType::Real, "down", true),
                typed("size", FieldType::Real, "size", true),
                choice("placed_by", { "child", "practitioner" }, "placed by", true),
                typed("placed_at", FieldType::DateTime, "placed at", true) },
            M::AppendOnly, 9),
        // A document kept as it was made (the consent form as signed): its bytes are a blob,
        // named by their SHA-256 and sent on their own (sync/PROTOCOL.md, "Blobs").
        kind("document", "documents", "document",
            { reference("family_id", "family", "family", true),
                choice("purpose", { "signed_consent", "letter_to_child", "three_houses", "other" },
                    "document purpose", true),
                labelField("about_id", "record the document is of"), labelField("title", "title"),
                choice("media_type", { "application/pdf", "image/png" }, "type of document", true),
                typed("sha256", FieldType::ContentHash, "content", true),
                integer("size", 1, MaxBlobBytes, "size in bytes", true),
                typed("made_at", FieldType::DateTime, "made at", true) },
            M::Immutable, 8),
        // A supervisor's decision on a My Family Plan: signed off, or returned with comments
        // for the practitioner. Written once, never changed: a later decision is a new one.
        // Only a supervisor may write one (the server refuses anyone else).
        kind("plan_decision", "plan_decisions", "plan decision",
            { reference("family_id", "family", "family", true),
                reference("plan_id", "plan", "plan", true),
                choice("decision", { "signed_off", "returned" }, "decision", true),
                text("comments", "comments"), labelField("decided_by", "decided by", true),
                labelField("decided_by_name", "supervisor's name"),
                typed("decided_at", FieldType::DateTime, "decided at", true) },
            M::Immutable, 13),
        // A case supervision: the discussion of a family with its practitioner, what was
        // decided and what is to be done, written by the supervisor and read by both.
        kind("supervision_note", "supervision_notes", "case supervision note",
            { reference("family_id", "family", "family", true),
                typed("held_on", FieldType::Date, "supervision date", true),
                text("discussion", "discussion", true), text("decisions", "decisions"),
                text("actions", "actions"), labelField("author_id", "author", true),
                labelField("author_name", "supervisor's name") },
            M::Mutable, 13),
        // The exit questionnaire at closure (DOMAIN.md): how the family found the
        // assessment and the plan, in their own answers, for the service's totals.
        kind("exit_questionnaire", "exit_questionnaires", "exit questionnaire",
            { reference("family_id", "family", "family", true),
                typed("answered_on", FieldType::Date, "date answered", true),
                choice("assessment_easy", { "yes", "partly", "no" },
                    "whether the assessment was easy to understand"),
                choice("assessment_fair", { "yes", "partly", "no" },
                    "whether the assessment was fair"),
                choice("plan_clear", { "yes", "partly", "no" },
                    "whether the plan was clear about who does what"),
                text("comments", "the family's comments") },
            M::Mutable, 14),
    };
}

} // namespace

const FieldSpec *RecordKindSpec::field(const QString &name) const
{
    for (const FieldSpec &spec : fields) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

const QList<RecordKindSpec> &RecordSchema::kinds()
{
    static const QList<RecordKindSpec> all = buildKinds();
    return all;
}

const RecordKindSpec *RecordSchema::find(const QString &kind)
{
    for (const RecordKindSpec &spec : kinds()) {
        if (spec.kind == kind)
            return &spec;
    }
    return nullptr;
}

bool RecordSchema::isContentHash(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

bool RecordSchema::isPartialDate(const QString &text)
{
    // Digits in fixed places: QDate alone would take "1962-7-4" or a sign.
    static const auto digits = [](QStringView part, int count, int *value) {
        if (part.size() != count)
            return false;
        for (const QChar c : part) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        }
        *value = part.toInt();
        return true;
    };
    const QList<QStringView> parts = QStringView(text).split(QLatin1Char('-'));
    int year = 0;
    int month = 1;
    int day = 1;
    if (parts.size() > 3 || !digits(parts.at(0), 4, &year) || year == 0)
        return false;
    if (parts.size() >= 2 && !digits(parts.at(1), 2, &month))
        return false;
    if (parts.size() == 3 && !digits(parts.at(2), 2, &day))
        return false;
    return QDate(year, month, day).isValid();
}

std::optional<FamilyLink> RecordSchema::familyLink(const QString &kind)
{
    const RecordKindSpec *spec = find(kind);
    if (!spec || kind == QLatin1String("family"))
        return std::nullopt;
    if (spec->field(QStringLiteral("family_id")))
        return FamilyLink { QStringLiteral("family_id"), QStringLiteral("family") };
    for (const FieldSpec &field : spec->fields) {
        if (field.type == FieldType::Reference && field.required)
            return FamilyLink { field.name, field.referencedKind };
    }
    return std::nullopt;
}

} // namespace doorstep
