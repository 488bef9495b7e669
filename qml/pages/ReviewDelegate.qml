import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One review meeting: when, what kind, who came and what was decided. Tapping opens it.
ItemDelegate {
    id: root

    required property string reviewId
    required property string heldOnText
    required property string kindText
    required property string attendees
    required property string outcome

    objectName: "review_" + root.reviewId
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1 on %2. Attended by: %3. Outcome: %4").arg(root.kindText).arg(root.heldOnText).arg(root.attendees).arg(root.outcome)
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

    contentItem: ColumnLayout {
        spacing: 2

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: qsTr("%1, %2").arg(root.kindText).arg(root.heldOnText)
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }

        Label {
            objectName: "reviewAttendees"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: root.attendees.length > 0
            text: qsTr("Attended by: %1").arg(root.attendees)
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            wrapMode: Text.WordWrap
        }

        Label {
            objectName: "reviewOutcome"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: root.outcome.length > 0
            text: qsTr("Outcome: %1").arg(root.outcome)
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
    }
}
