import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A labelled choice from [{ value, text }], empty until one is picked.
ColumnLayout {
    id: root

    required property string label
    required property var choices
    property alias currentIndex: box.currentIndex
    // currentValue follows currentIndex a moment later: undefined in between.
    readonly property string currentValue: box.currentIndex >= 0 && box.currentValue !== undefined ? box.currentValue : ""
    /// What the box says before a choice is made.
    property string emptyText: qsTr("Not recorded")

    // Equal preferred widths share a grid's row equally.
    Layout.preferredWidth: 1
    Layout.fillWidth: true
    spacing: 4

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: root.label
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.mutedText
        elide: Text.ElideRight
        Accessible.ignored: true
    }

    ComboBox {
        id: box

        objectName: root.objectName + "Input"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        model: root.choices
        textRole: "text"
        valueRole: "value"
        currentIndex: -1
        displayText: box.currentIndex >= 0 ? box.currentText : root.emptyText
        font.pixelSize: Theme.fontBody
        Accessible.name: box.currentIndex >= 0 ? qsTr("%1: %2").arg(root.label).arg(box.currentText) : qsTr("%1: %2").arg(root.label).arg(root.emptyText)
    }
}
