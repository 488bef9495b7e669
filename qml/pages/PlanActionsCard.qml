pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Who does what, by when: the plan's actions, each saved as typed.
SectionCard {
    id: root

    required property PlanController controller

    objectName: "planActionsCard"
    title: qsTr("Who does what, by when")

    Repeater {
        id: actionRepeater

        objectName: "actionRepeater"
        model: root.controller.actions

        ActionDelegate {
            Layout.fillWidth: true
            controller: root.controller
        }
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: root.controller.actions.count === 0
        text: qsTr("No actions yet. Each says what will be done, who does it and by when.")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }

    Button {
        objectName: "addActionButton"
        Layout.preferredHeight: Theme.touchTarget
        leftPadding: Theme.margin
        rightPadding: Theme.margin
        enabled: root.controller.found
        text: qsTr("Add an action")
        font.pixelSize: Theme.fontBody
        Accessible.name: qsTr("Add an action to the plan")
        onClicked: {
            root.controller.addAction("");
            const added = actionRepeater.itemAt(actionRepeater.count - 1) as ActionDelegate;
            if (added)
                added.focusDescription();
        }
    }
}
