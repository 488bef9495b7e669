// Measures sync end to end: real encrypted stores and the real SyncClient against the real
// doorstep-server binary over loopback TLS. Prints figures and asserts nothing. See README.md
// for how to run it and the recorded results.
//
// The server runs as a child process, started and administered with its own commands as in
// tests/integration/synctest.cpp, rather than as SyncService on a thread of this process:
// then the server's work (TLS, HTTP, storage) is on its own process and CPU, as in
// production, and cannot be slowed by, or slow, the clients' event loop and stores here.
// Between the clients and the server sits a small TCP relay, on a thread of its own, that
// counts every byte each way: the wire bytes below are real TLS bytes, handshakes included.

#include "client/syncclient.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

namespace doorstep
{

namespace
{

struct Settings {
    int records = 10'000; ///< visits in the initial sync (plus their families)
    int small = 1'000; ///< visits in the small store of the incremental measures
    int big = 100'000; ///< visits in the big one
    int devices = 100;
    int reps = 5; ///< each incremental measure, median shown
    int rounds = 3; ///< concurrent rounds of all devices
    int visitsPerFamily = 100;
};

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = size_t(std::ceil(p * double(values.size()))) - 1;
    return values[std::min(rank, values.size() - 1)];
}

void progress(const QString &what)
{
    std::fprintf(stderr, "  %s\n", qPrintable(what));
}

/// Bytes through the relay: client to server (up), server to client (down), and TCP
/// connections opened (each a TLS handshake).
struct Wire {
    qint64 up = 0;
    qint64 down = 0;
    qint64 connections = 0;
    qint64 total() const { return up + down; }
    Wire operator-(const Wire &other) const
    {
        return { up - other.up, down - other.down, connections - other.connections };
    }
};

/// A TCP relay from a loopback port to the server's, counting every byte it forwards.
class CountingRelay : public QObject
{
public:
    explicit CountingRelay(quint16 target)
        : m_target(target)
    {
    }

