import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

Page {
    id: root

    objectName: "unlockPage"
    background: Rectangle {
        color: Theme.background
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 480)
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Doorstep")
            font.pixelSize: Theme.fontHeading
            font.bold: true
            color: Theme.primary
            horizontalAlignment: Text.AlignHCenter
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("Enter your passphrase to open your caseload.")
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }

        TextField {
            id: passphraseField

            objectName: "passphraseField"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            echoMode: TextInput.Password
            placeholderText: qsTr("Passphrase")
            font.pixelSize: Theme.fontBody
            enabled: !Session.busy
            focus: true
            Accessible.name: qsTr("Passphrase")
            onAccepted: unlockButton.clicked()
        }

        Button {
            id: unlockButton

            objectName: "unlockButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            text: Session.busy ? qsTr("Unlocking…") : qsTr("Unlock")
            font.pixelSize: Theme.fontBody
            enabled: !Session.busy && passphraseField.text.length > 0
            Accessible.name: qsTr("Unlock")
            onClicked: {
                Session.unlock(passphraseField.text);
                passphraseField.clear();
            }
        }

        Label {
            objectName: "unlockError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: Session.errorString
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
