pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The fields of a consent: whose it is and who signs, the agencies, and until when. The
// dialog around it adds what for and the signature, and saves.
ColumnLayout {
    id: root

    required property ConsentController controller
    property string personId: ""
    property bool givenBySelf: true
    property var agencies: []
    property alias expiryText: expiryField.text
    readonly property string personName: root.personId.length > 0 ? root.controller.personName(root.personId) : ""

    /// Empties the form for a person ("" for nobody yet).
    function reset(personId) {
        root.personId = personId;
        person.currentIndex = personId.length > 0 ? person.indexOfValue(personId) : -1;
        root.givenBySelf = personId.length > 0 ? root.controller.givesOwnConsent(personId) : true;
        root.agencies = [];
        expiryField.text = root.controller.defaultExpiryText;
    }

    function setAgency(key, chosen) {
        const list = root.agencies.filter(a => a !== key);
        if (chosen)
            list.push(key);
        root.agencies = list;
    }

    spacing: Theme.spacing

    GridLayout {
        Layout.fillWidth: true
        columns: root.width >= 440 ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            spacing: 4

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: qsTr("Whose consent")
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.mutedText
                Accessible.ignored: true
            }

            ComboBox {
                id: person

                objectName: "consentPersonInput"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                model: root.controller.people
                textRole: "name"
                valueRole: "personId"
                currentIndex: -1
                displayText: currentIndex >= 0 ? currentText : qsTr("Choose a person")
                font.pixelSize: Theme.fontBody
                Accessible.name: currentIndex >= 0 ? qsTr("Whose consent: %1").arg(currentText) : qsTr("Whose consent: choose a person")
                onActivated: {
                    root.personId = person.currentValue;
                    root.givenBySelf = root.controller.givesOwnConsent(root.personId);
                }
            }
        }

        FormTextField {
            id: expiryField

            objectName: "consentExpiryField"
            label: qsTr("Expires on")
            placeholderText: qsTr("day/month/year")
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 0

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: qsTr("Who is signing")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.mutedText
        }

        // Not checkable by themselves: a tap sets the form's choice and the buttons follow it,
        // so choosing another person can set it back without breaking a binding.
        RadioButton {
            objectName: "givenBySelfButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            checkable: false
            checked: root.givenBySelf
            text: root.personName.length > 0 ? qsTr("%1, for themselves").arg(root.personName) : qsTr("The person, for themselves")
            font.pixelSize: Theme.fontBody
            Accessible.name: text
            onClicked: root.givenBySelf = true
        }

        RadioButton {
            objectName: "givenOnBehalfButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            checkable: false
            checked: !root.givenBySelf
            text: root.personName.length > 0 ? qsTr("A parent or carer, on %1's behalf").arg(root.personName) : qsTr("A parent or carer, on the person's behalf")
            font.pixelSize: Theme.fontBody
            Accessible.name: text
            onClicked: root.givenBySelf = false
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 0

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: qsTr("May be shared with")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.mutedText
        }

        // A Flow of fixed-width boxes, not a GridLayout: a wrapping label inside a grid
        // cell sends Qt 6.4's layouts into a polish loop.
        Flow {
            id: agencyFlow

            // Wide enough for a translation half as long again as the English names.
            readonly property int columns: Math.max(1, Math.floor(width / 240))

            Layout.fillWidth: true
            spacing: Theme.spacing

            Repeater {
                model: root.controller.agencyChoices

                WrappingCheckBox {
                    required property var modelData

                    objectName: "agency_" + modelData.value
                    width: (agencyFlow.width - (agencyFlow.columns - 1) * agencyFlow.spacing) / agencyFlow.columns
                    checkable: false
                    checked: root.agencies.indexOf(modelData.value) >= 0
                    text: modelData.text
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("Share with %1").arg(modelData.text)
                    onClicked: root.setAgency(modelData.value, !checked)
                }
            }
        }
    }

    // Fills the row the dialog gives the form, keeping the fields at its top.
    Item {
        Layout.fillHeight: true
    }
}
