#pragma once

#include "domain/note.h"
#include "domain/result.h"

#include <QList>

namespace doorstep
{

class Store;

/// Reads notes and visit amendments from the store.
class NoteRepository
{
public:
    explicit NoteRepository(Store &store)
        : m_store(store)
    {
    }

    /// Live amendments of a visit, oldest first.
    Result<QList<Note>> forVisit(const QString &visitId) const;

private:
    Store &m_store;
};

} // namespace doorstep
