import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A multi-line text box with its label above it, for free text. `edited` fires on the
// person's typing only, never when `text` is set from outside.
ColumnLayout {
    id: root

    required property string label
    property string text
    property bool readOnly: false
    property int minimumLines: 4

    signal edited(string value)

    function forceFieldFocus() {
        area.forceActiveFocus();
    }

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

    TextArea {
        id: area

        property bool settingFromOutside: false

        objectName: root.objectName + "Input"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(implicitHeight, root.minimumLines * Theme.fontBody * 1.5 + 16)
        readOnly: root.readOnly
        wrapMode: TextEdit.Wrap
        font.pixelSize: Theme.fontBody
        Accessible.name: root.label
        background: Rectangle {
            color: area.readOnly ? Theme.background : Theme.surface
            border.color: area.activeFocus ? Theme.primary : Theme.divider
            border.width: area.activeFocus ? 2 : 1
            radius: Theme.radius
        }
        onTextChanged: {
            if (!settingFromOutside && text !== root.text)
                root.edited(text);
        }
        Component.onCompleted: {
            settingFromOutside = true;
            text = root.text;
            settingFromOutside = false;
        }
    }

    onTextChanged: {
        if (area.text !== root.text) {
            area.settingFromOutside = true;
            area.text = root.text;
            area.settingFromOutside = false;
        }
    }
}
