#pragma once

#include <QDate>
#include <QString>

namespace doorstep
{

/// How and why a family's case closed: stepped up to social care, stepped down to
/// universal services, into maintenance, or closed.
struct Closure {
    QString id;
    QString familyId;
    QDate closedOn;
    QString outcome; ///< stepped_up, stepped_down, maintenance or closed
    QString reason;
};

} // namespace doorstep
