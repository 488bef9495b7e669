#pragma once

#include "domain/result.h"
#include "store/database.h"
#include "store/storepaths.h"

#include <QByteArrayView>
#include <atomic>
#include <memory>
#include <mutex>

namespace doorstep
{

/// PRAGMA quick_check on a connection of its own, so that it can run on a worker thread
/// while the app goes on with the store: WAL lets this reader check a consistent snapshot
/// beside the writer. It reads and decrypts every page, which on a year's caseload is
/// longer than a practitioner should wait at the unlock page.
///
/// One thread at a time may run() it; interrupt() may be called from any thread.
class IntegrityCheck
{
public:
    enum class Outcome { Passed, Interrupted };

    /// Opens the second connection. The key is used here and not kept.
    static Result<std::unique_ptr<IntegrityCheck>> open(
        const StorePaths &paths, QByteArrayView key, Database::Protection protection);

    /// Passed, Interrupted, or a Damaged error when the database fails its check. Closes
    /// the connection before returning, so no decrypted page outlives the check.
    Result<Outcome> run();

    /// Stops a check under way, or one not yet started; it then reports Interrupted.
    void interrupt();

    StorePaths paths() const { return m_paths; }

private:
    IntegrityCheck(StorePaths paths, Database db);

    StorePaths m_paths;
    std::mutex m_mutex; // guards m_db's handle against interrupt() while run() closes it
    Database m_db;
    std::atomic<bool> m_interrupted { false };
};

} // namespace doorstep
