#pragma once

#include "domain/document.h"
#include "domain/result.h"

#include <QList>
#include <optional>

namespace doorstep
{

class Store;

/// Reads documents (and whether their bytes are here) from the store; the bytes themselves
/// come from Store::blob().
class DocumentRepository
{
public:
    explicit DocumentRepository(Store &store)
        : m_store(store)
    {
    }

    /// A family's documents, newest first.
    Result<QList<Document>> forFamily(const QString &familyId) const;
    Result<std::optional<Document>> find(const QString &id) const;

private:
    Store &m_store;
};

} // namespace doorstep
