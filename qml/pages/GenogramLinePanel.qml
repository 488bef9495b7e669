pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The line chosen on the genogram: who it joins, its type within its kind (married to
// divorced, close to conflict), when it started and ended, and a note. Each change is
// stored at once and can be undone.
ColumnLayout {
    id: root

    required property GenogramController controller
    required property string relationId
    property var details: ({})

    signal removed

    function refresh() {
        root.details = root.controller.relation(root.relationId);
        startField.text = root.details.start || "";
        endField.text = root.details.end || "";
        noteField.text = root.details.note || "";
    }

    function commit() {
        if (!root.details.id)
            return true;
        const changed = {};
        if (startField.text.trim() !== root.details.start)
            changed.start = startField.text;
        if (endField.text.trim() !== root.details.end)
            changed.end = endField.text;
        if (noteField.text !== root.details.note)
            changed.note = noteField.text;
        if (Object.keys(changed).length === 0)
            return true;
        return root.controller.saveRelation(root.relationId, changed);
    }

    objectName: "genogramLinePanel"
    spacing: Theme.spacing
    onRelationIdChanged: root.refresh()
    Component.onCompleted: {
        // (Connections is beyond Qt 6.4's linter.)
        root.controller.loaded.connect(root.refresh);
        root.refresh();
    }
    Component.onDestruction: root.controller.loaded.disconnect(root.refresh)

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: root.details.kindLabel || ""
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
        //: A line on the genogram: "From Rose to Ben".
        text: qsTr("From %1 to %2").arg(root.details.fromName || "").arg(root.details.toName || "")
        font.pixelSize: Theme.fontBody
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: qsTr("Type of line")
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.mutedText
    }

    ButtonGroup {
        id: types
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Repeater {
            model: root.details.types || []

            WrappingRadioButton {
                required property var modelData

                objectName: "lineType_" + modelData.name
                text: modelData.label
                checked: root.details.type === modelData.name
                ButtonGroup.group: types
                onClicked: {
                    if (!root.controller.setRelationType(root.relationId, modelData.name))
                        root.refresh();
                }
            }
        }
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        visible: root.details.kind === "partner" || root.details.kind === "emotional"

        FormTextField {
            id: startField

            objectName: "lineStartField"
            label: root.details.kind === "partner" ? qsTr("Together from (year)") : qsTr("Since (year)")
            placeholderText: qsTr("2009")
            onEditingFinished: root.commit()
        }

        FormTextField {
            id: endField

            objectName: "lineEndField"
            label: root.details.kind === "partner" ? qsTr("Apart from (year)") : qsTr("Until (year)")
            placeholderText: qsTr("2015")
            onEditingFinished: root.commit()
        }
    }

    LabelledTextArea {
        id: noteField

        objectName: "lineNote"
        Layout.fillWidth: true
        label: qsTr("Note")
        minimumLines: 2
        onEdited: value => noteField.text = value
    }

    Button {
        objectName: "saveLineNoteButton"
        Layout.preferredHeight: Theme.touchTarget
        visible: noteField.text !== (root.details.note || "")
        text: qsTr("Keep note")
        font.pixelSize: Theme.fontBody
        onClicked: root.commit()
    }

    Button {
        objectName: "removeLineButton"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        text: qsTr("Remove this line")
        font.pixelSize: Theme.fontBody
        onClicked: {
            if (root.controller.removeRelation(root.relationId))
                root.removed();
        }
    }
}
