#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

namespace doorstep
{

/// A valid NHS number: ten digits whose last is the modulus-11 check digit of the first nine.
class NhsNumber
{
    Q_DECLARE_TR_FUNCTIONS(NhsNumber)

public:
    /// Reads a number as a person types or pastes it: "9434765919", "943 476 5919" or
    /// "943-476-5919". Every failure comes back as a sentence the person can act on.
    [[nodiscard]] static Result<NhsNumber> parse(const QString &text);

    /// The ten digits with no separators, as stored and shared with other agencies.
    QString digits() const { return m_digits; }
    /// The ten digits grouped 3-3-4 with spaces, as printed on NHS letters and cards.
    QString formatted() const;

    friend bool operator==(const NhsNumber &a, const NhsNumber &b)
    {
        return a.m_digits == b.m_digits;
    }
    friend bool operator!=(const NhsNumber &a, const NhsNumber &b) { return !(a == b); }

private:
    explicit NhsNumber(QString digits);

    QString m_digits;
};

} // namespace doorstep
