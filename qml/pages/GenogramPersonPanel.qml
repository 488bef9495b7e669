pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The person chosen on the genogram: what the genogram says about them, and the buttons
// that grow the family from them. Each change is stored as soon as it is made (a box ticked,
// a field left), and can be undone. A family member's name, gender and date of birth belong
// to the family record and are only shown here.
ColumnLayout {
    id: root

    required property GenogramController controller
    required property string personId
    /// What the store holds for the person (GenogramController.person()).
    property var details: ({})
    readonly property bool fromRecord: root.details.fromFamilyRecord === true

    signal addRelativeRequested(string relationship)
    signal drawLineRequested
    signal removed

    function refresh() {
        root.details = root.controller.person(root.personId);
        nameField.text = root.details.name || "";
        bornField.text = root.details.born || "";
        diedField.text = root.details.died || "";
        ageField.text = root.details.ageText || "";
        noteField.text = root.details.note || "";
    }

    /// Stores what was typed and not yet stored, before the page shows someone else.
    function commit() {
        if (!root.details.id)
            return true;
        const changed = {};
        if (!root.fromRecord && nameField.text.trim() !== root.details.name)
            changed.name = nameField.text;
        if (!root.fromRecord && bornField.text.trim() !== root.details.born)
            changed.born = bornField.text;
        if (diedField.text.trim() !== root.details.died)
            changed.died = diedField.text;
        if (ageField.text.trim() !== root.details.ageText)
            changed.ageText = ageField.text;
        if (noteField.text !== root.details.note)
            changed.note = noteField.text;
        if (Object.keys(changed).length === 0)
            return true;
        return root.controller.savePerson(root.personId, changed);
    }

    function saveFlag(key, value) {
        const change = {};
        change[key] = value;
        root.controller.savePerson(root.personId, change);
    }

    objectName: "genogramPersonPanel"
    spacing: Theme.spacing
    onPersonIdChanged: root.refresh()
    Component.onCompleted: {
        // (Connections is beyond Qt 6.4's linter.)
        root.controller.loaded.connect(root.refresh);
        root.refresh();
    }
    Component.onDestruction: root.controller.loaded.disconnect(root.refresh)

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: root.details.name || ""
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: root.fromRecord
        text: qsTr("In the family record: change their name, gender and date of birth on the family page.")
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }

    // Each button as wide as its words, as many to a line as fit: a longer translation
    // moves a button down rather than cutting its words short.
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Repeater {
            model: [
                {
                    "relationship": "parent",
                    "text": qsTr("Add parent")
                },
                {
                    "relationship": "partner",
                    "text": qsTr("Add partner")
                },
                {
                    "relationship": "child",
                    "text": qsTr("Add child")
                },
                {
                    "relationship": "sibling",
                    "text": qsTr("Add brother or sister")
                }
            ]

            Button {
                required property var modelData

                objectName: "add_" + modelData.relationship
                height: Theme.touchTarget
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                text: modelData.text
                font.pixelSize: Theme.fontBody
                onClicked: {
                    if (root.commit())
                        root.addRelativeRequested(modelData.relationship);
                }
            }
        }
    }

    Button {
        objectName: "drawLineButton"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        text: qsTr("Draw a line to someone…")
        font.pixelSize: Theme.fontBody
        onClicked: {
            if (root.commit())
                root.drawLineRequested();
        }
    }

    FormTextField {
        id: nameField

        objectName: "personNameField"
        visible: !root.fromRecord
        label: qsTr("Name")
        onEditingFinished: root.commit()
    }

    ButtonGroup {
        id: genders
    }

    Flow {
        Layout.fillWidth: true
        visible: !root.fromRecord
        spacing: Theme.spacing

        Repeater {
            model: [
                {
                    "value": "female",
                    "text": qsTr("Female")
                },
                {
                    "value": "male",
                    "text": qsTr("Male")
                },
                {
                    "value": "unknown",
                    "text": qsTr("Other or not known")
                }
            ]

            WrappingRadioButton {
                required property var modelData

                objectName: "personGender_" + modelData.value
                text: modelData.text
                checked: root.details.gender === modelData.value
                ButtonGroup.group: genders
                onClicked: root.saveFlag("gender", modelData.value)
            }
        }
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        FormTextField {
            id: bornField

            objectName: "personBornField"
            visible: !root.fromRecord
            label: qsTr("Born (year)")
            placeholderText: qsTr("1962")
            onEditingFinished: root.commit()
        }

        FormTextField {
            id: ageField

            objectName: "personAgeField"
            label: qsTr("Age shown")
            placeholderText: qsTr("42, about 80")
            onEditingFinished: root.commit()
        }
    }

    WrappingCheckBox {
        objectName: "personDeceased"
        Layout.fillWidth: true
        text: qsTr("Has died")
        checked: root.details.deceased === true
        onClicked: root.saveFlag("deceased", checked)
    }

    FormTextField {
        id: diedField

        objectName: "personDiedField"
        visible: root.details.deceased === true
        label: qsTr("Died (year)")
        placeholderText: qsTr("1998")
        onEditingFinished: root.commit()
    }

    WrappingCheckBox {
        objectName: "personIndex"
        Layout.fillWidth: true
        text: qsTr("The person the work is about (double outline)")
        checked: root.details.isIndex === true
        onClicked: root.saveFlag("isIndex", checked)
    }

    WrappingCheckBox {
        objectName: "personInterpreter"
        Layout.fillWidth: true
        text: qsTr("Needs an interpreter")
        checked: root.details.interpreterNeeded === true
        onClicked: root.saveFlag("interpreterNeeded", checked)
    }

    WrappingCheckBox {
        objectName: "personPregnancy"
        Layout.fillWidth: true
        visible: !root.fromRecord
        text: qsTr("Not born yet (pregnancy)")
        checked: root.details.pregnancy === true
        onClicked: root.saveFlag("pregnancy", checked)
    }

    WrappingCheckBox {
        objectName: "personHousehold"
        Layout.fillWidth: true
        text: qsTr("Lives in the family's household")
        checked: root.details.id !== undefined && root.controller.livesInHousehold(root.personId)
        onClicked: root.controller.setLivesInHousehold(root.personId, checked)
    }

    LabelledTextArea {
        id: noteField

        objectName: "personNote"
        Layout.fillWidth: true
        label: qsTr("Note")
        minimumLines: 2
        onEdited: value => noteField.text = value
    }

    Button {
        objectName: "saveNoteButton"
        Layout.preferredHeight: Theme.touchTarget
        visible: noteField.text !== (root.details.note || "")
        text: qsTr("Keep note")
        font.pixelSize: Theme.fontBody
        onClicked: root.commit()
    }

    Button {
        objectName: "unpinButton"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        visible: root.details.pinned === true
        text: qsTr("Let the layout place them again")
        font.pixelSize: Theme.fontBody
        onClicked: root.controller.unpin(root.personId)
    }

    Button {
        objectName: "removePersonButton"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        visible: !root.fromRecord
        text: qsTr("Take %1 off the genogram").arg(root.details.name || "")
        font.pixelSize: Theme.fontBody
        onClicked: {
            if (root.controller.removePerson(root.personId))
                root.removed();
        }
    }
}
