#pragma once

// Automatic generational layout of a genogram, in abstract units: a symbol is one unit
// across, x grows to the right and y downward. A view scales units to pixels or points.
//
// Rules, in the order the layout applies them:
// 1. Rows. A person's generation follows parent lines: a child is at least one row below
//    each parent and partners share a row (so do two people who have a child together).
//    Someone with no parents in the genogram takes the row above their children, or their
//    partner's row; someone with no lines at all takes the row of whoever they have an
//    emotional or twin line with, else the index person's row. Row g is at y = g *
//    RowSpacing.
// 2. Which parents a child hangs from. Adoptive parents first, then birth parents, then
//    foster, then step parents; at most two. A child's other parents get a straight line
//    to the child (GenogramLayout::Connector).
// 3. Order in a row. Partners stay side by side: a person with several partners has them on
//    either side, first partnership on one side, second on the other, further ones
//    outward, ordered by GenogramRelation::order, start date, then id. A couple with a man
//    and a woman puts the man on the left unless that makes lines cross. Children hang in
//    birth order, oldest on the left (unknown birth dates after known ones, a pregnancy
//    last), twins next to each other (only their own partners between them); half-siblings
//    hang under their own parents. Rows are ordered to keep line crossings few: each row is
//    sorted by the mean position of the people it hangs from (going down) or that hang
//    from it (going up), for a few sweeps, keeping the order with the fewest crossings;
//    then each block of partners moves to the place in its row that crosses fewest lines.
//    Separate families stand side by side.
// 4. Positions. Partners are PersonSpacing apart, siblings too, and people of different
//    families FamilySpacing apart. Within that, each family's children are centred under
//    their parents and parents over their children, and at least one child stands under
//    the parents: seen from above, the children's symbols and the parents' overlap or
//    touch (the children's line runs across to wherever the parents' line comes down).
//    That last holds whenever the order allows; when a crossing keeps it from holding
//    the order is changed (block by block, keeping birth order and twins), and a couple may
//    stand wider apart. A family that still cannot be drawn so (about 1 in 1,500 generated
//    families, where partners side by side, twins together and birth order leave no such
//    place) is marked (Sibship::underParents).
// 5. Pinned people (dragged by the practitioner) are kept exactly where they were put, and
//    stand as an obstacle in whichever row their symbol lands in; everyone else, their
//    partners too, keeps clear and flows around them (people between two pins that stand
//    too close move out past one of them). Their lines follow them. Twins may part
//    around a pin; a twin who is dragged hangs by their own line.
// 6. Stability. Given the previous layout, people who were in it keep their rows and their
//    order, and stay where they were unless room must be made: a new person moves the
//    people beside them on the side with fewer people to move, and with them their parents
//    or children where rule 4 needs it. The order is kept even where a fresh layout would
//    change it to keep rule 4; that family is then marked.
// 7. Lines. Children's lines (Sibship::bar) of different families in one row that would
//    overlap or come within 0.3 of each other across are drawn at different heights, a
//    quarter unit apart, between the parents' line and the children's symbols, so they do
//    not read as one family: each, left to right, takes the height where its lines meet
//    the fewest lines of those before it (higher before lower when equal).
// Same input, same output: nothing depends on the order people and lines come in, on
// hashing or on addresses; ties are broken by id.

#include "genogram/genogram.h"

#include <QLineF>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <optional>

namespace doorstep
{

/// Where a genogram's symbols and lines go: the result of GenogramLayout::layout().
struct GenogramLayout {
    static constexpr double SymbolSize = 1.0;
    static constexpr double PersonSpacing = 2.0; ///< least centre to centre: partners, siblings
    static constexpr double FamilySpacing = 3.0; ///< least centre to centre: other neighbours
    static constexpr double RowSpacing = 4.0; ///< between generations
    static constexpr double PartnerLineDrop = 0.5; ///< partner line below the symbols
    static constexpr double NestedPartnerDrop = 0.25; ///< deeper per person it passes under
    static constexpr double SibshipLineRise = 0.75; ///< children's line above their symbols

    /// A person's symbol: its centre and generation row.
    struct Place {
        QPointF position;
        int generation = 0;
        bool pinned = false;

