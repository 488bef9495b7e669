// housedrawer FOLDER PERSON_ID: opens the store in FOLDER (passphrase "test-passphrase") as
// the app does, shows the child's house of worries on a real InkCanvas wired to a
// ThreeHousesController, and draws strokes with synthesized mouse input, one after another.
// After each stroke is stored it prints "stored <n>" and flushes. After STROKES strokes
// (environment, default 12) it starts one more stroke, moves the pen, prints "drawing" and
// waits, pen down, to be killed: whoever kills it knows which strokes were stored.

#include "ink/inkcanvas.h"
#include "models/session.h"
#include "models/threehousescontroller.h"

#include <QGuiApplication>
#include <QMouseEvent>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTimer>
#include <cstdio>

using namespace doorstep;

namespace
{

void send(QQuickWindow &window, QEvent::Type type, QPointF at, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, at, window.mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &event);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fputs("usage: housedrawer FOLDER PERSON_ID\n", stderr);
        return 2;
    }
    Session session(arguments.at(1));
    QSignalSpy unlocked(&session, &Session::unlockedChanged);
    session.unlock(QStringLiteral("test-passphrase"));
    if (!unlocked.wait(30000) || !session.isUnlocked()) {
        std::fprintf(stderr, "housedrawer: unlock: %s\n", qPrintable(session.errorString()));
        return 1;
    }
    ThreeHousesController houses;
    houses.setSession(&session);
    houses.setByChild(true);
    houses.setPersonId(arguments.at(2));
    if (!houses.isFound()) {
        std::fprintf(stderr, "housedrawer: no houses: %s\n", qPrintable(houses.errorString()));
        return 1;
    }

    QQuickWindow window;
    window.resize(800, 800);
    InkCanvas canvas(window.contentItem());
    canvas.setSize(QSizeF(800, 800));
    canvas.setStrokes(houses.drawingStrokes(0));
    int stored = 0;
    QObject::connect(&canvas, &InkCanvas::strokeFinished,
        [&](int id, const QVariantList &points, const QColor &colour, qreal width,
            const QVariantList &pressures) {
            if (!houses.addStroke(0, id, points, colour, width, pressures)) {
                std::fprintf(
                    stderr, "housedrawer: not stored: %s\n", qPrintable(houses.errorString()));
                std::exit(1);
            }
            std::printf("stored %d\n", ++stored);
            std::fflush(stdout);
        });
    window.show();

    const int strokes = qEnvironmentVariableIntValue("STROKES") > 0
        ? qEnvironmentVariableIntValue("STROKES")
        : 12;
    for (int i = 0; i < strokes; ++i) {
        const qreal y = 40 + (i % 36) * 20;
        send(window, QEvent::MouseButtonPress, QPointF(100, y), Qt::LeftButton);
        for (int x = 120; x <= 700; x += 20)
            send(window, QEvent::MouseMove, QPointF(x, y + (x % 40) / 4.0), Qt::LeftButton);
        send(window, QEvent::MouseButtonRelease, QPointF(700, y), Qt::NoButton);
    }
    // One more, pen down: the stroke in progress when the app is killed.
    send(window, QEvent::MouseButtonPress, QPointF(100, 780), Qt::LeftButton);
    for (int x = 120; x <= 400; x += 20)
        send(window, QEvent::MouseMove, QPointF(x, 780), Qt::LeftButton);
    std::printf("drawing\n");
    std::fflush(stdout);
    QTimer::singleShot(60000, &app, [] { std::exit(3); }); // never left running
    return QGuiApplication::exec();
}
