pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Doorstep
import Doorstep.Ink
import Doorstep.Models

// One house to draw in: a bar with the way home, the house's symbol and name, the words
// button and the "can I show this?" thumbs; the square drawing; the tools and the
// stickers. Landscape puts the tools left of the drawing and the stickers right of it;
// portrait puts both under it. Everything a child needs to draw is a picture.
Item {
    id: root

    required property ThreeHousesController controller
    required property int kind
    /// The child's own buttons: words on the child's keyboard, renaming, the symbol.
    property bool childWords: true
    property bool showHome: true
    /// Room left free at the bar's end (child mode's lock button sits there).
    property int trailingSpace: 0

    readonly property alias surface: surface
    // Tools and stickers beside the drawing, or under it: whichever leaves the bigger square.
    readonly property bool wide: {
        const t = ChildTheme.touchTarget;
        const s = ChildTheme.spacing;
        const m = ChildTheme.margin;
        const beside = Math.min(root.width - (3 * t + 2 * s) - (2 * t + s) - 4 * m, root.height - root.bar - 2 * m);
        const under = Math.min(root.width - 2 * m, root.height - root.bar - 2 * (2 * t + s) - 4 * m);
        return beside >= under;
    }
    readonly property var house: surface.house
    readonly property bool shareAllowed: root.house ? root.house.shareAllowed : false

    signal homeRequested
    signal wordsRequested
    signal renameRequested
    signal symbolRequested

    readonly property int bar: ChildTheme.touchTarget + ChildTheme.margin

    // Another house: nothing waits to be placed, and the drawing is shown whole.
    onKindChanged: {
        tray.armed = "";
        surface.canvas.resetView();
    }

    // The bar along the top.
    Item {
        id: topBar

        // Anchors (and Rows), so the bar's ends change sides in a right-to-left language.
        anchors.left: parent.left
        anchors.leftMargin: ChildTheme.margin
        anchors.right: parent.right
        anchors.rightMargin: ChildTheme.margin + root.trailingSpace
        y: ChildTheme.margin / 2
        height: ChildTheme.touchTarget

        Row {
            id: leading

            anchors.left: parent.left
            height: parent.height
            spacing: ChildTheme.spacing

            ChildButton {
                objectName: "homeButton"
                visible: root.showHome
                source: ChildTheme.icon("home")
                accessibleName: qsTr("Back to the three houses")
                onClicked: root.homeRequested()
            }

            ChildButton {
                objectName: "symbolButton"
                visible: root.childWords
                source: root.house && root.house.symbol.length > 0 ? ChildTheme.sticker(root.house.symbol) : ChildTheme.houseArt(root.kind)
                accessibleName: qsTr("Choose this house's picture")
                onClicked: root.symbolRequested()
            }
        }

        // The house's name; the child taps it (or the name tag) to give it their own.
        AbstractButton {
            id: nameButton

            objectName: "renameButton"
            anchors.left: leading.right
            anchors.leftMargin: ChildTheme.spacing
            anchors.right: trailing.left
            anchors.rightMargin: ChildTheme.spacing
            height: parent.height
            enabled: root.childWords
            Accessible.role: Accessible.Button
            Accessible.name: root.house ? qsTr("%1: give this house a name").arg(root.house.name) : ""
            onClicked: root.renameRequested()

            background: Rectangle {
                radius: ChildTheme.radius
                color: nameButton.down ? ChildTheme.buttonDown : "transparent"
            }

            Picture {
                id: tag

                anchors.left: parent.left
                anchors.leftMargin: ChildTheme.spacing / 2
                anchors.verticalCenter: parent.verticalCenter
                visible: root.childWords
                width: root.childWords ? ChildTheme.touchTarget * 0.7 : 0
                height: width
                source: ChildTheme.icon("rename")
            }

            Text {
                objectName: "houseName"
                anchors.left: tag.right
                anchors.leftMargin: ChildTheme.spacing
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                horizontalAlignment: Text.AlignLeft
                height: parent.height
                verticalAlignment: Text.AlignVCenter
                text: root.house ? root.house.name : ""
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
        }

        Row {
            id: trailing

            anchors.right: parent.right
            height: parent.height
            spacing: ChildTheme.spacing

            ChildButton {
                objectName: "wordsButton"
                visible: root.childWords
                source: ChildTheme.icon("words")
                accessibleName: qsTr("Write my words")
                onClicked: root.wordsRequested()
            }

            ChildButton {
                objectName: "shareYes"
                source: ChildTheme.icon("thumbs-up")
                accessibleName: qsTr("Yes, this house can be shown to others")
                choice: true
                chosen: root.shareAllowed
                fill: root.shareAllowed ? "#c8e6c9" : ChildTheme.button
                onClicked: root.controller.setShareAllowed(root.kind, true)
            }

            ChildButton {
                objectName: "shareNo"
                source: ChildTheme.icon("thumbs-down")
                accessibleName: qsTr("No, keep this house to me")
                choice: true
                chosen: !root.shareAllowed
                fill: !root.shareAllowed ? "#ffcdd2" : ChildTheme.button
                onClicked: root.controller.setShareAllowed(root.kind, false)
            }
        }
    }

    // An x from the start of a line (from the right in a right-to-left language). The tools
    // and stickers change sides; the drawing itself is never mirrored.
    function placed(start: real, width: real): real {
        return Theme.rightToLeft ? root.width - start - width : start;
    }

    ChildToolStrip {
        id: tools

        objectName: "toolStrip"
        canvas: surface.canvas
        vertical: root.wide
        x: root.wide ? root.placed(ChildTheme.margin, width) : (root.width - width) / 2
        y: root.wide ? root.bar + ChildTheme.margin : root.height - height - ChildTheme.margin
        onPenChosen: tray.armed = ""
    }

    StickerTray {
        id: tray

        objectName: "stickerTray"
        stickers: root.controller.stickerNames
        vertical: root.wide
        x: root.wide ? root.placed(root.width - width - ChildTheme.margin, width) : (root.width - width) / 2
        y: root.wide ? root.bar + ChildTheme.margin : tools.y - height - ChildTheme.margin
        onArmedChanged: {
            if (tray.armed.length > 0 && surface.canvas.tool !== InkCanvas.Pen)
                surface.canvas.tool = InkCanvas.Pen;
        }
        onDragMoved: (sticker, sceneX, sceneY) => {
            const p = root.mapFromItem(null, sceneX, sceneY);
            ghost.source = ChildTheme.sticker(sticker);
            ghost.x = p.x - ghost.width / 2;
            ghost.y = p.y - ghost.height / 2;
            ghost.visible = true;
        }
        onDropped: (sticker, sceneX, sceneY) => {
            ghost.visible = false;
            const p = surface.mapFromItem(null, sceneX, sceneY);
            surface.placeAt(sticker, p.x, p.y);
        }
        onDragCancelled: ghost.visible = false
    }

    HouseSurface {
        id: surface

        objectName: "houseSurface"
        controller: root.controller
        kind: root.kind
        armedSticker: tray.armed
        removingStickers: surface.canvas.tool !== InkCanvas.Pen
        // Between the tools and the stickers, whichever side each is on.
        x: root.wide ? Math.min(tools.x + tools.width, tray.x + tray.width) + ChildTheme.margin : ChildTheme.margin
        y: root.bar + ChildTheme.margin
        width: root.wide ? Math.max(tools.x, tray.x) - x - ChildTheme.margin : root.width - 2 * ChildTheme.margin
        height: root.wide ? root.height - y - ChildTheme.margin : tray.y - y - ChildTheme.margin
        onStickerPlaced: tray.armed = ""
    }

    // The sticker being dragged from the tray, under the finger.
    Picture {
        id: ghost

        objectName: "stickerGhost"
        visible: false
        width: surface.side * ChildTheme.stickerSize
        height: width
        opacity: 0.8
        Accessible.ignored: true
    }
}
