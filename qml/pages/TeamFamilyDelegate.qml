pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One family of the team caseload: its lead practitioner, level of need and weeks open, what
// is due next, the most urgent check that is not on track, and a dot for each of the six
// checks, so a supervisor sees at a glance where a case drifts.
ItemDelegate {
    id: root

    required property int index
    required property string familyId
    required property string familyName
    required property string practitionerName
    required property string levelText
    required property string weeksOpenText
    required property string nextDueText
    required property string rag
    required property string ragText
    required property string headline
    required property var checks

    objectName: "teamFamily_" + root.familyId
    implicitHeight: Math.max(Theme.touchTarget + Theme.spacing, implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    leftPadding: Theme.margin
    rightPadding: Theme.margin
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1 family, %2. Led by %3. %4. %5. %6").arg(root.familyName).arg(root.ragText).arg(root.practitionerName).arg(root.weeksOpenText).arg(root.nextDueText).arg(root.headline)
    Accessible.onPressAction: root.clicked()

    background: Rectangle {
        color: root.down ? Theme.divider : root.visualFocus ? Qt.lighter(Theme.divider, 1.1) : Theme.surface

        // The family's colour on the leading edge, beside its status in words.
        Rectangle {
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            width: 6
            color: root.rag === "red" ? Theme.danger : root.rag === "amber" ? Theme.warning : Theme.success
        }

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.divider
        }
    }

    contentItem: ColumnLayout {
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: qsTr("%1 family").arg(root.familyName)
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            StatusBadge {
                objectName: "teamFamilyStatus"
                text: root.ragText
                tone: root.rag === "red" ? StatusBadge.Danger : root.rag === "amber" ? StatusBadge.Warning : StatusBadge.Success
            }
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            //: Lead practitioner · level of need · weeks open.
            text: qsTr("%1 · %2 · %3").arg(root.practitionerName).arg(root.levelText).arg(root.weeksOpenText)
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: root.nextDueText
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            wrapMode: Text.WordWrap
        }

        Label {
            objectName: "teamFamilyHeadline"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: root.headline.length > 0
            text: root.headline
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: root.rag === "red" ? Theme.danger : Theme.text
            wrapMode: Text.WordWrap
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Repeater {
                model: root.checks

                DriftCheckDot {
                    required property var modelData

                    check: modelData
                }
            }
        }
    }
}
