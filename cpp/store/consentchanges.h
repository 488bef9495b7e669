#pragma once

#include "domain/consent.h"
#include "domain/result.h"
#include "store/change.h"

#include <QDateTime>
#include <QList>
#include <QPointF>

namespace doorstep
{

/// A consent grant as it is signed: the record's fields and the signature's strokes.
struct SignedConsent {
    Consent consent; ///< id, kind and signatureDrawingId are set by ConsentChanges
    QList<QList<QPointF>> strokes; ///< normalised to the signature pad (see StrokePoints)
    QString colour = QStringLiteral("#1f2328");
    double width = 0.008; ///< as a fraction of the pad's width
    QDateTime signedAt; ///< stamps the drawing and its strokes
};

/// The changes that record consent, for one Store::apply so they land together or not at
/// all: a grant is a drawing (purpose "signature"), its strokes and the consent record
/// that points at the drawing, so no consent exists without its signature.
class ConsentChanges
{
public:
    /// drawing, then each stroke, then the consent record (last, so apply's last id is
    /// the consent's). Refuses a grant without strokes, agencies or a signed date.
    static Result<QList<Change>> grant(const SignedConsent &signedConsent);
    /// A withdrawal of grant dated on, recorded by a practitioner.
    static Change withdrawal(const Consent &grant, QDate on, const QString &recordedBy);
};

} // namespace doorstep
