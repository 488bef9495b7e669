import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

ItemDelegate {
    id: root

    required property string familyId
    required property string familyName
    required property string postcode
    required property string language
    required property bool interpreterNeeded

    objectName: "family_" + root.familyId
    height: Math.max(Theme.touchTarget, implicitHeight)
    Accessible.name: qsTr("%1 family").arg(root.familyName)
    background: Rectangle {
        color: root.down ? Theme.divider : Theme.surface
    }

    contentItem: RowLayout {
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                text: qsTr("%1 family").arg(root.familyName)
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            Label {
                Layout.fillWidth: true
                text: root.language.length > 0 ? qsTr("%1 · speaks %2").arg(root.postcode).arg(root.language)
                                                : root.postcode
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
                elide: Text.ElideRight
            }
        }
    }
}
