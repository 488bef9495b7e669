#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace doorstep
{

/// The letter the practitioner writes to the family at the end of the work, highlighting
/// their own progress and saying where to get help from now on.
struct EndingLetterDocument {
    QString familyName; ///< names the family's copy in the footer
    QString addressedTo; ///< as the letter greets them: "Sam and Lee"
    QDate writtenOn;
    QString progress; ///< the practitioner's words about the family's progress
    QStringList achievedGoals; ///< goals reached, in the family's own words
    QString whereToGetHelp;
    QString practitionerName;
    QString serviceName; ///< the early help service the practitioner works for
};

} // namespace doorstep
