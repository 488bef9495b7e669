#pragma once

#include "domain/result.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

namespace doorstep::server
{

/// doorstep-server's commands: `init` (data folder, storage key, council CA and server
/// certificate), `serve`, and the administration of users, allocations and devices. Each
/// says what it did in one line, or why it could not on standard error, with an exit code
/// scripts can rely on (those of doorstep-cli).
class ServerCommands
{
public:
    ServerCommands(QTextStream &out, QTextStream &err, QProcessEnvironment environment);

    /// arguments excludes the program name. `serve` runs the event loop until stopped.
    int run(const QStringList &arguments);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    QProcessEnvironment m_environment;
};

} // namespace doorstep::server
