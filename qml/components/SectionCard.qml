import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A titled white card that stacks its children; an optional action sits beside the title.
Pane {
    id: root

    required property string title
    default property alias content: body.data
    property alias action: actionSlot.data

    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.divider
    }

    // One layout for the title and the content: a nested one is not laid out again when a
    // wrapped label in it changes height while Qt 6.4 is laying the page out.
    ColumnLayout {
        id: body

        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.title
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
                Accessible.name: root.title
            }

            RowLayout {
                id: actionSlot

                spacing: Theme.spacing
            }
        }
    }
}
