import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A page's tool bar: Back, the title, and how far saving has got.
ToolBar {
    id: root

    required property string title
    /// "Saved", "Saving…", or empty.
    property string saveState
    /// What Back returns to, for screen readers: "Back to the family".
    property string backName: qsTr("Back")

    signal back

    topPadding: 6
    bottomPadding: 6
    background: Rectangle {
        color: Theme.primary
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        HeaderButton {
            objectName: root.objectName + "BackButton"
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
            text: qsTr("Back")
            font.pixelSize: Theme.fontBody
            Accessible.name: root.backName
            onClicked: root.back()
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: root.title
            color: Theme.textOnPrimary
            font.pixelSize: Theme.fontTitle
            font.bold: true
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        Label {
            objectName: root.objectName + "SaveState"
            visible: root.saveState.length > 0
            text: root.saveState
            color: Theme.textOnPrimary
            font.pixelSize: Theme.fontSmall
            Accessible.name: qsTr("Save state: %1").arg(root.saveState)
        }
    }
}
