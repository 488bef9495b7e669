#pragma once

// The genogram model: people, the lines between them and households, as the practitioner
// draws them with the family (issue 7). Plain values and rules only: no store, no QML. The
// store maps its records onto these types: a relation is one row of genogram_relations
// (from_person_id, to_person_id, kind, subtype, start_date, end_date, note), with kind and
// subtype spelled as GenogramRelation::kindName() and typeName() give.
//
// Notation (McGoldrick and Gerson; variants exist, so the app ships a legend):
// - a square is a male, a circle a female, a diamond-like neutral symbol someone whose
//   gender is other or unknown; a triangle a pregnancy; the index person is double-outlined;
//   a cross through the symbol marks a person who has died; the age is written inside;
// - partners are joined by a line below their symbols: solid when married, dashed when
//   cohabiting, one slash when separated, two when divorced;
// - children hang from their parents' partner line, oldest on the left: a solid line for a
//   birth child, dashed for adopted, dotted for foster; a step-parent's line goes straight
//   to the child; twins hang from one point, identical twins joined by a bar;
// - a household (who lives together) is drawn as an outline around its members;
// - emotional lines: close, distant, conflict, cut off, support, and abuse, which has a
//   direction (from the person who abuses to the person abused).

#include "domain/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace doorstep
{

/// A date in a genogram, known to the year, the month or the day: families often remember
/// only "1962".
struct GenogramDate {
    int year = 0; ///< 0 when not known at all
    int month = 0; ///< 1-12, or 0 when only the year is known
    int day = 0; ///< 1-31, or 0 when not known

    bool isValid() const { return year != 0; }

    /// Reads "1962", "1962-07" or "1962-07-14" (an empty text is an unknown date). Anything
    /// else, or a day that does not exist, gives nullopt.
    static std::optional<GenogramDate> fromString(QStringView text);
    /// The same forms; empty when unknown.
    QString toString() const;

    friend bool operator==(const GenogramDate &a, const GenogramDate &b)
    {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const GenogramDate &a, const GenogramDate &b) { return !(a == b); }
    /// Earlier first; a part not known sorts before the known ones of the same year or month.
    friend bool operator<(const GenogramDate &a, const GenogramDate &b)
    {
        if (a.year != b.year)
            return a.year < b.year;
        if (a.month != b.month)
            return a.month < b.month;
        return a.day < b.day;
    }
};

/// A person in a genogram: someone in the family record or extended family, living or dead.
struct GenogramPerson {
    enum class Gender { Female, Male, Unknown }; ///< Unknown: other or not known (neutral)

    QString id;
    QString displayName;
    Gender gender = Gender::Unknown;
    GenogramDate born;
    bool deceased = false;
    GenogramDate died; ///< may be unknown for a deceased person
    QString ageText; ///< as written inside the symbol: "42", "6 mo", "about 80"
    bool isIndex = false; ///< the person the work is about (double outline)
    bool interpreterNeeded = false;
    bool pregnancy = false; ///< a child not yet born (a triangle); placed as the youngest
    QString note;
    /// Where the practitioner dragged the symbol to, in layout units; kept exactly by the
    /// layout and synced like any other field.
    std::optional<QPointF> pinned;
};

/// A line between two people: partners, parent and child, twins or an emotional line.
struct GenogramRelation {
    Q_DECLARE_TR_FUNCTIONS(GenogramRelation)

public:
    enum class Kind { Partner, Parent, Twin, Emotional };
    /// The subtype; each belongs to one kind (kindOf()).
    enum class Type {
        Married,
        Cohabiting,
        Separated,
        Divorced,
        Biological,
        Adopted,
        Foster,
        Step,
        IdenticalTwins,
        NonIdenticalTwins,
        Close,
        Distant,
        Conflict,
        CutOff,
        Abuse,
        Support,
    };
    /// Set by Genogram, never by the caller: whether the line can be drawn.
    enum class State {
        Shown,
        Dangling, ///< points at a person not in the genogram (deleted): hidden and flagged
        Refused, ///< breaks a rule (own partner, own ancestor, repeated id): hidden and flagged
    };

    QString id;
    Type type = Type::Married;
    /// Partner and twin lines have no direction. Parent: fromId is the parent, toId the
    /// child. Emotional: the line goes from fromId to toId (for abuse: from the person who
    /// abuses).
    QString fromId;
    QString toId;
    GenogramDate start; ///< partners: when they married or moved in together
    GenogramDate end; ///< partners: when they separated or divorced
    /// Which of a person's partnerships came first when dates do not tell: lower first, 0
    /// when not set. Partnerships sort by order (set before unset), start date, then id.
    int order = 0;
    QString note;
    State state = State::Shown;

    Kind kind() const { return kindOf(type); }
    bool isShown() const { return state == State::Shown; }

    static Kind kindOf(Type type);
    /// "partner", "parent", "twin" or "emotional": the store's kind column.
    static QString kindName(Kind kind);
    /// "married", "cohabiting", "separated", "divorced", "biological", "adopted", "foster",
    /// "step", "identical", "non_identical", "close", "distant", "conflict", "cut_off",
    /// "abuse", "support": the store's subtype column.
    static QString typeName(Type type);
    /// Reads the kind and subtype columns. An empty subtype is "biological" for a parent
    /// and "non_identical" for twins (zygosity not known); partner and emotional lines need
    /// one. A subtype of another kind, or an unknown word, is an error.
    [[nodiscard]] static Result<Type> typeFromNames(const QString &kind, const QString &subtype);
};

/// People who live together, drawn as an outline around them.
struct GenogramHousehold {
    QString id;
    QStringList memberIds;
    QString note;
};

/// Something in a genogram that is hidden or doubtful, said so the practitioner can fix it.
struct GenogramIssue {
    enum class Code {
        DuplicateId, ///< a second element with an id already used: hidden
        DanglingRelation, ///< a line to a person not in the genogram: hidden
        SelfRelation, ///< a line from a person to themselves: hidden
        DuplicateLine, ///< a second line of a kind between the same two people: hidden
        ParentCycle, ///< a parent line that makes someone their own ancestor: hidden
        TooManyParents, ///< more than two parents of one kind (e.g. three birth parents)
        TwinsNotSiblings, ///< twins with parents of their own but none in common
        MissingMember, ///< a household names a person not in the genogram: left out
    };

    Code code = Code::DanglingRelation;
    QString elementId; ///< the relation, person or household concerned
    QString message;

    friend bool operator==(const GenogramIssue &a, const GenogramIssue &b)
    {
        return a.code == b.code && a.elementId == b.elementId && a.message == b.message;
    }
};

/// A family's genogram: its people, relations and households, with the rules that decide
/// which lines can be drawn. Loading (the constructor) takes records as they are and flags
/// what it cannot show; edits are checked and refused with a sentence saying why.
class Genogram
{
    Q_DECLARE_TR_FUNCTIONS(Genogram)

public:
    Genogram() = default;
    /// Takes records as the store and sync deliver them, never refusing: an edge to a
    /// missing person is kept but Dangling, an edge that breaks a rule is Refused, and both
    /// are listed in issues(). Which of two edges closing a parent cycle is refused depends
    /// only on their ids, so every device hides the same one.
    Genogram(QList<GenogramPerson> people, QList<GenogramRelation> relations,
        QList<GenogramHousehold> households = {});

    const QList<GenogramPerson> &people() const { return m_people; }
    const QList<GenogramRelation> &relations() const { return m_relations; }
    const QList<GenogramHousehold> &households() const { return m_households; }
    /// Hidden or doubtful elements, sorted by element id then code.
    const QList<GenogramIssue> &issues() const { return m_issues; }

    const GenogramPerson *person(const QString &id) const;
    const GenogramRelation *relation(const QString &id) const;
    const GenogramHousehold *household(const QString &id) const;

    /// Parents of @p personId by shown parent lines, sorted by id.
    QStringList parentsOf(const QString &personId) const;
    /// Children of @p personId by shown parent lines, sorted by id.
    QStringList childrenOf(const QString &personId) const;
    /// Partners of @p personId by shown partner lines, sorted by id.
    QStringList partnersOf(const QString &personId) const;

    /// Refuses an empty or repeated id.
    [[nodiscard]] Result<void> addPerson(const GenogramPerson &person);
    /// Replaces the person with the same id.
    [[nodiscard]] Result<void> updatePerson(const GenogramPerson &person);
    /// Removes the person; lines to them stay, Dangling, as a deleted record's would.
    void removePerson(const QString &personId);
    /// Keeps @p position exactly in every layout, or forgets it (nullopt).
    [[nodiscard]] Result<void> setPinned(const QString &personId, std::optional<QPointF> position);

    /// Whether @p relation could be added (or could replace the relation with its id):
    /// both people exist and differ, a parent line makes no one their own ancestor, a child
    /// gets no third parent of one kind.
    [[nodiscard]] Result<void> checkRelation(const GenogramRelation &relation) const;
    [[nodiscard]] Result<void> addRelation(const GenogramRelation &relation);
    [[nodiscard]] Result<void> updateRelation(const GenogramRelation &relation);
    void removeRelation(const QString &relationId);

    /// Refuses an empty or repeated id and members not in the genogram.
    [[nodiscard]] Result<void> addHousehold(const GenogramHousehold &household);
    [[nodiscard]] Result<void> updateHousehold(const GenogramHousehold &household);
    void removeHousehold(const QString &householdId);

private:
    // Works out every relation's state and the issues again; the model is small (tens of
    // people), so doing it all after each edit keeps the rules in one place.
    void resolve();
    QString nameOf(const QString &personId) const;
    bool isAncestor(const QString &ancestorId, const QString &personId,
        const QString &ignoredRelationId = {}) const;
    Result<void> checkHousehold(const GenogramHousehold &household, bool replacing) const;

    QList<GenogramPerson> m_people;
    QList<GenogramRelation> m_relations;
    QList<GenogramHousehold> m_households;
    QList<GenogramIssue> m_issues;
    QList<GenogramIssue> m_loadIssues; ///< people dropped by the constructor
    QHash<QString, int> m_personIndex;
    QHash<QString, int> m_relationIndex; ///< the first relation with each id
    QHash<QString, int> m_householdIndex;
};

} // namespace doorstep
