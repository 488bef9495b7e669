#pragma once

#include <QString>

namespace doorstep
{

/// A family on a practitioner's caseload: the household the case is about.
struct Family {
    QString id;
    QString familyName;
    QString address;
    QString postcode;
    QString language;
    bool interpreterNeeded = false;
};

} // namespace doorstep
