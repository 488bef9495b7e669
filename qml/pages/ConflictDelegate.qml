import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One field of a family's records with versions waiting: which record and field, and the
// marker that says what to do ("Two versions of these notes — compare"). Tapping opens the
// comparison.
ItemDelegate {
    id: root

    required property string conflictKey
    required property string recordTitle
    required property string fieldLabel
    required property string markerText
    required property bool sealed

    objectName: "conflict_" + root.conflictKey
    implicitHeight: Math.max(Theme.touchTarget + Theme.spacing, implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    Accessible.role: Accessible.Button
    //: Read by screen readers for a record with two versions: what to do, record, field.
    Accessible.name: qsTr("%1. %2, %3.").arg(root.markerText).arg(root.recordTitle).arg(root.fieldLabel)
    Accessible.onPressAction: root.clicked()

    background: Rectangle {
        radius: Theme.radius
        color: root.down ? Theme.divider : Theme.background
        border.color: Theme.warning
        border.width: root.visualFocus ? 3 : 1
    }

    contentItem: RowLayout {
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                //: A record and one of its fields: "Home visit, Wed 4 Mar 2026, 10:30: Notes".
                text: qsTr("%1: %2").arg(root.recordTitle).arg(root.fieldLabel)
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.markerText
                font.pixelSize: Theme.fontBody
                color: Theme.warning
                wrapMode: Text.WordWrap
            }
        }

        Label {
            // A chevron that points the way the page reads.
            text: Theme.rightToLeft ? "\u2039" : "\u203a"
            font.pixelSize: Theme.fontTitle
            color: Theme.mutedText
            Accessible.ignored: true
        }
    }
}
