#pragma once

#include "domain/result.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

namespace doorstep
{

/// doorstep-cli: the scriptable tool on a Doorstep store, for IT staff, tests and
/// benchmarks. Parses arguments, runs one command, writes text or JSON, and returns
/// the exit code. The passphrase comes from a file or the environment, never argv.
class Cli
{
public:
    /// Exit codes, stable for scripts.
    enum ExitCode {
        Ok = 0,
        Failed = 1,
        Usage = 2,
        WrongPassphrase = 3,
        LockedOut = 4,
        Damaged = 5,
        NotFound = 6,
        AlreadyExists = 7,
        Unsupported = 8,
        Refused = 9,
        NoConsent = 10,
    };

    Cli(QTextStream &out, QTextStream &err, QProcessEnvironment environment);

    /// arguments excludes the program name.
    int run(const QStringList &arguments);

    static int exitCodeFor(Error::Code code);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    QProcessEnvironment m_environment;
};

} // namespace doorstep
