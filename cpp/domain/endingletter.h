#pragma once

#include <QDate>
#include <QString>

namespace doorstep
{

/// The letter the practitioner writes to the family at the end: their own progress and
/// where to get help.
struct EndingLetter {
    QString id;
    QString familyId;
    QDate writtenOn;
    QString addressedTo;
    QString progress;
    QString whereToGetHelp;
    QString authorId;
};

} // namespace doorstep
