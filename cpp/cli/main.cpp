#include "cli/cli.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("doorstep-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    doorstep::Cli cli(out, err, QProcessEnvironment::systemEnvironment());
    return cli.run(QCoreApplication::arguments().mid(1));
}
