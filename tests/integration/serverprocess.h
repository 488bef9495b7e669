#pragma once

#include "integrationhelpers.h"
#include "serverbackend.h"

#include <QJsonDocument>
#include <QJsonObject>
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

    /// Starts serving on onPort, or on a free port the server picks (0).
    void serve(const QStringList &extra = {}, quint16 onPort = 0)
    {
        serving.setProcessEnvironment(childEnvironment(dir.path()));
        serving.start(serverProgram(),
            QStringList { QStringLiteral("serve"), QStringLiteral("--data"), data(),
                QStringLiteral("--port"), QString::number(onPort) }
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

    /// SIGKILL, as a power cut or the OOM killer would end it.
    void kill()
    {
        if (serving.state() != QProcess::NotRunning) {
            serving.kill();
            serving.waitForFinished(5000);
        }
    }
    /// Serves again on the same port, where enrolled tablets look for it.
    void restart()
    {
        kill();
        serve({}, port);
    }

    ~ServerProcess() { kill(); }
};

inline ProcessRun enrol(
    const CliStore &store, const ServerProcess &server, const QString &code, const QString &caFile)
{
    return store.cli({ QStringLiteral("enrol"), QStringLiteral("--server"), server.url(),
        QStringLiteral("--ca"), caFile, QStringLiteral("--code"), code });
}

/// Fictional families written on tablets, counted, so a test can check none went missing.
/// Each batch has its own demo seed: the same seed twice would make the same record ids on
/// two tablets.
struct DemoFamilies {
    int written = 0;
    int nextSeed = 1;

    void add(const CliStore &tablet, int count)
    {
        tablet.ok({ QStringLiteral("demo"), QStringLiteral("--families"), QString::number(count),
            QStringLiteral("--seed"), QString::number(nextSeed++) });
        written += count;
    }
};

/// The records of a store as `doorstep-cli export --json` gives them.
inline QJsonObject exportedRecords(const CliStore &store)
{
    const QString exported = store.ok({ QStringLiteral("export"), QStringLiteral("--json") });
    return QJsonDocument::fromJson(exported.toUtf8())
        .object()
        .value(QLatin1String("records"))
        .toObject();
}

/// Syncs each tablet in turn until a whole round sends and receives nothing (at most six
/// rounds); whether that happened.
template <typename Tablets> bool syncUntilSettled(const Tablets &tablets)
{
    for (int round = 0; round < 6; ++round) {
        bool quiet = true;
        for (const CliStore &tablet : tablets) {
            const QString said = tablet.ok({ QStringLiteral("--json"), QStringLiteral("sync") });
            const QJsonObject counts = QJsonDocument::fromJson(said.toUtf8()).object();
            quiet = quiet && counts.value(QLatin1String("pushed")).toInt(-1) == 0
                && counts.value(QLatin1String("pulled")).toInt(-1) == 0;
        }
        if (quiet)
            return true;
    }
    return false;
}

} // namespace doorstep::test
