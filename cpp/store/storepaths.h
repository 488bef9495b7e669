#pragma once

#include <QDir>
#include <QString>

namespace doorstep
{

/// Where a store keeps its files inside its folder.
struct StorePaths {
    QString folder;

    QString database() const { return QDir(folder).filePath(QStringLiteral("doorstep.db")); }
    QString wal() const { return database() + QStringLiteral("-wal"); }
    QString shm() const { return database() + QStringLiteral("-shm"); }
    QString keySlot() const { return QDir(folder).filePath(QStringLiteral("passphrase.slot")); }
    /// The day's PIN slot: the same database key, wrapped under the practitioner's PIN.
    QString pinSlot() const { return QDir(folder).filePath(QStringLiteral("pin.slot")); }
};

} // namespace doorstep
