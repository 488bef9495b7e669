#pragma once

#include "domain/result.h"
#include "domain/threehouses.h"

namespace doorstep
{

class Store;

/// Reads a child's three houses with everything in them: strokes, the child's words and
/// stickers, each in the order they were made.
class ThreeHousesRepository
{
public:
    explicit ThreeHousesRepository(Store &store)
        : m_store(store)
    {
    }

    Result<ThreeHouses> forChild(const QString &personId) const;

private:
    Store &m_store;
};

} // namespace doorstep
