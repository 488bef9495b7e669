#include "ink/inkcanvas.h"

#include "ink/stroketessellator.h"

#include <QCoreApplication>
#include <QPointingDevice>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTabletEvent>
#include <QTest>
#include <catch2/catch.hpp>
#include <memory>

using doorstep::InkCanvas;
using doorstep::StrokeTessellator;

namespace
{

// A window with a 400 × 300 canvas filling it, and a stylus and a touch screen to use on it.
struct Surface {
    Surface()
        : stylus(QStringLiteral("test stylus"), 4242, QInputDevice::DeviceType::Stylus,
            QPointingDevice::PointerType::Pen,
            QInputDevice::Capability::Position | QInputDevice::Capability::Pressure, 1, 3)
        , touchScreen(sharedTouchScreen())
    {
        window.resize(400, 300);
        canvas = std::make_unique<InkCanvas>(window.contentItem());
        canvas->setSize(QSizeF(400, 300));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }

    void pen(QEvent::Type type, QPointF at, qreal pressure)
    {
        const Qt::MouseButtons buttons
            = type == QEvent::TabletRelease ? Qt::NoButton : Qt::LeftButton;
        QTabletEvent event(type, &stylus, at, window.mapToGlobal(at), pressure, 0, 0, 0, 0, 0,
            Qt::NoModifier, Qt::LeftButton, buttons);
        QCoreApplication::sendEvent(&window, &event);
    }

    // A straight stylus line at one pressure.
    void penLine(QPointF from, QPointF to, qreal pressure)
    {
        pen(QEvent::TabletPress, from, pressure);
        for (int i = 1; i <= 10; ++i)
            pen(QEvent::TabletMove, from + (to - from) * i / 10.0, pressure);
        pen(QEvent::TabletRelease, to, 0);
    }

    // One for the whole run: Qt keeps every registered device until the application ends,
    // so one made per test would be left behind by each.
    static QPointingDevice *sharedTouchScreen()
    {
        static QPointingDevice *const device = QTest::createTouchDevice();
        return device;
    }

    QQuickWindow window;
    std::unique_ptr<InkCanvas> canvas;
    QPointingDevice stylus;
    QPointingDevice *touchScreen;
};

} // namespace

TEST_CASE("A stylus's pressure sets the width of its line", "[ink]")
{
    Surface surface;
    surface.canvas->setPenWidth(0.05); // 20 pixels at full pressure
    QSignalSpy finished(surface.canvas.get(), &InkCanvas::strokeFinished);
    surface.penLine(QPointF(50, 100), QPointF(350, 100), 0.2);
    surface.penLine(QPointF(50, 200), QPointF(350, 200), 1.0);
    REQUIRE(surface.canvas->strokeCount() == 2);
    REQUIRE(finished.count() == 2);
    const qreal light = surface.canvas->strokeBounds(0).height();
    const qreal firm = surface.canvas->strokeBounds(1).height();
    CHECK(firm == Approx(20).margin(0.01));
    CHECK(light == Approx(20 * StrokeTessellator::pressureFactor(0.2)).margin(0.01));
    // Reported as a doorstep::Stroke keeps it: normalised, the pen's width a fraction.
    const QVariantList points = finished.at(0).at(1).toList();
    CHECK(points.constFirst().toPointF() == QPointF(50.0 / 400, 100.0 / 300));
    CHECK(points.constLast().toPointF() == QPointF(350.0 / 400, 100.0 / 300));
    CHECK(finished.at(0).at(3).toReal() == Approx(0.05));
}

TEST_CASE("A stylus's eraser end erases whatever the tool", "[ink]")
{
    Surface surface;
    surface.penLine(QPointF(50, 100), QPointF(350, 100), 1.0);
    QPointingDevice eraser(QStringLiteral("test eraser"), 4243, QInputDevice::DeviceType::Stylus,
        QPointingDevice::PointerType::Eraser,
        QInputDevice::Capability::Position | QInputDevice::Capability::Pressure, 1, 3);
    for (auto type : { QEvent::TabletPress, QEvent::TabletMove, QEvent::TabletRelease }) {
        const QPointF at(200, type == QEvent::TabletPress ? 50 : 150);
        QTabletEvent event(type, &eraser, at, surface.window.mapToGlobal(at), 0.5, 0, 0, 0, 0, 0,
            Qt::NoModifier, Qt::LeftButton,
            type == QEvent::TabletRelease ? Qt::NoButton : Qt::LeftButton);
        QCoreApplication::sendEvent(&surface.window, &event);
    }
    CHECK(surface.canvas->strokeCount() == 0);
    CHECK(surface.canvas->canUndo());
}

