#pragma once

// Checks of a genogram layout against issue 7's rules, an exact text form of a layout for
// comparing two of them, and an SVG sketch of a layout for looking at one.

#include "genogram/genogram.h"
#include "genogram/genogramlayout.h"

#include <QFile>
#include <QHash>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace doorstep::test
{

inline QString exact(double value)
{
    return QString::number(value, 'g', 17);
}

inline QString exact(const QPointF &p)
{
    return exact(p.x()) + u',' + exact(p.y());
}

inline QString exact(const QLineF &line)
{
    return exact(line.p1()) + u' ' + exact(line.p2());
}

/// Every place and line with every number in full: equal texts mean identical layouts.
inline QString dump(const GenogramLayout &layout)
{
    QStringList lines;
    for (auto it = layout.places.cbegin(); it != layout.places.cend(); ++it) {
        lines.append(QStringLiteral("place %1 %2 g%3%4")
                         .arg(it.key(), exact(it->position))
                         .arg(it->generation)
                         .arg(it->pinned ? QStringLiteral(" pinned") : QString()));
    }
    for (const auto &line : layout.partnerLines) {
        QStringList points;
        for (const QPointF &p : line.path)
            points.append(exact(p));
        lines.append(QStringLiteral("partners %1 %2 %3 [%4] hang %5")
                         .arg(line.relationId, line.leftId, line.rightId,
                             points.join(QLatin1Char(' ')), exact(line.hangPoint)));
    }
    for (const auto &sibship : layout.sibships) {
        QStringList drops;
        for (const QLineF &drop : sibship.drops)
            drops.append(exact(drop));
        QStringList relations;
        for (const QStringList &ids : sibship.relationIds)
            relations.append(ids.join(QLatin1Char('+')));
        lines.append(QStringLiteral("sibship %1 (%2) %3 hang %4 descent %5 bar %6 drops %7 by %8%9")
                         .arg(sibship.parentIds.join(QLatin1Char('+')), sibship.partnerRelationId,
                             sibship.childIds.join(QLatin1Char('+')), exact(sibship.hangPoint),
                             exact(sibship.descent), exact(sibship.bar),
                             drops.join(QLatin1Char(' ')), relations.join(QLatin1Char(' ')),
                             sibship.underParents ? QString() : QStringLiteral(" aside")));
    }
    for (const auto &bar : layout.twinBars)
        lines.append(QStringLiteral("twins %1 %2").arg(bar.relationId, exact(bar.line)));
    for (const auto &connector : layout.connectors)
        lines.append(QStringLiteral("line %1 %2").arg(connector.relationId, exact(connector.line)));
    for (const auto &household : layout.households) {
        lines.append(QStringLiteral("household %1 %2 %3")
                         .arg(household.householdId, exact(household.rect.topLeft()),
                             exact(household.rect.bottomRight())));
    }
    lines.append(QStringLiteral("bounds %1 %2")
                     .arg(exact(layout.bounds.topLeft()), exact(layout.bounds.bottomRight())));
    return lines.join(QLatin1Char('\n'));
}

/// People of @p before whose position differs in @p after (or who are gone).
inline QStringList movedPeople(const GenogramLayout &before, const GenogramLayout &after)
{
    QStringList moved;
    for (auto it = before.places.cbegin(); it != before.places.cend(); ++it) {
        const auto now = after.position(it.key());
        if (!now || std::abs(now->x() - it->position.x()) > 1e-9
            || std::abs(now->y() - it->position.y()) > 1e-9)
            moved.append(it.key());
    }
    return moved;
}

/// Families whose children the layout marks as not under their parents (rule 4 could not
/// hold for them).
inline int sibshipsAside(const GenogramLayout &layout)
{
    return int(std::count_if(layout.sibships.cbegin(), layout.sibships.cend(),
        [](const auto &sibship) { return !sibship.underParents; }));
}

/// What in @p layout breaks the rules issue 7 asks of every layout; empty when nothing.
/// Children the layout marks as not under their parents are not counted as a problem (see
/// sibshipsAside()), but a wrong mark is.
/// Pinned people are exempt from the rules about rows and places, as the practitioner
/// put them where they are. @p twinsTogether checks that twins stand side by side.
inline QStringList layoutProblems(
    const Genogram &genogram, const GenogramLayout &layout, bool twinsTogether = true)
{
    using L = GenogramLayout;
    constexpr double tolerance = 1e-6;
    QStringList problems;
    const auto &places = layout.places;

    for (const GenogramPerson &person : genogram.people()) {
        if (!places.contains(person.id))
            problems.append(QStringLiteral("%1 has no place").arg(person.id));
    }
    if (!problems.isEmpty())
        return problems;

    // No overlapping symbols.
    const QStringList ids = places.keys();
    for (int i = 0; i < ids.size(); ++i) {
        const auto &a = places[ids[i]];
        for (int j = i + 1; j < ids.size(); ++j) {
            const auto &b = places[ids[j]];
            if (a.pinned && b.pinned)
                continue;
            if (std::abs(a.position.x() - b.position.x()) < L::SymbolSize - tolerance
                && std::abs(a.position.y() - b.position.y()) < L::SymbolSize - tolerance)
                problems.append(QStringLiteral("%1 and %2 overlap").arg(ids[i], ids[j]));
        }
    }

    // Each generation on one row.
    for (auto it = places.cbegin(); it != places.cend(); ++it) {
        if (!it->pinned && it->position.y() != it->generation * L::RowSpacing)
            problems.append(QStringLiteral("%1 is off its generation's row").arg(it.key()));
    }

    // Who stands between two people in a row (by x, same y).
    auto between = [&](const QString &a, const QString &b) {
        const QPointF pa = places[a].position;
        const QPointF pb = places[b].position;
        QStringList found;
        for (auto it = places.cbegin(); it != places.cend(); ++it) {
            const QPointF p = it->position;
            // Someone dragged there by the practitioner is where they were put.
            if (!it->pinned && p.y() == pa.y() && p.x() > std::min(pa.x(), pb.x()) + tolerance
                && p.x() < std::max(pa.x(), pb.x()) - tolerance)
                found.append(it.key());
        }
        return found;
    };

    for (const GenogramRelation &relation : genogram.relations()) {
        if (!relation.isShown())
            continue;
        const auto &from = places[relation.fromId];
        const auto &to = places[relation.toId];
        if (from.pinned || to.pinned)
            continue;
        if (relation.kind() == GenogramRelation::Kind::Partner) {
            // Partners side by side: only a partner of one of them may stand between.
            if (from.generation != to.generation) {
                problems.append(QStringLiteral("partners %1 and %2 are in different rows")
                                    .arg(relation.fromId, relation.toId));
                continue;
            }
            const QStringList partners
                = genogram.partnersOf(relation.fromId) + genogram.partnersOf(relation.toId);
            for (const QString &id : between(relation.fromId, relation.toId)) {
                if (!partners.contains(id)) {
                    problems.append(QStringLiteral("%1 stands between partners %2 and %3")
                                        .arg(id, relation.fromId, relation.toId));
                }
            }
        }
        if (relation.kind() == GenogramRelation::Kind::Parent && to.generation <= from.generation) {
            problems.append(QStringLiteral("child %1 is not below parent %2")
                                .arg(relation.toId, relation.fromId));
        }
    }

    // Children hang under their parents.
    QHash<QString, int> sibshipsOf;
    for (const auto &sibship : layout.sibships) {
        bool pinned = false;
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (const QString &child : sibship.childIds) {
            ++sibshipsOf[child];
            pinned = pinned || places[child].pinned;
            low = std::min(low, places[child].position.x());
            high = std::max(high, places[child].position.x());
            for (const QString &parent : sibship.parentIds) {
                if (!genogram.parentsOf(child).contains(parent))
                    problems.append(
                        QStringLiteral("%1 hangs from %2, not a parent").arg(child, parent));
                if (places[child].generation <= places[parent].generation)
                    problems.append(
                        QStringLiteral("child %1 is not below parent %2").arg(child, parent));
                pinned = pinned || places[parent].pinned;
            }
        }
        if (pinned)
            continue;
        // Seen from above, the children's symbols and their parents' overlap or touch.
        double parentLow = std::numeric_limits<double>::infinity();
        double parentHigh = -parentLow;
        for (const QString &parent : sibship.parentIds) {
            parentLow = std::min(parentLow, places[parent].position.x());
            parentHigh = std::max(parentHigh, places[parent].position.x());
        }
        const bool under = low <= parentHigh + L::SymbolSize + tolerance
            && high >= parentLow - L::SymbolSize - tolerance;
        if (!under && sibship.underParents) {
            problems.append(QStringLiteral("children %1 (%2 to %3) are not under their parents "
                                           "%4 (%5 to %6)")
                                .arg(sibship.childIds.join(QLatin1Char('+')), exact(low),
                                    exact(high), sibship.parentIds.join(QLatin1Char('+')),
                                    exact(parentLow), exact(parentHigh)));
        }
        if (under && !sibship.underParents) {
            problems.append(QStringLiteral("children %1 are marked as not under their parents "
                                           "but are")
                                .arg(sibship.childIds.join(QLatin1Char('+'))));
        }
        const double hang = sibship.hangPoint.x();
        if (hang < std::min(sibship.bar.x1(), sibship.bar.x2()) - tolerance
            || hang > std::max(sibship.bar.x1(), sibship.bar.x2()) + tolerance)
            problems.append(QStringLiteral("the line of %1 misses its parents' line")
                                .arg(sibship.childIds.join(u'+')));
        if (sibship.descent.x1() != sibship.descent.x2() || sibship.bar.y1() != sibship.bar.y2())
            problems.append(
                QStringLiteral("crooked lines for %1").arg(sibship.childIds.join(u'+')));
    }
    // Children's lines of different families in one row neither overlap nor meet end to end
    // at the same height (rule 7): they would read as one family.
    for (int i = 0; i < layout.sibships.size(); ++i) {
        const auto &a = layout.sibships[i];
        for (int j = i + 1; j < layout.sibships.size(); ++j) {
            const auto &b = layout.sibships[j];
            if (std::abs(a.bar.y1() - b.bar.y1()) > tolerance)
                continue;
            constexpr double gap = 0.3;
            if (std::min(a.bar.x1(), a.bar.x2()) <= std::max(b.bar.x1(), b.bar.x2()) + gap
                && std::min(b.bar.x1(), b.bar.x2()) <= std::max(a.bar.x1(), a.bar.x2()) + gap)
                problems.append(QStringLiteral("the lines of %1 and %2 meet at the same height")
                                    .arg(a.childIds.join(u'+'), b.childIds.join(u'+')));
        }
        // Between the parents' line and the children's symbols, unless someone was dragged.
        const QStringList people = a.parentIds + a.childIds;
        if (std::any_of(people.cbegin(), people.cend(),
                [&](const QString &id) { return places[id].pinned; }))
            continue;
        if (a.bar.y1() < a.hangPoint.y() - tolerance)
            problems.append(
                QStringLiteral("the line of %1 is above its parents'").arg(a.childIds.join(u'+')));
        for (const QLineF &drop : a.drops) {
            if (drop.y2() < a.bar.y1() - tolerance)
                problems.append(QStringLiteral("the line of %1 is below the children")
                                    .arg(a.childIds.join(u'+')));
        }
    }
    for (const GenogramPerson &person : genogram.people()) {
        const int count = sibshipsOf.value(person.id);
        if (count != (genogram.parentsOf(person.id).isEmpty() ? 0 : 1))
            problems.append(QStringLiteral("%1 hangs from %2 sibships").arg(person.id).arg(count));
    }

    // Twins of the same parents side by side: only people joined to one of them by partner
    // lines (a partner, a partner's partner...) may stand between.
    auto partnerChain = [&](const QString &id) {
        QStringList chain { id };
        for (int k = 0; k < chain.size(); ++k) {
            for (const QString &other : genogram.partnersOf(chain[k])) {
                if (!chain.contains(other) && places[other].generation == places[id].generation)
                    chain.append(other);
            }
        }
        return chain;
    };
    for (const GenogramRelation &relation : genogram.relations()) {
        if (!twinsTogether || !relation.isShown() || relation.kind() != GenogramRelation::Kind::Twin
            || genogram.parentsOf(relation.fromId) != genogram.parentsOf(relation.toId)
            || places[relation.fromId].pinned || places[relation.toId].pinned)
            continue;
        const QStringList partners = partnerChain(relation.fromId) + partnerChain(relation.toId);
        for (const QString &id : between(relation.fromId, relation.toId)) {
            if (!partners.contains(id)) {
                problems.append(QStringLiteral("%1 stands between twins %2 and %3")
                                    .arg(id, relation.fromId, relation.toId));
            }
        }
    }

    for (auto it = places.cbegin(); it != places.cend(); ++it) {
        const QPointF p = it->position;
        if (!layout.bounds.adjusted(-tolerance, -tolerance, tolerance, tolerance)
                 .contains(QRectF(p.x() - 0.5, p.y() - 0.5, 1.0, 1.0)))
            problems.append(QStringLiteral("%1 is outside the bounds").arg(it.key()));
    }
    return problems;
}

/// A rough drawing of @p layout, to look at while working on the layout.
inline void writeSvg(const Genogram &genogram, const GenogramLayout &layout, const QString &path)
{
    constexpr double scale = 24.0;
    const QRectF b = layout.bounds.adjusted(-1, -1, 1, 1);
    QString svg = QStringLiteral("<svg xmlns='http://www.w3.org/2000/svg' width='%1' height='%2' "
                                 "viewBox='%3 %4 %5 %6'><rect x='%3' y='%4' width='%5' height='%6' "
                                 "fill='white'/>\n")
                      .arg(b.width() * scale)
                      .arg(b.height() * scale)
                      .arg(b.x() * scale)
                      .arg(b.y() * scale)
                      .arg(b.width() * scale)
                      .arg(b.height() * scale);
    auto line = [&](QPointF p, QPointF q, const QString &style) {
        svg += QStringLiteral("<line x1='%1' y1='%2' x2='%3' y2='%4' %5/>\n")
                   .arg(p.x() * scale)
                   .arg(p.y() * scale)
                   .arg(q.x() * scale)
                   .arg(q.y() * scale)
                   .arg(style);
    };
    const QString solid = QStringLiteral("stroke='black' stroke-width='1.5'");
    for (const auto &partner : layout.partnerLines) {
        for (int k = 0; k + 1 < partner.path.size(); ++k)
            line(partner.path[k], partner.path[k + 1],
                partner.relationId.isEmpty() ? QStringLiteral("stroke='grey' stroke-dasharray='3'")
                                             : solid);
    }
    for (int k = 0; k < layout.sibships.size(); ++k) {
        // A colour per family, to tell crossing lines apart.
        const auto &sibship = layout.sibships[k];
        const QString style
            = QStringLiteral("stroke='hsl(%1,70%,35%)' stroke-width='1.5'").arg((k * 137) % 360);
        line(sibship.descent.p1(), sibship.descent.p2(), style);
        line(sibship.bar.p1(), sibship.bar.p2(), style);
        for (const QLineF &drop : sibship.drops)
            line(drop.p1(), drop.p2(), style);
    }
    for (const auto &bar : layout.twinBars)
        line(bar.line.p1(), bar.line.p2(), solid);
    for (const auto &connector : layout.connectors)
        line(connector.line.p1(), connector.line.p2(),
            QStringLiteral("stroke='red' stroke-dasharray='2' stroke-width='0.8'"));
    for (const GenogramPerson &person : genogram.people()) {
        const QPointF p = layout.places.value(person.id).position * scale;
        const double r = scale / 2.0;
        const QString fill = person.isIndex ? QStringLiteral("#ffe08a") : QStringLiteral("white");
        if (person.pregnancy) {
            svg += QStringLiteral(
                "<polygon points='%1,%2 %3,%4 %5,%4' fill='%6' stroke='black'/>\n")
                       .arg(p.x())
                       .arg(p.y() - r)
                       .arg(p.x() - r)
                       .arg(p.y() + r)
                       .arg(p.x() + r)
                       .arg(fill);
        } else if (person.gender == GenogramPerson::Gender::Male) {
            svg += QStringLiteral(
                "<rect x='%1' y='%2' width='%3' height='%3' fill='%4' stroke='black'/>\n")
                       .arg(p.x() - r)
                       .arg(p.y() - r)
                       .arg(2 * r)
                       .arg(fill);
        } else if (person.gender == GenogramPerson::Gender::Female) {
            svg += QStringLiteral("<circle cx='%1' cy='%2' r='%3' fill='%4' stroke='black'/>\n")
                       .arg(p.x())
                       .arg(p.y())
                       .arg(r)
                       .arg(fill);
        } else {
            svg += QStringLiteral(
                "<polygon points='%1,%2 %3,%4 %1,%5 %6,%4' fill='%7' stroke='black'/>\n")
                       .arg(p.x())
                       .arg(p.y() - r)
                       .arg(p.x() + r)
                       .arg(p.y())
                       .arg(p.y() + r)
                       .arg(p.x() - r)
                       .arg(fill);
        }
        if (person.deceased) {
            line(p / scale + QPointF(-0.5, -0.5), p / scale + QPointF(0.5, 0.5), solid);
            line(p / scale + QPointF(0.5, -0.5), p / scale + QPointF(-0.5, 0.5), solid);
        }
        svg += QStringLiteral("<text x='%1' y='%2' font-size='7' text-anchor='middle'>%3</text>\n")
                   .arg(p.x())
                   .arg(p.y() + r + 8)
                   .arg(person.displayName.toHtmlEscaped());
    }
    svg += QStringLiteral("</svg>\n");
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(svg.toUtf8());
}

} // namespace doorstep::test
