pragma ComponentBehavior: Bound

import QtQuick
import Doorstep

// The stickers a child may put in a house, as pictures. Tap one and then the drawing to
// place it (tap it again to put it back), or drag it straight onto the drawing. Positions
// are reported in scene coordinates, for whoever owns the drawing to map.
Grid {
    id: root

    required property var stickers
    /// The sticker waiting for a tap on the drawing, or "".
    property string armed
    property bool vertical: true

    signal dragMoved(string sticker, real sceneX, real sceneY)
    signal dropped(string sticker, real sceneX, real sceneY)
    signal dragCancelled

    columns: root.vertical ? 2 : Math.ceil(root.stickers.length / 2)
    spacing: ChildTheme.spacing

    Repeater {
        model: root.stickers

        Rectangle {
            id: tile

            required property string modelData

            objectName: "sticker_" + tile.modelData
            width: ChildTheme.touchTarget
            height: ChildTheme.touchTarget
            radius: ChildTheme.radius
            color: area.pressed ? ChildTheme.buttonDown : ChildTheme.button
            border.width: root.armed === tile.modelData ? 5 : 2
            border.color: root.armed === tile.modelData ? ChildTheme.chosen : ChildTheme.outline
            Accessible.role: Accessible.RadioButton
            Accessible.name: ChildTheme.stickerName(tile.modelData)
            Accessible.checkable: true
            Accessible.checked: root.armed === tile.modelData
            Accessible.onPressAction: root.armed = root.armed === tile.modelData ? "" : tile.modelData

            Picture {
                anchors.centerIn: parent
                width: parent.width * 0.76
                height: width
                source: ChildTheme.sticker(tile.modelData)
                Accessible.ignored: true
            }

            MouseArea {
                id: area

                property real pressedX
                property real pressedY
                property bool dragging: false

                anchors.fill: parent
                // A drag that leaves the tray is still this sticker's.
                preventStealing: true
                onPressed: mouse => {
                    area.pressedX = mouse.x;
                    area.pressedY = mouse.y;
                    area.dragging = false;
                }
                onPositionChanged: mouse => {
                    if (!area.dragging && Math.hypot(mouse.x - area.pressedX, mouse.y - area.pressedY) > 12)
                        area.dragging = true;
                    if (area.dragging) {
                        const p = area.mapToItem(null, mouse.x, mouse.y);
                        root.dragMoved(tile.modelData, p.x, p.y);
                    }
                }
                onReleased: mouse => {
                    if (area.dragging) {
                        const p = area.mapToItem(null, mouse.x, mouse.y);
                        root.dropped(tile.modelData, p.x, p.y);
                    } else
                        root.armed = root.armed === tile.modelData ? "" : tile.modelData;
                    area.dragging = false;
                }
                onCanceled: {
                    if (area.dragging)
                        root.dragCancelled();
                    area.dragging = false;
                }
            }
        }
    }
}
