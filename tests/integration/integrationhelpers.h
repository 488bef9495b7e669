#pragma once

#include "store/storepaths.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringEncoder>
#include <QStringList>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>
#include <string>

namespace doorstep::test
{

/// What one child process did: how it ended, what it printed and how long it took.
struct ProcessRun {
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    bool killed = false; ///< ended by our SIGKILL, not by itself
    qint64 peakResidentKib = 0; ///< the most memory it had used when it was killed
    QString out;
    QString err;
    qint64 elapsedMs = 0;

    bool crashed() const { return exitStatus != QProcess::NormalExit; }
    /// Everything about the run, for INFO() when an assertion fails.
    std::string describe() const
    {
        return QStringLiteral("exit %1%2 after %3 ms\nstdout: %4\nstderr: %5")
            .arg(exitCode)
            .arg(crashed() ? QStringLiteral(" (did not exit normally)") : QString())
            .arg(elapsedMs)
            .arg(out, err)
            .toStdString();
    }
};

inline QString cliProgram()
{
    return QStringLiteral(DOORSTEP_CLI);
}

/// The environment a child gets: ours (fixed LANG/TZ from ctest) without any Doorstep
/// variables, with its temporary folder set to tmpDir so the test can search it.
inline QProcessEnvironment childEnvironment(
    const QString &tmpDir, const QString &passphrase = {}, const QString &newPassphrase = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "DOORSTEP_PASSPHRASE", "DOORSTEP_NEW_PASSPHRASE", "DOORSTEP_STORE" })
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("TMPDIR"), tmpDir);
    if (!passphrase.isNull())
        environment.insert(QStringLiteral("DOORSTEP_PASSPHRASE"), passphrase);
    if (!newPassphrase.isNull())
        environment.insert(QStringLiteral("DOORSTEP_NEW_PASSPHRASE"), newPassphrase);
    return environment;
}

