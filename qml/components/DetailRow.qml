import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A label and its value, side by side when there is room and stacked when there is not.
GridLayout {
    id: root

    required property string label
    required property string value
    property bool emphasis: false

    Layout.fillWidth: true
    columns: width > 480 ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: 2
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("%1: %2").arg(root.label).arg(root.value)

    Label {
        Layout.preferredWidth: root.columns === 2 ? 180 : -1
        Layout.fillWidth: root.columns === 1
        horizontalAlignment: Text.AlignLeft
        text: root.label
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Accessible.ignored: true
    }

    Label {
        objectName: root.objectName + "Value"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: root.value
        font.pixelSize: Theme.fontBody
        font.bold: root.emphasis
        color: Theme.text
        wrapMode: Text.WordWrap
        Accessible.ignored: true
    }
}
