#include "genogram/ecomappainter.h"

#include "genogram/genogramstrokes.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPaintDevice>
#include <QPainter>
#include <cmath>

namespace doorstep
{

namespace
{

using S = GenogramStrokes;
using A = EcomapLink::Agency;

QColor mixed(const QColor &from, const QColor &to, double amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
        float(from.greenF() + (to.greenF() - from.greenF()) * amount),
        float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

QFont fontFor(const GenogramPaintOptions &options, const QPainter &painter, double units,
    double scale, bool bold = false)
{
    QFont font = options.fontFamily.isEmpty() ? QGuiApplication::font() : QFont(options.fontFamily);
    const double dpi = painter.device() ? painter.device()->logicalDpiY() : 96.0;
    font.setPointSizeF(qMax(0.1, units * scale * 72.0 / dpi));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QStringList wrapped(const QString &text, const QFontMetricsF &metrics, double width, int maxLines)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList lines;
    QString line;
    int k = 0;
    for (; k < words.size(); ++k) {
        const QString longer = line.isEmpty() ? words.at(k) : line + QLatin1Char(' ') + words.at(k);
        if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
            lines.append(line);
            line = words.at(k);
            if (lines.size() == maxLines - 1) {
                line = words.mid(k).join(QLatin1Char(' '));
                break;
            }
        } else {
            line = longer;
        }
    }
    if (!line.isEmpty())
        lines.append(line);
    for (QString &each : lines)
        each = metrics.elidedText(each, Qt::ElideRight, width);
    return lines;
}

void drawLines(
    QPainter &painter, const QFontMetricsF &metrics, const QStringList &lines, QPointF topCentre)
{
    double baseline = topCentre.y() + metrics.ascent();
    for (const QString &line : lines) {
        painter.drawText(
            QPointF(topCentre.x() - metrics.horizontalAdvance(line) / 2, baseline), line);
        baseline += metrics.lineSpacing();
    }
}

QPainterPath person(QPointF head, double size)
{
    QPainterPath path;
    path.addEllipse(head, size * 0.16, size * 0.16);
    path.moveTo(head + QPointF(-size * 0.3, size * 0.55));
    path.cubicTo(head + QPointF(-size * 0.3, size * 0.15), head + QPointF(size * 0.3, size * 0.15),
        head + QPointF(size * 0.3, size * 0.55));
    return path;
}

QPainterPath heart(QPointF centre, double size)
{
    QPainterPath path;
    const double s = size / 2;
    path.moveTo(centre + QPointF(0, s * 0.8));
    path.cubicTo(centre + QPointF(-s * 1.2, -s * 0.1), centre + QPointF(-s * 0.5, -s * 0.9),
        centre + QPointF(0, -s * 0.3));
    path.cubicTo(centre + QPointF(s * 0.5, -s * 0.9), centre + QPointF(s * 1.2, -s * 0.1),
        centre + QPointF(0, s * 0.8));
    return path;
}

} // namespace

QPainterPath EcomapPainter::icon(EcomapLink::Agency agency, QPointF c, double size)
{
    const double h = size / 2;
    QPainterPath path;
    switch (agency) {
    case A::School:
        // A building with a pointed roof and a bell.
        path.addRect(QRectF(c.x() - h * 0.8, c.y() - h * 0.1, h * 1.6, h * 1.0));
        path.moveTo(c + QPointF(-h, -h * 0.1));
        path.lineTo(c + QPointF(0, -h * 0.8));
        path.lineTo(c + QPointF(h, -h * 0.1));
        path.addEllipse(c + QPointF(0, -h * 0.3), h * 0.15, h * 0.15);
        path.addRect(QRectF(c.x() - h * 0.2, c.y() + h * 0.4, h * 0.4, h * 0.5));
        break;
    case A::Gp: {
        const double arm = h * 0.3;
        path.moveTo(c + QPointF(-arm, -h * 0.9));
        path.lineTo(c + QPointF(arm, -h * 0.9));
        path.lineTo(c + QPointF(arm, -arm));
        path.lineTo(c + QPointF(h * 0.9, -arm));
        path.lineTo(c + QPointF(h * 0.9, arm));
        path.lineTo(c + QPointF(arm, arm));
        path.lineTo(c + QPointF(arm, h * 0.9));
        path.lineTo(c + QPointF(-arm, h * 0.9));
        path.lineTo(c + QPointF(-arm, arm));
        path.lineTo(c + QPointF(-h * 0.9, arm));
        path.lineTo(c + QPointF(-h * 0.9, -arm));
        path.lineTo(c + QPointF(-arm, -arm));
        path.closeSubpath();
        break;
    }
    case A::HealthVisitor:
        // A grown-up and a small child.
        path.addPath(person(c + QPointF(-h * 0.35, -h * 0.45), size * 0.9));
        path.addPath(person(c + QPointF(h * 0.45, -h * 0.05), size * 0.55));
        break;
    case A::Police:
        // A shield.
        path.moveTo(c + QPointF(0, -h * 0.9));
        path.lineTo(c + QPointF(h * 0.8, -h * 0.6));
        path.cubicTo(
            c + QPointF(h * 0.8, h * 0.3), c + QPointF(h * 0.3, h * 0.7), c + QPointF(0, h * 0.95));
        path.cubicTo(c + QPointF(-h * 0.3, h * 0.7), c + QPointF(-h * 0.8, h * 0.3),
            c + QPointF(-h * 0.8, -h * 0.6));
        path.closeSubpath();
        break;
    case A::Housing:
        path.moveTo(c + QPointF(-h * 0.9, 0));
        path.lineTo(c + QPointF(0, -h * 0.85));
        path.lineTo(c + QPointF(h * 0.9, 0));
        path.addRect(QRectF(c.x() - h * 0.65, c.y() - h * 0.15, h * 1.3, h * 1.05));
        path.addRect(QRectF(c.x() - h * 0.18, c.y() + h * 0.35, h * 0.36, h * 0.55));
        break;
    case A::Voluntary:
        path.addPath(heart(c + QPointF(0, -h * 0.15), size * 0.8));
        path.moveTo(c + QPointF(-h * 0.9, h * 0.55));
        path.cubicTo(c + QPointF(-h * 0.4, h * 0.95), c + QPointF(h * 0.4, h * 0.95),
            c + QPointF(h * 0.9, h * 0.55));
        break;
    case A::Employment:
        // A briefcase.
        path.addRoundedRect(
            QRectF(c.x() - h * 0.9, c.y() - h * 0.4, h * 1.8, h * 1.2), h * 0.15, h * 0.15);
        path.addRect(QRectF(c.x() - h * 0.3, c.y() - h * 0.7, h * 0.6, h * 0.3));
        path.moveTo(c + QPointF(-h * 0.9, h * 0.1));
        path.lineTo(c + QPointF(h * 0.9, h * 0.1));
        break;
    case A::SocialCare:
        path.addPath(person(c + QPointF(-h * 0.2, -h * 0.45), size * 0.9));
        path.addPath(heart(c + QPointF(h * 0.55, -h * 0.45), size * 0.4));
        break;
    case A::MentalHealth:
        // A head in profile with a small heart inside.
        path.moveTo(c + QPointF(-h * 0.3, h * 0.9));
        path.lineTo(c + QPointF(-h * 0.3, h * 0.5));
        path.cubicTo(c + QPointF(-h * 1.0, h * 0.1), c + QPointF(-h * 0.7, -h * 0.95),
            c + QPointF(h * 0.1, -h * 0.9));
        path.cubicTo(c + QPointF(h * 0.7, -h * 0.85), c + QPointF(h * 0.8, -h * 0.3),
            c + QPointF(h * 0.7, -h * 0.1));
        path.lineTo(c + QPointF(h * 0.85, h * 0.2));
        path.lineTo(c + QPointF(h * 0.6, h * 0.25));
        path.lineTo(c + QPointF(h * 0.6, h * 0.6));
        path.lineTo(c + QPointF(h * 0.25, h * 0.6));
        path.lineTo(c + QPointF(h * 0.25, h * 0.9));
        path.addPath(heart(c + QPointF(-h * 0.05, -h * 0.3), size * 0.35));
        break;
    case A::Faith: {
        // An eight-pointed star.
        for (int k = 0; k < 16; ++k) {
            const double angle = -M_PI / 2 + M_PI * k / 8;
            const double reach = k % 2 == 0 ? h * 0.95 : h * 0.45;
            const QPointF p = c + QPointF(std::cos(angle), std::sin(angle)) * reach;
            if (k == 0)
                path.moveTo(p);
            else
                path.lineTo(p);
        }
        path.closeSubpath();
        break;
    }
    case A::Friends:
        path.addPath(person(c + QPointF(-h * 0.4, -h * 0.4), size * 0.8));
        path.addPath(person(c + QPointF(h * 0.4, -h * 0.4), size * 0.8));
        break;
    case A::Other:
        for (int k = -1; k <= 1; ++k)
            path.addEllipse(c + QPointF(k * h * 0.6, 0), h * 0.15, h * 0.15);
        break;
    }
    return path;
}

void EcomapPainter::paint(
    QPainter &painter, const EcomapLayout &layout, const GenogramPaintOptions &options)
{
    const double scale = std::sqrt(std::abs(options.transform.determinant()));
    if (scale <= 0)
        return;
    const QColor faded = mixed(options.ink, options.paper, 0.75);
    auto inkFor = [&](const EcomapLink &link) {
        if (!link.id.isEmpty() && link.id == options.selectedRelationId)
            return options.accent;
        if (options.highlightSupport && link.strength != EcomapLink::Strength::Strong)
            return faded;
        return options.ink;
    };

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QTransform base = painter.worldTransform();
    painter.setWorldTransform(options.transform * base);

    for (const EcomapLayout::Node &node : layout.nodes) {
        const QColor ink = inkFor(node.link);
        const bool stressed = node.link.strength == EcomapLink::Strength::Stressful;
        const QColor lineInk = stressed && ink == options.ink ? S::harmColour() : ink;
        const double width = node.link.id == options.selectedRelationId && !node.link.id.isEmpty()
            ? S::LineWidth * 2
            : S::LineWidth;
        S::drawEcomapLink(painter, node.line, node.link.strength, lineInk, width);
        if (!node.link.note.trimmed().isEmpty()) {
            // A folded page beside the middle of the line.
            const QLineF &line = node.line;
            const double length = qMax(line.length(), 1e-9);
            const QPointF normal(-line.dy() / length, line.dx() / length);
            const QPointF at = line.center() + normal * 0.6;
            const double s = 0.22;
            QPainterPath page;
            page.moveTo(at + QPointF(-s, -s));
            page.lineTo(at + QPointF(s * 0.4, -s));
            page.lineTo(at + QPointF(s, -s * 0.4));
            page.lineTo(at + QPointF(s, s));
            page.lineTo(at + QPointF(-s, s));
            page.closeSubpath();
            page.moveTo(at + QPointF(-s * 0.55, -s * 0.2));
            page.lineTo(at + QPointF(s * 0.55, -s * 0.2));
            page.moveTo(at + QPointF(-s * 0.55, s * 0.3));
            page.lineTo(at + QPointF(s * 0.55, s * 0.3));
            painter.setPen(S::pen(painter, ink, S::LineWidth * 0.8));
            painter.setBrush(options.paper);
            painter.drawPath(page);
        }
        painter.setPen(S::pen(painter, ink, S::SymbolLineWidth));
        painter.setBrush(options.paper);
        painter.drawEllipse(node.centre, node.radius, node.radius);
        painter.setPen(S::pen(painter, ink, S::LineWidth));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(icon(
            node.link.agency, node.centre + QPointF(0, -node.radius * 0.5), node.radius * 0.6));
    }
    painter.setPen(S::pen(painter, options.ink, S::SymbolLineWidth * 1.5));
    painter.setBrush(options.paper);
    painter.drawEllipse(layout.familyCentre, layout.familyRadius, layout.familyRadius);

    painter.setWorldTransform(base);
    const QFont labelFont = fontFor(options, painter, EcomapLayout::LabelHeight, scale);
    const QFont nameFont = fontFor(options, painter, EcomapLayout::NameHeight, scale, true);
    const QFont familyFont = fontFor(options, painter, EcomapLayout::NameHeight * 1.2, scale, true);
    const QFontMetricsF labelMetrics(labelFont, painter.device());
    const QFont kindFont = fontFor(options, painter, EcomapLayout::LabelHeight * 0.8, scale);
    const QFontMetricsF kindMetrics(kindFont, painter.device());
    const QFontMetricsF nameMetrics(nameFont, painter.device());
    const QFontMetricsF familyMetrics(familyFont, painter.device());
    for (const EcomapLayout::Node &node : layout.nodes) {
        const QColor ink = inkFor(node.link);
        painter.setPen(ink);
        painter.setFont(kindFont);
        // The kind of agency inside the circle, under the icon.
        drawLines(painter, kindMetrics,
            wrapped(EcomapLayout::agencyLabel(node.link.agency), kindMetrics,
                node.radius * 1.55 * scale, 2),
            options.transform.map(node.centre + QPointF(0, node.radius * 0.05)));
        painter.setFont(nameFont);
        const QStringList name
            = wrapped(node.link.name, nameMetrics, EcomapLayout::NameWidth * scale, 2);
        // Names on the far side from the family, so the link's line never runs through them.
        const QPointF out = node.centre - layout.familyCentre;
        const bool above = out.y() < -0.3 * std::hypot(out.x(), out.y());
        const double blockHeight = nameMetrics.lineSpacing() * name.size()
            + (node.memberName.isEmpty() ? 0 : labelMetrics.lineSpacing());
        const QPointF below = options.transform.map(node.centre + QPointF(0, node.radius + 0.1))
            - (above ? QPointF(0, blockHeight + (2 * node.radius + 0.2) * scale) : QPointF());
        drawLines(painter, nameMetrics, name, below);
        if (!node.memberName.isEmpty()) {
            painter.setFont(labelFont);
            const QPointF under = below + QPointF(0, nameMetrics.lineSpacing() * name.size());
            drawLines(painter, labelMetrics,
                { labelMetrics.elidedText(
                    node.memberName, Qt::ElideRight, EcomapLayout::NameWidth * scale) },
                under);
        }
    }
    // The family's name, then its members, centred in its circle.
    painter.setPen(options.ink);
    const double lineHeight = labelMetrics.lineSpacing();
    const double blockHeight
        = familyMetrics.lineSpacing() + lineHeight * double(layout.memberNames.size());
    const QPointF centre = options.transform.map(layout.familyCentre);
    double top = centre.y() - blockHeight / 2;
    const double radius = layout.familyRadius * scale;
    auto chord = [&](double y) {
        const double dy = qMin(std::abs(y - centre.y()), radius * 0.98);
        return 2 * std::sqrt(radius * radius - dy * dy) * 0.85;
    };
    painter.setFont(familyFont);
    drawLines(painter, familyMetrics,
        { familyMetrics.elidedText(layout.familyLabel, Qt::ElideRight, chord(top)) },
        QPointF(centre.x(), top));
    top += familyMetrics.lineSpacing();
    painter.setFont(labelFont);
    for (const QString &member : layout.memberNames) {
        const double far
            = qMax(std::abs(top - centre.y()), std::abs(top + lineHeight - centre.y()));
        drawLines(painter, labelMetrics,
            { labelMetrics.elidedText(member, Qt::ElideRight, chord(centre.y() + far)) },
            QPointF(centre.x(), top));
        top += lineHeight;
    }
    painter.restore();
}

} // namespace doorstep
