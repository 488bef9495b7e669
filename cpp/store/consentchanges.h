#pragma once

#include "domain/consent.h"
#include "domain/result.h"
#include "store/change.h"

#include <QByteArray>
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
/// that points at the drawing, so no consent exists without its signature; with it, the
/// consent form as signed, kept as a document of the consent.
class ConsentChanges
{
public:
    /// drawing, then each stroke, then the consent record (last, so apply's last id is
    /// the consent's). The consent's id is made here, as the last change's recordId, so a
    /// document of it can name it in the same apply. Refuses a grant without strokes,
    /// agencies or a signed date.
    static Result<QList<Change>> grant(const SignedConsent &signedConsent);
    /// The consent form as signed (PDF bytes), kept as a document (purpose signed_consent) of
    /// grant, whose id must be set (grant()'s last recordId). Apply it with pdf as its blob.
    static Change signedForm(
        const Consent &grant, const QByteArray &pdf, const QString &title, const QDateTime &madeAt);
    /// A withdrawal of grant dated on, recorded by a practitioner.
    static Change withdrawal(const Consent &grant, QDate on, const QString &recordedBy);
};

} // namespace doorstep
