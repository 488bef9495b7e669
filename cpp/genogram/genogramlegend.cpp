#include "genogram/genogramlegend.h"

#include "genogram/genogramstrokes.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPaintDevice>
#include <QPainter>
#include <QSet>
#include <cmath>

namespace doorstep
{

namespace
{

using Entry = GenogramLegend::Entry;
using S = GenogramStrokes;
using Type = GenogramRelation::Type;

// In symbol sizes.
constexpr double sampleWidth = 2.0;
constexpr double labelGap = 0.35;
constexpr double columnGap = 0.8;
constexpr double rowHeight = 1.0;
constexpr double labelHeight = 0.5;
constexpr double sampleSymbol = 0.62;

QFont legendFont(const QString &family)
{
    QFont font = family.isEmpty() ? QGuiApplication::font() : QFont(family);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

// The widest label in symbol sizes, measured at a large size so rounding does not count.
double labelWidth(const QList<Entry> &entries, const QString &family)
{
    QFont font = legendFont(family);
    font.setPixelSize(100);
    const QFontMetricsF metrics(font);
    double widest = 0;
    for (const Entry entry : entries)
        widest = qMax(widest, metrics.horizontalAdvance(GenogramLegend::label(entry)));
    // A little slack: the device the key is painted on may measure a little wider.
    return widest / 100.0 * labelHeight * 1.06;
}

struct Grid {
    int columns = 1;
    int rows = 0;
    double columnWidth = 0; ///< in symbol sizes, with the gap after it
};

Grid gridFor(const QList<Entry> &entries, double unit, double maxWidth, const QString &family)
{
    Grid grid;
    if (entries.isEmpty() || unit <= 0)
        return grid;
    grid.columnWidth = sampleWidth + labelGap + labelWidth(entries, family) + columnGap;
    const int fit = int(std::floor((maxWidth / unit + columnGap) / grid.columnWidth));
    grid.columns = qBound(1, fit, int(entries.size()));
    grid.rows = int((entries.size() + grid.columns - 1) / grid.columns);
    return grid;
}

Type typeOf(Entry entry)
{
    switch (entry) {
    case Entry::Married:
        return Type::Married;
    case Entry::Cohabiting:
        return Type::Cohabiting;
    case Entry::Separated:
        return Type::Separated;
    case Entry::Divorced:
        return Type::Divorced;
    case Entry::Adopted:
        return Type::Adopted;
    case Entry::Foster:
        return Type::Foster;
    case Entry::Step:
        return Type::Step;
    case Entry::IdenticalTwins:
        return Type::IdenticalTwins;
    case Entry::Close:
        return Type::Close;
    case Entry::Distant:
        return Type::Distant;
    case Entry::Conflict:
        return Type::Conflict;
    case Entry::CutOff:
        return Type::CutOff;
    case Entry::Abuse:
        return Type::Abuse;
    case Entry::Support:
        return Type::Support;
    default:
        return Type::Biological;
    }
}

// Draws an entry's sample in the box (0, 0)-(sampleWidth, rowHeight), the painter in symbol
// sizes.
void drawSample(QPainter &painter, Entry entry, const GenogramPaintOptions &options)
{
    const QColor ink = options.ink;
    const QPointF centre(sampleWidth / 2, rowHeight / 2);
    const double width = S::LineWidth;
    auto symbol = [&](GenogramPerson::Gender gender, bool pregnancy, double size) {
        painter.setPen(S::pen(painter, ink, S::SymbolLineWidth));
        painter.setBrush(options.paper);
        painter.drawPath(S::symbol(gender, pregnancy, centre, size));
    };
    switch (entry) {
    case Entry::Male:
        symbol(GenogramPerson::Gender::Male, false, sampleSymbol);
        break;
    case Entry::Female:
        symbol(GenogramPerson::Gender::Female, false, sampleSymbol);
        break;
    case Entry::Unknown:
        symbol(GenogramPerson::Gender::Unknown, false, sampleSymbol);
        break;
    case Entry::Pregnancy:
        symbol(GenogramPerson::Gender::Unknown, true, sampleSymbol);
        break;
    case Entry::Index:
        symbol(GenogramPerson::Gender::Female, false, sampleSymbol * 1.3);
        symbol(GenogramPerson::Gender::Female, false, sampleSymbol);
        break;
    case Entry::Deceased: {
        symbol(GenogramPerson::Gender::Male, false, sampleSymbol);
        const double reach = sampleSymbol * 0.62;
        painter.drawLine(centre + QPointF(-reach, -reach), centre + QPointF(reach, reach));
        painter.drawLine(centre + QPointF(-reach, reach), centre + QPointF(reach, -reach));
        break;
    }
    case Entry::Interpreter: {
        symbol(GenogramPerson::Gender::Female, false, sampleSymbol);
        const QPointF at = centre + QPointF(0.55, -0.3);
        painter.setPen(S::pen(painter, ink, width * 0.8));
        painter.drawPath(S::speechBubble(at, 0.32));
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        for (int dot = -1; dot <= 1; ++dot)
            painter.drawEllipse(at + QPointF(dot * 0.08, 0), 0.027, 0.027);
        break;
    }
    case Entry::Household:
        painter.setPen(S::pen(painter, ink, width, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(0.1, 0.12, sampleWidth - 0.2, rowHeight - 0.24), 0.25, 0.25);
        break;
    case Entry::Married:
    case Entry::Cohabiting:
    case Entry::Separated:
    case Entry::Divorced:
        S::drawPartnerLine(painter,
            { QPointF(0.25, 0.15), QPointF(0.25, 0.7), QPointF(1.75, 0.7), QPointF(1.75, 0.15) },
            typeOf(entry), ink, width);
        break;
    case Entry::Biological:
    case Entry::Adopted:
    case Entry::Foster:
    case Entry::Step:
        painter.setPen(S::pen(painter, ink, width, S::childLineStyle(typeOf(entry))));
        painter.drawLine(QLineF(0.15, 0.5, sampleWidth - 0.15, 0.5));
        break;
    case Entry::IdenticalTwins: {
        const QLineF left(QPointF(1.0, 0.1), QPointF(0.5, 0.9));
        const QLineF right(QPointF(1.0, 0.1), QPointF(1.5, 0.9));
        painter.setPen(S::pen(painter, ink, width));
        painter.drawLine(left);
        painter.drawLine(right);
        painter.drawLine(QLineF(left.pointAt(0.5), right.pointAt(0.5)));
        break;
    }
    case Entry::Close:
    case Entry::Distant:
    case Entry::Conflict:
    case Entry::CutOff:
    case Entry::Abuse:
    case Entry::Support: {
        const QColor colour = entry == Entry::Support             ? S::supportColour()
            : (entry == Entry::Conflict || entry == Entry::Abuse) ? S::harmColour()
                                                                  : ink;
        // Connectors stop short of the symbols they join: start and end beyond the sample.
        S::drawConnector(painter, QLineF(-0.45, 0.5, sampleWidth + 0.45, 0.5), typeOf(entry),
            colour, width, true);
        break;
    }
    case Entry::EcomapStrong:
        S::drawEcomapLink(painter, QLineF(0.15, 0.5, sampleWidth - 0.15, 0.5),
            EcomapLink::Strength::Strong, ink, width);
        break;
    case Entry::EcomapWeak:
        S::drawEcomapLink(painter, QLineF(0.15, 0.5, sampleWidth - 0.15, 0.5),
            EcomapLink::Strength::Weak, ink, width);
        break;
    case Entry::EcomapStressful:
        S::drawEcomapLink(painter, QLineF(0.15, 0.5, sampleWidth - 0.15, 0.5),
            EcomapLink::Strength::Stressful, S::harmColour(), width);
        break;
    }
}

} // namespace

QList<GenogramLegend::Entry> GenogramLegend::allEntries()
{
    QList<Entry> entries;
    for (int k = int(Entry::Male); k <= int(Entry::Support); ++k)
        entries.append(Entry(k));
    return entries;
}

QList<GenogramLegend::Entry> GenogramLegend::ecomapEntries()
{
    return { Entry::EcomapStrong, Entry::EcomapWeak, Entry::EcomapStressful };
}

QList<GenogramLegend::Entry> GenogramLegend::usedEntries(const Genogram &genogram)
{
    QSet<Entry> used;
    for (const GenogramPerson &person : genogram.people()) {
        if (person.pregnancy)
            used.insert(Entry::Pregnancy);
        else if (person.gender == GenogramPerson::Gender::Male)
            used.insert(Entry::Male);
        else if (person.gender == GenogramPerson::Gender::Female)
            used.insert(Entry::Female);
        else
            used.insert(Entry::Unknown);
        if (person.isIndex)
            used.insert(Entry::Index);
        if (person.deceased)
            used.insert(Entry::Deceased);
        if (person.interpreterNeeded)
            used.insert(Entry::Interpreter);
    }
    for (const GenogramHousehold &household : genogram.households()) {
        if (!household.memberIds.isEmpty())
            used.insert(Entry::Household);
    }
    for (const GenogramRelation &relation : genogram.relations()) {
        if (!relation.isShown())
            continue;
        switch (relation.type) {
        case Type::Married:
            used.insert(Entry::Married);
            break;
        case Type::Cohabiting:
            used.insert(Entry::Cohabiting);
            break;
        case Type::Separated:
            used.insert(Entry::Separated);
            break;
        case Type::Divorced:
            used.insert(Entry::Divorced);
            break;
        case Type::Biological:
            used.insert(Entry::Biological);
            break;
        case Type::Adopted:
            used.insert(Entry::Adopted);
            break;
        case Type::Foster:
            used.insert(Entry::Foster);
            break;
        case Type::Step:
            used.insert(Entry::Step);
            break;
        case Type::IdenticalTwins:
            used.insert(Entry::IdenticalTwins);
            break;
        case Type::NonIdenticalTwins:
            used.insert(Entry::Biological);
            break;
        case Type::Close:
            used.insert(Entry::Close);
            break;
        case Type::Distant:
            used.insert(Entry::Distant);
            break;
        case Type::Conflict:
            used.insert(Entry::Conflict);
            break;
        case Type::CutOff:
            used.insert(Entry::CutOff);
            break;
        case Type::Abuse:
            used.insert(Entry::Abuse);
            break;
        case Type::Support:
            used.insert(Entry::Support);
            break;
        }
    }
    QList<Entry> entries;
    const QList<Entry> all = allEntries();
    for (const Entry entry : all) {
        if (used.contains(entry))
            entries.append(entry);
    }
    return entries;
}

QString GenogramLegend::label(Entry entry)
{
    switch (entry) {
    case Entry::Male:
        return tr("Male");
    case Entry::Female:
        return tr("Female");
    case Entry::Unknown:
        return tr("Other or not known");
    case Entry::Pregnancy:
        return tr("Pregnancy");
    case Entry::Index:
        return tr("The person the work is about");
    case Entry::Deceased:
        return tr("Has died");
    case Entry::Interpreter:
        return tr("Needs an interpreter");
    case Entry::Household:
        return tr("Live together");
    case Entry::Married:
        return tr("Married");
    case Entry::Cohabiting:
        return tr("Living together, not married");
    case Entry::Separated:
        return tr("Separated");
    case Entry::Divorced:
        return tr("Divorced");
    case Entry::Biological:
        return tr("Birth child");
    case Entry::Adopted:
        return tr("Adopted child");
    case Entry::Foster:
        return tr("Foster child");
    case Entry::Step:
        return tr("Step-child");
    case Entry::IdenticalTwins:
        return tr("Identical twins");
    case Entry::Close:
        return tr("Close");
    case Entry::Distant:
        return tr("Distant");
    case Entry::Conflict:
        return tr("Conflict");
    case Entry::CutOff:
        return tr("Cut off");
    case Entry::Abuse:
        return tr("Abuse (arrow points to the person harmed)");
    case Entry::Support:
        return tr("Support (arrow points to the person helped)");
    case Entry::EcomapStrong:
        return tr("Strong link");
    case Entry::EcomapWeak:
        return tr("Weak link");
    case Entry::EcomapStressful:
        return tr("Stressful link");
    }
    return QString();
}

QSizeF GenogramLegend::size(
    const QList<Entry> &entries, double unit, double maxWidth, const QString &fontFamily)
{
    const Grid grid = gridFor(entries, unit, maxWidth, fontFamily);
    if (grid.rows == 0)
        return QSizeF();
    return QSizeF(
        (grid.columns * grid.columnWidth - columnGap) * unit, grid.rows * rowHeight * unit);
}

void GenogramLegend::paint(QPainter &painter, const QRectF &rect, const QList<Entry> &entries,
    double unit, const GenogramPaintOptions &options)
{
    const Grid grid = gridFor(entries, unit, rect.width(), options.fontFamily);
    if (grid.rows == 0)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QTransform base = painter.worldTransform();
    QFont font = legendFont(options.fontFamily);
    const double dpi = painter.device() ? painter.device()->logicalDpiY() : 96.0;
    font.setPointSizeF(qMax(0.1, labelHeight * unit * 72.0 / dpi));
    const QFontMetricsF metrics(font, painter.device());
    for (int k = 0; k < entries.size(); ++k) {
        const int column = k / grid.rows;
        const int row = k % grid.rows;
        const QPointF cell
            = rect.topLeft() + QPointF(column * grid.columnWidth * unit, row * rowHeight * unit);
        painter.setWorldTransform(QTransform::fromScale(unit, unit)
            * QTransform::fromTranslate(cell.x(), cell.y()) * base);
        drawSample(painter, entries.at(k), options);
        painter.setWorldTransform(base);
        painter.setFont(font);
        painter.setPen(options.ink);
        const double baseline
            = cell.y() + rowHeight * unit / 2 + (metrics.ascent() - metrics.descent()) / 2;
        painter.drawText(QPointF(cell.x() + (sampleWidth + labelGap) * unit, baseline),
            GenogramLegend::label(entries.at(k)));
    }
    painter.restore();
}

} // namespace doorstep
