#pragma once

#include "domain/threehouses.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace doorstep
{

/// The letter the practitioner sends a child after the three houses, with the child's own
/// work in it: only the houses the child agreed to share; the others are named as private.
struct LetterToChildDocument {
    QString childFirstName; ///< how the letter greets the child; required
    std::optional<int> childAge; ///< in years; younger children get larger type
    QDate writtenOn;
    QString message; ///< the practitioner's words to the child; line breaks start paragraphs
    QString practitionerName;
    QString serviceName; ///< the early help service the practitioner works for
    QString familyName; ///< names the child's copy in the footer
    /// The child's houses; what is in a house whose shareAllowed is false never reaches the
    /// letter.
    QList<House> houses;
};

} // namespace doorstep
