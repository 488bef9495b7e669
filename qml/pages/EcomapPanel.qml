pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The ecomap's links: who the family is in touch with (school, GP, housing...) and how that
// feels, strong, weak or stressful, with a note. Adds a link, or changes the one chosen on
// the ecomap or in the list.
ColumnLayout {
    id: root

    required property GenogramController controller
    /// The link being changed, or empty to add one.
    property string linkId

    signal linkChosen(string linkId)

    function load() {
        const details = root.linkId.length > 0 ? root.controller.link(root.linkId) : null;
        const agencies = root.controller.agencies;
        agency.currentIndex = -1;
        for (let i = 0; details && i < agencies.length; ++i) {
            if (agencies[i].name === details.agency)
                agency.currentIndex = i;
        }
        nameField.text = details ? details.name : "";
        const people = root.personChoices();
        person.currentIndex = 0;
        for (let j = 0; details && j < people.length; ++j) {
            if (people[j].value === details.personId)
                person.currentIndex = j;
        }
        strengthGroup.pick(details ? details.strength : "strong");
        noteField.text = details ? details.note : "";
    }

    function personChoices() {
        const choices = [
            {
                "value": "",
                "text": qsTr("The whole family")
            }
        ];
        for (const p of root.controller.people)
            choices.push({
                "value": p.id,
                "text": p.name
            });
        return choices;
    }

    // The chosen button's value (untyped: an AbstractButton has no value of its own).
    function valueOf(button, otherwise) {
        return button ? button.value : otherwise;
    }

    function save() {
        if (agency.currentIndex < 0) {
            return false;
        }
        const values = {
            "agency": root.controller.agencies[agency.currentIndex].name,
            "name": nameField.text,
            "personId": person.currentIndex >= 0 ? root.personChoices()[person.currentIndex].value : "",
            "strength": root.valueOf(strengthGroup.checkedButton, "strong"),
            "note": noteField.text
        };
        if (root.linkId.length > 0)
            return root.controller.saveLink(root.linkId, values);
        const id = root.controller.addLink(values.agency, values.name, values.personId, values.strength, values.note);
        if (id.length > 0)
            root.linkChosen(id);
        return id.length > 0;
    }

    objectName: "ecomapPanel"
    spacing: Theme.spacing
    onLinkIdChanged: root.load()
    Component.onCompleted: root.load()

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: root.linkId.length > 0 ? qsTr("Change this link") : qsTr("Add a link")
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    ComboBox {
        id: agency

        objectName: "linkAgency"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        model: root.controller.agencies
        textRole: "label"
        currentIndex: -1
        displayText: currentIndex >= 0 ? currentText : qsTr("Choose a service or group")
        font.pixelSize: Theme.fontBody
        Accessible.name: qsTr("Service or group: %1").arg(displayText)
    }

    FormTextField {
        id: nameField

        objectName: "linkName"
        label: qsTr("Its name (optional)")
        placeholderText: qsTr("St Mary's Primary, Dr Khan")
    }

    FormComboBox {
        id: person

        objectName: "linkPerson"
        label: qsTr("With")
        choices: root.personChoices()
    }

    ButtonGroup {
        id: strengthGroup

        function pick(value) {
            for (let i = 0; i < strengthGroup.buttons.length; ++i) {
                const button = strengthGroup.buttons[i];
                if (button.value === value)
                    button.checked = true;
            }
        }
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Repeater {
            model: [
                {
                    "value": "strong",
                    "text": qsTr("Strong")
                },
                {
                    "value": "weak",
                    "text": qsTr("Weak")
                },
                {
                    "value": "stressful",
                    "text": qsTr("Stressful")
                }
            ]

            WrappingRadioButton {
                required property var modelData
                readonly property string value: modelData.value

                objectName: "linkStrength_" + modelData.value
                text: modelData.text
                ButtonGroup.group: strengthGroup
            }
        }
    }

    LabelledTextArea {
        id: noteField

        objectName: "linkNote"
        Layout.fillWidth: true
        label: qsTr("Note")
        minimumLines: 2
        onEdited: value => noteField.text = value
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Button {
            objectName: "removeLinkButton"
            Layout.preferredHeight: Theme.touchTarget
            visible: root.linkId.length > 0
            text: qsTr("Remove link")
            font.pixelSize: Theme.fontBody
            onClicked: {
                if (root.controller.removeLink(root.linkId))
                    root.linkChosen("");
            }
        }

        Item {
            Layout.fillWidth: true
        }

        Button {
            objectName: "newLinkButton"
            Layout.preferredHeight: Theme.touchTarget
            visible: root.linkId.length > 0
            text: qsTr("New link")
            font.pixelSize: Theme.fontBody
            onClicked: root.linkChosen("")
        }

        Button {
            objectName: "saveLinkButton"
            Layout.preferredHeight: Theme.touchTarget
            enabled: agency.currentIndex >= 0
            highlighted: true
            text: root.linkId.length > 0 ? qsTr("Keep changes") : qsTr("Add link")
            font.pixelSize: Theme.fontBody
            onClicked: root.save()
        }
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: qsTr("Links")
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.mutedText
        visible: root.controller.links.length > 0
    }

    Repeater {
        model: root.controller.links

        ItemDelegate {
            required property var modelData

            objectName: "link_" + modelData.id
            Layout.fillWidth: true
            highlighted: modelData.id === root.linkId
            font.pixelSize: Theme.fontBody
            //: An ecomap link in the list: "School or nursery: St Mary's (Mia), strong".
            text: qsTr("%1: %2 (%3), %4").arg(modelData.agencyLabel).arg(modelData.name.length > 0 ? modelData.name : modelData.agencyLabel).arg(modelData.personName).arg(modelData.strength === "strong" ? qsTr("strong") : modelData.strength === "weak" ? qsTr("weak") : qsTr("stressful"))
            onClicked: root.linkChosen(modelData.id)
        }
    }
}
