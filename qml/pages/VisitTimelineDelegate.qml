import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One home visit in the family's timeline: when, where, and whether the record is final.
ItemDelegate {
    id: root

    required property string visitId
    required property string whenText
    required property string location
    required property bool isFinal
    required property string statusText

    readonly property string placeText: root.location.length > 0 ? root.location : qsTr("Place not recorded")

    objectName: "visit_" + root.visitId
    implicitHeight: Math.max(Theme.touchTarget + Theme.spacing, implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    leftPadding: 0
    rightPadding: 0
    Accessible.role: Accessible.Button
    //: Read by screen readers for a visit in the timeline: when, where, draft or final.
    Accessible.name: qsTr("Home visit %1, %2, %3. Open the record.").arg(root.whenText).arg(root.placeText).arg(root.statusText)
    Accessible.onPressAction: root.clicked()

    background: Rectangle {
        color: root.down ? Theme.divider : Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: 1
            color: Theme.divider
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.whenText
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.placeText
                font.pixelSize: Theme.fontSmall
                color: root.location.length > 0 ? Theme.text : Theme.mutedText
                elide: Text.ElideRight
            }
        }

        StatusBadge {
            text: root.statusText
            tone: root.isFinal ? StatusBadge.Success : StatusBadge.Warning
        }
    }
}
