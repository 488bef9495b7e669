import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Adds someone to the genogram beside a person: their parent, partner, child, brother or
// sister. A name can be what the family calls them ("Nan"). What was typed stays until it
// is added or cancelled; a refusal (a third birth parent) shows above the buttons.
AppDialog {
    id: root

    required property GenogramController controller
    /// "parent", "partner", "child" or "sibling".
    property string relationship
    property string personId
    property string personName

    /// The new person is on the genogram.
    signal added(string personId)

    function ask(relationship, personId, personName) {
        root.relationship = relationship;
        root.personId = personId;
        root.personName = personName;
        nameField.text = "";
        unknownGender.checked = true;
        root.controller.clearError();
        root.open();
    }

    // The chosen button's value (untyped: an AbstractButton has no value of its own).
    function genderOf(button) {
        return button ? button.value : "unknown";
    }

    function add() {
        const id = root.controller.addRelative(root.personId, root.relationship, nameField.text, root.genderOf(genders.checkedButton));
        if (id.length > 0) {
            root.close();
            root.added(id);
        }
    }

    objectName: "addRelativeDialog"
    focus: true
    title: root.relationship === "parent" ? qsTr("Add a parent of %1").arg(root.personName) : root.relationship === "partner" ? qsTr("Add a partner of %1").arg(root.personName) : root.relationship === "child" ? qsTr("Add a child of %1").arg(root.personName) : qsTr("Add a brother or sister of %1").arg(root.personName)
    onOpened: nameField.forceFieldFocus()

    ColumnLayout {
        width: root.availableWidth
        spacing: Theme.spacing

        FormTextField {
            id: nameField

            objectName: "relativeNameField"
            label: qsTr("Name, or what the family calls them")
            placeholderText: qsTr("For example: Nan, Uncle Dev")
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: qsTr("Drawn as")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.mutedText
            Accessible.ignored: true
        }

        ButtonGroup {
            id: genders
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing

            WrappingRadioButton {
                readonly property string value: "female"

                objectName: "relativeFemale"
                text: qsTr("Female (circle)")
                ButtonGroup.group: genders
            }

            WrappingRadioButton {
                readonly property string value: "male"

                objectName: "relativeMale"
                text: qsTr("Male (square)")
                ButtonGroup.group: genders
            }

            WrappingRadioButton {
                id: unknownGender

                readonly property string value: "unknown"

                objectName: "relativeUnknown"
                text: qsTr("Other or not known (diamond)")
                ButtonGroup.group: genders
            }
        }

        Label {
            objectName: "addRelativeError"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: root.opened && text.length > 0
            text: root.controller.errorString
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
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
                objectName: "cancelRelativeButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Cancel")
                font.pixelSize: Theme.fontBody
                onClicked: {
                    root.controller.clearError();
                    root.close();
                }
            }

            Button {
                objectName: "addRelativeButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Add")
                enabled: nameField.text.trim().length > 0
                font.pixelSize: Theme.fontBody
                highlighted: true
                Accessible.name: qsTr("Add them to the genogram")
                onClicked: root.add()
            }
        }
    }
}
