import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A one-line text field with its label above it. `edited` fires on the person's typing
// only, never when `text` is set from outside.
ColumnLayout {
    id: root

    required property string label
    property string text
    property bool readOnly: false

    signal edited(string value)

    spacing: 4

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: root.label
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }

    TextField {
        objectName: root.objectName + "Input"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        text: root.text
        readOnly: root.readOnly
        font.pixelSize: Theme.fontBody
        Accessible.name: root.label
        background: Rectangle {
            color: root.readOnly ? Theme.background : Theme.surface
            border.color: parent.activeFocus ? Theme.primary : Theme.divider
            border.width: parent.activeFocus ? 2 : 1
            radius: Theme.radius
        }
        onTextEdited: root.edited(text)
    }
}
