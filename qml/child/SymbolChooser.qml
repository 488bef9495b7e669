pragma ComponentBehavior: Bound

import QtQuick
import Doorstep

// The stickers, big, for the child to pick one as the house's own picture.
Rectangle {
    id: root

    required property var stickers
    property string chosen

    signal symbolChosen(string symbol)

    visible: false
    color: "#99000000"

    MouseArea {
        anchors.fill: parent
        onPressed: mouse => mouse.accepted = true
        onWheel: wheel => wheel.accepted = true
    }

    Rectangle {
        anchors.centerIn: parent
        width: grid.width + 2 * ChildTheme.margin
        height: grid.height + closeButton.height + 3 * ChildTheme.margin
        radius: ChildTheme.radius
        color: ChildTheme.background

        ChildButton {
            id: closeButton

            objectName: "symbolChooserClose"
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: ChildTheme.margin
            source: ChildTheme.icon("close")
            accessibleName: qsTr("Close without choosing")
            onClicked: root.visible = false
        }

        Grid {
            id: grid

            readonly property int tile: Math.max(ChildTheme.touchTarget, Math.min(120, (root.width - 4 * ChildTheme.margin) / 4 - ChildTheme.spacing))

            x: ChildTheme.margin
            y: closeButton.y + closeButton.height + ChildTheme.margin
            columns: root.width > root.height ? 7 : 4
            spacing: ChildTheme.spacing

            Repeater {
                model: root.stickers

                ChildButton {
                    required property string modelData

                    objectName: "symbol_" + modelData
                    size: grid.tile
                    source: ChildTheme.sticker(modelData)
                    accessibleName: ChildTheme.stickerName(modelData)
                    choice: true
                    chosen: root.chosen === modelData
                    onClicked: {
                        root.visible = false;
                        root.symbolChosen(modelData);
                    }
                }
            }
        }
    }
}
