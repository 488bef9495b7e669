#pragma once

#include "domain/consent.h"

#include <QDate>
#include <QList>
#include <QString>

namespace doorstep
{

/// What consent records add up to on a day: for one grant, or for a person and an
/// agency. Pure: the records are read elsewhere and passed in.
///
/// A grant counts from the day it was signed to the end of its expiry date (one without
/// an expiry date does not expire) unless a withdrawal dated on or before the day points
/// at it. Records dated after the day do not count yet, so the rule answers for any day.
struct ConsentStatus {
    enum class State {
        None, ///< no grant (for this agency) signed by the day
        Valid,
        Expiring, ///< valid, but expires within ExpiringWithinDays
        Expired,
        Withdrawn,
    };

    /// Our choice, not a rule from the sources: 30 days gives the practitioner a visit or
    /// two in which to renew a consent before it lapses.
    static constexpr int ExpiringWithinDays = 30;

    State state = State::None;
    /// Valid or Expiring: the expiry date (invalid when it never expires); Expired: the
    /// expiry date; Withdrawn: the date of the withdrawal; None: invalid.
    QDate date;
    /// The grant this status rests on; empty for None.
    QString grantId;

    /// Valid and Expiring both allow sharing.
    bool isValid() const { return state == State::Valid || state == State::Expiring; }

    /// One grant on day, given every record it could be withdrawn by.
    static ConsentStatus ofGrant(const Consent &grant, const QList<Consent> &records, QDate day);

    /// A person's standing on day, for one agency or (when agency is empty) for any: the
    /// valid grant that lasts longest if there is one; otherwise the grant that ended most
    /// recently (a withdrawal wins a tie with an expiry); otherwise None.
    static ConsentStatus forPerson(const QString &personId, const QList<Consent> &records,
        QDate day, const QString &agency = {});
};

} // namespace doorstep
