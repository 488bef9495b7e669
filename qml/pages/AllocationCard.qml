import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// A supervisor allocates the family, or moves it to another practitioner of the team, from
// today. It reaches the practitioners' tablets at the next sync.
SectionCard {
    id: root

    required property string familyId
    required property string leadText

    /// The supervisor asks who has read or changed the family's records.
    signal auditRequested

    objectName: "allocationCard"
    visible: allocation.canAllocate
    title: qsTr("Lead practitioner")
    action: Button {
        objectName: "openAuditButton"
        height: Theme.touchTarget
        text: qsTr("Audit")
        font.pixelSize: Theme.fontBody
        Accessible.name: qsTr("Who has read or changed this family's records")
        onClicked: root.auditRequested()
    }

    AllocationController {
        id: allocation

        objectName: "allocationController"
        session: Session
        familyId: root.familyId
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: root.leadText
        font.pixelSize: Theme.fontBody
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    FormComboBox {
        id: practitioner

        objectName: "allocateTo"
        label: qsTr("Allocate to")
        choices: allocation.choices
        emptyText: qsTr("Choose a practitioner")
    }

    Button {
        objectName: "allocateButton"
        enabled: practitioner.currentValue.length > 0
        height: Theme.touchTarget
        text: qsTr("Allocate from today")
        font.pixelSize: Theme.fontBody
        highlighted: true
        onClicked: {
            if (allocation.allocate(practitioner.currentValue))
                practitioner.currentIndex = -1;
        }
    }

    Label {
        objectName: "allocationHint"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: allocation.errorString.length > 0 ? allocation.errorString : qsTr("The family moves to their tablet at the next sync, and leaves the last practitioner's once their work on it is sent.")
        font.pixelSize: Theme.fontSmall
        color: allocation.errorString.length > 0 ? Theme.danger : Theme.mutedText
        wrapMode: Text.WordWrap
    }
}
