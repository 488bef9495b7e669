pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Case supervision (issue 8): each discussion of the family between the practitioner and
// their supervisor, with its decisions and actions, newest first, for both to read. A
// supervisor records one here.
SectionCard {
    id: root

    required property string familyId

    objectName: "supervisionCard"
    title: qsTr("Case supervision")
    action: Button {
        objectName: "recordSupervisionButton"
        visible: notes.canRecord
        height: Theme.touchTarget
        text: qsTr("Record a supervision")
        font.pixelSize: Theme.fontBody
        onClicked: dialog.open()
    }

    SupervisionNotesController {
        id: notes

        objectName: "supervisionNotes"
        session: Session
        familyId: root.familyId
        active: root.visible
    }

    SupervisionNoteDialog {
        id: dialog

        controller: notes
    }

    Label {
        Layout.fillWidth: true
        visible: notes.notes.length === 0
        horizontalAlignment: Text.AlignLeft
        text: qsTr("No case supervision recorded yet.")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }

    Repeater {
        objectName: "supervisionRepeater"
        model: notes.notes

        ColumnLayout {
            id: note

            required property var modelData

            objectName: "supervisionNote_" + note.modelData.id
            Layout.fillWidth: true
            spacing: 2

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.divider
            }

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                //: A case supervision's date and the supervisor who recorded it.
                text: qsTr("%1, with %2").arg(note.modelData.heldOnText).arg(note.modelData.byText)
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: note.modelData.discussion
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                visible: note.modelData.decisions.length > 0
                horizontalAlignment: Text.AlignLeft
                text: qsTr("Decided: %1").arg(note.modelData.decisions)
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                visible: note.modelData.actions.length > 0
                horizontalAlignment: Text.AlignLeft
                text: qsTr("To do: %1").arg(note.modelData.actions)
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
    }
}
