#pragma once

#include "genogram/ecomap.h"
#include "genogram/genogram.h"

#include <QList>
#include <QSet>
#include <QString>

namespace doorstep
{

/// A family's genogram and ecomap as the store holds them, with what an editor needs to know
/// about where each genogram person comes from (GenogramRepository reads it).
struct FamilyGenogram {
    /// Family-record people (id = people.id; name, gender and date of birth from the family
    /// record, the genogram's own fields from their overlay), extended family (id =
    /// genogram_people.id), relations and households.
    Genogram genogram;
    /// Live links, ordered by agency (EcomapLink::allAgencies() order), then name, then id.
    QList<EcomapLink> ecomap;
    /// Genogram ids that are family-record people: they cannot be removed from the genogram.
    QSet<QString> familyRecordIds;
    /// Family-record people (by people.id) that already have an overlay row, even one
    /// deleted: GenogramChanges::savePerson creates the overlay of the others first.
    QSet<QString> overlayIds;
};

} // namespace doorstep
