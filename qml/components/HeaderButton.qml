import QtQuick
import QtQuick.Controls

// A button on the app's coloured header bar: white words on the bar itself, a light
// wash when pressed and a white ring when focused from the keyboard.
ToolButton {
    id: root

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, contentItem.implicitWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    font.pixelSize: Theme.fontBody
    font.bold: true

    contentItem: Label {
        text: root.text
        font: root.font
        color: Theme.textOnPrimary
        opacity: root.enabled ? 1 : 0.6
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.textOnPrimary
        opacity: root.down ? 0.25 : (root.hovered ? 0.12 : 0)
        border.width: root.visualFocus ? 3 : 0
        border.color: Theme.textOnPrimary
    }
}
