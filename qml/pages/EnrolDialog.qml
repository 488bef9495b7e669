pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Connects this tablet to the centre's sync server with what IT gives the practitioner:
// the server's address, the council's certificate file and a one-time enrolment code.
// A mistake is named in plain words and nothing changes until the server accepts the code.
AppDialog {
    id: root

    /// The app's sync, which does the enrolling.
    property SyncController sync: null
    /// Enrolled: the dialog's work is done.
    readonly property bool connected: sync !== null && sync.enrolled


    objectName: "enrolDialog"
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 720, 720)
    focus: true
    closePolicy: Popup.CloseOnEscape
    title: qsTr("Set up sync with the centre")
    onConnectedChanged: {
        if (connected)
            close();
    }
    onOpened: {
        if (certificateField.text.length === 0 && root.sync)
            certificateField.text = root.sync.suggestedCertificateFile();
        addressField.forceFieldFocus();
    }

    ColumnLayout {
        width: root.availableWidth
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: qsTr("IT gives you these three things. The code works once, for this tablet only.")
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }

        FormTextField {
            id: addressField

            objectName: "enrolAddressField"
            label: qsTr("Server address")
            placeholderText: qsTr("https://sync.example.gov.uk:8443")
        }

        FormTextField {
            id: certificateField

            objectName: "enrolCertificateField"
            label: qsTr("Council certificate file")
            placeholderText: qsTr("The .pem file IT sent, e.g. in Downloads")
        }

        FormTextField {
            id: codeField

            objectName: "enrolCodeField"
            label: qsTr("Enrolment code")
        }

        Label {
            objectName: "enrolProblem"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: text.length > 0
            text: root.sync ? root.sync.enrolProblem : ""
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        ProgressBar {
            objectName: "enrolBusy"
            Layout.fillWidth: true
            visible: root.sync !== null && root.sync.enrolling
            indeterminate: true
            Accessible.name: qsTr("Connecting to the server")
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "cancelEnrolButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Cancel")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Cancel setting up sync")
                onClicked: root.close()
            }

            Button {
                objectName: "enrolButton"
                Layout.preferredHeight: Theme.touchTarget
                enabled: root.sync !== null && !root.sync.enrolling
                text: qsTr("Connect")
                font.pixelSize: Theme.fontBody
                highlighted: true
                Accessible.name: qsTr("Connect this tablet to the server")
                onClicked: root.sync?.enrol(addressField.text, certificateField.text, codeField.text)
            }
        }
    }
}
