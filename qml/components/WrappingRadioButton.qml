import QtQuick
import QtQuick.Controls

// A RadioButton whose words wrap onto more lines instead of being cut short, so a longer
// translation still reads in full; at least a touch target high.
RadioButton {
    id: root

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.fontBody

    contentItem: Label {
        // The indicator sits on the leading side, which mirrors for right-to-left languages.
        leftPadding: root.indicator && !root.mirrored ? root.indicator.width + root.spacing : 0
        rightPadding: root.indicator && root.mirrored ? root.indicator.width + root.spacing : 0
        text: root.text
        font: root.font
        color: Theme.text
        horizontalAlignment: Text.AlignLeft
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
}
