#pragma once

#include "store/change.h"

#include <QDate>
#include <QList>

namespace doorstep
{

/// Fictional families for demonstrations, tests and benchmarks. The same seed always
/// gives the same families, people, ids and visits; every NHS number is in the range
/// the NHS keeps for testing (999…), so none can belong to a real person.
class DemoData
{
public:
    struct Options {
        int families = 10;
        quint32 seed = 1;
        int maxVisitsPerFamily = 4;
        QDate today = QDate(2026, 11, 23);
        QString practitionerId;
        QString practitionerName;
    };

    /// The changes that create one family with its people, referral, allocation and
    /// visits; index runs from 0 to families - 1.
    static QList<Change> family(const Options &options, int index);
    /// The changes that give the first child aged 4 to 12 of family `index` (as family()
    /// made it) their three houses, drawn and written in, two of them shared: fictional work
    /// for demonstrations. Empty when the family has no child of that age.
    static QList<Change> threeHouses(const Options &options, int index);
    /// The changes that give family `index` (as family() made it) a genogram and an ecomap:
    /// grandparents on both sides (a grandfather who has died), an aunt, lines of feeling,
    /// households, an index child and 5 to 8 services and groups; by family, an earlier
    /// partnership with a half-sibling and a step-parent, twin aunts, a fostered child, an
    /// interpreter needed. All fictional.
    static QList<Change> genogram(const Options &options, int index);
    /// The next valid NHS test number (999 + 6 digits + check digit) from n on;
    /// advances n past the number returned.
    static QString nextTestNhsNumber(quint32 &n);
};

} // namespace doorstep
