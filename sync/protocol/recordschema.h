#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace doorstep
{

/// The largest blob (a rendered drawing, a PDF) a document may name: 32 MiB.
constexpr qint64 MaxBlobBytes = 32LL * 1024 * 1024;

/// How the store checks and normalises one field before it is written.
enum class FieldType {
    Text, ///< free text (merged with conflict versions by sync)
    Label, ///< short text such as a name or a postcode
    Date, ///< ISO 8601 date, yyyy-MM-dd
    /// A date known to the year, the month or the day: "1962", "1962-07" or "1962-07-14"
    /// (a genogram's dates: families often remember only the year).
    PartialDate,
    DateTime, ///< ISO 8601 UTC date and time
    Integer,
    Real,
    Boolean,
    Reference, ///< id of a live record of another kind
    NhsNumber, ///< 10 digits with a valid modulus-11 check digit, stored as digits
    Choice, ///< one of a fixed set of words
    Blob,
    ContentHash, ///< SHA-256 of a blob (sync/PROTOCOL.md, "Blobs"): 64 lowercase hex digits
};

struct FieldSpec {
    QString name;
    FieldType type = FieldType::Text;
    bool required = false;
    QString label; ///< how error messages name the field to a person
    QString referencedKind; ///< for Reference
    QStringList choices; ///< for Choice
    qint64 minimum = 0; ///< for Integer, when maximum > minimum
    qint64 maximum = 0;
};

/// The rules the store enforces on a kind of record: its table, its fields, and
/// whether it may change after it is written.
struct RecordKindSpec {
    enum class Mutability {
        Mutable,
        AppendOnly, ///< never updated; may be tombstoned (ink strokes)
        Immutable, ///< never updated or deleted (signed consents)
        FinalisedByStatus, ///< mutable until its status field becomes "final" (visits)
    };

    QString kind;
    QString table;
    QString label;
    QList<FieldSpec> fields;
    Mutability mutability = Mutability::Mutable;
    /// The schema version that created this kind's table.
    int sinceVersion = 1;

    const FieldSpec *field(const QString &name) const;
};

/// The field that ties a kind of record to its family: family_id itself, or the record it
/// belongs to (a stroke's drawing, a goal's plan) whose family it shares.
struct FamilyLink {
    QString field;
    QString parentKind; ///< "family" when the field holds the family id
};

/// Every kind of record the product stores; the store's one write path accepts no other.
class RecordSchema
{
public:
    static const QList<RecordKindSpec> &kinds();
    static const RecordKindSpec *find(const QString &kind);
    /// How a kind of record belongs to a family; none for the family itself or an
    /// unknown kind.
    static std::optional<FamilyLink> familyLink(const QString &kind);
    /// True when text is a SHA-256 as a ContentHash field holds it: 64 lowercase hex digits.
    static bool isContentHash(const QString &text);
    /// True when text is a PartialDate as the store holds it: "YYYY", "YYYY-MM" or
    /// "YYYY-MM-DD", year not 0, month 01-12, and a day that exists in that month.
    static bool isPartialDate(const QString &text);
};

} // namespace doorstep
