pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Doorstep
import Doorstep.Models

// Child mode's start: the child's three houses as big pictures, drawing and stickers and
// all, each with its name, its symbol and a thumb for whether it may be shown. A tap opens
// one. Side by side in landscape, one above the other in portrait.
Item {
    id: root

    required property ThreeHousesController controller
    /// Room left free at the top right (child mode's lock button sits there).
    property int trailingSpace: 0

    readonly property bool wide: root.width >= root.height
    readonly property int labelHeight: ChildTheme.touchTarget
    // The largest square each house can have, with its name under it: three in a row in
    // landscape; in portrait two in a row and the third centred under them.
    readonly property real side: Math.max(32, root.wide ? Math.min((root.width - 4 * ChildTheme.margin) / 3, houses.available - root.labelHeight) - 2 * ChildTheme.spacing : Math.min((root.width - 3 * ChildTheme.margin) / 2, (houses.available - ChildTheme.margin) / 2 - root.labelHeight) - 2 * ChildTheme.spacing)
    readonly property real tileWidth: root.side + 2 * ChildTheme.spacing
    readonly property real tileHeight: root.side + root.labelHeight + 2 * ChildTheme.spacing

    signal houseChosen(int kind)

    Text {
        id: greeting

        objectName: "childGreeting"
        // Anchors, so the greeting and the lock's corner change sides in a right-to-left
        // language.
        anchors.left: parent.left
        anchors.leftMargin: ChildTheme.margin
        anchors.right: parent.right
        anchors.rightMargin: ChildTheme.margin + root.trailingSpace
        y: ChildTheme.margin
        height: ChildTheme.touchTarget
        verticalAlignment: Text.AlignVCenter
        horizontalAlignment: Text.AlignLeft
        text: root.controller.childName.length > 0 ? qsTr("%1's houses").arg(root.controller.childName) : ""
        font.pixelSize: ChildTheme.fontLabel + 4
        font.bold: true
        color: Theme.text
        elide: Text.ElideRight
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Item {
        id: houses

        readonly property real available: root.height - greeting.y - greeting.height - 2 * ChildTheme.margin

        anchors.horizontalCenter: parent.horizontalCenter
        y: greeting.y + greeting.height + ChildTheme.margin + Math.max(0, (available - height) / 2)
        width: root.wide ? 3 * root.tileWidth + 2 * ChildTheme.margin : 2 * root.tileWidth + ChildTheme.margin
        height: root.wide ? root.tileHeight : 2 * root.tileHeight + ChildTheme.margin

        Repeater {
            model: 3

            AbstractButton {
                id: tile

                required property int index
                readonly property var house: picture.house

                // Where the house goes reading from the start of a line (from the right in a
                // right-to-left language).
                readonly property real start: root.wide || tile.index < 2 ? (tile.index % (root.wide ? 3 : 2)) * (root.tileWidth + ChildTheme.margin) : (houses.width - root.tileWidth) / 2

                objectName: "openHouse_" + tile.index
                x: Theme.rightToLeft ? houses.width - tile.start - root.tileWidth : tile.start
                y: root.wide || tile.index < 2 ? 0 : root.tileHeight + ChildTheme.margin
                width: root.tileWidth
                height: root.tileHeight
                Accessible.role: Accessible.Button
                Accessible.name: tile.house ? tile.house.name : ""
                Accessible.onPressAction: root.houseChosen(tile.index)
                onClicked: root.houseChosen(tile.index)

                background: Rectangle {
                    radius: ChildTheme.radius
                    color: tile.down ? ChildTheme.buttonDown : ChildTheme.button
                    border.width: 3
                    border.color: ChildTheme.outline
                }

                HouseSurface {
                    id: picture

                    objectName: "housePicture_" + tile.index
                    x: ChildTheme.spacing
                    y: ChildTheme.spacing
                    width: root.side
                    height: root.side
                    controller: root.controller
                    kind: tile.index
                    readOnly: true
                }

                Picture {
                    id: symbol

                    anchors.left: parent.left
                    anchors.leftMargin: ChildTheme.spacing
                    y: picture.y + picture.height + (root.labelHeight - height) / 2
                    width: root.labelHeight * 0.8
                    height: width
                    visible: tile.house !== null && tile.house.symbol.length > 0
                    source: tile.house && tile.house.symbol.length > 0 ? ChildTheme.sticker(tile.house.symbol) : ""
                    Accessible.ignored: true
                }

                Text {
                    anchors.left: symbol.visible ? symbol.right : parent.left
                    anchors.leftMargin: ChildTheme.spacing
                    anchors.right: thumb.left
                    anchors.rightMargin: ChildTheme.spacing
                    y: picture.y + picture.height
                    height: root.labelHeight
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: Text.AlignLeft
                    text: tile.house ? tile.house.name : ""
                    font.pixelSize: ChildTheme.fontLabel
                    font.bold: true
                    color: Theme.text
                    // A long name (a translation's, or the child's own) takes two lines,
                    // smaller if it must.
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    fontSizeMode: Text.Fit
                    minimumPixelSize: 14
                    elide: Text.ElideRight
                    Accessible.ignored: true
                }

                // The child's choice, as a thumb: up may be shown, down is kept.
                Picture {
                    id: thumb

                    anchors.right: parent.right
                    anchors.rightMargin: ChildTheme.spacing
                    y: picture.y + picture.height + (root.labelHeight - height) / 2
                    width: root.labelHeight * 0.7
                    height: width
                    source: tile.house && tile.house.shareAllowed ? ChildTheme.icon("thumbs-up") : ChildTheme.icon("thumbs-down")
                    Accessible.ignored: true
                }
            }
        }
    }
}
