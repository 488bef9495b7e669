#include "security/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <utility>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#else
// The durability guarantees rest on POSIX rename() and fsync() of a directory.
#error "AtomicFile needs a POSIX file system API"
#endif

namespace doorstep
{

namespace
{

// mkstemp() replaces the X's; leftovers are recognised by this prefix and length.
const char tempInfix[] = ".tmp-";
const char tempPattern[] = "XXXXXX";

Error ioError(const QString &what, int error)
{
    // The OS message names no path, so no personal data can end up in the error.
    return makeError(
        Error::Code::Io, QStringLiteral("Could not %1: %2.").arg(what, qt_error_string(error)));
}

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(size));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

// Zeroes an open file in place and syncs it. Best effort: flash storage and copy-on-write
// file systems may keep the old blocks elsewhere, which is why the content is only ever
// wrapped (encrypted) key material in the first place.
void wipeOpenFile(int fd)
{
    struct stat info {
    };
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0)
        return;
    static const char zeros[4096] = {};
    off_t offset = 0;
    while (offset < info.st_size) {
        const size_t chunk = static_cast<size_t>(qMin<off_t>(info.st_size - offset, sizeof zeros));
        const ssize_t written = ::pwrite(fd, zeros, chunk, offset);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        offset += written;
    }
    ::fsync(fd);
}

Result<void> syncDirectory(const QString &filePath)
{
    const QByteArray dir = QFile::encodeName(QFileInfo(filePath).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("open the folder to save it"), errno);
    // Without this the rename itself may be lost in a power cut.
    int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    // A few file systems cannot sync a directory at all (EINVAL); nothing more can be done there.
    if (result != 0 && error != EINVAL)
        return ioError(QStringLiteral("save the folder"), error);
    return {};
}

} // namespace

AtomicFile::AtomicFile(QString path)
    : m_path(std::move(path))
{
}

AtomicFile::~AtomicFile()
{
    if (!m_stagedPath.isEmpty())
        ::unlink(QFile::encodeName(m_stagedPath).constData());
}

Result<void> AtomicFile::stage(QByteArrayView contents)
{
    if (!m_stagedPath.isEmpty()) {
        ::unlink(QFile::encodeName(m_stagedPath).constData());
        m_stagedPath.clear();
    }

    // Same directory as the target, so rename() never crosses file systems.
    QByteArray name = QFile::encodeName(m_path) + tempInfix + tempPattern;
    const int fd = ::mkstemp(name.data());
    if (fd < 0)
        return ioError(QStringLiteral("create a temporary file"), errno);
    m_stagedPath = QFile::decodeName(name);

    bool ok = ::fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && ::fchmod(fd, S_IRUSR | S_IWUSR) == 0
        && writeAll(fd, contents.data(), contents.size()) && ::fsync(fd) == 0;
    const int error = errno;
    ok = (::close(fd) == 0) && ok;
    if (!ok) {
        ::unlink(name.constData());
        m_stagedPath.clear();
        return ioError(QStringLiteral("write a temporary file"), error);
    }
    return {};
}

Result<void> AtomicFile::commit(Replaced replaced)
{
    Q_ASSERT(!m_stagedPath.isEmpty());
    if (m_stagedPath.isEmpty())
        return makeError(Error::Code::Internal, QStringLiteral("Nothing was staged to commit."));

    const QByteArray target = QFile::encodeName(m_path);
    // Opened before the rename so that afterwards we still reach the replaced inode's bytes.
    const int oldFd = replaced == Replaced::Wipe
        ? ::open(target.constData(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        : -1;

    if (::rename(QFile::encodeName(m_stagedPath).constData(), target.constData()) != 0) {
        const int error = errno;
        if (oldFd >= 0)
            ::close(oldFd);
        return ioError(QStringLiteral("replace the file"), error);
    }
    m_stagedPath.clear();

    auto synced = syncDirectory(m_path);

    if (oldFd >= 0) {
        struct stat info {
        };
        // Only an inode no longer linked anywhere is ours to wipe: a hard link elsewhere is
        // somebody else's file.
        if (fstat(oldFd, &info) == 0 && info.st_nlink == 0)
            wipeOpenFile(oldFd);
        ::close(oldFd);
    }
    return synced;
}

Result<void> AtomicFile::write(const QString &path, QByteArrayView contents, Replaced replaced)
{
    AtomicFile file(path);
    if (auto staged = file.stage(contents); !staged)
        return staged;
    return file.commit(replaced);
}

void AtomicFile::removeLeftovers(const QString &path)
{
    const QFileInfo target(path);
    const QString prefix = target.fileName() + QLatin1String(tempInfix);
    const qsizetype nameLength = prefix.size() + qsizetype(sizeof tempPattern - 1);
    const QDir dir = target.absoluteDir();
    bool removed = false;
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        if (name.size() != nameLength || !name.startsWith(prefix))
            continue;
        const QByteArray leftover = QFile::encodeName(dir.filePath(name));
        const int fd = ::open(leftover.constData(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd >= 0) {
            struct stat info {
            };
            if (fstat(fd, &info) == 0 && info.st_nlink == 1)
                wipeOpenFile(fd);
            ::close(fd);
        }
        removed = ::unlink(leftover.constData()) == 0 || removed;
    }
    if (removed)
        (void)syncDirectory(path);
}

} // namespace doorstep
