import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Saving the family's own copies as PDF files: the folder they go in, a button for each
// document, and a line saying where the last one was saved, or why it was not.
SectionCard {
    id: root

    required property string defaultFolder
    property alias folder: folderField.text
    default property alias buttons: buttonFlow.data

    property string savedPath
    property string failure

    // Call with the path an export returned, and the controller's error for an empty one.
    function showResult(path, error) {
        root.savedPath = path;
        root.failure = path.length > 0 ? "" : error;
    }

    title: qsTr("Copies for the family")

    FormTextField {
        id: folderField

        objectName: "familyCopiesFolderField"
        Layout.fillWidth: true
        label: qsTr("Save in the folder")
        text: root.defaultFolder
        onTextChanged: root.showResult("", "")
    }

    Flow {
        id: buttonFlow

        Layout.fillWidth: true
        spacing: Theme.spacing
    }

    Label {
        objectName: "familyCopiesResult"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: text.length > 0
        text: root.savedPath.length > 0 ? qsTr("Saved as %1").arg(root.savedPath) : root.failure
        color: root.savedPath.length > 0 ? Theme.success : Theme.danger
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
