#pragma once

#include "domain/person.h"
#include "domain/result.h"

#include <QList>
#include <optional>

namespace doorstep
{

class Store;

/// Reads the members of families from the store.
class PersonRepository
{
public:
    explicit PersonRepository(Store &store)
        : m_store(store)
    {
    }

    /// Live members of a family, oldest first (unknown dates of birth last).
    Result<QList<Person>> forFamily(const QString &familyId) const;
    Result<std::optional<Person>> find(const QString &id) const;

private:
    Store &m_store;
};

} // namespace doorstep
