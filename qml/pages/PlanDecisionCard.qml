pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The supervisor's sign-off (issue 8): every decision on the plan, newest first, with the
// supervisor's comments, for the practitioner and supervisor alike; and, for a supervisor
// with the plan complete, signing it off or returning it with what must change.
SectionCard {
    id: root

    required property PlanDecisionController controller

    objectName: "planDecisionCard"
    title: qsTr("Supervisor's sign-off")

    Label {
        objectName: "noPlanDecision"
        Layout.fillWidth: true
        visible: root.controller.decisions.length === 0
        horizontalAlignment: Text.AlignLeft
        text: qsTr("Not signed off yet.")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }

    Repeater {
        objectName: "planDecisionRepeater"
        model: root.controller.decisions

        ColumnLayout {
            id: decision

            required property var modelData
            required property int index

            objectName: "planDecision_" + decision.index
            Layout.fillWidth: true
            spacing: 2

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                StatusBadge {
                    text: decision.modelData.decision === "signed_off" ? qsTr("Signed off") : qsTr("Returned")
                    tone: decision.modelData.decision === "signed_off" ? StatusBadge.Success : StatusBadge.Warning
                }

                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignLeft
                    text: qsTr("%1, %2").arg(decision.modelData.title).arg(decision.modelData.byText)
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }

            Label {
                objectName: "planDecisionComments"
                Layout.fillWidth: true
                visible: decision.modelData.comments.length > 0
                horizontalAlignment: Text.AlignLeft
                text: decision.modelData.comments
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
    }

    Label {
        objectName: "planDecisionHint"
        Layout.fillWidth: true
        visible: text.length > 0
        horizontalAlignment: Text.AlignLeft
        text: root.controller.decideHint
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }

    ColumnLayout {
        Layout.fillWidth: true
        visible: root.controller.canDecide
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: qsTr("Comments for the practitioner")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.mutedText
        }

        TextArea {
            id: comments

            objectName: "planDecisionCommentsField"
            Layout.fillWidth: true
            Layout.minimumHeight: 2 * Theme.touchTarget
            wrapMode: TextEdit.Wrap
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("What is good about the plan, or what must change")
            Accessible.name: qsTr("Comments for the practitioner")
            background: Rectangle {
                color: Theme.surface
                border.color: comments.activeFocus ? Theme.primary : Theme.divider
                border.width: comments.activeFocus ? 2 : 1
            }
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Button {
                objectName: "signOffPlanButton"
                height: Theme.touchTarget
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                text: qsTr("Sign off the plan")
                font.pixelSize: Theme.fontBody
                highlighted: true
                onClicked: {
                    if (root.controller.signOff(comments.text))
                        comments.clear();
                }
            }

            Button {
                objectName: "returnPlanButton"
                height: Theme.touchTarget
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                text: qsTr("Return with comments")
                font.pixelSize: Theme.fontBody
                onClicked: {
                    if (root.controller.returnPlan(comments.text))
                        comments.clear();
                }
            }
        }
    }

    Label {
        objectName: "planDecisionError"
        Layout.fillWidth: true
        visible: text.length > 0
        horizontalAlignment: Text.AlignLeft
        text: root.controller.errorString
        font.pixelSize: Theme.fontBody
        color: Theme.danger
        wrapMode: Text.WordWrap
    }
}
