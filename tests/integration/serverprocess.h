#pragma once

#include "integrationhelpers.h"
#include "serverbackend.h"

#include <QRegularExpression>

// A real doorstep-server for integration tests: made and administered with its own
// commands, serving TLS with the council CA it made.

namespace doorstep::test
{

inline QString serverProgram()
{
    return QStringLiteral(DOORSTEP_SERVER);
}

/// A doorstep-server data folder and, once serve() is called, the server running on it.
struct ServerProcess {
    QTemporaryDir dir;
    QProcess serving;
    quint16 port = 0;
    std::unique_ptr<PostgresSchema> postgres; ///< set when the server keeps its data there

    explicit ServerProcess(ServerBackend backend = ServerBackend::SqlCipher)
    {
        if (backend == ServerBackend::PostgreSql)
            postgres = std::make_unique<PostgresSchema>();
    }

    QString data() const { return dir.filePath(QStringLiteral("server")); }
    QString caFile() const { return QDir(data()).filePath(QStringLiteral("ca.pem")); }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(port); }

    ProcessRun command(const QStringList &arguments) const
    {
        return runProcess(serverProgram(),
            QStringList { arguments.first(), QStringLiteral("--data"), data() } + arguments.mid(1),
            childEnvironment(dir.path()));
    }
    QString ok(const QStringList &arguments) const
    {
        const ProcessRun run = command(arguments);
        INFO(arguments.join(QLatin1Char(' ')).toStdString() << "\n" << run.describe());
        REQUIRE(run.exitCode == 0);
        return run.out.trimmed();
    }

    void init()
    {
        if (postgres)
            ok({ QStringLiteral("init"), QStringLiteral("--postgres"), postgres->conninfo() });
        else
            ok({ QStringLiteral("init") });
        ok({ QStringLiteral("user-add"), QStringLiteral("--id"), QStringLiteral("u1"),
            QStringLiteral("--name"), QStringLiteral("Priya Shah"), QStringLiteral("--role"),
            QStringLiteral("practitioner"), QStringLiteral("--team"), QStringLiteral("north") });
    }

    void serve(const QStringList &extra = {})
    {
        serving.setProcessEnvironment(childEnvironment(dir.path()));
        serving.start(serverProgram(),
            QStringList { QStringLiteral("serve"), QStringLiteral("--data"), data(),
                QStringLiteral("--port"), QStringLiteral("0") }
                + extra);
        REQUIRE(serving.waitForStarted(10000));
        QElapsedTimer timer;
        timer.start();
        while (!serving.canReadLine() && timer.elapsed() < 20000)
            serving.waitForReadyRead(200);
        const QString line = QString::fromUtf8(serving.readLine()).trimmed();
        INFO("serve said: " << line.toStdString() << " / "
                            << serving.readAllStandardError().toStdString());
        const auto match = QRegularExpression(QStringLiteral("port (\\d+)$")).match(line);
        REQUIRE(match.hasMatch());
        port = quint16(match.captured(1).toUInt());
    }

    QString enrolmentCode(const QString &user = QStringLiteral("u1")) const
    {
        const QString said = ok({ QStringLiteral("enrol-code"), QStringLiteral("--user"), user });
        return said.section(QLatin1Char(' '), -1);
    }

    ~ServerProcess()
    {
        if (serving.state() != QProcess::NotRunning) {
            serving.kill();
            serving.waitForFinished(5000);
        }
    }
};

inline ProcessRun enrol(
    const CliStore &store, const ServerProcess &server, const QString &code, const QString &caFile)
{
    return store.cli({ QStringLiteral("enrol"), QStringLiteral("--server"), server.url(),
        QStringLiteral("--ca"), caFile, QStringLiteral("--code"), code });
}

} // namespace doorstep::test
