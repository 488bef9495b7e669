pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One practitioner of the team: their open cases against the usual 20-35, what is drifting
// in them, and when each of their tablets last synced. Tapping shows their families.
ItemDelegate {
    id: root

    required property int index
    required property string userId
    required property string name
    required property int caseload
    required property string caseloadText
    required property string range
    required property string rangeText
    required property int redChecks
    required property string driftText
    required property string lastSyncText
    required property bool syncStale
    required property var devices

    objectName: "practitioner_" + root.userId
    implicitHeight: Math.max(Theme.touchTarget + Theme.spacing, implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    leftPadding: Theme.margin
    rightPadding: Theme.margin
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1: %2, %3. %4. %5. Show their families.").arg(root.name).arg(root.caseloadText).arg(root.rangeText).arg(root.driftText).arg(root.lastSyncText)
    Accessible.onPressAction: root.clicked()

    background: Rectangle {
        color: root.down ? Theme.divider : Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.divider
        }
    }

    contentItem: ColumnLayout {
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.name
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            StatusBadge {
                objectName: "caseloadRange"
                text: root.rangeText
                tone: root.range === "within" ? StatusBadge.Success : StatusBadge.Warning
            }
        }

        CaseloadRangeBar {
            objectName: "caseloadBar"
            Layout.fillWidth: true
            caseload: root.caseload
            within: root.range === "within"
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: qsTr("%1. %2.").arg(root.caseloadText).arg(root.driftText)
            font.pixelSize: Theme.fontBody
            color: root.redChecks > 0 ? Theme.danger : Theme.text
            wrapMode: Text.WordWrap
        }

        Label {
            objectName: "lastSync"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: root.lastSyncText
            font.pixelSize: Theme.fontSmall
            font.bold: root.syncStale
            color: root.syncStale ? Theme.danger : Theme.mutedText
            wrapMode: Text.WordWrap
        }

        Repeater {
            model: root.devices.length > 1 ? root.devices : []

            Label {
                required property var modelData

                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: qsTr("%1: %2").arg(modelData.name).arg(modelData.lastSyncText)
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }
        }
    }
}
