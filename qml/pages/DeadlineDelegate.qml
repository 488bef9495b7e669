import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// One of the case's timescales: what it is, its dates in words and its status.
Rectangle {
    id: root

    required property string name
    required property string sentence
    required property int status
    required property string statusText

    implicitHeight: Math.max(Theme.touchTarget, row.implicitHeight + Theme.spacing)
    color: Theme.surface
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1: %2. %3.").arg(root.name).arg(root.statusText).arg(root.sentence)

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 1
        color: Theme.divider
    }

    RowLayout {
        id: row

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.name
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.sentence
                font.pixelSize: Theme.fontSmall
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }

        StatusBadge {
            text: root.statusText
            tone: root.status === DeadlineListModel.Overdue ? StatusBadge.Danger : root.status === DeadlineListModel.Due ? StatusBadge.Warning : root.status === DeadlineListModel.Met ? StatusBadge.Success : StatusBadge.Neutral
        }
    }
}
