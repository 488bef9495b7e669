// Start-up to an interactive caseload of 1,000 demo families, against the start-up of an
// empty Qt Quick window measured in the same run. Every start is a fresh process (this
// program run again with --child), so each pays what a real launch pays: loading Qt's
// libraries and plugins, the first QML engine, the first frame. Prints figures and asserts
// nothing. See README.md for how to run it and the recorded results.

#include "models/autolock.h"
#include "models/session.h"
#include "quickbench.h"
#include "security/securebytes.h"
#include "security/vault.h"
#include "store/store.h"
#include "store/storepaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMap>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(DoorstepPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_InkPlugin)

namespace doorstep
{

namespace
{

using QuickBench::Clock;

// What a child prints: "name value" lines, times as steady-clock nanoseconds (CLOCK_MONOTONIC,
// the same clock in every process, so the parent can subtract its own launch time).
void report(const char *name, Clock::time_point at)
{
    std::printf("%s %lld\n", name, static_cast<long long>(at.time_since_epoch().count()));
}

void report(const char *name, const QString &value)
{
    std::printf("%s %s\n", name, qPrintable(value));
}

bool caseloadShown(QQuickWindow *window, int families)
{
    QQuickItem *list = QuickBench::findItem(window->contentItem(), QStringLiteral("familyList"));
    if (!list || list->property("count").toInt() != families)
        return false;
    QQuickItem *first = nullptr;
    QMetaObject::invokeMethod(
        list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, first), Q_ARG(int, 0));
    return first && first->isVisible() && first->height() > 0;
}

/// Waits for the first frame swapped after ready() holds. ready() is asked on the GUI
/// thread after each frame's polish (afterAnimating), so what it sees is what that frame shows.
std::optional<Clock::time_point> frameWhen(
    QQuickWindow *window, const std::function<bool()> &ready, int timeoutMs = 60'000)
{
    QEventLoop loop;
    std::atomic_bool armed = false;
    std::optional<Clock::time_point> swapped;
    // No frames are forced meanwhile: they would take the processor from the work being
    // timed. Whatever makes ready() true changes the scene, and so brings a frame.
    QObject::connect(window, &QQuickWindow::afterAnimating, &loop, [&] {
        if (!armed && ready())
            armed = true;
    });
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &loop,
        [&] {
            if (armed && !swapped) {
                swapped = Clock::now();
                QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
            }
        },
        Qt::DirectConnection);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    window->update();
    loop.exec();
    return swapped;
}

QQuickWindow *rootWindow(QQmlApplicationEngine &engine)
{
    if (engine.rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
}

// The empty window: what any Qt Quick app pays to show its first frame.
int runBaseline(int argc, char *argv[])
{
    report("main", Clock::now());
    QuickBench::prepareEnvironment();
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.loadData(QByteArrayLiteral("import QtQuick\n"
                                      "Window { width: 1280; height: 800; visible: true;"
                                      " color: \"#f4f5f7\" }\n"));
    QQuickWindow *window = rootWindow(engine);
    if (!window)
        return 2;
    report("loaded", Clock::now());
    const auto frame = frameWhen(window, [] { return true; });
    if (!frame)
        return 3;
    report("frame", *frame);
    report("graphics", QuickBench::describeGraphics(window));
    report("rss", QString::number(QuickBench::peakRssKiB()));
    return 0;
}

// Doorstep as main.cpp starts it and a practitioner meets it: the unlock page first, then,
// with the passphrase given the moment the page shows, the caseload. (The store cannot be
// opened before Main.qml loads instead: Qt 6.4's Loader refuses to create the bound
// workspace component while the window itself is still being created.)
int runDoorstep(int argc, char *argv[], const QString &folder, int families)
{
    report("main", Clock::now());
    QuickBench::prepareEnvironment();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Doorstep"));
    QGuiApplication::setOrganizationName(QStringLiteral("Doorstep"));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    Session session(folder);
    session.setClock(&QuickBench::demoNow);
    Session::setInstance(&session);
    // The session stops being busy just before it says it is unlocked: the time the store
    // is open. (unlockedChanged itself reaches QML's bindings before any C++ connection.)
    QObject::connect(&session, &Session::busyChanged, &session, [&session] {
        if (!session.isBusy())
            report("unlocked", Clock::now());
    });
    AutoLock autoLock(&session);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Doorstep/Main.qml")));
    QQuickWindow *window = rootWindow(engine);
    if (!window)
        return 3;
    report("loaded", Clock::now());
    const auto unlockPage = frameWhen(window, [window] {
        return QuickBench::findItem(window->contentItem(), QStringLiteral("unlockPage"));
    });
    if (!unlockPage)
        return 4;
    report("unlockpage", *unlockPage);
    report("unlockstart", Clock::now());
    session.unlock(QuickBench::passphrase());
    const auto frame = frameWhen(window, [&] { return caseloadShown(window, families); });
    if (!frame)
        return 5;
    report("frame", *frame);
    report("graphics", QuickBench::describeGraphics(window));
    report("rss", QString::number(QuickBench::peakRssKiB()));
    session.lock();
    Session::setInstance(nullptr);
    return 0;
}

/// One child's figures, in milliseconds from the parent's launch of it.
using Run = QMap<QString, double>;

std::optional<Run> runChild(
    const QString &mode, const QString &folder, int families, QString *graphics, QString *failure)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    const QStringList arguments { QStringLiteral("--child"), mode, QStringLiteral("--store"),
        folder, QStringLiteral("--families"), QString::number(families) };
    const auto launched = Clock::now();
    child.start(QCoreApplication::applicationFilePath(), arguments);
    if (!child.waitForFinished(120'000) || child.exitStatus() != QProcess::NormalExit
        || child.exitCode() != 0) {
        *failure = QStringLiteral("%1 child failed (exit %2): %3")
                       .arg(mode)
                       .arg(child.exitCode())
                       .arg(QString::fromLocal8Bit(child.readAllStandardError()));
        return std::nullopt;
    }
    Run run;
    const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const int space = line.indexOf(' ');
        if (space < 0)
            continue;
        const QString name = QString::fromLatin1(line.left(space));
        const QByteArray value = line.mid(space + 1);
        if (name == QLatin1String("graphics")) {
            *graphics = QString::fromUtf8(value);
        } else if (name == QLatin1String("rss")) {
            run.insert(name, value.toDouble() / 1024.0);
        } else {
            const Clock::time_point at { Clock::duration(value.toLongLong()) };
            run.insert(name, QuickBench::milliseconds(at - launched));
        }
    }
    if (!run.contains(QStringLiteral("frame"))) {
        *failure = QStringLiteral("%1 child printed no frame time").arg(mode);
        return std::nullopt;
    }
    return run;
}

std::vector<double> column(const std::vector<Run> &runs, const QString &name)
{
    std::vector<double> values;
    for (const Run &run : runs)
        values.push_back(run.value(name));
    return values;
}

std::vector<double> difference(const std::vector<Run> &runs, const QString &to, const QString &from)
{
    std::vector<double> values;
    for (const Run &run : runs)
        values.push_back(run.value(to) - run.value(from));
    return values;
}

void printRow(const char *label, const std::vector<double> &values, const char *unit = "ms")
{
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    std::printf("  %-54s %8.1f %s  (min %.1f, max %.1f)\n", label, QuickBench::median(values), unit,
        *low, *high);
}

int runParent(int runs, int families)
{
    std::printf("bench_startup: %d demo families, %d launches of each kind after one warm-up\n",
        families, runs);
    std::printf("load average before: %s\n", qPrintable(QuickBench::loadAverage()));

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_startup: no temporary folder\n");
        return 1;
    }
    const QString folder = dir.filePath(QStringLiteral("store"));
    const auto made = Clock::now();
    if (auto store = QuickBench::makeDemoStore(folder, families); !store) {
        std::fprintf(stderr, "bench_startup: %s\n", qPrintable(store.error().message));
        return 1;
    }
    std::printf("store made in %.1f s\n", QuickBench::milliseconds(Clock::now() - made) / 1000);

