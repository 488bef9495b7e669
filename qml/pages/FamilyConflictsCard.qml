pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The family's records that were changed on two tablets at once (or after they were signed
// or finalised), at the top of the family page until a person has compared them.
SectionCard {
    id: root

    required property ConflictController controller

    signal compareRequested(string conflictKey)

    objectName: "conflictsCard"
    visible: root.controller.conflicts.count > 0
    title: qsTr("Versions to compare")

    action: StatusBadge {
        objectName: "conflictBadge"
        //: A badge: how many records have versions to compare.
        text: qsTr("%n to compare", "", root.controller.recordCount)
        tone: StatusBadge.Warning
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: qsTr("These were changed on two tablets at once, or after they were finalised. Nothing has been lost: open each one to compare the versions and decide what to keep.")
        font.pixelSize: Theme.fontBody
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    Repeater {
        objectName: "conflictRepeater"
        model: root.controller.conflicts

        ConflictDelegate {
            id: row

            Layout.fillWidth: true
            onClicked: root.compareRequested(row.conflictKey)
        }
    }
}
