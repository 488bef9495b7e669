#pragma once

#include "domain/result.h"

#include <QByteArrayView>
#include <QString>

namespace doorstep
{

/// Replaces a whole file so that a crash at any moment leaves either the old or the new
/// contents, durably on disk, readable and writable by the owner only (0600).
class AtomicFile
{
public:
    /// What happens to the bytes of the file being replaced.
    enum class Replaced {
        Keep, ///< left to the file system, like any deleted file
        Wipe, ///< overwritten with zeros first, for files holding (wrapped) key material
    };

    explicit AtomicFile(QString path);
    /// Removes a staged file that was never committed.
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    /// Writes `contents` to a new temporary file beside the target and fsyncs it.
    Result<void> stage(QByteArrayView contents);
    /// Renames the staged file over the target and fsyncs the directory; only when this
    /// returns success are the new contents known to survive a power cut.
    Result<void> commit(Replaced replaced = Replaced::Keep);
    /// The staged temporary file, empty when nothing is staged.
    QString stagedPath() const { return m_stagedPath; }

    /// stage() then commit().
    static Result<void> write(
        const QString &path, QByteArrayView contents, Replaced replaced = Replaced::Keep);
    /// Overwrites and removes temporary files that a crash left beside `path`. Only call it
    /// while no other writer of `path` can be running (the vault holds its slot lock).
    static void removeLeftovers(const QString &path);

private:
    QString m_path;
    QString m_stagedPath;
};

} // namespace doorstep
