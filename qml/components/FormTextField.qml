import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A labelled one-line text field whose text the form reads and sets directly.
ColumnLayout {
    id: root

    required property string label
    property alias text: field.text
    property alias placeholderText: field.placeholderText

    /// Return was pressed or the field lost focus.
    signal editingFinished

    function forceFieldFocus() {
        field.forceActiveFocus();
    }

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

    TextField {
        id: field

        objectName: root.objectName + "Input"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        font.pixelSize: Theme.fontBody
        Accessible.name: root.label
        onEditingFinished: root.editingFinished()
    }
}
