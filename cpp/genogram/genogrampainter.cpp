#include "genogram/genogrampainter.h"

#include "genogram/genogramstrokes.h"
#include "genogram/genogramsupportnetwork.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QPaintDevice>
#include <QPainter>
#include <QSet>
#include <cmath>

namespace doorstep
{

namespace
{

using L = GenogramLayout;
using S = GenogramStrokes;
using Type = GenogramRelation::Type;

constexpr double indexOutline = 1.3; // the index person's outer outline, in symbol sizes
constexpr double selectionRing = 0.82; // radius of the selected person's ring
constexpr double textGap = 0.06;

QColor mixed(const QColor &from, const QColor &to, double amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
        float(from.greenF() + (to.greenF() - from.greenF()) * amount),
        float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

double scaleOf(const QTransform &transform)
{
    return std::sqrt(std::abs(transform.determinant()));
}

// A font whose em is @p units layout units tall once drawn through @p scale.
QFont fontFor(const GenogramPaintOptions &options, const QPainter &painter, double units,
    double scale, bool bold = false)
{
    QFont font = options.fontFamily.isEmpty() ? QGuiApplication::font() : QFont(options.fontFamily);
    const double dpi = painter.device() ? painter.device()->logicalDpiY() : 96.0;
    font.setPointSizeF(qMax(0.1, units * scale * 72.0 / dpi));
    font.setBold(bold);
    // Hinting would change widths from one zoom to the next and the names would jump.
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

// What a person's line in a sibship looks like: adopted and foster win over birth.
Type childType(const Genogram &genogram, const QStringList &relationIds)
{
    Type type = Type::Biological;
    for (const QString &id : relationIds) {
        const GenogramRelation *relation = genogram.relation(id);
        if (!relation)
            continue;
        if (relation->type == Type::Adopted)
            return Type::Adopted;
        if (relation->type == Type::Foster || relation->type == Type::Step)
            type = relation->type;
    }
    return type;
}

// Draws @p text centred on @p x, lines going down from @p top (painter coordinates).
void drawCentred(QPainter &painter, const QFontMetricsF &metrics, const QStringList &lines,
    double x, double top, const QColor &backing = QColor())
{
    double baseline = top + metrics.ascent();
    if (backing.isValid()) {
        // Lines that cross a name (an emotional line, a household's outline) pass behind it.
        double widest = 0;
        for (const QString &line : lines)
            widest = qMax(widest, metrics.horizontalAdvance(line));
        painter.fillRect(QRectF(x - widest / 2 - metrics.descent() / 2, top,
                             widest + metrics.descent(), metrics.lineSpacing() * lines.size()),
            backing);
    }
    for (const QString &line : lines) {
        painter.drawText(QPointF(x - metrics.horizontalAdvance(line) / 2, baseline), line);
        baseline += metrics.lineSpacing();
    }
}

// A name in at most two lines of @p width: broken between words, the rest elided.
QStringList wrapped(const QString &name, const QFontMetricsF &metrics, double width)
{
    const QString text = name.simplified();
    if (metrics.horizontalAdvance(text) <= width)
        return { text };
    const QStringList words = text.split(QLatin1Char(' '));
    QString first = words.first();
    int used = 1;
    while (used < words.size()) {
        const QString longer = first + QLatin1Char(' ') + words.at(used);
        if (metrics.horizontalAdvance(longer) > width)
            break;
        first = longer;
        ++used;
    }
    if (used == words.size())
        return { metrics.elidedText(first, Qt::ElideRight, width) };
    const QString rest = words.mid(used).join(QLatin1Char(' '));
    return { metrics.elidedText(first, Qt::ElideRight, width),
        metrics.elidedText(rest, Qt::ElideRight, width) };
}

QString partnerDates(const GenogramRelation &relation, bool end)
{
    const GenogramDate &date = end ? relation.end : relation.start;
    if (!date.isValid())
        return QString();
    const QString year = QString::number(date.year);
    if (!end) {
        return relation.type == Type::Cohabiting
            //: Short, on a line between partners: the year they moved in together.
            ? GenogramPainter::tr("lt. %1", "living together since").arg(year)
            //: Short, on a line between partners: the year they married.
            : GenogramPainter::tr("m. %1", "married in").arg(year);
    }
    return relation.type == Type::Divorced
        //: Short, on a line between partners: the year they divorced.
        ? GenogramPainter::tr("d. %1", "divorced in").arg(year)
        //: Short, on a line between partners: the year they separated.
        : GenogramPainter::tr("s. %1", "separated in").arg(year);
}

} // namespace

QRectF GenogramPainter::paintedBounds(const GenogramLayout &layout)
{
    if (layout.isEmpty())
        return QRectF();
    // Names reach below the deepest partner line and a little wider than a symbol; the
    // interpreter marker and the index outline stand out above and to the side.
    QRectF bounds = layout.bounds.adjusted(-(NameWidth / 2 - 0.45), -0.35,
        NameWidth / 2 - 0.45 + 0.2, L::PartnerLineDrop + 2 * NameHeight * 1.2 + 0.25);
    // Lines that bow round someone's symbol may reach past the rest, with their zigzag or
    // second line beside them.
    for (const auto &connector : layout.connectors) {
        const QPolygonF route = S::connectorRoute(layout, connector.line);
        if (route.size() > 2)
            bounds = bounds.united(route.boundingRect().adjusted(-0.2, -0.2, 0.2, 0.2));
    }
    return bounds;
}

QTransform GenogramPainter::fitTransform(const QRectF &units, const QRectF &target)
{
    if (units.isEmpty() || target.isEmpty())
        return QTransform();
    const double scale = qMin(target.width() / units.width(), target.height() / units.height());
    const QPointF offset = target.center() - units.center() * scale;
    return QTransform::fromScale(scale, scale) * QTransform::fromTranslate(offset.x(), offset.y());
}

void GenogramPainter::paint(QPainter &painter, const Genogram &genogram,
    const GenogramLayout &layout, const GenogramPaintOptions &options)
{
    if (layout.isEmpty())
        return;
    const double scale = scaleOf(options.transform);
    if (scale <= 0)
        return;

    QSet<QString> networkPeople;
    QSet<QString> networkRelations;
    if (options.highlightSupport) {
        networkPeople = GenogramSupportNetwork::people(genogram);
        networkRelations = GenogramSupportNetwork::relations(genogram);
    }
    const QColor faded = mixed(options.ink, options.paper, 0.75);
    const QColor householdInk = mixed(options.ink, options.paper, 0.45);
    auto personInk = [&](const QString &id) {
        return !options.highlightSupport || networkPeople.contains(id) ? options.ink : faded;
    };
    auto relationInk = [&](const QString &id) {
        if (id == options.selectedRelationId && !id.isEmpty())
            return options.accent;
        return !options.highlightSupport || networkRelations.contains(id) ? options.ink : faded;
    };
    auto widthFor = [&](const QString &id) {
        return !id.isEmpty() && id == options.selectedRelationId ? S::LineWidth * 2.4
                                                                 : S::LineWidth;
    };

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QTransform base = painter.worldTransform();
    painter.setWorldTransform(options.transform * base);

    // Households behind everything.
    for (const auto &outline : layout.households) {
        bool inNetwork = !options.highlightSupport;
        if (const GenogramHousehold *household = genogram.household(outline.householdId)) {
            for (const QString &member : household->memberIds)
                inNetwork = inNetwork || networkPeople.contains(member);
        }
        painter.setPen(
            S::pen(painter, inNetwork ? householdInk : mixed(householdInk, options.paper, 0.6),
                S::LineWidth, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(outline.rect, 0.4, 0.4);
    }

    // Lines between symbols.
    for (const auto &line : layout.partnerLines) {
        const GenogramRelation *relation = genogram.relation(line.relationId);
        // Parents with no partner line of their own get a plain one, as if married.
        const Type type = relation ? relation->type : Type::Married;
        S::drawPartnerLine(
            painter, line.path, type, relationInk(line.relationId), widthFor(line.relationId));
    }
    for (const auto &sibship : layout.sibships) {
        bool anyInNetwork = !options.highlightSupport;
        bool selected = false;
        for (const QStringList &ids : sibship.relationIds) {
            for (const QString &id : ids) {
                anyInNetwork = anyInNetwork || networkRelations.contains(id);
                selected = selected || (!id.isEmpty() && id == options.selectedRelationId);
            }
        }
        const QColor trunk = selected ? options.accent : anyInNetwork ? options.ink : faded;
        painter.setPen(S::pen(painter, trunk, S::LineWidth));
        painter.drawLine(sibship.descent);
        if (sibship.bar.length() > 0)
            painter.drawLine(sibship.bar);
        for (int k = 0; k < sibship.drops.size(); ++k) {
            const QStringList ids = sibship.relationIds.value(k);
            QString shown; // the relation whose colour and width the drop takes
            for (const QString &id : ids) {
                if (id == options.selectedRelationId
                    || (shown.isEmpty()
                        && (!options.highlightSupport || networkRelations.contains(id))))
                    shown = id;
            }
            const QColor colour = shown.isEmpty() ? faded : relationInk(shown);
            painter.setPen(S::pen(
                painter, colour, widthFor(shown), S::childLineStyle(childType(genogram, ids))));
            painter.drawLine(sibship.drops.at(k));
        }
    }
    for (const auto &bar : layout.twinBars) {
        painter.setPen(S::pen(painter, relationInk(bar.relationId), widthFor(bar.relationId)));
        painter.drawLine(bar.line);
    }
    for (const auto &connector : layout.connectors) {
        const GenogramRelation *relation = genogram.relation(connector.relationId);
        if (!relation)
            continue;
        const QColor colour = relationInk(connector.relationId);
        // Support and harm keep their colours unless faded or selected.
        const bool keepColour = colour != options.ink;
        S::drawConnector(painter, S::connectorRoute(layout, connector.line), relation->type, colour,
            widthFor(connector.relationId), keepColour);
    }

    // Symbols over the lines.
    for (auto it = layout.places.cbegin(); it != layout.places.cend(); ++it) {
        const GenogramPerson *person = genogram.person(it.key());
        if (!person)
            continue;
        const QPointF centre = it->position;
        const QColor ink = personInk(person->id);
        if (person->id == options.selectedPersonId) {
            QColor ring = options.accent;
            ring.setAlphaF(0.35f);
            painter.setPen(S::pen(painter, options.accent, S::SymbolLineWidth * 1.5));
            painter.setBrush(ring);
            painter.drawEllipse(centre, selectionRing, selectionRing);
        }
        painter.setPen(S::pen(painter, ink, S::SymbolLineWidth));
        painter.setBrush(options.paper);
        if (person->isIndex) {
            painter.drawPath(S::symbol(person->gender, person->pregnancy, centre, indexOutline));
        }
        painter.drawPath(S::symbol(person->gender, person->pregnancy, centre));
        if (person->deceased) {
            painter.setBrush(Qt::NoBrush);
            const double reach = 0.62;
            painter.drawLine(centre + QPointF(-reach, -reach), centre + QPointF(reach, reach));
            painter.drawLine(centre + QPointF(-reach, reach), centre + QPointF(reach, -reach));
        }
        if (person->interpreterNeeded) {
            painter.setPen(S::pen(painter, ink, S::LineWidth * 0.8));
            painter.setBrush(options.paper);
            const QPointF at = centre + QPointF(0.72, -0.55);
            painter.drawPath(S::speechBubble(at, 0.36));
            painter.setBrush(ink);
            painter.setPen(Qt::NoPen);
            for (int dot = -1; dot <= 1; ++dot)
                painter.drawEllipse(at + QPointF(dot * 0.09, 0), 0.03, 0.03);
        }
    }

    // Text in the painter's own coordinates, so it is laid out at the size it is drawn.
    painter.setWorldTransform(base);
    painter.setBrush(Qt::NoBrush);
    const QFont nameFont = fontFor(options, painter, NameHeight, scale);
    const QFont ageFont = fontFor(options, painter, AgeHeight, scale, true);
    const QFont dateFont = fontFor(options, painter, DateHeight, scale);
    const QFontMetricsF nameMetrics(nameFont, painter.device());
    const QFontMetricsF dateMetrics(dateFont, painter.device());
    QColor nameBacking = options.paper;
    nameBacking.setAlphaF(0.85f);

    // A name goes under its person's partner lines, which run just below the symbols.
    QHash<QString, double> nameTop;
    nameTop.reserve(layout.places.size());
    for (const auto &line : layout.partnerLines) {
        if (line.path.size() < 4)
            continue;
        const double below = line.path.at(1).y() + textGap;
        for (const QString &id : { line.leftId, line.rightId }) {
            auto found = nameTop.find(id);
            if (found == nameTop.end())
                nameTop.insert(id, below);
            else
                *found = qMax(*found, below);
        }
    }

    for (const auto &line : layout.partnerLines) {
        const GenogramRelation *relation = genogram.relation(line.relationId);
        if (!relation || line.path.size() < 2)
            continue;
        QStringList dates;
        for (const bool end : { false, true }) {
            const QString text = partnerDates(*relation, end);
            if (!text.isEmpty())
                dates.append(text);
        }
        if (dates.isEmpty())
            continue;
        const bool across = line.path.size() >= 4;
        const QPointF left = across ? line.path.at(1) : line.path.first();
        const QPointF right = across ? line.path.at(2) : line.path.last();
        const QPointF middle = (left + right) / 2;
        const double width = (std::abs(right.x() - left.x()) - L::SymbolSize - 0.1) * scale;
        painter.setFont(dateFont);
        painter.setPen(relationInk(line.relationId));
        // Just above the line across, between the two symbols.
        const double height = dateMetrics.lineSpacing() * dates.size();
        const QPointF at = options.transform.map(middle);
        QStringList shown;
        for (const QString &date : std::as_const(dates))
            shown.append(dateMetrics.elidedText(date, Qt::ElideRight, qMax(width, 1.0)));
        drawCentred(painter, dateMetrics, shown, at.x(), at.y() - height - textGap * scale);
    }

    for (auto it = layout.places.cbegin(); it != layout.places.cend(); ++it) {
        const GenogramPerson *person = genogram.person(it.key());
        if (!person)
            continue;
        const QPointF centre = it->position;
        painter.setPen(personInk(person->id));
        if (!person->ageText.trimmed().isEmpty()) {
            // Shrunk to fit inside the symbol when long ("about 80").
            const double room
                = (person->pregnancy || person->gender == GenogramPerson::Gender::Unknown ? 0.62
                                                                                          : 0.84)
                * scale;
            QFont font = ageFont;
            QFontMetricsF metrics(font, painter.device());
            const QString age = person->ageText.simplified();
            const double wide = metrics.horizontalAdvance(age);
            if (wide > room) {
                font.setPointSizeF(qMax(0.1, font.pointSizeF() * room / wide));
                metrics = QFontMetricsF(font, painter.device());
            }
            painter.setFont(font);
            const QPointF at
                = options.transform.map(centre + QPointF(0, person->pregnancy ? 0.18 : 0));
            painter.drawText(QPointF(at.x() - metrics.horizontalAdvance(age) / 2,
                                 at.y() + (metrics.ascent() - metrics.descent()) / 2),
                age);
        }
        if (!person->displayName.trimmed().isEmpty()) {
            painter.setFont(nameFont);
            const double symbolBottom
                = centre.y() + L::SymbolSize / 2 * (person->isIndex ? indexOutline : 1.0) + textGap;
            const double top = qMax(nameTop.value(person->id, symbolBottom), symbolBottom);
            const QPointF at = options.transform.map(QPointF(centre.x(), top));
            drawCentred(painter, nameMetrics,
                wrapped(person->displayName, nameMetrics, NameWidth * scale), at.x(), at.y(),
                nameBacking);
        }
    }
    painter.restore();
}

} // namespace doorstep
