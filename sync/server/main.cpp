#include "server/servercommands.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <sodium.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("doorstep-server"));
    if (sodium_init() < 0) {
        std::fputs("doorstep-server: the cryptography library could not start.\n", stderr);
        return 1;
    }
    QTextStream out(stdout);
    QTextStream err(stderr);
    doorstep::server::ServerCommands commands(out, err, QProcessEnvironment::systemEnvironment());
    return commands.run(QCoreApplication::arguments().mid(1));
}