/// Runs program to completion (or kills it after timeoutMs, which fails the run).
inline ProcessRun runProcess(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start();
    ProcessRun run;
    if (!process.waitForStarted(timeoutMs)) {
        run.err = QStringLiteral("could not start %1: %2").arg(program, process.errorString());
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.killed = true;
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

inline ProcessRun runCli(const QStringList &arguments, const QProcessEnvironment &environment)
{
    return runProcess(cliProgram(), arguments, environment);
}

/// A figure from /proc/<pid>/status, in KiB ("VmRSS" now, "VmHWM" at its peak); 0 if the
/// process is gone.
inline qint64 memoryKib(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

/// Runs program and sends it SIGKILL killAfterMs after it started, unless it ended first.
/// With onceResidentKib, the delay counts from when its memory first reaches that much.
inline ProcessRun runAndKill(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, int killAfterMs, qint64 onceResidentKib = 0)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start();
    ProcessRun run;
    if (!process.waitForStarted(30000)) {
        run.err = QStringLiteral("could not start %1: %2").arg(program, process.errorString());
        return run;
    }
    const qint64 pid = process.processId();
    QElapsedTimer delay;
    delay.start();
    if (onceResidentKib > 0) {
        while (process.state() == QProcess::Running && memoryKib(pid, "VmRSS") < onceResidentKib
            && timer.elapsed() < 30000)
            process.waitForFinished(1);
        delay.start();
    }
    const qint64 left = killAfterMs - delay.elapsed();
    if (left <= 0 || !process.waitForFinished(int(left))) {
        if (process.state() != QProcess::NotRunning) {
            run.peakResidentKib = memoryKib(pid, "VmHWM");
            process.kill(); // SIGKILL on Unix
            run.killed = true;
        }
        process.waitForFinished(30000);
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    // A process that had already ended on its own was not killed, whatever we sent.
    run.killed = run.killed && run.exitStatus == QProcess::CrashExit;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

inline QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256).toHex();
}

/// Every file under each root, hidden ones and those in sub-folders included.
inline QStringList filesUnder(const QStringList &roots)
{
    QStringList files;
    for (const QString &root : roots) {
        QDirIterator it(
            root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

/// text as it would appear on disk in UTF-8 and in UTF-16LE.
inline QByteArrayList encodings(const QString &text)
{
    QStringEncoder utf16le(QStringConverter::Utf16LE);
    return { text.toUtf8(), QByteArray(utf16le(text)) };
}

/// The files under roots that contain any of texts in UTF-8 or UTF-16LE, each with the
/// text found: empty when none does.
inline QStringList filesContaining(const QStringList &roots, const QStringList &texts)
{
    QStringList found;
    for (const QString &path : filesUnder(roots)) {
        const QByteArray bytes = readAll(path);
        for (const QString &text : texts) {
            for (const QByteArray &needle : encodings(text)) {
                if (bytes.contains(needle))
                    found << QStringLiteral("%1 holds \"%2\"").arg(path, text);
            }
        }
    }
    return found;
}

inline void flipByte(const QString &path, qint64 offset, quint8 mask)
{
    REQUIRE(mask != 0);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek(offset));
    char byte = 0;
    REQUIRE(file.getChar(&byte));
    REQUIRE(file.seek(offset));
    REQUIRE(file.putChar(char(quint8(byte) ^ mask)));
}

/// The first line, for checking that a message is one clear line.
inline QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0);
}

/// A seed for the random parts of a test: DOORSTEP_TEST_SEED if set (to replay a failure),
/// otherwise a fresh one. Tests put it in INFO so a failure prints it.
inline quint32 testSeed()
{
    bool ok = false;
    const quint32 fixed = qEnvironmentVariable("DOORSTEP_TEST_SEED").toUInt(&ok);
    if (ok)
        return fixed;
    return std::random_device {}();
}

inline QString storeWriterProgram()
{
    return QStringLiteral(DOORSTEP_STOREWRITER);
}

inline QString storeHolderProgram()
{
    return QStringLiteral(DOORSTEP_STOREHOLDER);
}

/// A store made with doorstep-cli in a folder of its own temporary folder, and the
/// temporary folder its children are given as TMPDIR.
struct CliStore {
    QTemporaryDir parent;
    QTemporaryDir childTmp;
    QString passphrase = QStringLiteral("correct horse battery staple");

    QString folder() const { return parent.filePath(QStringLiteral("store")); }
    StorePaths paths() const { return StorePaths { folder() }; }
    QProcessEnvironment environment(const QString &secret, const QString &newSecret = {}) const
    {
        return childEnvironment(childTmp.path(), secret, newSecret);
    }
    /// doorstep-cli --store <folder> arguments..., with the right passphrase.
    ProcessRun cli(const QStringList &arguments) const { return cliWith(passphrase, arguments); }
    ProcessRun cliWith(const QString &secret, const QStringList &arguments) const
    {
        return runCli(
            QStringList { QStringLiteral("--store"), folder() } + arguments, environment(secret));
    }
    /// Runs a command that must succeed and returns its standard output, trimmed.
    QString ok(const QStringList &arguments) const
    {
        const ProcessRun run = cli(arguments);
        INFO(arguments.join(QLatin1Char(' ')).toStdString() << "\n" << run.describe());
        REQUIRE(!run.crashed());
        REQUIRE(run.exitCode == 0);
        return run.out.trimmed();
    }
    /// A cheap key-derivation setting unless a test needs attempts to take time.
    void init(int memoryMib = 8, int iterations = 1) const
    {
        ok({ QStringLiteral("init"), QStringLiteral("--user"), QStringLiteral("u1"),
            QStringLiteral("--kdf-memory-mib"), QString::number(memoryMib),
            QStringLiteral("--kdf-iterations"), QString::number(iterations) });
    }
    QString addFamily(const QString &name) const
    {
        return ok(
            { QStringLiteral("family"), QStringLiteral("add"), QStringLiteral("--name"), name });
    }
};

} // namespace doorstep::test
