pragma ComponentBehavior: Bound

import QtQuick
import Doorstep
import Doorstep.Ink

// The drawing tools as pictures: eight inks, three brush sizes shown as dots, the pen, the
// rubber (rubs out where it goes) and the line eraser (takes a whole line away), and undo
// and redo arrows. Upright beside the drawing in landscape (three across), two rows under
// it in portrait.
Grid {
    id: root

    required property InkCanvas canvas
    property bool vertical: true

    /// A colour or the pen was chosen: a sticker waiting to be placed is put back.
    signal penChosen

    function choosePen() {
        root.canvas.tool = InkCanvas.Pen;
        root.penChosen();
    }

    columns: root.vertical ? 3 : 8
    spacing: ChildTheme.spacing

    Repeater {
        model: ChildTheme.inks

        ChildButton {
            id: swatch

            required property var modelData
            required property int index

            objectName: "ink_" + swatch.index
            accessibleName: swatch.modelData.name
            choice: true
            chosen: Qt.colorEqual(root.canvas.penColor, swatch.modelData.colour) && root.canvas.tool === InkCanvas.Pen
            onClicked: {
                root.canvas.penColor = swatch.modelData.colour;
                root.choosePen();
            }

            Rectangle {
                anchors.centerIn: parent
                width: parent.width - 18
                height: width
                radius: width / 2
                color: swatch.modelData.colour
                border.width: 2
                border.color: Qt.darker(swatch.modelData.colour, 1.4)
                Accessible.ignored: true
            }
        }
    }

    // Three across in landscape: an empty place ends the row of eight inks.
    Item {
        visible: root.vertical
        width: ChildTheme.touchTarget
        height: ChildTheme.touchTarget
    }

    Repeater {
        model: ChildTheme.brushes

        ChildButton {
            id: brush

            required property real modelData
            required property int index

            objectName: "brush_" + brush.index
            accessibleName: [qsTr("Thin brush"), qsTr("Middle brush"), qsTr("Thick brush")][brush.index]
            choice: true
            chosen: Math.abs(root.canvas.penWidth - brush.modelData) < 1e-6
            onClicked: root.canvas.penWidth = brush.modelData

            // The dot is the brush's size on the drawing, in the ink chosen.
            Rectangle {
                anchors.centerIn: parent
                width: [12, 24, 40][brush.index]
                height: width
                radius: width / 2
                color: root.canvas.penColor
                border.width: 1
                border.color: Qt.darker(root.canvas.penColor, 1.4)
                Accessible.ignored: true
            }
        }
    }

    ChildButton {
        objectName: "toolPen"
        source: ChildTheme.icon("pen")
        accessibleName: qsTr("Draw")
        choice: true
        chosen: root.canvas.tool === InkCanvas.Pen
        onClicked: root.choosePen()
    }

    ChildButton {
        objectName: "toolRubber"
        source: ChildTheme.icon("rubber")
        accessibleName: qsTr("Rub out")
        choice: true
        chosen: root.canvas.tool === InkCanvas.PartialEraser
        onClicked: root.canvas.tool = InkCanvas.PartialEraser
    }

    ChildButton {
        objectName: "toolLineEraser"
        source: ChildTheme.icon("eraser-line")
        accessibleName: qsTr("Take away a whole line")
        choice: true
        chosen: root.canvas.tool === InkCanvas.Eraser
        onClicked: root.canvas.tool = InkCanvas.Eraser
    }

    ChildButton {
        objectName: "undoButton"
        source: ChildTheme.icon("undo")
        directional: true
        accessibleName: qsTr("Undo")
        enabled: root.canvas.canUndo
        onClicked: root.canvas.undo()
    }

    ChildButton {
        objectName: "redoButton"
        source: ChildTheme.icon("redo")
        directional: true
        accessibleName: qsTr("Redo")
        enabled: root.canvas.canRedo
        onClicked: root.canvas.redo()
    }
}
