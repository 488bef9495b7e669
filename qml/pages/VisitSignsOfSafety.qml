import QtQuick
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The three Signs of Safety columns, side by side in landscape, stacked in portrait,
// then free notes.
GridLayout {
    id: root

    required property VisitController controller

    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing

    LabelledTextArea {
        objectName: "workingWellField"
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        label: qsTr("What's working well?")
        text: root.controller.workingWell
        readOnly: root.controller.isFinal
        onEdited: value => root.controller.workingWell = value
    }

    LabelledTextArea {
        objectName: "worriesField"
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        label: qsTr("What are we worried about?")
        text: root.controller.worries
        readOnly: root.controller.isFinal
        onEdited: value => root.controller.worries = value
    }

    LabelledTextArea {
        objectName: "needsField"
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        label: qsTr("What needs to happen?")
        text: root.controller.needsToHappen
        readOnly: root.controller.isFinal
        onEdited: value => root.controller.needsToHappen = value
    }

    LabelledTextArea {
        objectName: "notesField"
        Layout.fillWidth: true
        Layout.columnSpan: root.columns
        label: qsTr("Notes")
        minimumLines: 3
        text: root.controller.notes
        readOnly: root.controller.isFinal
        onEdited: value => root.controller.notes = value
    }
}
