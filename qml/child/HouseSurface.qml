pragma ComponentBehavior: Bound

import QtQuick
import Doorstep
import Doorstep.Ink
import Doorstep.Models

// One house's drawing: the house art, the ink over it and the stickers on top, all in one
// square that keeps its shape at any size (the largest square that fits, centred), so a
// drawing looks the same on the tablet, in the practitioner's view and in the letter.
// Strokes go to the controller as the canvas finishes, erases or brings them back.
Item {
    id: root

    required property ThreeHousesController controller
    /// 0 worries, 1 good things, 2 dreams.
    required property int kind
    /// Shows only: no drawing, and taps pass through.
    property bool readOnly: false
    /// A sticker chosen in the tray: the next tap on the drawing places it there.
    property string armedSticker
    /// Taps on a placed sticker take it away (while an eraser is the tool).
    property bool removingStickers: false

    readonly property alias canvas: canvas
    readonly property alias square: square
    readonly property var house: {
        const all = root.controller.houses;
        for (let i = 0; i < all.length; ++i) {
            if (all[i].kind === root.kind)
                return all[i];
        }
        return null;
    }
    readonly property real side: Math.min(root.width, root.height)

    // Which house the canvas shows: strokes are set again only when this changes (or a
    // sync brings strokes), so drawing keeps its undo history.
    property string shownFor

    signal stickerPlaced(string sticker)

    // Shows the house's strokes afresh. The canvas that draws numbers its strokes from the
    // ones it is given, and drawingStrokes() has the controller number them the same way.
    function showStrokes() {
        root.shownFor = root.controller.personId + "/" + root.kind;
        canvas.strokes = root.readOnly ? root.controller.strokes(root.kind) : root.controller.drawingStrokes(root.kind);
    }

    function refresh() {
        if (!root.controller.found)
            return;
        const wanted = root.controller.personId + "/" + root.kind;
        // A read-only picture follows every change; a drawing keeps its history.
        if (root.shownFor !== wanted)
            root.showStrokes();
        else if (root.readOnly && root.house && root.house.strokeCount !== canvas.strokeCount)
            root.showStrokes();
    }

    /// Places a sticker with its centre at (x, y) in this item; false when that is off the
    /// drawing.
    function placeAt(sticker: string, x: real, y: real): bool {
        const p = root.mapToItem(square, x, y);
        if (p.x < 0 || p.y < 0 || p.x > square.width || p.y > square.height)
            return false;
        const placed = root.controller.placeSticker(root.kind, sticker, p.x / square.width, p.y / square.height, ChildTheme.stickerSize);
        if (placed)
            root.stickerPlaced(sticker);
        return placed;
    }

    onKindChanged: root.refresh()
    Component.onCompleted: {
        // (Connections is beyond Qt 6.4's linter.)
        root.controller.housesChanged.connect(root.refresh);
        root.controller.strokesReloaded.connect(kind => {
            if (kind === root.kind)
                root.showStrokes();
        });
        root.refresh();
    }

    Rectangle {
        id: square

        objectName: root.readOnly ? "housePictureSquare" : "houseSquare"
        // A drawing is a picture: what is in it keeps its place in a right-to-left language
        // (ScreenCheck).
        property bool keepsItsPlace: true

        anchors.centerIn: parent
        width: root.side
        height: root.side
        color: ChildTheme.paper
        radius: root.readOnly ? 4 : ChildTheme.radius
        border.width: root.readOnly ? 1 : 3
        border.color: ChildTheme.outline
        clip: true
        // A drawing is a picture, not a line of reading: strokes and stickers are kept in
        // the square's own coordinates and stay where they were drawn in every language.
        LayoutMirroring.enabled: false
        LayoutMirroring.childrenInherit: true
        Accessible.role: Accessible.Canvas
        Accessible.name: root.house ? (root.readOnly ? qsTr("The drawing of %1").arg(root.house.name) : qsTr("Draw in %1").arg(root.house.name)) : ""

        Picture {
            objectName: "houseArt"
            anchors.fill: parent
            source: ChildTheme.houseArt(root.kind)
            fillMode: Image.PreserveAspectFit
            Accessible.ignored: true
        }

        InkCanvas {
            id: canvas

            objectName: root.readOnly ? "housePictureCanvas" : "houseCanvas"
            anchors.fill: parent
            readOnly: root.readOnly
            penColor: ChildTheme.inks[5].colour
            penWidth: ChildTheme.brushes[1]
            Accessible.ignored: true

            onStrokeFinished: (strokeId, points, color, width, pressures) => root.controller.addStroke(root.kind, strokeId, points, color, width, pressures)
            onStrokeErased: strokeId => root.controller.eraseStroke(root.kind, strokeId)
            onStrokeRestored: strokeId => root.controller.restoreStroke(root.kind, strokeId)
        }

        Repeater {
            objectName: "stickerRepeater"
            model: root.house ? root.house.stickers : []

            Picture {
                id: placed

                required property var modelData

                objectName: (root.readOnly ? "shownSticker_" : "placedSticker_") + placed.modelData.id
                width: placed.modelData.size * square.width
                height: width
                x: placed.modelData.x * square.width - width / 2
                y: placed.modelData.y * square.height - height / 2
                source: ChildTheme.sticker(placed.modelData.sticker)
                Accessible.ignored: false
                Accessible.role: Accessible.Graphic
                Accessible.name: ChildTheme.stickerName(placed.modelData.sticker)

                // Only while an eraser is chosen: otherwise the drawing goes on underneath.
                MouseArea {
                    anchors.fill: parent
                    enabled: root.removingStickers && !root.readOnly
                    onClicked: root.controller.removeSticker(root.kind, placed.modelData.id)
                }
            }
        }

        // With a sticker chosen, a tap anywhere on the drawing puts it there.
        MouseArea {
            objectName: "stickerPlacer"
            anchors.fill: parent
            enabled: root.armedSticker.length > 0 && !root.readOnly
            onClicked: mouse => root.placeAt(root.armedSticker, mouse.x + square.x, mouse.y + square.y)
        }
    }
}