TEST_CASE("A finger draws when no stylus is in use", "[ink]")
{
    Surface surface;
    QTest::touchEvent(&surface.window, surface.touchScreen).press(0, QPoint(50, 50));
    QTest::touchEvent(&surface.window, surface.touchScreen).move(0, QPoint(150, 80));
    QTest::touchEvent(&surface.window, surface.touchScreen).release(0, QPoint(250, 50));
    CHECK(surface.canvas->strokeCount() == 1);
}

TEST_CASE("Touches while the stylus writes are a palm, and draw nothing", "[ink]")
{
    Surface surface;
    surface.pen(QEvent::TabletPress, QPointF(50, 100), 0.6);
    QTest::touchEvent(&surface.window, surface.touchScreen).press(0, QPoint(300, 250));
    surface.pen(QEvent::TabletMove, QPointF(150, 120), 0.6);
    QTest::touchEvent(&surface.window, surface.touchScreen).move(0, QPoint(320, 260));
    surface.pen(QEvent::TabletMove, QPointF(250, 100), 0.6);
    surface.pen(QEvent::TabletRelease, QPointF(250, 100), 0);
    QTest::touchEvent(&surface.window, surface.touchScreen).release(0, QPoint(340, 270));
    // Just after the pen lifts, the palm still rests.
    QTest::touchEvent(&surface.window, surface.touchScreen).press(1, QPoint(300, 250));
    QTest::touchEvent(&surface.window, surface.touchScreen).move(1, QPoint(320, 260));
    QTest::touchEvent(&surface.window, surface.touchScreen).release(1, QPoint(340, 270));
    CHECK(surface.canvas->strokeCount() == 1);
    CHECK(surface.canvas->strokeBounds(0).top() < 150);
}

TEST_CASE("A stroke the palm began is dropped when the stylus comes down", "[ink]")
{
    Surface surface;
    QSignalSpy finished(surface.canvas.get(), &InkCanvas::strokeFinished);
    QTest::touchEvent(&surface.window, surface.touchScreen).press(0, QPoint(300, 250));
    QTest::touchEvent(&surface.window, surface.touchScreen).move(0, QPoint(320, 260));
    surface.penLine(QPointF(50, 100), QPointF(250, 100), 0.6);
    QTest::touchEvent(&surface.window, surface.touchScreen).release(0, QPoint(340, 270));
    CHECK(surface.canvas->strokeCount() == 1);
    REQUIRE(finished.count() == 1);
    CHECK(surface.canvas->strokeBounds(0).bottom() < 150);
}

TEST_CASE("A stylus press on an item above the canvas is left to that item", "[ink]")
{
    Surface surface;
    QQuickItem button(surface.window.contentItem());
    button.setPosition(QPointF(0, 0));
    button.setSize(QSizeF(100, 100));
    button.setZ(1);
    surface.penLine(QPointF(50, 50), QPointF(90, 90), 1.0);
    CHECK(surface.canvas->strokeCount() == 0);
    surface.penLine(QPointF(150, 150), QPointF(200, 200), 1.0);
    CHECK(surface.canvas->strokeCount() == 1);
}

TEST_CASE("Strokes set are shown at the pen's width and replace what was drawn", "[ink]")
{
    Surface surface;
    surface.canvas->setPenWidth(0.025); // 10 pixels
    surface.penLine(QPointF(50, 100), QPointF(350, 100), 1.0);
    REQUIRE(surface.canvas->canUndo());
    QSignalSpy changed(surface.canvas.get(), &InkCanvas::strokesChanged);
    surface.canvas->setStrokes({ QVariantList { QPointF(0.1, 0.5), QPointF(0.9, 0.5) },
        QVariantList { QPointF(0.5, 0.1), QPointF(0.5, 0.9) } });
    CHECK(changed.count() == 1);
    CHECK(surface.canvas->strokeCount() == 2);
    CHECK(!surface.canvas->canUndo());
    CHECK(surface.canvas->strokeBounds(0).height() == Approx(10).margin(0.01));
    CHECK(surface.canvas->strokeBounds(0).left() == Approx(40 - 5).margin(0.01));
    CHECK(surface.canvas->strokeBounds(1).width() == Approx(10).margin(0.01));
    // They have no width of their own: they follow the pen's.
    surface.canvas->setPenWidth(0.05);
    CHECK(surface.canvas->strokeBounds(0).height() == Approx(20).margin(0.01));
}

