import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Where the plan has got to, and the two steps the family takes with the practitioner:
// agreeing the goals and completing the plan, each dated today.
SectionCard {
    id: root

    required property PlanController controller

    objectName: "planStatusCard"
    title: qsTr("Plan status")

    DetailRow {
        objectName: "planStatusDetail"
        label: qsTr("Status")
        value: root.controller.statusText
        emphasis: true
    }

    DetailRow {
        objectName: "planStartedDetail"
        visible: root.controller.startedOnText.length > 0
        label: qsTr("Started")
        value: root.controller.startedOnText
    }

    DetailRow {
        objectName: "goalsAgreedDetail"
        label: qsTr("Goals agreed")
        value: root.controller.goalsAgreedOnText.length > 0 ? root.controller.goalsAgreedOnText : qsTr("Not yet")
    }

    DetailRow {
        objectName: "planCompletedDetail"
        label: qsTr("Plan complete")
        value: root.controller.completedOnText.length > 0 ? root.controller.completedOnText : qsTr("Not yet")
    }

    Flow {
        Layout.fillWidth: true
        visible: root.controller.canAgreeGoals || root.controller.canCompletePlan
        spacing: Theme.spacing

        Button {
            objectName: "agreeGoalsButton"
            height: Theme.touchTarget
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            visible: root.controller.canAgreeGoals
            text: qsTr("The family agreed these goals")
            font.pixelSize: Theme.fontBody
            highlighted: true
            Accessible.name: qsTr("Record that the family agreed these goals today")
            onClicked: root.controller.agreeGoals()
        }

        Button {
            objectName: "completePlanButton"
            height: Theme.touchTarget
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            visible: root.controller.canCompletePlan
            text: qsTr("Mark the plan complete")
            font.pixelSize: Theme.fontBody
            highlighted: true
            Accessible.name: qsTr("Mark the plan complete today")
            onClicked: root.controller.completePlan()
        }
    }

    Label {
        objectName: "planHint"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: text.length > 0
        text: root.controller.agreeGoalsHint.length > 0 ? root.controller.agreeGoalsHint : root.controller.completePlanHint
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }
}
