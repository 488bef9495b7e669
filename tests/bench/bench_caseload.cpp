// The caseload page with 1,000 and 10,000 demo families: time per frame while the list
// scrolls, and time per keystroke while a name is typed into the search field, each beside
// a baseline measured in the same process (an empty-delegate list of the same length on the
// same model, a bare text field, the repository query alone). Each caseload size runs in a
// process of its own (this program run again with --child). Prints figures and asserts
// nothing. See README.md for how to run it and the recorded results.

#include "domain/workingcalendar.h"
#include "models/caseloadmodel.h"
#include "models/session.h"
#include "quickbench.h"
#include "store/caseloadrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(DoorstepPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_InkPlugin)

namespace doorstep
{

namespace
{

using QuickBench::Clock;
using QuickBench::milliseconds;

struct Settings {
    int rounds = 3;
    int framesPerRound = 150;
    QList<int> stepsPx { 16, 160 };
    QStringList names { QStringLiteral("whitlock"), QStringLiteral("ashdown"),
        QStringLiteral("marlow"), QStringLiteral("starling") };
    QString screenshots;
};

void fail(const QString &message)
{
    std::fprintf(stderr, "bench_caseload: %s\n", qPrintable(message));
    std::exit(1);
}

Clock::time_point frameOrFail(QQuickWindow *window)
{
    const auto frame = QuickBench::nextFrame(window);
    if (!frame)
        fail(QStringLiteral("no frame was swapped within 10 s"));
    return *frame;
}

void printStats(const char *label, const std::vector<double> &values)
{
    std::printf("  %-50s median %7.2f ms   p95 %7.2f ms   (n %zu)\n", label,
        QuickBench::median(values), QuickBench::percentile(values, 0.95), values.size());
}

void printRatio(
    const char *label, const std::vector<double> &measured, const std::vector<double> &baseline)
{
    std::printf("  %-50s median %7.2f x    p95 %7.2f x\n", label,
        QuickBench::median(measured) / QuickBench::median(baseline),
        QuickBench::percentile(measured, 0.95) / QuickBench::percentile(baseline, 0.95));
}

/// Frame times while list scrolls stepPx a frame: contentY is set, then the time to the
/// frame that shows it. The list turns back at either end.
std::vector<double> scroll(QQuickWindow *window, QQuickItem *list, int stepPx, int frames)
{
    std::vector<double> times;
    const double top = list->property("originY").toDouble();
    list->setProperty("contentY", top);
    frameOrFail(window);
    double y = top;
    int direction = 1;
    for (int i = 0; i < frames; ++i) {
        // ListView's contentHeight is an estimate that changes as delegates are made.
        const double bottom = top + list->property("contentHeight").toDouble() - list->height();
        if (y + direction * stepPx > bottom || y + direction * stepPx < top)
            direction = -direction;
        y += direction * stepPx;
        const auto start = Clock::now();
        list->setProperty("contentY", y);
        times.push_back(milliseconds(frameOrFail(window) - start));
    }
    return times;
}

void focus(QQuickWindow *window, QQuickItem *item)
{
    window->requestActivate();
    if (!QTest::qWaitForWindowActive(window))
        fail(QStringLiteral("the window did not become active"));
    item->forceActiveFocus();
    if (!item->hasActiveFocus())
        fail(QStringLiteral("%1 did not take the keyboard focus").arg(item->objectName()));
}

/// Key to the next frame swapped, which shows the letter in the field.
double echo(QQuickWindow *window, Qt::Key key, const QString &text)
{
    const auto start = Clock::now();
    if (key == Qt::Key_Backspace)
        QTest::keyClick(window, key);
    else
        QTest::keyClick(window, text.at(0).toLatin1());
    return milliseconds(frameOrFail(window) - start);
}

struct Keystrokes {
    std::vector<double> echo;
    std::vector<double> filter;
    std::vector<double> model;
    std::vector<double> typedTotal;
    std::vector<double> deletedTotal;
    std::vector<double> wholeCaseloadBack;
    QStringList terms; // each search term reached, for the query-only baseline
};

/// One keystroke into Doorstep's search field: its echo, then the filtered list. The model
/// waits CaseloadModel::searchDelayMs after a key before it searches, so that typing is not
/// held up; here applySearch(), what that timer calls, is called straight after the echo frame,
/// and the time is taken from it to the next frame swapped.
void keystroke(QQuickWindow *window, CaseloadModel *model, Qt::Key key, const QString &text,
    Keystrokes &out, bool typed)
{
    const double echoMs = echo(window, key, text);
    if (echoMs >= CaseloadModel::searchDelayMs)
        std::fprintf(stderr, "bench_caseload: the echo took longer than the search pause\n");
    const auto start = Clock::now();
    model->applySearch();
    const auto reloaded = Clock::now();
    const double filterMs = milliseconds(frameOrFail(window) - start);
    out.echo.push_back(echoMs);
    out.filter.push_back(filterMs);
    out.model.push_back(milliseconds(reloaded - start));
    (typed ? out.typedTotal : out.deletedTotal).push_back(echoMs + filterMs);
    if (model->search().isEmpty())
        out.wholeCaseloadBack.push_back(echoMs + filterMs);
    out.terms << model->search();
}

/// A bare window beside Doorstep's: a text field, and a list on a CaseloadModel of its own
/// placed and sized as the caseload list is.
struct Baseline {
    QQuickWindow *window = nullptr;
    QQuickItem *list = nullptr;
    QQuickItem *field = nullptr;
};

Baseline makeBaseline(
    QQmlApplicationEngine &engine, QQuickItem *like, int rowHeight, const QByteArray &delegate)
{
    const QByteArray qml
        = QStringLiteral(R"(
import QtQuick
import QtQuick.Controls
import Doorstep.Models
Window {
    width: %1; height: %2; visible: true; color: "#f4f5f7"
    TextField { objectName: "baselineField"; width: parent.width; height: 48 }
    ListView {
        objectName: "baselineList"
        y: %3; width: %4; height: %5
        clip: true
        reuseItems: true
        model: CaseloadModel { session: Session }
        delegate: %6
    }
}
)")
              .arg(like->window()->width())
              .arg(like->window()->height())
              .arg(like->mapToScene({ 0, 0 }).y())
              .arg(like->width())
              .arg(like->height())
              .arg(QString::fromUtf8(delegate).replace(QStringLiteral("Rectangle {"),
                  QStringLiteral("Rectangle { width: ListView.view.width;"
                                 " height: %1;")
                      .arg(rowHeight)))
              .toUtf8();
    engine.loadData(qml);
    Baseline baseline;
    baseline.window = qobject_cast<QQuickWindow *>(engine.rootObjects().constLast());
    if (!baseline.window || baseline.window == like->window())
        fail(QStringLiteral("a baseline window did not load"));
    frameOrFail(baseline.window);
    baseline.list
        = QuickBench::findItem(baseline.window->contentItem(), QStringLiteral("baselineList"));
    baseline.field
        = QuickBench::findItem(baseline.window->contentItem(), QStringLiteral("baselineField"));
    if (!baseline.list || !baseline.field)
        fail(QStringLiteral("a baseline window has no list or field"));
    return baseline;
}

int runChild(const QString &folder, int families, const Settings &settings)
{
    QuickBench::prepareEnvironment();
    int argc = 1;
    char program[] = "bench_caseload";
    char *argv[] = { program, nullptr };
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    Session session(folder);
    session.setClock(&QuickBench::demoNow);
    Session::setInstance(&session);

    // As the app starts: Main.qml locked, then unlocked, then the offer of a PIN for the
    // day declined, so the list is what the practitioner has in front of them.
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Doorstep/Main.qml")));
    if (engine.rootObjects().isEmpty())
        fail(QStringLiteral("Main.qml did not load"));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    frameOrFail(window);
    const auto unlockStart = Clock::now();
    if (auto unlocked = QuickBench::unlock(session); !unlocked)
        fail(unlocked.error().message);
    const auto firstFrame = frameOrFail(window);
    QObject *pinOffer = window->findChild<QObject *>(QStringLiteral("pinSetupDialog"));
    if (!pinOffer)
        fail(QStringLiteral("no PIN offer after the unlock"));
    QMetaObject::invokeMethod(pinOffer, "close");
    frameOrFail(window);
    while (pinOffer->property("visible").toBool())
        frameOrFail(window);

    QQuickItem *list = QuickBench::findItem(window->contentItem(), QStringLiteral("familyList"));
    QQuickItem *field = QuickBench::findItem(window->contentItem(), QStringLiteral("searchField"));
    auto *model = list ? qobject_cast<CaseloadModel *>(list->property("model").value<QObject *>())
                       : nullptr;
    if (!list || !field || !model)
        fail(QStringLiteral("the caseload page has no familyList, searchField or model"));
    if (model->count() != families)
        fail(QStringLiteral("the caseload shows %1 families, not %2")
                 .arg(model->count())
                 .arg(families));

    // The baselines: bare windows with a text field and a list of the same size on the same
    // model, whose delegates are as tall as Doorstep's are on average: plain rectangles, and
    // rectangles with the family's name.
    const int rowHeight = qRound(list->property("contentHeight").toDouble() / families);
    const Baseline empty = makeBaseline(
        engine, list, rowHeight, QByteArrayLiteral("Rectangle { color: \"white\" }"));
    const Baseline named = makeBaseline(engine, list, rowHeight,
        QByteArrayLiteral("Rectangle { required property string familyName; color: \"white\";"
                          " Text { x: 24; y: 16; font.pixelSize: 22; text: parent.familyName } }"));
    const auto shot = [&](const QString &name) {
        if (!settings.screenshots.isEmpty())
            window->grabWindow().save(
                QDir(settings.screenshots)
                    .filePath(QStringLiteral("caseload-%1-%2.png").arg(families).arg(name)));
    };
    shot(QStringLiteral("loaded"));

    std::printf("\n== %d families ==\n", families);
    std::printf("%s; load average %s\n", qPrintable(QuickBench::describeGraphics(window)),
        qPrintable(QuickBench::loadAverage()));
    std::printf("unlock -> first frame with the caseload: %.1f ms\n",
        milliseconds(firstFrame - unlockStart));
    std::printf("list %.0f x %.0f px, delegates %d px tall on average\n", list->width(),
        list->height(), rowHeight);

    // Scrolling: Doorstep's list and the baseline take turns, a round each.
    std::printf("\nScrolling: time from setting contentY to the frame that shows it\n");
    for (const int step : settings.stepsPx) {
        std::vector<double> doorstep;
        std::vector<double> bare;
        std::vector<double> oneLabel;
        for (int round = 0; round < settings.rounds; ++round) {
            const auto a = scroll(window, list, step, settings.framesPerRound);
            const auto b = scroll(empty.window, empty.list, step, settings.framesPerRound);
            const auto c = scroll(named.window, named.list, step, settings.framesPerRound);
            doorstep.insert(doorstep.end(), a.begin(), a.end());
            bare.insert(bare.end(), b.begin(), b.end());
            oneLabel.insert(oneLabel.end(), c.begin(), c.end());
        }
        shot(QStringLiteral("scrolled-%1px").arg(step));
        std::printf("%d px per frame\n", step);
        printStats("caseload list", doorstep);
        printStats("empty-delegate list, same model and size", bare);
        printStats("one-label list (family name), same model and size", oneLabel);
        printRatio("ratio caseload / empty-delegate list", doorstep, bare);
        printRatio("ratio caseload / one-label list", doorstep, oneLabel);
    }
    list->setProperty("contentY", list->property("originY"));
    frameOrFail(window);

    // Typing: every name letter by letter, then deleted letter by letter, in turns with the
    // bare field.
    Keystrokes keys;
    std::vector<double> bareEcho;
    for (int round = 0; round < settings.rounds; ++round) {
        for (const QString &name : settings.names) {
            focus(window, field);
            for (int i = 0; i < name.size(); ++i)
                keystroke(window, model, Qt::Key_unknown, name.mid(i, 1), keys, true);
            if (round == 0)
                shot(QStringLiteral("search-%1").arg(name));
            for (int i = 0; i < name.size(); ++i)
                keystroke(window, model, Qt::Key_Backspace, {}, keys, false);
            focus(empty.window, empty.field);
            for (int i = 0; i < name.size(); ++i)
                bareEcho.push_back(echo(empty.window, Qt::Key_unknown, name.mid(i, 1)));
            for (int i = 0; i < name.size(); ++i)
                bareEcho.push_back(echo(empty.window, Qt::Key_Backspace, {}));
        }
    }
    if (model->count() != families)
        fail(QStringLiteral("the search did not clear"));

    // Reading the whole caseload again, as when a record is saved: the store read, and the
    // frame after (rows unchanged, so no row changes).
    std::vector<double> rereads;
    for (int i = 0; i < 5 * settings.rounds; ++i) {
        const auto start = Clock::now();
        model->reload();
        rereads.push_back(milliseconds(frameOrFail(window) - start));
    }

    // The repository query alone for the same search terms.
    auto calendar = WorkingCalendar::englandAndWales();
    if (!calendar)
        fail(calendar.error().message);
    const CaseloadRepository repository(*session.store(), Timescales(*calendar));
    std::vector<double> query;
    for (const QString &term : std::as_const(keys.terms)) {
        const auto start = Clock::now();
        auto entries = repository.forPractitioner(session.store()->userId(), term);
        query.push_back(milliseconds(Clock::now() - start));
        if (!entries)
            fail(entries.error().message);
    }

    std::printf("\nSearch: typing %s letter by letter and deleting them again, %d rounds\n",
        qPrintable(settings.names.join(QStringLiteral(", "))), settings.rounds);
    printStats("key -> frame with the letter (echo)", keys.echo);
    printStats("applySearch() -> frame with the filtered list", keys.filter);
    printStats("  of it, CaseloadModel::applySearch()", keys.model);
    printStats("the query alone, same terms (CaseloadRepository)", query);
    printStats("per keystroke, echo + filtered frame, typing", keys.typedTotal);
    printStats("per keystroke, echo + filtered frame, deleting", keys.deletedTotal);
    printStats("  last delete: the whole caseload back", keys.wholeCaseloadBack);
    printStats("bare text field: key -> frame", bareEcho);
    printRatio("ratio echo / bare text field", keys.echo, bareEcho);
    printStats("reload(), whole caseload read again -> frame", rereads);
    printRatio("ratio filtered frame / query alone", keys.filter, query);
    std::printf("(plus the %d ms pause the model waits after a key before it searches)\n",
        CaseloadModel::searchDelayMs);
    std::printf("peak RSS %.1f MiB\n", double(QuickBench::peakRssKiB()) / 1024.0);
    std::fflush(stdout);
    Session::setInstance(nullptr);
    return 0;
}

} // namespace

} // namespace doorstep

