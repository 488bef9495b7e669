#pragma once

#include "store/database.h"

#include <QByteArray>

namespace doorstep::test
{

/// The raw database key storewriter and the kill test share: they test the store, not the vault.
inline QByteArray storeWriterKey()
{
    return QByteArray(Database::KeyBytes, 'w');
}

} // namespace doorstep::test
