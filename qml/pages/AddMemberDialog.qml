import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Adds a member to the family. What was typed stays until it is saved (or cancelled), so
// a refused NHS number or date can be corrected in place; the store's reason shows above
// the buttons and the dialog stays open.
AppDialog {
    id: root

    required property FamilyController controller

    function clear() {
        givenName.text = "";
        familyName.text = root.controller.familyName;
        dateOfBirth.text = "";
        nhsNumber.text = "";
        school.text = "";
        gender.currentIndex = -1;
        role.currentIndex = -1;
    }

    function save() {
        const saved = root.controller.addMember(givenName.text, familyName.text, dateOfBirth.text, nhsNumber.text, gender.currentValue, role.currentValue, school.text);
        if (saved) {
            root.clear();
            root.close();
        }
    }

    objectName: "addMemberDialog"
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 760, 760)
    focus: true
    title: qsTr("Add a family member")
    onOpened: givenName.forceFieldFocus()

    ColumnLayout {
        width: root.availableWidth
        spacing: Theme.spacing

        GridLayout {
            Layout.fillWidth: true
            columns: root.availableWidth > 560 ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            FormTextField {
                id: givenName

                objectName: "givenNameField"
                label: qsTr("Given name (required)")
            }

            FormTextField {
                id: familyName

                objectName: "familyNameField"
                label: qsTr("Family name")
                text: root.controller.familyName
            }

            FormTextField {
                id: dateOfBirth

                objectName: "dateOfBirthField"
                label: qsTr("Date of birth (day/month/year)")
                placeholderText: qsTr("14/03/2016")
            }

            FormTextField {
                id: nhsNumber

                objectName: "nhsNumberField"
                label: qsTr("NHS number")
                placeholderText: qsTr("943 476 5919")
            }

            FormComboBox {
                id: role

                objectName: "roleField"
                label: qsTr("Role in the family")
                choices: root.controller.roleChoices
            }

            FormComboBox {
                id: gender

                objectName: "genderField"
                label: qsTr("Gender")
                choices: root.controller.genderChoices
            }

            FormTextField {
                id: school

                objectName: "schoolField"
                label: qsTr("School or nursery")
            }
        }

        Label {
            objectName: "addMemberError"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: text.length > 0
            text: root.controller.addMemberError
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
                objectName: "cancelAddMemberButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Cancel")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Cancel adding a member")
                onClicked: {
                    root.controller.clearAddMemberError();
                    root.clear();
                    root.close();
                }
            }

            Button {
                objectName: "saveMemberButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Add member")
                font.pixelSize: Theme.fontBody
                highlighted: true
                Accessible.name: qsTr("Add this member to the family")
                onClicked: root.save()
            }
        }
    }
}
