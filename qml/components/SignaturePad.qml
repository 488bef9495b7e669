import QtQuick
import QtQuick.Controls
import Doorstep

// A box to sign in with a finger, a stylus or a mouse; read-only, it draws a stored
// signature again. Each stroke is an array of points normalised to the box (0 to 1 across
// and down). The box keeps a 3:1 shape wherever it is shown, so a signature keeps its
// proportions from the tablet that took it to any screen that shows it.
Rectangle {
    id: root

    /// The strokes: an array of arrays of Qt.point. Set it to show a stored signature.
    property var strokes: []
    property bool readOnly: false
    /// Pen width as a fraction of the box's width, as each stroke is stored.
    property real penWidth: 0.008
    property color ink: Theme.text
    /// What a screen reader says the box is.
    property string accessibleName: root.readOnly ? qsTr("Signature") : qsTr("Signature box: sign with a finger or a stylus")
    readonly property real aspectRatio: 3
    // Strokes are added by assigning a new array, so these follow; points are added in place.
    readonly property int strokeCount: root.strokes ? root.strokes.length : 0
    readonly property bool empty: root.strokeCount === 0

    /// Emitted when a finger, stylus or mouse leaves the box after a stroke.
    signal strokeFinished

    function clear() {
        root.strokes = [];
        canvas.requestPaint();
    }

    function pointAt(x, y) {
        return Qt.point(Math.min(Math.max(x / root.width, 0), 1), Math.min(Math.max(y / root.height, 0), 1));
    }

    implicitWidth: 480
    implicitHeight: root.width / root.aspectRatio
    color: Theme.surface
    radius: Theme.radius
    border.width: root.readOnly ? 1 : 2
    border.color: root.readOnly ? Theme.divider : Theme.mutedText
    Accessible.role: Accessible.Canvas
    Accessible.name: root.accessibleName

    onStrokesChanged: canvas.requestPaint()
    onWidthChanged: canvas.requestPaint()
    onHeightChanged: canvas.requestPaint()

    // Where to sign: a line across the lower part of the box, as on a paper form.
    Rectangle {
        visible: !root.readOnly
        x: root.width * 0.05
        y: root.height * 0.75
        width: root.width * 0.9
        height: 1
        color: Theme.divider
        Accessible.ignored: true
    }

    Label {
        visible: !root.readOnly && root.empty
        anchors.horizontalCenter: parent.horizontalCenter
        y: root.height * 0.75 - height - 6
        text: qsTr("Sign above the line")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        Accessible.ignored: true
    }

    Canvas {
        id: canvas

        anchors.fill: parent
        Accessible.ignored: true

        onPaint: {
            const ctx = canvas.getContext("2d");
            ctx.reset();
            ctx.strokeStyle = root.ink;
            ctx.fillStyle = root.ink;
            ctx.lineWidth = Math.max(1.5, root.penWidth * canvas.width);
            ctx.lineCap = "round";
            ctx.lineJoin = "round";
            const strokes = root.strokes || [];
            for (let i = 0; i < strokes.length; ++i) {
                const stroke = strokes[i];
                if (!stroke || stroke.length === 0)
                    continue;
                if (stroke.length === 1) {
                    ctx.beginPath();
                    ctx.arc(stroke[0].x * canvas.width, stroke[0].y * canvas.height, ctx.lineWidth / 2, 0, 2 * Math.PI);
                    ctx.fill();
                    continue;
                }
                ctx.beginPath();
                ctx.moveTo(stroke[0].x * canvas.width, stroke[0].y * canvas.height);
                for (let j = 1; j < stroke.length; ++j)
                    ctx.lineTo(stroke[j].x * canvas.width, stroke[j].y * canvas.height);
                ctx.stroke();
            }
        }
    }

    // MouseArea takes mouse, touch (as synthesised mouse events) and stylus alike, and
    // preventStealing keeps a scrolling page or dialog from taking a downward stroke.
    MouseArea {
        objectName: "signatureInput"
        anchors.fill: parent
        enabled: !root.readOnly
        preventStealing: true
        Accessible.ignored: true

        onPressed: mouse => {
            const strokes = root.strokes ? root.strokes.slice() : [];
            strokes.push([root.pointAt(mouse.x, mouse.y)]);
            root.strokes = strokes;
        }
        onPositionChanged: mouse => {
            if (!pressed || root.strokeCount === 0)
                return;
            root.strokes[root.strokeCount - 1].push(root.pointAt(mouse.x, mouse.y));
            canvas.requestPaint();
        }
        onReleased: root.strokeFinished()
    }
}
