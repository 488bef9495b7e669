import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Offered after the day's first passphrase unlock: a short PIN for the rest of today.
AppDialog {
    id: root

    objectName: "pinSetupDialog"
    onOpened: pinField.forceActiveFocus()
    title: qsTr("Set a PIN for today?")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Doorstep locks itself after a few minutes without use. A PIN of 4 to 8 digits unlocks it again until the end of today.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
        }

        TextField {
            id: pinField

            objectName: "pinField"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            echoMode: TextInput.Password
            placeholderText: qsTr("PIN")
            font.pixelSize: Theme.fontBody
            validator: RegularExpressionValidator {
                regularExpression: /[0-9]{0,8}/
            }
            Accessible.name: qsTr("PIN")
            onAccepted: setButton.clicked()
        }

        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: Session.errorString
            color: Theme.danger
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
        }

        Button {
            id: setButton

            objectName: "setPinButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            text: qsTr("Set PIN")
            font.pixelSize: Theme.fontBody
            enabled: pinField.text.length >= 4
            Accessible.name: qsTr("Set PIN")
            onClicked: {
                if (Session.setPin(pinField.text)) {
                    pinField.clear();
                    root.close();
                }
            }
        }

        Button {
            objectName: "skipPinButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            text: qsTr("Not today")
            flat: true
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Do not set a PIN today")
            onClicked: {
                pinField.clear();
                root.close();
            }
        }
    }
}
