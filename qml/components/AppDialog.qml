import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A dialog in the app's look: a real heading, body-size text and buttons, rounded
// corners, centred on the window and narrow enough to read on a tablet either way up.
Dialog {
    id: root

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 560, 560)
    modal: true
    padding: Theme.margin
    topPadding: Theme.spacing
    font.pixelSize: Theme.fontBody

    // A popup lives in the window's overlay, outside the pages' mirrored tree: mirror its
    // own item for right-to-left languages.
    readonly property bool rightToLeft: Theme.rightToLeft

    function applyMirroring() {
        const item = root.contentItem ? root.contentItem.parent : null;
        if (!item)
            return;
        item.LayoutMirroring.enabled = root.rightToLeft;
        item.LayoutMirroring.childrenInherit = true;
    }

    onRightToLeftChanged: root.applyMirroring()
    onAboutToShow: root.applyMirroring()

    header: Label {
        text: root.title
        visible: root.title.length > 0
        topPadding: Theme.margin
        leftPadding: Theme.margin
        rightPadding: Theme.margin
        horizontalAlignment: Text.AlignLeft
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
    }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.divider
    }
}