int main(int argc, char *argv[])
{
    using namespace doorstep;
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const auto value = [&args](const char *option) {
        const int at = args.indexOf(QString::fromLatin1(option));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : QString();
    };
    Settings settings;
    if (args.contains(QStringLiteral("--child"))) {
        settings.rounds = value("--rounds").toInt();
        settings.framesPerRound = value("--frames").toInt();
        settings.screenshots = value("--screenshots");
        return runChild(value("--store"), value("--child").toInt(), settings);
    }

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times scrolling and searching Doorstep's caseload list."));
    parser.addHelpOption();
    const QCommandLineOption familiesOption(QStringLiteral("families"),
        QStringLiteral("Caseload sizes, comma-separated (default 1000,10000)."),
        QStringLiteral("list"), QStringLiteral("1000,10000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
        QStringLiteral("Rounds of scrolling and typing (default 3)."), QStringLiteral("n"),
        QStringLiteral("3"));
    const QCommandLineOption framesOption(QStringLiteral("frames"),
        QStringLiteral("Frames scrolled per round and speed (default 150)."), QStringLiteral("n"),
        QStringLiteral("150"));
    const QCommandLineOption storesOption(QStringLiteral("stores"),
        QStringLiteral("Keep the demo stores in this folder and reuse them on the next run "
                       "(they are made in a temporary folder and deleted otherwise)."),
        QStringLiteral("folder"));
    const QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
        QStringLiteral("Save what the caseload window shows at each stage into this folder."),
        QStringLiteral("folder"));
    parser.addOptions(
        { familiesOption, roundsOption, framesOption, storesOption, screenshotsOption });
    parser.process(app);

    QTemporaryDir temporary;
    const QString stores
        = parser.isSet(storesOption) ? parser.value(storesOption) : temporary.path();
    if (stores.isEmpty() || !QDir().mkpath(stores)) {
        std::fprintf(stderr, "bench_caseload: no folder for the stores\n");
        return 1;
    }
    std::printf("bench_caseload: load average before %s\n", qPrintable(QuickBench::loadAverage()));
    const QStringList sizes = parser.value(familiesOption).split(QLatin1Char(','));
    for (const QString &size : sizes) {
        const int families = size.trimmed().toInt();
        if (families <= 0)
            continue;
        const QString folder = QDir(stores).filePath(QStringLiteral("families-%1").arg(families));
        if (!QDir(folder).exists()) {
            const auto start = Clock::now();
            if (auto made = QuickBench::makeDemoStore(folder, families); !made) {
                std::fprintf(stderr, "bench_caseload: %s\n", qPrintable(made.error().message));
                return 1;
            }
            std::printf("store of %d families made in %.1f s\n", families,
                milliseconds(Clock::now() - start) / 1000);
        }
        std::fflush(stdout);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(),
            { QStringLiteral("--child"), QString::number(families), QStringLiteral("--store"),
                folder, QStringLiteral("--rounds"), parser.value(roundsOption),
                QStringLiteral("--frames"), parser.value(framesOption),
                QStringLiteral("--screenshots"), parser.value(screenshotsOption) });
        if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit
            || child.exitCode() != 0) {
            std::fprintf(stderr, "bench_caseload: the run with %d families failed\n", families);
            return 1;
        }
    }
    std::printf("\nload average after %s\n", qPrintable(QuickBench::loadAverage()));
    return 0;
}
