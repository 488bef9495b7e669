#include "genogram/ecomaplayout.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace doorstep
{

namespace
{

// Room under an agency's circle for its name (two lines) and the member it is with.
constexpr double nameDepth = 1.5;

} // namespace

QString EcomapLayout::agencyLabel(EcomapLink::Agency agency)
{
    using A = EcomapLink::Agency;
    switch (agency) {
    case A::School:
        return tr("School");
    case A::Gp:
        //: The family's doctor (general practitioner); short, written in a small circle.
        return tr("GP");
    case A::HealthVisitor:
        return tr("Health visitor");
    case A::Police:
        return tr("Police");
    case A::Housing:
        return tr("Housing");
    case A::Voluntary:
        return tr("Voluntary group");
    case A::Employment:
        return tr("Work");
    case A::SocialCare:
        return tr("Social care");
    case A::MentalHealth:
        return tr("Mental health");
    case A::Faith:
        return tr("Faith");
    case A::Friends:
        return tr("Friends");
    case A::Other:
        return tr("Other");
    }
    return QString();
}

EcomapLayout EcomapLayout::layout(
    const QString &familyLabel, const QList<EcomapLink> &links, const QList<Member> &members)
{
    EcomapLayout layout;
    layout.familyLabel = familyLabel.simplified();
    for (const Member &member : members) {
        if (!member.name.trimmed().isEmpty())
            layout.memberNames.append(member.name.simplified());
    }
    // The label and the members one under another, inside the circle.
    const int lines = 1 + int(layout.memberNames.size());
    layout.familyRadius = qMax(2.4, 0.75 + lines * LabelHeight * 1.3 / 2 + 0.6);

    QList<EcomapLink> sorted = links;
    std::sort(sorted.begin(), sorted.end(), [](const EcomapLink &a, const EcomapLink &b) {
        return std::make_tuple(int(a.agency), a.name.toCaseFolded(), a.id)
            < std::make_tuple(int(b.agency), b.name.toCaseFolded(), b.id);
    });
    const int count = int(sorted.size());
    // Far enough out that neighbours' circles and names keep apart.
    double ring = layout.familyRadius + AgencyRadius + 2.5;
    if (count > 1) {
        const double spacing = NameWidth + 0.6;
        ring = qMax(ring, spacing / (2 * std::sin(M_PI / count)));
    }

    QRectF bounds(-layout.familyRadius, -layout.familyRadius, 2 * layout.familyRadius,
        2 * layout.familyRadius);
    for (int k = 0; k < count; ++k) {
        const double angle = -M_PI / 2 + 2 * M_PI * k / count;
        const QPointF direction(std::cos(angle), std::sin(angle));
        Node node;
        node.link = sorted.at(k);
        node.centre = direction * ring;
        node.line = QLineF(direction * layout.familyRadius, direction * (ring - node.radius));
        for (const Member &member : members) {
            if (!node.link.personId.isEmpty() && member.id == node.link.personId)
                node.memberName = member.name.simplified();
        }
        // The name goes on the far side from the family: above the circles in the top half.
        const bool above = direction.y() < -0.3;
        const double top
            = above ? node.centre.y() - node.radius - nameDepth : node.centre.y() - node.radius;
        bounds = bounds.united(
            QRectF(node.centre.x() - NameWidth / 2, top, NameWidth, 2 * node.radius + nameDepth));
        layout.nodes.append(node);
    }
    layout.bounds = bounds;
    return layout;
}

} // namespace doorstep
