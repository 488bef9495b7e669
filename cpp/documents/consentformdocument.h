#pragma once

#include <QDate>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace doorstep
{

/// A signed consent to share someone's information, as the form they signed: who may be told,
/// what for, until when, who gave it and the signature drawn on the tablet. Kept as evidence
/// of what was agreed.
struct ConsentFormDocument {
    /// The signature box's width over its height: the tablet's signature pad keeps this shape,
    /// so the signature keeps its proportions on paper.
    static constexpr double signatureAspectRatio = 3.0;
    /// The pen's width as a fraction of the box's width, as the pad draws and stores it.
    static constexpr double signaturePenWidth = 0.008;

    QString familyName;
    QString personName; ///< whose information may be shared
    /// True when the person gave it themselves; false when a parent or carer gave it on a
    /// child's behalf.
    bool givenBySelf = true;
    /// Who signed: the person, or the parent or carer when not givenBySelf; may be empty.
    QString signatoryName;
    QStringList agencies; ///< display names, as the family sees them: "School", "Health"
    QString purpose; ///< as written; line breaks start new paragraphs
    QDate signedOn;
    QDate expiresOn; ///< invalid when the consent lasts until it is withdrawn
    QString practitionerName; ///< who recorded it
    /// The signature's strokes, each the points of one touch from down to up, normalised to
    /// the signature box: (0, 0) its top left corner, (1, 1) its bottom right (x across, y
    /// down; the box is signatureAspectRatio times wider than tall). Empty when not signed.
    QList<QList<QPointF>> signature;

    /// Whether any stroke has a point to draw.
    bool isSigned() const
    {
        for (const auto &stroke : signature) {
            if (!stroke.isEmpty())
                return true;
        }
        return false;
    }
};

} // namespace doorstep
