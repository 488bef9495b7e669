import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The letter to the child: the practitioner's message, a preview, and saving it as a PDF.
// The letter holds only the houses the child agreed to share, with the child's words.
SectionCard {
    id: root

    required property ThreeHousesController controller
    property alias message: messageField.text

    property string savedPath
    property string failure

    signal previewRequested(string message)

    function save() {
        const path = root.controller.saveLetter(root.message, folderField.text);
        root.savedPath = path;
        root.failure = path.length > 0 ? "" : root.controller.errorString;
    }

    objectName: "letterCard"
    title: qsTr("Letter to %1").arg(root.controller.childName)

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: qsTr("The letter shows the houses %1 agreed to share, %1's own words in them, and your message.").arg(root.controller.childName)
        font.pixelSize: Theme.fontBody
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    LabelledTextArea {
        id: messageField

        objectName: "letterMessage"
        Layout.fillWidth: true
        label: qsTr("Your message to %1").arg(root.controller.childName)
        minimumLines: 4
        onEdited: value => {
            messageField.text = value;
            root.savedPath = "";
            root.failure = "";
        }
    }

    FormTextField {
        id: folderField

        objectName: "letterFolder"
        Layout.fillWidth: true
        label: qsTr("Save in the folder")
        text: root.controller.defaultExportFolder
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Button {
            objectName: "previewLetterButton"
            height: Theme.touchTarget
            text: qsTr("Preview the letter")
            font.pixelSize: Theme.fontBody
            onClicked: root.previewRequested(root.message)
        }

        Button {
            objectName: "saveLetterButton"
            height: Theme.touchTarget
            text: qsTr("Save the letter as PDF")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Save the letter to %1 as a PDF file").arg(root.controller.childName)
            onClicked: root.save()
        }
    }

    Label {
        objectName: "letterResult"
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
