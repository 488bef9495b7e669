pragma ComponentBehavior: Bound

import QtQuick
import QtTest
import Doorstep.Ink
import DoorstepTest

// The ink canvas driven as a hand would, with synthesized mouse and touch: strokes are
// reported normalised and in order, undo and redo take drawing and erasing back, the eraser
// takes whole strokes, and the ink is on the screen. With DOORSTEP_SCREENSHOT_DIR set, a
// drawing of several colours and widths is saved as ink-strokes.png.
TestCase {
    id: root

    name: "Ink"
    width: 800
    height: 500
    visible: true
    when: windowShown

    readonly property color navy: "#1a237e"

    Component {
        id: frameComponent

        Rectangle {
            width: 800
            height: 500
            color: "white"

            InkCanvas {
                objectName: "inkCanvas"
                anchors.fill: parent
                penColor: root.navy
                penWidth: 0.02
            }
        }
    }

    Component {
        id: spyComponent

        SignalSpy {
        }
    }

    function makeCanvas() {
        const frame = createTemporaryObject(frameComponent, root);
        verify(frame);
        const canvas = findChild(frame, "inkCanvas");
        verify(canvas);
        return canvas;
    }

    function spyOn(target, signalName) {
        const spy = createTemporaryObject(spyComponent, root, {
                "target": target,
                "signalName": signalName
            });
        verify(spy && spy.valid, signalName);
        return spy;
    }

    // Drags the mouse through points ([x, y] pairs in the canvas), filling in short steps.
    function drag(canvas, points) {
        mousePress(canvas, points[0][0], points[0][1]);
        for (let i = 1; i < points.length; ++i) {
            const from = points[i - 1];
            const to = points[i];
            for (let s = 1; s <= 8; ++s)
                mouseMove(canvas, from[0] + (to[0] - from[0]) * s / 8, from[1] + (to[1] - from[1]) * s / 8, -1, Qt.LeftButton);
        }
        const last = points[points.length - 1];
        mouseRelease(canvas, last[0], last[1]);
    }

    function line(canvas, x1, y1, x2, y2) {
        drag(canvas, [[x1, y1], [x2, y2]]);
    }

    function isInk(image, x, y, color) {
        return Qt.colorEqual(image.pixel(x, y), color);
    }

    function test_mouseDrawsAStroke() {
        const canvas = makeCanvas();
        const finished = spyOn(canvas, "strokeFinished");
        drag(canvas, [[40, 250], [200, 200], [400, 300], [600, 200], [760, 250]]);
        compare(canvas.strokeCount, 1);
        compare(finished.count, 1);
        const args = finished.signalArguments[0];
        compare(args[0], 0, "the first stroke's id");
        const points = args[1];
        verify(points.length >= 5, "points kept: " + points.length);
        fuzzyCompare(points[0].x, 40 / 800, 1e-6);
        fuzzyCompare(points[0].y, 250 / 500, 1e-6);
        fuzzyCompare(points[points.length - 1].x, 760 / 800, 1e-6);
        fuzzyCompare(points[points.length - 1].y, 250 / 500, 1e-6);
        for (let i = 1; i < points.length; ++i) {
            verify(points[i].x > points[i - 1].x, "in drawing order at " + i);
            verify(points[i].y >= 0 && points[i].y <= 1, "normalised at " + i);
        }
        verify(Qt.colorEqual(args[2], root.navy));
        fuzzyCompare(args[3], 0.02, 1e-9);
        verify(canvas.canUndo);
        verify(!canvas.canRedo);
        verify(!canvas.drawing);
    }

    function test_oneFingerDraws() {
        const canvas = makeCanvas();
        const finished = spyOn(canvas, "strokeFinished");
        const touch = touchEvent(canvas);
        touch.press(0, canvas, 100, 100).commit();
        touch.move(0, canvas, 200, 150).commit();
        touch.move(0, canvas, 300, 100).commit();
        touch.release(0, canvas, 300, 100).commit();
        compare(canvas.strokeCount, 1);
        const points = finished.signalArguments[0][1];
        fuzzyCompare(points[0].x, 100 / 800, 1e-6);
        fuzzyCompare(points[0].y, 100 / 500, 1e-6);
        fuzzyCompare(points[points.length - 1].x, 300 / 800, 1e-6);

        // A second finger turns the touch into a pinch: the first finger's line is not drawn.
        touch.press(0, canvas, 300, 300).commit();
        touch.move(0, canvas, 310, 300).commit();
        touch.press(1, canvas, 500, 300).commit();
        touch.move(0, canvas, 250, 300).move(1, canvas, 550, 300).commit();
        touch.release(0, canvas, 250, 300).release(1, canvas, 550, 300).commit();
        compare(canvas.strokeCount, 1);
        compare(finished.count, 1);
    }

    // Touch moves are held back until the next frame (Qt Quick compresses them): after a
    // committed move, a test lets a frame pass before it looks.
    function settle(canvas) {
        canvas.update();
        waitForRendering(canvas, 1000);
    }

    function test_twoFingersPinchAndPan() {
        const canvas = makeCanvas();
        const touch = touchEvent(canvas);
        // Fingers 200 px apart move to 400 px apart about the same middle: twice the zoom,
        // the surface point under the middle stays under it.
        touch.press(0, canvas, 300, 250).press(1, canvas, 500, 250).commit();
        touch.move(0, canvas, 250, 250).move(1, canvas, 550, 250).commit();
        settle(canvas);
        touch.move(0, canvas, 200, 250).move(1, canvas, 600, 250).commit();
        settle(canvas);
        fuzzyCompare(canvas.zoom, 2, 1e-6);
        const middle = canvas.surfacePoint(Qt.point(400, 250));
        fuzzyCompare(middle.x, 0.5, 1e-6);
        fuzzyCompare(middle.y, 0.5, 1e-6);
        // Both fingers moving together pan.
        touch.move(0, canvas, 100, 250).move(1, canvas, 500, 250).commit();
        settle(canvas);
        fuzzyCompare(canvas.zoom, 2, 1e-6);
        fuzzyCompare(canvas.surfacePoint(Qt.point(300, 250)).x, 0.5, 1e-6);
        touch.release(0, canvas, 100, 250).release(1, canvas, 500, 250).commit();
        compare(canvas.strokeCount, 0, "pinching draws nothing");

        // Drawn while zoomed, a stroke lands where the surface is shown: the middle of the
        // item is the surface's (0.5 + 100 / 800 / 2, 0.5).
        const finished = spyOn(canvas, "strokeFinished");
        line(canvas, 400, 250, 480, 250);
        const points = finished.signalArguments[0][1];
        fuzzyCompare(points[0].x, canvas.surfacePoint(Qt.point(400, 250)).x, 1e-6);
        fuzzyCompare(points[points.length - 1].x - points[0].x, 80 / 800 / 2, 1e-6);

        // Zoom stays between the whole surface and MaximumZoom, and never shows past an edge.
        touch.press(0, canvas, 100, 250).press(1, canvas, 700, 250).commit();
        touch.move(0, canvas, 390, 250).move(1, canvas, 410, 250).commit();
        settle(canvas);
        fuzzyCompare(canvas.zoom, 1, 1e-6);
        compare(canvas.pan, Qt.point(0, 0));
        touch.release(0, canvas, 390, 250).release(1, canvas, 410, 250).commit();
        canvas.zoom = 10;
        fuzzyCompare(canvas.zoom, 4, 1e-6);
        canvas.resetView();
        fuzzyCompare(canvas.zoom, 1, 1e-6);
    }

    function test_zoomedInkIsSharpAndInPlace() {
        const canvas = makeCanvas();
        canvas.penColor = "#d32f2f";
        canvas.penWidth = 0.01; // 8 pixels, 16 at twice the zoom
        line(canvas, 100, 250, 700, 250);
        canvas.zoom = 2; // about the centre: (400, 250) stays put
        waitForRendering(canvas);
        const image = grabImage(canvas);
        verify(isInk(image, 400, 250, "#d32f2f"), "the line through the middle");
        verify(isInk(image, 400, 244, "#d32f2f"), "twice as wide");
        verify(!isInk(image, 400, 262, "#d32f2f"), "but no wider");
        verify(Qt.colorEqual(image.pixel(400, 100), "white"), "paper elsewhere");
    }

    function test_partialEraserLeavesTheRest() {
        const canvas = makeCanvas();
        const finished = spyOn(canvas, "strokeFinished");
        const erased = spyOn(canvas, "strokeErased");
        canvas.penColor = "#d32f2f";
        line(canvas, 100, 250, 700, 250);
        canvas.tool = InkCanvas.PartialEraser;
        // Rubbed out across the middle: two pieces are left, left and right of the rub.
        line(canvas, 400, 150, 400, 350);
        compare(erased.count, 1);
        compare(erased.signalArguments[0][0], 0, "the whole stroke went");
        compare(finished.count, 3, "and two pieces came");
        compare(canvas.strokeCount, 2);
        const left = finished.signalArguments[1][1];
        const right = finished.signalArguments[2][1];
        verify(left[left.length - 1].x < 0.5 - 8 / 800, "the left piece ends before the rub");
        verify(right[0].x > 0.5 + 8 / 800, "the right piece starts after it");
        fuzzyCompare(left[0].x, 100 / 800, 1e-6);
        fuzzyCompare(right[right.length - 1].x, 700 / 800, 1e-6);
        verify(Qt.colorEqual(finished.signalArguments[1][2], "#d32f2f"), "in the stroke's colour");
        waitForRendering(canvas);
        let image = grabImage(canvas);
        verify(Qt.colorEqual(image.pixel(400, 250), "white"), "rubbed out");
        verify(isInk(image, 200, 250, "#d32f2f"), "the rest is still there");
        verify(isInk(image, 600, 250, "#d32f2f"), "on both sides");

        // Undo brings the whole stroke back in one step; redo rubs it out again.
        canvas.undo();
        compare(canvas.strokeCount, 1);
        waitForRendering(canvas);
        image = grabImage(canvas);
        verify(isInk(image, 400, 250, "#d32f2f"), "whole again");
        canvas.redo();
        compare(canvas.strokeCount, 2);

        // Rubbing out a whole short piece leaves nothing of it.
        line(canvas, 150, 150, 150, 350);
        compare(canvas.strokeCount, 3, "the left piece is cut again");
        canvas.tool = InkCanvas.Pen;
    }

    // Past CheckpointEvery strokes, undo paints from a copy of the layer rather than from the
    // first stroke: what it shows must be exactly what is left.
    function test_undoAndEraseInALongDrawing() {
        const canvas = makeCanvas();
        canvas.penColor = "#d32f2f";
        canvas.penWidth = 0.006;
        const count = 75;
        const yOf = i => 12 + i * 6;
        for (let i = 0; i < count; ++i)
            drag(canvas, [[40 + (i % 5) * 150, yOf(i)], [140 + (i % 5) * 150, yOf(i)]]);
        compare(canvas.strokeCount, count);
        const inkAt = (image, i) => isInk(image, 90 + (i % 5) * 150, yOf(i), "#d32f2f");
        waitForRendering(canvas);
        canvas.undo(); // from the copy made at stroke 64
        waitForRendering(canvas);
        let image = grabImage(canvas);
        for (let i = 0; i < count; ++i)
            compare(inkAt(image, i), i < count - 1, "stroke " + i + " after one undo");
        canvas.redo();
        for (let undo = 0; undo < 45; ++undo)
            canvas.undo();
        waitForRendering(canvas);
        image = grabImage(canvas);
        for (let i = 0; i < count; ++i)
            compare(inkAt(image, i), i < count - 45, "stroke " + i + " after 45 undos");
        for (let redo = 0; redo < 44; ++redo)
            canvas.redo();
        waitForRendering(canvas);
        image = grabImage(canvas);
        for (let i = 0; i < count; ++i)
            compare(inkAt(image, i), i < count - 1, "stroke " + i + " after 44 redos");
        // An old stroke rubbed out, and brought back.
        canvas.tool = InkCanvas.Eraser;
        mouseClick(canvas, 90, yOf(0));
        canvas.tool = InkCanvas.Pen;
        waitForRendering(canvas);
        image = grabImage(canvas);
        verify(!inkAt(image, 0), "the first stroke erased");
        verify(inkAt(image, 1) && inkAt(image, 70), "the others kept");
        canvas.undo();
        waitForRendering(canvas);
        verify(inkAt(grabImage(canvas), 0), "the first stroke back");
    }

    function test_storedStrokesKeepTheirColourAndWidth() {
        const canvas = makeCanvas();
        canvas.strokes = [{
                "points": [Qt.point(0.1, 0.5), Qt.point(0.9, 0.5)],
                "pressures": [1, 1],
                "color": "#2e7d32",
                "width": 0.03
            }, [Qt.point(0.1, 0.2), Qt.point(0.9, 0.2)]];
        compare(canvas.strokeCount, 2);
        verify(!canvas.canUndo, "setting strokes is not a step to undo");
        fuzzyCompare(canvas.strokeBounds(0).height, 24, 0.01);
        fuzzyCompare(canvas.strokeBounds(1).height, 16, 0.01);
        canvas.penWidth = 0.01;
        fuzzyCompare(canvas.strokeBounds(0).height, 24, 0.01, "a stored stroke keeps its width");
        fuzzyCompare(canvas.strokeBounds(1).height, 8, 0.01, "a list of points follows the pen");
        waitForRendering(canvas);
        const image = grabImage(canvas);
        verify(isInk(image, 400, 250, "#2e7d32"), "in its own colour");
        verify(isInk(image, 400, 100, root.navy), "in the pen's colour");
    }

    function test_undoAndRedo() {
        const canvas = makeCanvas();
        const erased = spyOn(canvas, "strokeErased");
        const restored = spyOn(canvas, "strokeRestored");
        line(canvas, 100, 100, 700, 100);
        line(canvas, 100, 300, 700, 300);
        compare(canvas.strokeCount, 2);
        canvas.undo();
        compare(canvas.strokeCount, 1);
        compare(erased.count, 1);
        compare(erased.signalArguments[0][0], 1, "the last stroke went");
        verify(canvas.canRedo);
        canvas.undo();
        compare(canvas.strokeCount, 0);
        verify(!canvas.canUndo);
        canvas.redo();
        compare(canvas.strokeCount, 1);
        compare(restored.count, 1);
        compare(restored.signalArguments[0][0], 0, "the first stroke came back first");
        canvas.redo();
        compare(canvas.strokeCount, 2);
        verify(!canvas.canRedo);

        // Drawing after an undo forgets what could have been redone.
        canvas.undo();
        line(canvas, 100, 400, 700, 400);
        compare(canvas.strokeCount, 2);
        verify(!canvas.canRedo);
    }

    function test_eraserTakesWholeStrokes() {
        const canvas = makeCanvas();
        const finished = spyOn(canvas, "strokeFinished");
        const erased = spyOn(canvas, "strokeErased");
        line(canvas, 100, 150, 700, 150);
        line(canvas, 100, 350, 300, 350);
        compare(canvas.strokeCount, 2);
        canvas.tool = InkCanvas.Eraser;
        // Across the first stroke only, quickly: one step from above it to below it.
        mousePress(canvas, 400, 60);
        mouseMove(canvas, 400, 240, -1, Qt.LeftButton);
        mouseRelease(canvas, 400, 240);
        compare(canvas.strokeCount, 1);
        compare(erased.count, 1);
        compare(erased.signalArguments[0][0], 0);
        compare(finished.count, 2, "erasing draws no stroke");

        // Passing near but clear of the second stroke leaves it.
        line(canvas, 500, 300, 500, 450);
        compare(canvas.strokeCount, 1);
        canvas.undo();
        compare(canvas.strokeCount, 2, "undo brings the erased stroke back");
        canvas.redo();
        compare(canvas.strokeCount, 1);
        canvas.tool = InkCanvas.Pen;
        canvas.clear();
        compare(canvas.strokeCount, 0);
        canvas.undo();
        compare(canvas.strokeCount, 1, "clearing is undone in one step");
    }

    function test_inkIsOnTheScreen() {
        const canvas = makeCanvas();
        canvas.penColor = "#d32f2f";
        canvas.penWidth = 0.03; // 24 pixels
        line(canvas, 100, 250, 700, 250);
        waitForRendering(canvas);
        let image = grabImage(canvas);
        verify(isInk(image, 400, 250, "#d32f2f"), "ink under the stroke: " + image.pixel(400, 250));
        verify(isInk(image, 400, 240, "#d32f2f"), "ink across its width");
        verify(isInk(image, 90, 250, "#d32f2f"), "a round end beyond the last point");
        verify(!isInk(image, 400, 280, "#d32f2f"), "no ink beyond its width");
        verify(Qt.colorEqual(image.pixel(400, 100), "white"), "paper elsewhere");
        canvas.undo();
        waitForRendering(canvas);
        image = grabImage(canvas);
        verify(Qt.colorEqual(image.pixel(400, 250), "white"), "gone after undo");
    }

    function test_drawing() {
        const canvas = makeCanvas();
        // A thin navy wave.
        let wave = [];
        for (let x = 40; x <= 760; x += 20)
            wave.push([x, 90 + 40 * Math.sin(x / 60)]);
        canvas.penWidth = 0.006;
        drag(canvas, wave);
        // A red loop of medium width.
        let loop = [];
        for (let a = 0; a <= 2.2 * Math.PI; a += 0.2)
            loop.push([200 + 90 * Math.cos(a), 290 + 90 * Math.sin(a)]);
        canvas.penColor = "#c62828";
        canvas.penWidth = 0.02;
        drag(canvas, loop);
        // A wide green zigzag with sharp turns, and a hairpin.
        canvas.penColor = "#2e7d32";
        canvas.penWidth = 0.04;
        drag(canvas, [[360, 440], [420, 220], [480, 440], [540, 220], [600, 440]]);
        canvas.penColor = "#6a1b9a";
        canvas.penWidth = 0.015;
        drag(canvas, [[640, 200], [760, 300], [640, 310]]);
        // An orange dot: a tap.
        canvas.penColor = "#ef6c00";
        canvas.penWidth = 0.05;
        mouseClick(canvas, 700, 430);
        compare(canvas.strokeCount, 5);
        waitForRendering(canvas);
        const image = grabImage(canvas);
        verify(isInk(image, 700, 430, "#ef6c00"), "the dot");
        verify(isInk(image, 200, 200, "#c62828"), "the loop's top");
        if (TestSupport.screenshotFolder.length > 0)
            image.save(TestSupport.screenshotFolder + "/ink-strokes.png");
    }
}
