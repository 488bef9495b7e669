pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Shares what may be shared about the family with one agency, as a file in a folder the
// practitioner chooses. It says as the agency is chosen whether everyone has valid consent
// and, if not, who lacks it and why; sharing is refused until they do.
AppDialog {
    id: root

    required property string familyId

    objectName: "shareDialog"
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 760, 760)
    focus: true
    closePolicy: Popup.CloseOnEscape
    title: qsTr("Share with an agency")
    onOpened: share.clearResult()

    AgencyShareController {
        id: share

        objectName: "shareController"
        session: Session
        familyId: root.familyId
        agency: agencyField.currentValue
    }

    ColumnLayout {
        width: root.availableWidth
        spacing: Theme.spacing

        GridLayout {
            Layout.fillWidth: true
            columns: root.availableWidth >= 560 ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            FormComboBox {
                id: agencyField

                objectName: "shareAgencyField"
                label: qsTr("Agency")
                choices: share.agencyChoices
                emptyText: qsTr("Choose an agency")
            }

            FormTextField {
                id: folderField

                objectName: "shareFolderField"
                label: qsTr("Save in the folder")
                text: share.folder
                onTextChanged: share.folder = folderField.text
            }
        }

        Label {
            objectName: "shareCheck"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            // A refusal below says the same, and why: the check gives way to it.
            visible: text.length > 0 && share.shareError.length === 0
            text: share.checkText
            color: share.allowed ? Theme.success : Theme.text
            font.pixelSize: Theme.fontBody
            font.bold: true
            wrapMode: Text.WordWrap
        }

        Repeater {
            model: share.problems

            Label {
                required property string modelData

                Layout.fillWidth: true
                visible: share.shareError.length === 0
                horizontalAlignment: Text.AlignLeft
                text: qsTr("• %1").arg(modelData)
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }
        }

        Label {
            objectName: "shareResult"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: text.length > 0
            text: share.shareError.length > 0 ? share.shareError : share.sharedFile.length > 0 ? qsTr("Saved for sharing as %1").arg(share.sharedFile) : ""
            color: share.shareError.length > 0 ? Theme.danger : Theme.success
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "closeShareButton"
                Layout.preferredHeight: Theme.touchTarget
                text: share.sharedFile.length > 0 ? qsTr("Done") : qsTr("Cancel")
                font.pixelSize: Theme.fontBody
                Accessible.name: share.sharedFile.length > 0 ? qsTr("Close") : qsTr("Cancel sharing")
                onClicked: root.close()
            }

            Button {
                objectName: "shareButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Share")
                font.pixelSize: Theme.fontBody
                highlighted: true
                Accessible.name: qsTr("Save what may be shared with the agency")
                onClicked: share.share()
            }
        }
    }
}