    // What the minimum key derivation costs, though it is inside the Doorstep figures.
    std::vector<double> derivation;
    auto secret = SecureBytes::fromString(QuickBench::passphrase());
    // And what opening the database costs once the key is there: as the app opens it,
    // with the integrity check left to a worker thread, and the check itself.
    std::vector<double> opening;
    std::vector<double> checking;
    for (int i = 0; secret && i < 5; ++i) {
        Vault vault(StorePaths { folder }.keySlot());
        const auto start = Clock::now();
        auto key = vault.unlock(*secret);
        derivation.push_back(QuickBench::milliseconds(Clock::now() - start));
        if (!key) {
            std::fprintf(stderr, "bench_startup: %s\n", qPrintable(key.error().message));
            return 1;
        }
        Store::Options options;
        options.integrity = Store::Options::Integrity::Deferred;
        const auto openStart = Clock::now();
        auto store = Store::open(folder,
            QByteArrayView(reinterpret_cast<const char *>(key->constData()), key->size()), options);
        opening.push_back(QuickBench::milliseconds(Clock::now() - openStart));
        if (!store) {
            std::fprintf(stderr, "bench_startup: %s\n", qPrintable(store.error().message));
            return 1;
        }
        const auto checkStart = Clock::now();
        auto check = (*store)->takeIntegrityCheck()->run();
        checking.push_back(QuickBench::milliseconds(Clock::now() - checkStart));
        if (!check) {
            std::fprintf(stderr, "bench_startup: %s\n", qPrintable(check.error().message));
            return 1;
        }
    }