TEST_CASE("Strokes are set from points, Qt.point or { x, y }, kept within the item", "[ink]")
{
    Surface surface;
    surface.canvas->setStrokes(
        { QVariantList { QPoint(0, 1),
              QVariantMap { { QStringLiteral("x"), 0.5 }, { QStringLiteral("y"), 2.0 } } },
            QVariantList {}, QVariantList { QStringLiteral("not a point") } });
    const QList<QList<QPointF>> shown = surface.canvas->strokePoints();
    REQUIRE(shown.size() == 1);
    CHECK(shown.at(0) == QList<QPointF> { QPointF(0, 1), QPointF(0.5, 1) });
}

TEST_CASE("The strokes read back leave out erased and undone ones, in drawing order", "[ink]")
{
    Surface surface;
    surface.penLine(QPointF(40, 60), QPointF(360, 60), 1.0);
    surface.penLine(QPointF(40, 150), QPointF(360, 150), 1.0);
    surface.penLine(QPointF(40, 240), QPointF(360, 240), 1.0);
    surface.canvas->undo();
    surface.penLine(QPointF(40, 270), QPointF(200, 270), 1.0);
    surface.canvas->setTool(InkCanvas::Tool::Eraser);
    surface.penLine(QPointF(200, 120), QPointF(200, 180), 1.0);

    const QVariantList strokes = surface.canvas->strokes();
    REQUIRE(strokes.size() == 2);
    const QVariantList first = strokes.at(0).toList();
    const QVariantList last = strokes.at(1).toList();
    CHECK(first.constFirst().toPointF() == QPointF(0.1, 0.2));
    CHECK(first.constLast().toPointF() == QPointF(0.9, 0.2));
    CHECK(last.constFirst().toPointF() == QPointF(0.1, 0.9));
    CHECK(last.constLast().toPointF() == QPointF(0.5, 0.9));
}

TEST_CASE("Setting the strokes read back changes nothing and keeps the history", "[ink]")
{
    Surface surface;
    surface.penLine(QPointF(50, 100), QPointF(350, 100), 1.0);
    QSignalSpy changed(surface.canvas.get(), &InkCanvas::strokesChanged);
    surface.canvas->setStrokes(surface.canvas->strokes());
    CHECK(changed.isEmpty());
    CHECK(surface.canvas->canUndo());
    CHECK(surface.canvas->strokeCount() == 1);
}

TEST_CASE("A read-only canvas ignores mouse, touch and stylus", "[ink]")
{
    Surface surface;
    surface.canvas->setStrokes({ QVariant(QVariantList { QPointF(0.1, 0.5), QPointF(0.9, 0.5) }) });
    surface.canvas->setReadOnly(true);
    QSignalSpy changed(surface.canvas.get(), &InkCanvas::strokesChanged);

    surface.penLine(QPointF(50, 200), QPointF(350, 200), 1.0);
    QTest::mousePress(&surface.window, Qt::LeftButton, {}, QPoint(50, 250));
    QTest::mouseMove(&surface.window, QPoint(200, 260));
    QTest::mouseRelease(&surface.window, Qt::LeftButton, {}, QPoint(350, 250));
    QTest::touchEvent(&surface.window, surface.touchScreen).press(0, QPoint(50, 50));
    QTest::touchEvent(&surface.window, surface.touchScreen).move(0, QPoint(150, 80));
    QTest::touchEvent(&surface.window, surface.touchScreen).release(0, QPoint(250, 50));

    CHECK(changed.isEmpty());
    CHECK(surface.canvas->strokeCount() == 1);
    CHECK(!surface.canvas->canUndo());

    // Writable again, a finger draws at once: the ignored stylus is not taken to be resting.
    surface.canvas->setReadOnly(false);
    QTest::qWait(InkCanvas::PalmRejectionMs);
    QTest::touchEvent(&surface.window, surface.touchScreen).press(0, QPoint(50, 50));
    QTest::touchEvent(&surface.window, surface.touchScreen).move(0, QPoint(150, 80));
    QTest::touchEvent(&surface.window, surface.touchScreen).release(0, QPoint(250, 50));
    CHECK(surface.canvas->strokeCount() == 2);
}

TEST_CASE("Made read-only mid-stroke, the stroke is dropped", "[ink]")
{
    Surface surface;
    surface.pen(QEvent::TabletPress, QPointF(50, 100), 0.6);
    surface.pen(QEvent::TabletMove, QPointF(150, 120), 0.6);
    REQUIRE(surface.canvas->isDrawing());
    surface.canvas->setReadOnly(true);
    CHECK(!surface.canvas->isDrawing());
    surface.pen(QEvent::TabletRelease, QPointF(250, 100), 0);
    CHECK(surface.canvas->strokeCount() == 0);
}
