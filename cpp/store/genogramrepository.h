#pragma once

#include "domain/result.h"
#include "store/familygenogram.h"

namespace doorstep
{

class Store;

/// Reads a family's genogram and ecomap: the family record's people with their genogram
/// overlays, extended family, relations, households and ecomap links, leaving deleted rows
/// out.
class GenogramRepository
{
public:
    explicit GenogramRepository(Store &store)
        : m_store(store)
    {
    }

    /// Never refuses the family's records for what they hold: a relation to a deleted
    /// person is kept (Genogram flags it Dangling), and a value it cannot read (a bad
    /// partial date, pinned text, an unknown word) is ignored on its own.
    Result<FamilyGenogram> forFamily(const QString &familyId) const;

private:
    Store &m_store;
};

} // namespace doorstep
