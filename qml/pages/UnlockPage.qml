import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

Page {
    id: root

    // With a PIN set today the page asks for it; the passphrase is always one tap away.
    property bool usePin: Session.pinAvailable

    objectName: "unlockPage"
    // A page is a focus scope: it must take focus for the passphrase field inside to get it.
    focus: true
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
            text: root.usePin ? qsTr("Enter today's PIN to open your caseload.")
                              : qsTr("Enter your passphrase to open your caseload.")
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
            placeholderText: root.usePin ? qsTr("PIN") : qsTr("Passphrase")
            font.pixelSize: Theme.fontBody
            enabled: !Session.busy
            focus: true
            Accessible.name: root.usePin ? qsTr("PIN") : qsTr("Passphrase")
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
                if (root.usePin)
                    Session.unlockWithPin(passphraseField.text);
                else
                    Session.unlock(passphraseField.text);
                passphraseField.clear();
            }
        }

        Button {
            objectName: "usePassphraseButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            visible: root.usePin
            flat: true
            text: qsTr("Use my passphrase instead")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Use my passphrase instead")
            onClicked: root.usePin = false
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
