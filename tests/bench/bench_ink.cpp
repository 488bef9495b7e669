// bench_ink: what drawing costs as a drawing grows (issue 6: "frame cost while adding stroke
// N for N = 10, 100, 1,000, 5,000; goal flat, at most 1.5x from 10 to 5,000"). A real
// InkCanvas fills a 1280 x 800 window; strokes are drawn with synthesized mouse input, each
// 24 points of a child's scribble, and after each measured stroke the time to the frame
// that shows it is taken, from the stroke's release to frameSwapped. Also: the time the
// canvas spends taking a stroke's input (press, moves, release), and memory per 1,000
// strokes. Prints figures; asserts nothing.
#include "ink/inkcanvas.h"
#include "quickbench.h"

#include <QGuiApplication>
#include <QMouseEvent>
#include <QQuickWindow>
#include <cmath>
#include <cstdio>
#include <random>

using namespace doorstep;
namespace QB = doorstep::QuickBench;

namespace
{

constexpr int PointsPerStroke = 24;
constexpr int MeasuredPerStep = 30;

/// One scribble of PointsPerStroke points somewhere in the window, sent as mouse events
/// straight to the window (no frames between them); the time the canvas took to take them.
double drawStroke(QQuickWindow &window, std::mt19937 &random)
{
    std::uniform_real_distribution<double> across(60, 1220);
    std::uniform_real_distribution<double> down(60, 740);
    std::uniform_real_distribution<double> turn(-0.6, 0.6);
    QPointF at(across(random), down(random));
    double heading = turn(random) * 5;
    const auto send = [&](QEvent::Type type, QPointF point, Qt::MouseButtons buttons) {
        QMouseEvent event(
            type, point, window.mapToGlobal(point), Qt::LeftButton, buttons, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &event);
    };
    const auto started = QB::Clock::now();
    send(QEvent::MouseButtonPress, at, Qt::LeftButton);
    for (int i = 1; i < PointsPerStroke - 1; ++i) {
        heading += turn(random);
        at += QPointF(std::cos(heading), std::sin(heading)) * 6.0;
        at.setX(std::clamp(at.x(), 1.0, 1279.0));
        at.setY(std::clamp(at.y(), 1.0, 799.0));
        send(QEvent::MouseMove, at, Qt::LeftButton);
    }
    send(QEvent::MouseButtonRelease, at, Qt::NoButton);
    return QB::milliseconds(QB::Clock::now() - started);
}

} // namespace

int main(int argc, char *argv[])
{
    QB::prepareEnvironment();
    QGuiApplication app(argc, argv);
    QQuickWindow window;
    window.resize(1280, 800);
    InkCanvas canvas(window.contentItem());
    canvas.setSize(QSizeF(1280, 800));
    canvas.setPenWidth(0.006);
    canvas.setPenColor(QColor(QStringLiteral("#1d3557")));
    window.show();
    if (!QB::nextFrame(&window)) {
        std::fprintf(stderr, "bench_ink: no first frame\n");
        return 1;
    }
    std::printf("bench_ink: %s; load average %s\n\n", qPrintable(QB::describeGraphics(&window)),
        qPrintable(QB::loadAverage()));
    std::printf("| strokes already drawn | frame after a new stroke, median | p90 | input of "
                "a stroke, median | frame after an undo, median | peak memory |\n"
                "|---|---|---|---|---|---|\n");

    std::mt19937 random(1);
    const qint64 baseRss = QB::peakRssKiB();
    double firstMedian = 0;
    double lastMedian = 0;
    for (const int target : { 10, 100, 1000, 5000 }) {
        while (canvas.strokeCount() < target)
            drawStroke(window, random);
        QB::nextFrame(&window); // what was drawn so far is on screen
        std::vector<double> frames;
        std::vector<double> inputs;
        for (int i = 0; i < MeasuredPerStep; ++i) {
            inputs.push_back(drawStroke(window, random));
            const auto released = QB::Clock::now();
            const auto frame = QB::nextFrame(&window);
            if (!frame) {
                std::fprintf(stderr, "bench_ink: no frame\n");
                return 1;
            }
            frames.push_back(QB::milliseconds(*frame - released));
        }
        // An undo paints the whole layer again: what it costs grows with the drawing.
        std::vector<double> undos;
        for (int i = 0; i < 5; ++i) {
            canvas.undo();
            const auto undone = QB::Clock::now();
            const auto frame = QB::nextFrame(&window);
            if (!frame) {
                std::fprintf(stderr, "bench_ink: no frame\n");
                return 1;
            }
            undos.push_back(QB::milliseconds(*frame - undone));
            canvas.redo();
            QB::nextFrame(&window);
        }
        const double frameMedian = QB::median(frames);
        if (target == 10)
            firstMedian = frameMedian;
        lastMedian = frameMedian;
        std::printf("| %d | %.2f ms | %.2f ms | %.3f ms | %.1f ms | %lld KiB |\n", target,
            frameMedian, QB::percentile(frames, 0.9), QB::median(inputs), QB::median(undos),
            QB::peakRssKiB());
    }
    const qint64 strokes = canvas.strokeCount();
    std::printf("\nFrame after a new stroke, %d strokes / 10 strokes: %.2fx (goal: at most 1.5x)\n",
        5000, lastMedian / firstMedian);
    std::printf("Memory: %lld KiB more after %lld strokes, %.0f KiB per 1,000 strokes (peak RSS, "
                "geometry and points included)\n",
        QB::peakRssKiB() - baseRss, strokes, double(QB::peakRssKiB() - baseRss) * 1000.0 / strokes);
    return 0;
}
