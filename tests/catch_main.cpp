#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <catch2/catch.hpp>

// A QCoreApplication exists for every test so Qt resources, QStandardPaths and
// QProcess behave as they do in the shipped programs.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
