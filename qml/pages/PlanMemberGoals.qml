pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Doorstep
import Doorstep.Models

// One family member's goals (or the whole family's), and a button to add one. A Column, not
// a nested layout: Qt 6.4 does not lay a nested layout out again when text in it re-wraps.
Column {
    id: root

    required property string personId
    required property string name
    required property string detail
    required property GoalListModel goals
    required property PlanController controller

    spacing: Theme.spacing

    Rectangle {
        width: root.width
        height: 1
        color: Theme.divider
        Accessible.ignored: true
    }

    Label {
        objectName: "goalGroupName"
        width: root.width
        horizontalAlignment: Text.AlignLeft
        text: root.detail.length > 0 ? qsTr("%1 (%2)").arg(root.name).arg(root.detail) : root.name
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Repeater {
        id: goalRepeater

        objectName: "goalRepeater"
        model: root.goals

        GoalDelegate {
            width: root.width
            controller: root.controller
            ownerName: root.name
        }
    }

    Button {
        objectName: "addGoalButton"
        // Anchored, not placed, so it moves to the right for right-to-left languages.
        anchors.left: parent.left
        height: Theme.touchTarget
        width: Math.min(implicitWidth, root.width)
        leftPadding: Theme.margin
        rightPadding: Theme.margin
        text: root.personId.length > 0 ? qsTr("Add a goal for %1").arg(root.name) : qsTr("Add a goal for the whole family")
        font.pixelSize: Theme.fontBody
        Accessible.name: text
        onClicked: {
            root.controller.addGoal(root.personId);
            // The new goal's box takes the keyboard, ready for the family's words.
            const added = goalRepeater.itemAt(goalRepeater.count - 1) as GoalDelegate;
            if (added)
                added.focusWords();
        }
    }
}
