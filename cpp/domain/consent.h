#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace doorstep
{

/// One signed consent record: a grant to share a person's information with named
/// agencies, or the withdrawal of an earlier grant. Records are never edited; a
/// withdrawal is a new record that points at the grant it ends.
struct Consent {
    enum class Kind { Grant, Withdrawal };

    QString id;
    QString familyId;
    QString personId; ///< whose information, and whose consent it is
    Kind kind = Kind::Grant;
    QString withdrawsConsentId; ///< for a withdrawal: the grant it ends
    QStringList agencies; ///< agency keys (see Agencies), for a grant
    QString purpose;
    /// True when the person gave it themselves (an adult, or a young person's own
    /// consent); false when a parent or carer gave it on a child's behalf.
    bool givenBySelf = true;
    QDate signedOn; ///< for a withdrawal: the day it was withdrawn
    QDate expiresOn; ///< invalid when the grant does not expire
    QString signatureDrawingId; ///< the drawing holding the signature strokes
    QString recordedBy; ///< the practitioner's user id

    bool isGrant() const { return kind == Kind::Grant; }
    bool isWithdrawal() const { return kind == Kind::Withdrawal; }
    bool covers(const QString &agency) const { return agencies.contains(agency); }
};

} // namespace doorstep
