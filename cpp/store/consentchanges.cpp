#include "store/consentchanges.h"

#include "domain/agencies.h"
#include "domain/strokepoints.h"
#include "store/store.h"

#include <QUuid>

namespace doorstep
{

namespace
{

FieldValue field(const char *name, const QVariant &value)
{
    return { QString::fromLatin1(name), value };
}

} // namespace

Result<QList<Change>> ConsentChanges::grant(const SignedConsent &signedConsent)
{
    const Consent &c = signedConsent.consent;
    if (signedConsent.strokes.isEmpty())
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A consent cannot be recorded without a signature."));
    if (c.agencies.isEmpty())
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A consent must name at least one agency."));
    if (!c.signedOn.isValid() || !signedConsent.signedAt.isValid())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("A consent must be dated."));

    const QString drawingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<FieldValue> drawing { field("family_id", c.familyId),
        field("purpose", QStringLiteral("signature")), field("created_at", signedConsent.signedAt),
        field("share_allowed", false) };
    // A drawing's person is who drew it; a parent or carer signing on a child's behalf is
    // not recorded as a person, so then it has none.
    if (c.givenBySelf)
        drawing << field("person_id", c.personId);
    QList<Change> changes;
    changes << Change::create(QStringLiteral("drawing"), drawing, drawingId);
    for (const QList<QPointF> &stroke : signedConsent.strokes) {
        auto points = StrokePoints::encode(stroke);
        if (!points)
            return points.error();
        changes << Change::create(QStringLiteral("stroke"),
            { field("drawing_id", drawingId), field("drawn_by", QStringLiteral("signatory")),
                field("points", *points), field("colour", signedConsent.colour),
                field("width", signedConsent.width), field("drawn_at", signedConsent.signedAt) });
    }
    QList<FieldValue> fields { field("family_id", c.familyId), field("person_id", c.personId),
        field("kind", QStringLiteral("grant")), field("agencies", Agencies::encode(c.agencies)),
        field("purpose", c.purpose), field("given_by_self", c.givenBySelf),
        field("signed_on", c.signedOn), field("signature_drawing_id", drawingId),
        field("recorded_by", c.recordedBy) };
    if (c.expiresOn.isValid())
        fields << field("expires_on", c.expiresOn);
    changes << Change::create(
        QStringLiteral("consent"), fields, QUuid::createUuid().toString(QUuid::WithoutBraces));
    return changes;
}

Change ConsentChanges::signedForm(
    const Consent &grant, const QByteArray &pdf, const QString &title, const QDateTime &madeAt)
{
    Q_ASSERT(!grant.id.isEmpty());
    return Change::create(QStringLiteral("document"),
        { field("family_id", grant.familyId), field("purpose", QStringLiteral("signed_consent")),
            field("about_id", grant.id), field("title", title),
            field("media_type", QStringLiteral("application/pdf")),
            field("sha256", Store::blobSha256(pdf)), field("size", qint64(pdf.size())),
            field("made_at", madeAt) });
}

Change ConsentChanges::withdrawal(const Consent &grant, QDate on, const QString &recordedBy)
{
    return Change::create(QStringLiteral("consent"),
        { field("family_id", grant.familyId), field("person_id", grant.personId),
            field("kind", QStringLiteral("withdrawal")), field("withdraws_consent_id", grant.id),
            field("given_by_self", grant.givenBySelf), field("signed_on", on),
            field("recorded_by", recordedBy) });
}

} // namespace doorstep
