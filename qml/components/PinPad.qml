pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A card for a grown-up's PIN: digit keys, take-back and OK, and a passphrase field one tap
// away. It only collects the secret: whoever shows it checks it (`submitted`) and says
// what went wrong (`errorText`). It is an item, not a popup, so no key or tap outside it
// can dismiss it behind its owner's back.
Rectangle {
    id: root

    /// A PIN is set today; without one only the passphrase is asked for.
    property bool pinAvailable: true
    /// Ask for the PIN (digits); false asks for the passphrase.
    property bool usePin: root.pinAvailable
    /// The secret is being checked: keys wait.
    property bool busy: false
    property string errorText
    property string title: qsTr("For grown-ups: enter your PIN to finish.")
    property string passphraseTitle: qsTr("For grown-ups: enter your passphrase to finish.")

    property string digits

    signal submitted(string secret)
    /// Anything typed or tapped: the owner clears an old error.
    signal edited
    signal dismissed

    function reset() {
        root.digits = "";
        passphraseField.clear();
    }

    /// Ready for a grown-up: nothing typed, and the passphrase field focused if it is shown.
    function start() {
        root.reset();
        if (!root.usePin)
            passphraseField.forceActiveFocus();
    }

    function addDigit(digit: string) {
        if (root.busy || root.digits.length >= 8)
            return;
        root.digits += digit;
        root.edited();
    }

    function submit() {
        if (root.busy)
            return;
        const secret = root.usePin ? root.digits : passphraseField.text;
        root.reset();
        if (secret.length > 0)
            root.submitted(secret);
    }

    implicitWidth: 420
    implicitHeight: column.implicitHeight + 2 * Theme.margin
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.divider

    // Too many wrong PINs switch the PIN off: the passphrase it is.
    onPinAvailableChanged: root.usePin = root.pinAvailable
    onUsePinChanged: {
        root.reset();
        if (!root.usePin)
            passphraseField.forceActiveFocus();
    }

    ColumnLayout {
        id: column

        x: Theme.margin
        y: Theme.margin
        width: root.width - 2 * Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.usePin ? root.title : root.passphraseTitle
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            ChildButton {
                objectName: "pinPadClose"
                size: Theme.touchTarget
                source: ChildTheme.icon("close")
                accessibleName: qsTr("Close and go back to drawing")
                onClicked: {
                    root.reset();
                    root.dismissed();
                }
            }
        }

        // A dot for each digit typed, never the digits themselves.
        Rectangle {
            objectName: "pinPadDots"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            visible: root.usePin
            radius: Theme.radius
            color: Theme.background
            border.color: Theme.divider
            Accessible.role: Accessible.StaticText
            Accessible.name: root.digits.length === 1 ? qsTr("1 digit typed") : qsTr("%n digits typed", "", root.digits.length)

            Row {
                anchors.centerIn: parent
                spacing: 12

                Repeater {
                    model: root.digits.length

                    Rectangle {
                        width: 16
                        height: 16
                        radius: 8
                        color: Theme.text
                    }
                }
            }
        }

        // The keys in the middle of the card (Layout.alignment is beyond Qt 6.4's linter).
        // 1 2 3 from left to right in every language, as on a phone or a cash machine: a
        // keypad is a fixed picture of digits, not a line of reading.
        Item {
            objectName: "pinKeypad"
            // The digits inside keep their place in a right-to-left language (ScreenCheck).
            property bool keepsItsPlace: true

            Layout.fillWidth: true
            Layout.preferredHeight: keypad.implicitHeight
            visible: root.usePin
            LayoutMirroring.enabled: false
            LayoutMirroring.childrenInherit: true

            GridLayout {
                id: keypad

                anchors.horizontalCenter: parent.horizontalCenter
                columns: 3
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing

                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]

                    Button {
                        required property string modelData

                        objectName: "pinKey_" + modelData
                        Layout.preferredWidth: 88
                        Layout.preferredHeight: 64
                        enabled: !root.busy
                        text: modelData
                        font.pixelSize: Theme.fontTitle
                        Accessible.name: modelData
                        onClicked: root.addDigit(modelData)
                    }
                }

                Button {
                    id: backKey

                    objectName: "pinKey_back"
                    Layout.preferredWidth: 88
                    Layout.preferredHeight: 64
                    enabled: !root.busy && root.digits.length > 0
                    Accessible.name: qsTr("Take back a digit")
                    onClicked: root.digits = root.digits.slice(0, -1)

                    contentItem: Item {
                        Picture {
                            anchors.centerIn: parent
                            width: 40
                            height: 40
                            source: ChildTheme.icon("backspace")
                            opacity: backKey.enabled ? 1 : 0.4
                            Accessible.ignored: true
                        }
                    }
                }

                Button {
                    objectName: "pinKey_0"
                    Layout.preferredWidth: 88
                    Layout.preferredHeight: 64
                    enabled: !root.busy
                    text: "0"
                    font.pixelSize: Theme.fontTitle
                    Accessible.name: "0"
                    onClicked: root.addDigit("0")
                }

                Button {
                    objectName: "pinKey_ok"
                    Layout.preferredWidth: 88
                    Layout.preferredHeight: 64
                    enabled: !root.busy && root.digits.length > 0
                    highlighted: true
                    text: qsTr("OK")
                    font.pixelSize: Theme.fontTitle
                    Accessible.name: qsTr("Finish child mode")
                    onClicked: root.submit()
                }
            }
        }

        TextField {
            id: passphraseField

            objectName: "pinPadPassphrase"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            visible: !root.usePin
            enabled: !root.busy
            echoMode: TextInput.Password
            placeholderText: qsTr("Passphrase")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Passphrase")
            onTextEdited: root.edited()
            onAccepted: root.submit()
        }

        Button {
            objectName: "pinPadPassphraseOk"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            visible: !root.usePin
            enabled: !root.busy && passphraseField.text.length > 0
            highlighted: true
            text: qsTr("Finish child mode")
            font.pixelSize: Theme.fontBody
            onClicked: root.submit()
        }

        RowLayout {
            Layout.fillWidth: true
            visible: root.busy
            spacing: Theme.spacing

            BusyIndicator {
                objectName: "pinPadBusy"
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                running: root.busy
            }

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: qsTr("Checking…")
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
        }

        Label {
            objectName: "pinPadError"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: root.errorText.length > 0
            text: root.errorText
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        Button {
            objectName: "pinPadUsePassphrase"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            visible: root.pinAvailable
            flat: true
            text: root.usePin ? qsTr("Use my passphrase instead") : qsTr("Use my PIN instead")
            font.pixelSize: Theme.fontBody
            onClicked: root.usePin = !root.usePin
        }
    }
}
