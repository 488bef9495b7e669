#pragma once

#include "genogram/ecomap.h"

#include <QCoreApplication>
#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace doorstep
{

/// Where an ecomap's circles and lines go, in the genogram's abstract units (y down): the
/// family as a circle at the centre, labelled with its name and listing its members, and each
/// link's service or group as a smaller circle around it, evenly spaced, clockwise from the
/// top in a fixed order (agency as EcomapLink::allAgencies() lists them, then name, then id).
struct EcomapLayout {
    Q_DECLARE_TR_FUNCTIONS(doorstep::EcomapLayout)

public:
    static constexpr double AgencyRadius = 1.1;
    static constexpr double NameWidth = 3.2; ///< an agency's name, under its circle
    static constexpr double LabelHeight = 0.36; ///< text in the circles
    static constexpr double NameHeight = 0.4;

    /// A family member the links may name (EcomapLink::personId).
    struct Member {
        QString id;
        QString name;

        friend bool operator==(const Member &a, const Member &b)
        {
            return a.id == b.id && a.name == b.name;
        }
    };

    /// One link's circle and line.
    struct Node {
        EcomapLink link;
        QPointF centre;
        double radius = AgencyRadius;
        QLineF line; ///< from the family's circle to this one's, edge to edge
        QString memberName; ///< the member the link is with, when it names one we know
    };

    QString familyLabel;
    QStringList memberNames;
    QPointF familyCentre;
    double familyRadius = 0;
    QList<Node> nodes;
    QRectF bounds; ///< every circle, line and name

    /// What an agency is called, translated: "School", "GP"...
    static QString agencyLabel(EcomapLink::Agency agency);

    [[nodiscard]] static EcomapLayout layout(const QString &familyLabel,
        const QList<EcomapLink> &links, const QList<Member> &members = {});
};

} // namespace doorstep