    /// Runs in the relay's thread.
    quint16 listen()
    {
        m_server = new QTcpServer(this);
        QObject::connect(m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return 0;
        return m_server->serverPort();
    }

    Wire counted() const { return { m_up.load(), m_down.load(), m_connections.load() }; }

    /// Closes every connection, as the server does after 30 s idle. Runs in the relay's thread.
    void closeAll()
    {
        for (const QPointer<QTcpSocket> &inside : std::as_const(m_inside)) {
            if (inside)
                inside->disconnectFromHost();
        }
        m_inside.clear();
    }

private:
    void accept()
    {
        while (QTcpSocket *in = m_server->nextPendingConnection()) {
            ++m_connections;
            in->setParent(nullptr);
            auto *out = new QTcpSocket;
            const QPointer<QTcpSocket> inside(in);
            m_inside << inside;
            const QPointer<QTcpSocket> outside(out);
            // Writes made while connecting are buffered by QAbstractSocket and sent once
            // connected.
            out->connectToHost(QHostAddress::LocalHost, m_target);
            QObject::connect(in, &QTcpSocket::readyRead, in, [this, in, outside] {
                const QByteArray bytes = in->readAll();
                m_up += bytes.size();
                if (outside)
                    outside->write(bytes);
            });
            QObject::connect(out, &QTcpSocket::readyRead, out, [this, out, inside] {
                const QByteArray bytes = out->readAll();
                m_down += bytes.size();
                if (inside)
                    inside->write(bytes);
            });
            QObject::connect(in, &QTcpSocket::disconnected, in, [in, outside] {
                if (outside)
                    outside->disconnectFromHost();
                in->deleteLater();
            });
            QObject::connect(out, &QTcpSocket::disconnected, out, [out, inside] {
                if (inside)
                    inside->disconnectFromHost();
                out->deleteLater();
            });
            QObject::connect(out, &QTcpSocket::errorOccurred, out, [out, inside] {
                if (out->state() == QAbstractSocket::UnconnectedState && inside)
                    inside->disconnectFromHost();
            });
        }
    }

    quint16 m_target;
    QTcpServer *m_server = nullptr;
    QList<QPointer<QTcpSocket>> m_inside;
    std::atomic<qint64> m_up { 0 };
    std::atomic<qint64> m_down { 0 };
    std::atomic<qint64> m_connections { 0 };
};

/// The relay on a thread of its own, so forwarding never waits for the clients' event loop.
class RelayThread
{
public:
    explicit RelayThread(quint16 target)
        : m_relay(new CountingRelay(target))
    {
        m_thread.start();
        m_relay->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_relay, [this] { m_port = m_relay->listen(); }, Qt::BlockingQueuedConnection);
    }
    ~RelayThread()
    {
        QMetaObject::invokeMethod(
            m_relay, [this] { delete m_relay; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    RelayThread(const RelayThread &) = delete;
    RelayThread &operator=(const RelayThread &) = delete;

    quint16 port() const { return m_port; }
    Wire counted() const { return m_relay->counted(); }
    void closeAll() const
    {
        QMetaObject::invokeMethod(
            m_relay, [this] { m_relay->closeAll(); }, Qt::BlockingQueuedConnection);
    }
    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port)); }

private:
    QThread m_thread;
    CountingRelay *m_relay;
    quint16 m_port = 0;
};

/// doorstep-server, found as the integration tests find it: its data folder, its admin
/// commands, and `serve` running as a child process.
class ServerProcess
{
public:
    explicit ServerProcess(const QString &folder)
        : m_data(folder)
    {
    }
    ~ServerProcess()
    {
        if (m_serving.state() != QProcess::NotRunning) {
            m_serving.terminate();
            if (!m_serving.waitForFinished(5000)) {
                m_serving.kill();
                m_serving.waitForFinished(5000);
            }
        }
    }
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    std::optional<QString> command(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(DOORSTEP_SERVER),
            QStringList { arguments.first(), QStringLiteral("--data"), m_data } + arguments.mid(1));
        if (!process.waitForFinished(120'000) || process.exitCode() != 0) {
            std::fprintf(stderr, "doorstep-server %s failed: %s\n",
                qPrintable(arguments.join(QLatin1Char(' '))),
                process.readAllStandardError().constData());
            return std::nullopt;
        }
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

    bool addUser(const QString &id)
    {
        return command(
            { QStringLiteral("user-add"), QStringLiteral("--id"), id, QStringLiteral("--name"),
                QStringLiteral("Bench %1").arg(id), QStringLiteral("--role"),
                QStringLiteral("practitioner"), QStringLiteral("--team"), QStringLiteral("north") })
            .has_value();
    }

    std::optional<QString> enrolmentCode(const QString &user)
    {
        auto said = command({ QStringLiteral("enrol-code"), QStringLiteral("--user"), user });
        if (!said)
            return std::nullopt;
        return said->section(QLatin1Char(' '), -1);
    }

    bool serve()
    {
        m_serving.start(QStringLiteral(DOORSTEP_SERVER),
            { QStringLiteral("serve"), QStringLiteral("--data"), m_data, QStringLiteral("--port"),
                QStringLiteral("0") });
        if (!m_serving.waitForStarted(10'000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (!m_serving.canReadLine() && timer.elapsed() < 30'000)
            m_serving.waitForReadyRead(200);
        const QString line = QString::fromUtf8(m_serving.readLine()).trimmed();
        const auto match = QRegularExpression(QStringLiteral("port (\\d+)$")).match(line);
        if (!match.hasMatch()) {
            std::fprintf(stderr, "doorstep-server serve said: %s / %s\n", qPrintable(line),
                m_serving.readAllStandardError().constData());
            return false;
        }
        m_port = quint16(match.captured(1).toUInt());
        return true;
    }

    quint16 port() const { return m_port; }
    QByteArray caPem() const
    {
        QFile file(m_data + QStringLiteral("/ca.pem"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    qint64 databaseBytes() const
    {
        qint64 bytes = 0;
        for (const char *suffix : { "", "-wal" })
            bytes
                += QFileInfo(m_data + QStringLiteral("/server.db") + QLatin1String(suffix)).size();
        return bytes;
    }

private:
    QString m_data;
    QProcess m_serving;
    quint16 m_port = 0;
};

const QByteArray &benchKey()
{
    static const QByteArray Key(Database::KeyBytes, '\x5a');
    return Key;
}

/// A tablet: its own encrypted store in a folder of its own, and the records it made.
struct Tablet {
    QString folder;
    std::unique_ptr<Store> store;
    QStringList familyIds;
    QStringList visitIds;
};

std::unique_ptr<Tablet> makeTablet(const QString &root, const QString &name, const QString &user)
{
    auto tablet = std::make_unique<Tablet>();
    tablet->folder = root + QLatin1Char('/') + name;
    auto created = Store::create(tablet->folder, benchKey(), user);
    if (!created) {
        std::fprintf(stderr, "could not create a store: %s\n", qPrintable(created.error().message));
        return nullptr;
    }
    tablet->store = std::move(*created);
    return tablet;
}

Change makeFamily(int index)
{
    return Change::create(QStringLiteral("family"),
        { { QStringLiteral("family_name"), QStringLiteral("Family %1").arg(index) },
            { QStringLiteral("address"), QStringLiteral("%1 Mill Lane, Northshire").arg(index) },
            { QStringLiteral("postcode"), QStringLiteral("NS%1 4AB").arg(index % 90 + 10) } });
}

/// A home visit with its notes: about 500 bytes of field values, deterministic.
Change makeVisit(const QString &familyId, int n, const QString &author)
{
    static const QString Worries[] = {
        QStringLiteral("School attendance has dropped to 82% this term."),
        QStringLiteral("Rent arrears and a letter from the housing officer."),
        QStringLiteral("Arguments at home late at night, the children hear them."),
        QStringLiteral("The youngest has missed two health visitor checks."),
    };
    static const QString Notes[] = {
        QStringLiteral("Visited at the agreed time. Mum had the attendance letter ready and we "
                       "went through it together; she says the mornings are the hardest part "
                       "because the baby is up in the night. We talked about a routine chart and "
                       "who could help on Mondays. The older two were at school. Next visit in "
                       "two weeks to look at how the chart is going."),
        QStringLiteral("Dad was home as well today. He has been to the job club twice and has an "
                       "interview on Thursday. The housing officer's letter is about the arrears "
                       "from the spring; we rang the debt advice line together and booked a call "
                       "back. The children showed me their rooms, which were tidy and warm. No "
                       "new worries about the youngest."),
    };
    const QDate day = QDate(2026, 1, 5).addDays(n % 300);
    return Change::create(QStringLiteral("visit"),
        { { QStringLiteral("family_id"), familyId },
            { QStringLiteral("visit_at"), QDateTime(day, QTime(9 + n % 8, 0), Qt::UTC) },
            { QStringLiteral("location"), QStringLiteral("Family home") },
            { QStringLiteral("present"), QStringLiteral("Mum, Dad and the baby") },
            { QStringLiteral("seen_alone"), n % 2 == 1 },
            { QStringLiteral("worries"), Worries[n % 4] },
            { QStringLiteral("notes"), Notes[n % 2] },
            { QStringLiteral("status"), QStringLiteral("draft") },
            { QStringLiteral("author_id"), author } });
}

/// Field values of a visit in bytes, as UTF-8 (what "a record of ~500 bytes" means here).
qint64 valueBytes(const Change &change)
{
    qint64 bytes = 0;
    for (const FieldValue &field : change.fields)
        bytes += field.value.toString().toUtf8().size();
    return bytes;
}

/// Writes families and then visits into the tablet's store through Store::apply, `batch`
/// records per transaction (all in one when batch is large enough); returns the seconds the
/// apply() calls took. The changes are built first, outside the clock.
std::optional<double> fill(
    Tablet &tablet, int firstFamily, int visits, int perFamily, int batch, const QString &author)
{
    const int familyCount = std::max(1, (visits + perFamily - 1) / perFamily);
    QList<Change> changes;
    QStringList familyIds;
    for (int f = 0; f < familyCount; ++f) {
        familyIds << QUuid::createUuid().toString(QUuid::WithoutBraces);
        Change family = makeFamily(firstFamily + f);
        family.recordId = familyIds.last();
        changes << family;
    }
    for (int n = 0; n < visits; ++n)
        changes << makeVisit(familyIds.at(n / perFamily), n, author);
    double seconds = 0;
    QStringList ids;
    for (qsizetype from = 0; from < changes.size(); from += batch) {
        const QList<Change> chunk = changes.mid(from, batch);
        QElapsedTimer timer;
        timer.start();
        auto applied = tablet.store->apply(chunk);
        seconds += double(timer.nsecsElapsed()) / 1e9;
        if (!applied) {
            std::fprintf(stderr, "apply failed: %s\n", qPrintable(applied.error().message));
            return std::nullopt;
        }
        ids << *applied;
    }
    tablet.familyIds << familyIds;
    tablet.visitIds << ids.mid(familyCount);
    return seconds;
}

/// One sync and what it cost.
struct SyncRun {
    SyncClient::Outcome outcome;
    double ms = 0;
    double pushEndMs = 0; ///< when the last push was acknowledged
    Wire wire;
};

/// Waits, serving the event loop, until done() or the timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

/// Lets the relay forward what is still on its way (a closing alert, FINs) before counting.
void settle()
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

/// A sync with a new client, so a new TLS connection (the app syncs every five minutes and
/// the server closes an idle connection after 30 s); or with `kept`, the app's one client.
SyncRun syncOnce(Tablet &tablet, const RelayThread &relay, SyncClient *kept = nullptr)
{
    SyncRun run;
    const Wire before = relay.counted();
    QElapsedTimer timer;
    timer.start();
    std::optional<SyncClient::Outcome> outcome;
    {
        std::optional<SyncClient> fresh;
        if (!kept)
            fresh.emplace(*tablet.store, QStringLiteral(DOORSTEP_VERSION));
        SyncClient &client = kept ? *kept : *fresh;
        int lastPushed = -1;
        const auto connection
            = QObject::connect(&client, &SyncClient::progress, [&](int pushed, int) {
                  if (pushed != lastPushed) {
                      lastPushed = pushed;
                      run.pushEndMs = double(timer.nsecsElapsed()) / 1e6;
                  }
              });
        client.sync([&](SyncClient::Outcome given) { outcome = std::move(given); });
        waitUntil([&] { return outcome.has_value(); }, 3'600'000);
        run.ms = double(timer.nsecsElapsed()) / 1e6;
        QObject::disconnect(connection);
    }
    settle();
    run.wire = relay.counted() - before;
    if (outcome)
        run.outcome = *outcome;
    else
        run.outcome.message = QStringLiteral("no answer within an hour");
    if (!run.outcome.ok)
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(run.outcome.message));
    return run;
}

/// A TLS connection to the server as the client makes it, with no request: what the
/// handshake (and the session tickets the server sends after it) costs on its own.
Wire handshakeAlone(const RelayThread &relay, const QByteArray &caPem)
{
    const Wire before = relay.counted();
    {
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(caPem, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        socket.setSslConfiguration(tls);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), relay.port());
        if (!socket.waitForEncrypted(10'000))
            std::fprintf(stderr, "handshake failed: %s\n", qPrintable(socket.errorString()));
        socket.waitForReadyRead(100); // the session tickets that follow the handshake
        socket.disconnectFromHost();
        if (socket.state() != QAbstractSocket::UnconnectedState)
            socket.waitForDisconnected(1000);
    }
    settle();
    return relay.counted() - before;
}

bool enrol(Tablet &tablet, const RelayThread &relay, const QByteArray &caPem, const QString &code,
    const QString &name)
{
    SyncClient client(*tablet.store, QStringLiteral(DOORSTEP_VERSION));
    std::optional<SyncClient::Outcome> outcome;
    client.enrol(relay.url(), caPem, code, name,
        [&](SyncClient::Outcome given) { outcome = std::move(given); });
    waitUntil([&] { return outcome.has_value(); }, 60'000);
    if (!outcome || !outcome->ok) {
        std::fprintf(
            stderr, "enrolment failed: %s\n", outcome ? qPrintable(outcome->message) : "no answer");
        return false;
    }
    return true;
}

QString bytes(qint64 n)
{
    if (n < 10 * 1024)
        return QStringLiteral("%L1 B").arg(n);
    if (n < 10 * 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(double(n) / 1024, 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(double(n) / 1024 / 1024, 0, 'f', 1);
}

QString ms(double value)
{
    return value >= 10'000 ? QStringLiteral("%1 s").arg(value / 1000, 0, 'f', 1)
                           : QStringLiteral("%1 ms").arg(value, 0, 'f', 1);
}

void printRow(const QString &measure, const QString &a, const QString &b = {},
    const QString &c = {}, const QString &d = {}, const QString &e = {})
{
    std::printf("| %-44s | %10s | %10s | %11s | %10s | %21s |\n", qPrintable(measure),
        qPrintable(a), qPrintable(b), qPrintable(c), qPrintable(d), qPrintable(e));
}

void printRun(const QString &measure, const SyncRun &run)
{
    printRow(measure, ms(run.ms), ms(run.outcome.localMs), bytes(run.wire.total()),
        QStringLiteral("%1 (%2+%3)")
            .arg(run.outcome.requests())
            .arg(run.outcome.pushRequests)
            .arg(run.outcome.pullRequests),
        QStringLiteral("%1 / %2").arg(bytes(run.wire.up), bytes(run.wire.down)));
}

/// The median run of several by time; its bytes and requests are those of that run (the
/// bytes barely vary).
SyncRun medianRun(std::vector<SyncRun> runs)
{
    std::sort(
        runs.begin(), runs.end(), [](const SyncRun &a, const SyncRun &b) { return a.ms < b.ms; });
    return runs.empty() ? SyncRun {} : runs[runs.size() / 2];
}

/// Measure 4: many tablets syncing at once against one server (of their own, so that what
/// they scan of the log is only theirs): ten users with ten tablets each. Every tablet has
/// synced once; then each records a visit and all sync at the same moment, a round at a time.
int crowd(const Settings &settings, const QString &folder, const QElapsedTimer &whole)
{
    constexpr int Users = 10;
    progress(QStringLiteral("crowd: server, %1 tablets").arg(settings.devices));
    ServerProcess server(folder + QStringLiteral("/server"));
    if (!server.command({ QStringLiteral("init") }))
        return 1;
    const auto userOf = [](int i) { return QStringLiteral("crowd-%1").arg(i % Users); };
    for (int u = 0; u < Users; ++u) {
        if (!server.addUser(userOf(u)))
            return 1;
    }
    QStringList codes;
    for (int i = 0; i < settings.devices; ++i) {
        auto code = server.enrolmentCode(userOf(i));
        if (!code)
            return 1;
        codes << *code;
    }
    if (!server.serve())
        return 1;
    RelayThread relay(server.port());
    const QByteArray ca = server.caPem();
    std::vector<std::unique_ptr<Tablet>> tablets;
    for (int i = 0; i < settings.devices; ++i) {
        auto tablet = makeTablet(folder, QStringLiteral("tablet-%1").arg(i), userOf(i));
        if (!tablet || !fill(*tablet, 500'000 + i, 5, 5, 100, userOf(i))
            || !enrol(*tablet, relay, ca, codes.at(i), QStringLiteral("tablet %1").arg(i)))
            return 1;
        tablets.push_back(std::move(tablet));
    }
    progress(QStringLiteral("crowd: first syncs, one at a time"));
    for (auto &tablet : tablets) {
        if (!syncOnce(*tablet, relay).outcome.ok)
            return 1;
    }

    struct Round {
        double wallMs = 0;
        qint64 ops = 0;
        int errors = 0;
        Wire wire;
        int requests = 0;
    };
    std::vector<Round> rounds;
    std::vector<double> times;
    QStringList problems;
    for (int r = 0; r < settings.rounds; ++r) {
        progress(QStringLiteral("crowd: round %1 of %2").arg(r + 1).arg(settings.rounds));
        for (auto &tablet : tablets) {
            if (!tablet->store
                     ->apply(makeVisit(tablet->familyIds.first(), 100 + r, tablet->store->userId()))
                     .ok())
                return 1;
        }
        Round round;
        const Wire before = relay.counted();
        std::vector<std::unique_ptr<SyncClient>> clients;
        int finished = 0;
        QElapsedTimer timer;
        timer.start();
        for (auto &tablet : tablets) {
            clients.push_back(
                std::make_unique<SyncClient>(*tablet->store, QStringLiteral(DOORSTEP_VERSION)));
            clients.back()->sync([&](SyncClient::Outcome outcome) {
                times.push_back(double(timer.nsecsElapsed()) / 1e6);
                ++finished;
                round.ops += outcome.pushed + outcome.pulled;
                round.requests += outcome.requests();
                if (!outcome.ok) {
                    ++round.errors;
                    problems << outcome.message;
                }
            });
        }
        waitUntil([&] { return finished == int(tablets.size()); }, 600'000);
        round.wallMs = double(timer.nsecsElapsed()) / 1e6;
        clients.clear();
        settle();
        round.wire = relay.counted() - before;
        rounds.push_back(round);
    }

    std::printf("\n%d tablets (%d users) syncing at once, %d rounds; each pushes one new visit "
                "and pulls its user's other tablets' visits:\n\n",
        settings.devices, Users, settings.rounds);
    std::printf("| round | wall time | syncs/s | ops/s | requests | wire bytes | errors |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (size_t r = 0; r < rounds.size(); ++r) {
        const Round &round = rounds[r];
        std::printf("| %zu | %s | %.1f | %.0f | %d | %s | %d |\n", r + 1,
            qPrintable(ms(round.wallMs)), settings.devices / (round.wallMs / 1000),
            double(round.ops) / (round.wallMs / 1000), round.requests,
            qPrintable(bytes(round.wire.total())), round.errors);
    }
    std::printf("\nSync time, all rounds (%zu syncs): p50 %s, p99 %s, max %s\n", times.size(),
        qPrintable(ms(percentile(times, 0.5))), qPrintable(ms(percentile(times, 0.99))),
        qPrintable(ms(percentile(times, 1.0))));
    problems.removeDuplicates();
    for (const QString &problem : std::as_const(problems))
        std::printf("error: %s\n", qPrintable(problem));
    std::printf("Whole run %.0f s; load average %s\n", double(whole.elapsed()) / 1000,
        qPrintable(loadAverage()));
    return 0;
}

Settings parse(const QStringList &arguments, bool &ok)
{
    Settings settings;
    ok = true;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        const QString value = arguments.value(i + 1);
        ++i;
        if (word == QLatin1String("--scale")) {
            const double scale = value.toDouble(&ok);
            settings.records = std::max(100, int(std::lround(10'000 * scale)));
            settings.big = std::max(settings.small, int(std::lround(100'000 * scale)));
        } else if (word == QLatin1String("--devices")) {
            settings.devices = value.toInt(&ok);
        } else if (word == QLatin1String("--reps")) {
            settings.reps = value.toInt(&ok);
        } else if (word == QLatin1String("--big")) {
            settings.big = value.toInt(&ok);
        } else {
            ok = false;
        }
        if (!ok)
            return settings;
    }
    return settings;
}

int run(const Settings &settings)
{
    QTemporaryDir root;
    if (!root.isValid())
        return 1;
    std::printf("bench_sync: %d visits initial, incremental stores of %d and %d visits, %d "
                "devices; load average %s\n",
        settings.records, settings.small, settings.big, settings.devices,
        qPrintable(loadAverage()));
    QElapsedTimer whole;
    whole.start();

    // --- The server, its users and every enrolment code, made before it holds much data.
    progress(QStringLiteral("server: init, users, enrolment codes"));
    ServerProcess server(root.filePath(QStringLiteral("server")));
    if (!server.command({ QStringLiteral("init") }))
        return 1;
    const QString initialUser = QStringLiteral("initial");
    const QString smallUser = QStringLiteral("small");
    const QString bigUser = QStringLiteral("big");
    for (const QString &user : { initialUser, smallUser, bigUser }) {
        if (!server.addUser(user))
            return 1;
    }
    QStringList codes;
    for (const QString &user :
        { initialUser, initialUser, smallUser, smallUser, bigUser, bigUser }) {
        auto code = server.enrolmentCode(user);
        if (!code)
            return 1;
        codes << *code;
    }
    if (!server.serve())
        return 1;
    RelayThread relay(server.port());
    const QByteArray ca = server.caPem();
    const QString tablets = root.filePath(QStringLiteral("tablets"));

    // --- 1. Baseline and initial sync.
    progress(QStringLiteral("baseline: bulk insert of %1 visits in one transaction")
                 .arg(settings.records));
    auto sender = makeTablet(tablets, QStringLiteral("sender"), initialUser);
    if (!sender)
        return 1;
    const auto baseline = fill(
        *sender, 0, settings.records, settings.visitsPerFamily, settings.records + 1, initialUser);
    if (!baseline)
        return 1;
    const int baselineRecords = int(sender->familyIds.size() + sender->visitIds.size());
    if (!enrol(*sender, relay, ca, codes.at(0), QStringLiteral("sender")))
        return 1;
    progress(QStringLiteral("initial push"));
    const SyncRun push = syncOnce(*sender, relay);
    auto receiver = makeTablet(tablets, QStringLiteral("receiver"), initialUser);
    if (!receiver || !enrol(*receiver, relay, ca, codes.at(1), QStringLiteral("receiver")))
        return 1;
    progress(QStringLiteral("initial pull"));
    const SyncRun pull = syncOnce(*receiver, relay);

    // --- 2. Nothing to do.
    progress(QStringLiteral("no-op syncs"));
    std::vector<SyncRun> noops;
    for (int i = 0; i < settings.reps; ++i)
        noops.push_back(syncOnce(*(i % 2 ? receiver : sender), relay));

    // --- 3. Incremental: a small and a big store, both synced, then changes.
    progress(QStringLiteral("big store: bulk insert of %1 visits").arg(settings.big));
    auto big = makeTablet(tablets, QStringLiteral("big"), bigUser);
    if (!big)
        return 1;
    QElapsedTimer setup;
    setup.start();
    const auto bigInsert
        = fill(*big, 100'000, settings.big, settings.visitsPerFamily, 5'000, bigUser);
    if (!bigInsert || !enrol(*big, relay, ca, codes.at(4), QStringLiteral("big")))
        return 1;
    progress(QStringLiteral("big store: initial sync"));
    const SyncRun bigFirst = syncOnce(*big, relay);
    const double bigSetupSeconds = double(setup.elapsed()) / 1000;

    progress(QStringLiteral("small store"));
    auto small = makeTablet(tablets, QStringLiteral("small"), smallUser);
    if (!small || !fill(*small, 200'000, settings.small, settings.visitsPerFamily, 5'000, smallUser)
        || !enrol(*small, relay, ca, codes.at(2), QStringLiteral("small")))
        return 1;
    const SyncRun smallFirst = syncOnce(*small, relay);

    // Writers: a second tablet of each user, whose changes the small and big store pull.
    auto smallWriter = makeTablet(tablets, QStringLiteral("small-writer"), smallUser);
    auto bigWriter = makeTablet(tablets, QStringLiteral("big-writer"), bigUser);
    if (!smallWriter || !bigWriter || !fill(*smallWriter, 300'000, 100, 100, 5'000, smallUser)
        || !fill(*bigWriter, 400'000, 100, 100, 5'000, bigUser)
        || !enrol(*smallWriter, relay, ca, codes.at(3), QStringLiteral("small-writer"))
        || !enrol(*bigWriter, relay, ca, codes.at(5), QStringLiteral("big-writer")))
        return 1;
    for (Tablet *tablet : { smallWriter.get(), bigWriter.get(), small.get(), big.get() }) {
        if (!syncOnce(*tablet, relay).outcome.ok)
            return 1;
    }

    struct Incremental {
        std::vector<SyncRun> local1, local100, remote1, remote100;
    };
    Incremental inc[2]; // small, big
    Tablet *stores[2] = { small.get(), big.get() };
    Tablet *writers[2] = { smallWriter.get(), bigWriter.get() };
    const auto edit = [](Tablet &tablet, int fields, int rep) {
        QList<Change> changes;
        for (int i = 0; i < fields; ++i)
            changes << Change::update(QStringLiteral("visit"), tablet.visitIds.at(i),
                { { QStringLiteral("worries"),
                    QStringLiteral("Rent arrears again; new letter %1 from the housing officer.")
                        .arg(rep) } });
        return tablet.store->apply(changes).ok();
    };
    progress(QStringLiteral("incremental syncs, %1 of each").arg(settings.reps));
    for (int rep = 0; rep < settings.reps; ++rep) {
        for (int which : { rep % 2, 1 - rep % 2 }) {
            Tablet &store = *stores[which];
            Tablet &writer = *writers[which];
            if (!edit(store, 1, rep))
                return 1;
            inc[which].local1.push_back(syncOnce(store, relay));
            if (!edit(store, 100, rep))
                return 1;
            inc[which].local100.push_back(syncOnce(store, relay));
            if (!edit(writer, 1, rep) || !syncOnce(writer, relay).outcome.ok)
                return 1;
            inc[which].remote1.push_back(syncOnce(store, relay));
            if (!edit(writer, 100, rep) || !syncOnce(writer, relay).outcome.ok)
                return 1;
            inc[which].remote100.push_back(syncOnce(store, relay));
        }
    }
    // The app's way: one client kept for the session, its connection closed between syncs
    // by the server's idle timeout (here the relay closes it), so whatever TLS session
    // resumption Qt does between connections of one client shows.
    std::vector<SyncRun> kept;
    {
        SyncClient client(*small->store, QStringLiteral(DOORSTEP_VERSION));
        for (int rep = 0; rep <= settings.reps; ++rep) {
            if (!edit(*small, 1, 100 + rep))
                return 1;
            relay.closeAll();
            settle();
            SyncRun run = syncOnce(*small, relay, &client);
            if (rep > 0) // the first makes the client's first connection
                kept.push_back(run);
        }
    }
    // The same client with its connection still open (a change synced within the server's
    // idle timeout of the last sync): the bytes a field costs once the handshake is paid.
    std::vector<SyncRun> warm;
    {
        SyncClient client(*small->store, QStringLiteral(DOORSTEP_VERSION));
        relay.closeAll();
        settle();
        for (int rep = 0; rep <= settings.reps; ++rep) {
            if (!edit(*small, 1, 200 + rep))
                return 1;
            SyncRun run = syncOnce(*small, relay, &client);
            if (rep > 0) // the first opens the connection
                warm.push_back(run);
        }
    }
    const double incrementalDoneAt = double(whole.elapsed()) / 1000;

    // --- Figures so far.
    std::printf("\nVisit field values: %lld bytes each (a family: %lld)\n",
        valueBytes(
            makeVisit(QStringLiteral("00000000-0000-0000-0000-000000000000"), 0, initialUser)),
        valueBytes(makeFamily(0)));
    std::printf("\n");
    printRow(QStringLiteral("measure"), QStringLiteral("time"), QStringLiteral("of it local"),
        QStringLiteral("wire bytes"), QStringLiteral("requests"), QStringLiteral("up / down"));
    std::printf("|%s|%s|%s|%s|%s|%s|\n", QByteArray(46, '-').constData(),
        QByteArray(12, '-').constData(), QByteArray(12, '-').constData(),
        QByteArray(13, '-').constData(), QByteArray(12, '-').constData(),
        QByteArray(23, '-').constData());
    printRow(QStringLiteral("baseline: bulk insert, %1 records, 1 tx").arg(baselineRecords),
        ms(*baseline * 1000));
    printRun(QStringLiteral("initial push (%1 ops)").arg(push.outcome.pushed), push);
    printRow(QStringLiteral("  of which pushing"), ms(push.pushEndMs));
    const Wire handshake = handshakeAlone(relay, ca);
    printRow(QStringLiteral("TLS handshake alone, then close"), QString(), QString(),
        bytes(handshake.total()), QStringLiteral("0"),
        QStringLiteral("%1 / %2").arg(bytes(handshake.up), bytes(handshake.down)));
    printRun(QStringLiteral("initial pull (%1 ops)").arg(pull.outcome.pulled), pull);
    const SyncRun noop = medianRun(noops);
    printRun(QStringLiteral("no-op sync (median of %1)").arg(noops.size()), noop);
    const char *names[2] = { "1k", "100k" };
    Q_UNUSED(names);
    const QString sizes[2]
        = { QStringLiteral("%L1").arg(settings.small), QStringLiteral("%L1").arg(settings.big) };
    for (int which : { 0, 1 }) {
        printRun(QStringLiteral("%1: push 1 changed field").arg(sizes[which]),
            medianRun(inc[which].local1));
        printRun(QStringLiteral("%1: push 100 changed fields").arg(sizes[which]),
            medianRun(inc[which].local100));
        printRun(QStringLiteral("%1: pull 1 changed field").arg(sizes[which]),
            medianRun(inc[which].remote1));
        printRun(QStringLiteral("%1: pull 100 changed fields").arg(sizes[which]),
            medianRun(inc[which].remote100));
    }
    printRun(QStringLiteral("%1: push 1 field, one client kept").arg(sizes[0]), medianRun(kept));
    printRun(
        QStringLiteral("%1: push 1 field, connection still open").arg(sizes[0]), medianRun(warm));
    std::printf("\nRatios: initial push / baseline %.2f, initial pull / baseline %.2f\n",
        push.ms / (*baseline * 1000), pull.ms / (*baseline * 1000));
    std::printf("Incremental %s / %s (time, median):", qPrintable(sizes[1]), qPrintable(sizes[0]));
    const auto ratio = [&](std::vector<SyncRun> Incremental::*which) {
        return medianRun(inc[1].*which).ms / medianRun(inc[0].*which).ms;
    };
    std::printf(" push 1 %.2f, push 100 %.2f, pull 1 %.2f, pull 100 %.2f\n",
        ratio(&Incremental::local1), ratio(&Incremental::local100), ratio(&Incremental::remote1),
        ratio(&Incremental::remote100));
    std::printf("Body bytes (CBOR) of the median runs: push 1 field %lld up / %lld down; pull 1 "
                "field %lld up / %lld down; no-op %lld up / %lld down\n",
        medianRun(inc[0].local1).outcome.bodyBytesSent,
        medianRun(inc[0].local1).outcome.bodyBytesReceived,
        medianRun(inc[0].remote1).outcome.bodyBytesSent,
        medianRun(inc[0].remote1).outcome.bodyBytesReceived, noop.outcome.bodyBytesSent,
        noop.outcome.bodyBytesReceived);
    std::printf("Setup: big store bulk insert %.1f s, its initial sync %.1f s (%d+%d requests, "
                "%s); small store's first sync %.1f s (%d+%d requests); server database %s\n",
        *bigInsert, bigFirst.ms / 1000, bigFirst.outcome.pushRequests,
        bigFirst.outcome.pullRequests, qPrintable(bytes(bigFirst.wire.total())),
        smallFirst.ms / 1000, smallFirst.outcome.pushRequests, smallFirst.outcome.pullRequests,
        qPrintable(bytes(server.databaseBytes())));
    Q_UNUSED(bigSetupSeconds);
    std::printf(
        "Elapsed so far %.0f s; load average %s\n", incrementalDoneAt, qPrintable(loadAverage()));
    std::fflush(stdout);

    return crowd(settings, root.filePath(QStringLiteral("crowd")), whole);
}

} // namespace

} // namespace doorstep

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bool ok = false;
    const doorstep::Settings settings = doorstep::parse(QCoreApplication::arguments(), ok);
    if (!ok) {
        std::fprintf(
            stderr, "usage: bench_sync [--scale F] [--big VISITS] [--devices N] [--reps N]\n");
        return 2;
    }
    return doorstep::run(settings);
}
