pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// One action: what will be done, who does it, by when, the goal it serves, and done.
Column {
    id: root

    required property int index
    required property string actionId
    required property string description
    required property string who
    required property string dueText
    required property string dueProblem
    required property bool done
    required property string statusText
    required property bool overdue
    required property string goalText
    required property bool saved
    required property PlanController controller

    function focusDescription() {
        descriptionField.forceFieldFocus();
    }

    objectName: "action_" + root.actionId
    spacing: 4

    Rectangle {
        width: root.width
        height: 1
        color: Theme.divider
        Accessible.ignored: true
    }

    LabelledTextArea {
        id: descriptionField

        objectName: "actionDescriptionField"
        width: root.width
        label: qsTr("Action %1: what will be done").arg(root.index + 1)
        text: root.description
        minimumLines: 2
        onEdited: value => root.controller.setActionDescription(root.actionId, value)
    }

    GridLayout {
        width: root.width
        columns: root.width > 420 ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: 4

        LabelledField {
            objectName: "actionWhoField"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            label: qsTr("Who")
            text: root.who
            onEdited: value => root.controller.setActionWho(root.actionId, value)
        }

        LabelledField {
            objectName: "actionDueField"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            label: qsTr("By when (day/month/year)")
            text: root.dueText
            onEdited: value => root.controller.setActionDueText(root.actionId, value)
        }
    }

    Label {
        objectName: "actionDueProblem"
        width: root.width
        horizontalAlignment: Text.AlignLeft
        visible: root.dueProblem.length > 0
        text: root.dueProblem
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    Flow {
        width: root.width
        spacing: Theme.spacing

        CheckBox {
            objectName: "actionDoneBox"
            height: Theme.touchTarget
            enabled: root.saved
            checked: root.done
            text: qsTr("Done")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Action %1 done").arg(root.index + 1)
            onToggled: root.controller.setActionDone(root.actionId, checked)
        }

        Button {
            objectName: "actionGoalButton"
            height: Theme.touchTarget
            width: Math.min(implicitWidth, root.width)
            enabled: root.saved
            text: qsTr("Towards: %1").arg(root.goalText)
            font.pixelSize: Theme.fontSmall
            Accessible.name: qsTr("Action %1 works towards %2. Choose another goal.").arg(root.index + 1).arg(root.goalText)
            onClicked: goalMenu.open()

            Menu {
                id: goalMenu

                objectName: "actionGoalMenu"

                Repeater {
                    model: root.controller.goalChoices

                    MenuItem {
                        required property var modelData
                        required property int index

                        objectName: "goalChoice_" + index
                        height: Theme.touchTarget
                        text: modelData.text
                        font.pixelSize: Theme.fontBody
                        onTriggered: root.controller.setActionGoal(root.actionId, modelData.value)
                    }
                }
            }
        }

        StatusBadge {
            objectName: "actionStatus"
            text: root.statusText
            tone: root.overdue ? StatusBadge.Danger : root.done ? StatusBadge.Success : StatusBadge.Neutral
        }
    }
}
