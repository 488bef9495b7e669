#pragma once

#include <QDate>
#include <QString>
#include <optional>

namespace doorstep
{

/// A member of a family: adult, child or young person.
struct Person {
    QString id;
    QString familyId;
    QString givenName;
    QString familyName;
    QDate dateOfBirth;
    QString nhsNumber; ///< ten digits, already checked, or empty
    QString gender;
    QString role;
    QString school;

    QString displayName() const
    {
        return familyName.isEmpty() ? givenName : givenName + QLatin1Char(' ') + familyName;
    }

    /// Age in whole years on the given day, if the date of birth is known.
    std::optional<int> ageOn(QDate day) const
    {
        if (!dateOfBirth.isValid() || !day.isValid() || day < dateOfBirth)
            return std::nullopt;
        int years = day.year() - dateOfBirth.year();
        if (day.month() < dateOfBirth.month()
            || (day.month() == dateOfBirth.month() && day.day() < dateOfBirth.day()))
            --years;
        return years;
    }
};

} // namespace doorstep
