#pragma once

#include <QDateTime>
#include <QString>

namespace doorstep
{

/// A dated note by a practitioner on a family, or an amendment to a final visit record.
struct Note {
    QString id;
    QString familyId;
    QString visitId; ///< the visit it amends; empty for a note on the family
    QString authorId;
    QDateTime writtenAt;
    QString body;
};

} // namespace doorstep
