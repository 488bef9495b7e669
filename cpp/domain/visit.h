#pragma once

#include <QDateTime>
#include <QString>

namespace doorstep
{

/// A home visit record, with the three Signs of Safety columns.
struct Visit {
    QString id;
    QString familyId;
    QDateTime visitAt;
    QString location;
    QString present;
    QString childrenSeen;
    bool seenAlone = false;
    QString interpreterLanguage;
    QString workingWell;
    QString worries;
    QString needsToHappen;
    QString notes;
    bool isFinal = false;
    QDateTime finalisedAt;
    QString authorId;
    QString amendsVisitId;
};

} // namespace doorstep
