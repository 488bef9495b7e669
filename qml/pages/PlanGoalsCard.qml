pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The plan's goals, one group per family member and one for the whole family.
SectionCard {
    id: root

    required property PlanController controller

    objectName: "planGoalsCard"
    title: qsTr("Goals, in the family's own words")

    Repeater {
        objectName: "goalGroupRepeater"
        model: root.controller.goalGroups

        PlanMemberGoals {
            Layout.fillWidth: true
            controller: root.controller
        }
    }
}
