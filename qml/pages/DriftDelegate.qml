import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One drift and delay check of the case: what it watches, why it stands as it does, and its
// state in words and colour (green on track, amber due soon, red drifting).
Rectangle {
    id: root

    required property var modelData

    objectName: "drift_" + root.modelData.check
    implicitHeight: Math.max(Theme.touchTarget, row.implicitHeight + Theme.spacing)
    color: Theme.surface
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1: %2. %3").arg(root.modelData.name).arg(root.modelData.ragText).arg(root.modelData.reason)

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
                text: root.modelData.name
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.modelData.reason
                font.pixelSize: Theme.fontSmall
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }

        StatusBadge {
            text: root.modelData.ragText
            tone: root.modelData.rag === "red" ? StatusBadge.Danger : root.modelData.rag === "amber" ? StatusBadge.Warning : StatusBadge.Success
        }
    }
}