        friend bool operator==(const Place &a, const Place &b)
        {
            return a.position == b.position && a.generation == b.generation && a.pinned == b.pinned;
        }
    };

    /// The line joining two partners: down from each symbol and across. Parents who have
    /// a child but no partner line in the genogram get one too, with no relationId.
    struct PartnerLine {
        QString relationId;
        QString leftId;
        QString rightId;
        QList<QPointF> path;
        QPointF hangPoint; ///< where their children's line hangs from

        friend bool operator==(const PartnerLine &a, const PartnerLine &b)
        {
            return a.relationId == b.relationId && a.leftId == b.leftId && a.rightId == b.rightId
                && a.path == b.path && a.hangPoint == b.hangPoint;
        }
    };

    /// Children of one set of parents in one row: the line down from the parents, the line
    /// across that the children hang from, and a line down to each child.
    struct Sibship {
        QStringList parentIds; ///< one or two, left to right
        QString partnerRelationId; ///< the parents' partner line, if they have one
        QStringList childIds; ///< left to right
        QPointF hangPoint;
        QLineF descent; ///< from hangPoint straight down to the children's line
        QLineF bar; ///< the children's line
        /// A line per child in childIds' order, from the bar to the top of the symbol; twins'
        /// lines start from one point.
        QList<QLineF> drops;
        /// The parent lines each child hangs by (for its style: dashed when adopted...).
        QList<QStringList> relationIds;
        /// Rule 4 holds: some child stands under the parents. False only where the family
        /// cannot be drawn so (all lines at once, partners side by side, twins together);
        /// the bar then runs across to the children. A view may point such families out.
        bool underParents = true;

        friend bool operator==(const Sibship &a, const Sibship &b)
        {
            return a.parentIds == b.parentIds && a.partnerRelationId == b.partnerRelationId
                && a.childIds == b.childIds && a.hangPoint == b.hangPoint && a.descent == b.descent
                && a.bar == b.bar && a.drops == b.drops && a.relationIds == b.relationIds
                && a.underParents == b.underParents;
        }
    };

    /// The bar between identical twins' lines.
    struct TwinBar {
        QString relationId;
        QLineF line;

        friend bool operator==(const TwinBar &a, const TwinBar &b)
        {
            return a.relationId == b.relationId && a.line == b.line;
        }
    };

    /// A straight line between two symbols' centres: emotional lines, and parent lines a
    /// child does not hang by (a step-parent's, a birth parent's beside adoptive parents).
    struct Connector {
        QString relationId;
        QLineF line;

        friend bool operator==(const Connector &a, const Connector &b)
        {
            return a.relationId == b.relationId && a.line == b.line;
        }
    };

    /// The box around a household's members.
    struct HouseholdOutline {
        QString householdId;
        QRectF rect;

        friend bool operator==(const HouseholdOutline &a, const HouseholdOutline &b)
        {
            return a.householdId == b.householdId && a.rect == b.rect;
        }
    };

    QMap<QString, Place> places; ///< by person id; people with shown records only
    QList<PartnerLine> partnerLines;
    QList<Sibship> sibships;
    QList<TwinBar> twinBars;
    QList<Connector> connectors;
    QList<HouseholdOutline> households;
    QRectF bounds; ///< every symbol and line; null when there is no one

    bool isEmpty() const { return places.isEmpty(); }
    std::optional<QPointF> position(const QString &personId) const;

    /// Lays out @p genogram. With a @p previous layout (of the same family before an edit),
    /// people in it keep their rows and order and move only to make room (rule 6). Hidden
    /// (dangling or refused) lines are left out.
    [[nodiscard]] static GenogramLayout layout(
        const Genogram &genogram, const GenogramLayout &previous = {});

    friend bool operator==(const GenogramLayout &a, const GenogramLayout &b)
    {
        return a.places == b.places && a.partnerLines == b.partnerLines && a.sibships == b.sibships
            && a.twinBars == b.twinBars && a.connectors == b.connectors
            && a.households == b.households && a.bounds == b.bounds;
    }
    friend bool operator!=(const GenogramLayout &a, const GenogramLayout &b) { return !(a == b); }
};

} // namespace doorstep
