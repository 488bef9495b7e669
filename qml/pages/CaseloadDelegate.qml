pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// One family on the caseload: name, what is due next, overdue badges and the number of
// children. Tapping it, or activating it with the keyboard or a screen reader, chooses it.
ItemDelegate {
    id: root

    required property int index
    required property string familyId
    required property string familyName
    required property int childCount
    required property string nextDueText
    required property int nextDueStatus
    required property list<string> overdueBadges
    required property string overdueSummary
    required property string caseStageText

    // "1 child" is spelled out until the app ships an English plural translation.
    readonly property string childrenText: root.childCount === 1 ? qsTr("1 child") : qsTr("%n children", "", root.childCount)
    //: A closed case's stage, then what is due next: "In maintenance since 12 Mar 2026. 1-month maintenance review due …".
    readonly property string dueText: root.caseStageText.length > 0 ? qsTr("%1. %2").arg(root.caseStageText).arg(root.nextDueText) : root.nextDueText

    objectName: "family_" + root.familyId
    implicitHeight: Math.max(Theme.touchTarget + Theme.spacing, implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    leftPadding: Theme.margin
    rightPadding: Theme.margin
    Accessible.role: Accessible.Button
    //: Read by screen readers for a caseload row: family, children, next due, what is overdue.
    Accessible.name: root.overdueSummary.length > 0 ? qsTr("%1 family, %2. %3. %4.").arg(root.familyName).arg(root.childrenText).arg(root.dueText).arg(root.overdueSummary) : qsTr("%1 family, %2. %3.").arg(root.familyName).arg(root.childrenText).arg(root.dueText)
    Accessible.onPressAction: root.clicked()

    background: Rectangle {
        color: root.down ? Theme.divider : root.visualFocus ? Qt.lighter(Theme.divider, 1.1) : Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.divider
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: qsTr("%1 family").arg(root.familyName)
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            Label {
                objectName: "caseStage"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                visible: root.caseStageText.length > 0
                text: root.caseStageText
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }

            Label {
                objectName: "nextDue"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.nextDueText
                font.pixelSize: Theme.fontBody
                font.bold: root.nextDueStatus === CaseloadModel.Overdue
                color: root.nextDueStatus === CaseloadModel.Overdue ? Theme.danger : Theme.text
                wrapMode: Text.WordWrap
            }

            Flow {
                Layout.fillWidth: true
                visible: root.overdueBadges.length > 0
                spacing: 6

                Repeater {
                    model: root.overdueBadges

                    StatusBadge {
                        required property string modelData

                        text: modelData
                        tone: StatusBadge.Danger
                    }
                }
            }
        }

        Label {
            text: root.childrenText
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            horizontalAlignment: Text.AlignRight
        }
    }
}