    const QStringList modes { QStringLiteral("baseline"), QStringLiteral("doorstep") };
    QMap<QString, std::vector<Run>> results;
    QString graphics;
    for (int round = 0; round <= runs; ++round) {
        // Each kind goes first in turn, so a slow spell on the machine hits both alike.
        for (int i = 0; i < modes.size(); ++i) {
            const QString &mode = modes.at((round + i) % modes.size());
            QString failure;
            auto run = runChild(mode, folder, families, &graphics, &failure);
            if (!run) {
                std::fprintf(stderr, "bench_startup: %s\n", qPrintable(failure));
                return 1;
            }
            if (round > 0)
                results[mode].push_back(*run);
        }
    }

    const auto &baseline = results[QStringLiteral("baseline")];
    const auto &doorstep = results[QStringLiteral("doorstep")];
    const QString frame = QStringLiteral("frame");
    const QString main = QStringLiteral("main");
    const QString loaded = QStringLiteral("loaded");
    const QString unlockPage = QStringLiteral("unlockpage");
    const QString unlockStart = QStringLiteral("unlockstart");
    const QString unlocked = QStringLiteral("unlocked");
    std::printf("%s\n", qPrintable(graphics));
    std::printf("times from launching the process; median of %d\n\n", runs);
    std::printf("Empty Qt Quick window (Window {} from QQmlApplicationEngine)\n");
    printRow("launch -> first frame", column(baseline, frame));
    printRow("  launch -> main()", column(baseline, main));
    printRow("  main() -> QML loaded", difference(baseline, loaded, main));
    printRow("  QML loaded -> first frame", difference(baseline, frame, loaded));
    printRow("peak RSS", column(baseline, QStringLiteral("rss")), "MiB");
    std::printf("\nDoorstep, passphrase given as soon as the unlock page shows\n");
    printRow("launch -> first frame with the caseload", column(doorstep, frame));
    printRow("  launch -> main()", column(doorstep, main));
    printRow("  main() -> Main.qml loaded", difference(doorstep, loaded, main));
    printRow(
        "  Main.qml loaded -> unlock page's first frame", difference(doorstep, unlockPage, loaded));
    printRow("  unlock: key slot, key derivation, Store::open",
        difference(doorstep, unlocked, unlockStart));
    printRow("  unlocked -> first frame with the caseload", difference(doorstep, frame, unlocked));
    printRow("launch -> unlock page's first frame", column(doorstep, unlockPage));
    printRow("peak RSS", column(doorstep, QStringLiteral("rss")), "MiB");
    const double derivationMs = QuickBench::median(derivation);
    std::printf("\nthe unlock's parts, timed alone in this process (median of %zu):\n"
                "  Vault::unlock, KdfParams::minimum(): %.2f ms; Store::open: %.2f ms;\n"
                "  its integrity check, which the app runs on a worker thread %d ms after\n"
                "  the unlock: %.2f ms; database %.1f MiB\n",
        derivation.size(), derivationMs, QuickBench::median(opening),
        Session::IntegrityCheckDelayMs, QuickBench::median(checking),
        double(QFileInfo(StorePaths { folder }.database()).size()) / (1 << 20));

    const double emptyWindow = QuickBench::median(column(baseline, frame));
    const double caseload = QuickBench::median(column(doorstep, frame));
    std::printf("\nratio Doorstep caseload / empty window: %.2f (goal <= 2); "
                "without the key slot's unlock: %.2f\n",
        caseload / emptyWindow, (caseload - derivationMs) / emptyWindow);
    std::printf("ratio Doorstep unlock page / empty window: %.2f\n",
        QuickBench::median(column(doorstep, unlockPage)) / emptyWindow);
    std::printf("load average after: %s\n", qPrintable(QuickBench::loadAverage()));
    return 0;
}

} // namespace

} // namespace doorstep

int main(int argc, char *argv[])
{
    using namespace doorstep;
    // The child reads its own arguments before Qt exists, so nothing runs ahead of the
    // start time it reports.
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const auto value = [&args](const char *option) {
        const int at = args.indexOf(QString::fromLatin1(option));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : QString();
    };
    if (args.contains(QStringLiteral("--child"))) {
        const QString mode = value("--child");
        const int families = value("--families").toInt();
        if (mode == QLatin1String("baseline"))
            return runBaseline(argc, argv);
        if (mode == QLatin1String("doorstep"))
            return runDoorstep(argc, argv, value("--store"), families);
        return 2;
    }

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times Doorstep's start-up to the caseload against an empty Qt Quick window."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Launches of each kind (default 15)."), QStringLiteral("n"),
        QStringLiteral("15"));
    const QCommandLineOption familiesOption(QStringLiteral("families"),
        QStringLiteral("Demo families in the store (default 1000)."), QStringLiteral("n"),
        QStringLiteral("1000"));
    parser.addOptions({ runsOption, familiesOption });
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int families = std::max(1, parser.value(familiesOption).toInt());
    return runParent(runs, families);
}
