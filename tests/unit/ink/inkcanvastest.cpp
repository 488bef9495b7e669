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
