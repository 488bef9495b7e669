import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One version of a field in the comparison: where it stands, who wrote it where and when,
// its whole text, and what can be done with it.
Pane {
    id: root

    /// 0 for the version on the record, then 1, 2… for the others.
    required property int position
    required property bool current
    required property bool sealed
    required property string versionText
    /// Who wrote it where and when: "On another tablet, Wed 4 Mar 2026, 10:32".
    required property string byline

    signal keepRequested
    signal readRequested

    padding: Theme.spacing
    background: Rectangle {
        radius: Theme.radius
        color: Theme.background
        border.color: root.current ? Theme.primary : Theme.warning
        border.width: 2
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: root.current ? (root.sealed ? qsTr("In the finalised record") : qsTr("On the record now")) : (root.sealed ? qsTr("Arrived too late") : qsTr("The other version"))
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: root.byline
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }

        // Selectable, so a part of it can be copied into the merged text.
        TextArea {
            objectName: "versionText_" + root.position
            Layout.fillWidth: true
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.Wrap
            horizontalAlignment: Text.AlignLeft
            text: root.versionText.length > 0 ? root.versionText : qsTr("(empty)")
            font.pixelSize: Theme.fontBody
            color: root.versionText.length > 0 ? Theme.text : Theme.mutedText
            Accessible.name: root.current ? qsTr("Text on the record now") : qsTr("Text of the other version")
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.divider
            }
        }

        Button {
            objectName: "keepVersionButton_" + root.position
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            visible: !root.sealed
            text: qsTr("Keep this one")
            font.pixelSize: Theme.fontBody
            Accessible.name: root.current ? qsTr("Keep the version on the record now, as it is") : qsTr("Keep the other version, as it is")
            onClicked: root.keepRequested()
        }

        Button {
            objectName: "markReadButton_" + root.position
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            visible: root.sealed && !root.current
            text: qsTr("Mark as read")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Mark the late version as read; it stays in the record's history")
            onClicked: root.readRequested()
        }
    }
}
