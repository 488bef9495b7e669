import QtQuick
import QtQuick.Controls
import Doorstep
import Doorstep.Ink

// A box to sign in with a finger, a stylus or a mouse; read-only, it draws a stored
// signature again. Each stroke is an array of points normalised to the box (0 to 1 across
// and down). The box keeps a 3:1 shape wherever it is shown, so a signature keeps its
// proportions from the tablet that took it to any screen that shows it.
Rectangle {
    id: root

    /// The strokes: an array of arrays of points, as drawn. Set it to show a stored
    /// signature (setting it forgets what undo() could take back).
    property alias strokes: canvas.strokes
    property alias readOnly: canvas.readOnly
    /// Pen width as a fraction of the box's width, as each stroke is stored.
    property alias penWidth: canvas.penWidth
    property alias ink: canvas.penColor
    /// What a screen reader says the box is.
    property string accessibleName: root.readOnly ? qsTr("Signature") : qsTr("Signature box: sign with a finger or a stylus")
    readonly property real aspectRatio: 3
    readonly property int strokeCount: canvas.strokeCount
    readonly property bool empty: root.strokeCount === 0
    readonly property bool canUndo: canvas.canUndo

    /// Emitted when a finger, stylus or mouse leaves the box after a stroke.
    signal strokeFinished

    function clear() {
        root.strokes = [];
    }

    /// Takes back the last stroke.
    function undo() {
        canvas.undo();
    }

    implicitWidth: 480
    implicitHeight: root.width / root.aspectRatio
    color: Theme.surface
    radius: Theme.radius
    border.width: root.readOnly ? 1 : 2
    border.color: root.readOnly ? Theme.divider : Theme.mutedText
    Accessible.role: Accessible.Canvas
    Accessible.name: root.accessibleName

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

    // Takes mouse, touch and stylus (with its pressure, and a resting palm ignored), and
    // keeps its grab so a scrolling page or dialog cannot take a downward stroke.
    InkCanvas {
        id: canvas

        objectName: "signatureInput"
        anchors.fill: parent
        penWidth: 0.008
        penColor: Theme.text
        Accessible.ignored: true

        onStrokeFinished: root.strokeFinished()
    }
}
