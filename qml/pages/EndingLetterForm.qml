pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The ending letter: the family's own progress, starting from the goals they achieved,
// and where to get help.
SectionCard {
    id: root

    required property ClosureController controller

    objectName: "endingLetterForm"
    title: qsTr("Ending letter")

    // A Column, not a nested layout: Qt 6.4 does not lay a nested layout out again when
    // text in it re-wraps (turning the tablet, say).
    Column {
        id: fields

        Layout.fillWidth: true
        spacing: Theme.spacing

        Label {
            objectName: "letterWrittenOn"
            width: fields.width
            horizontalAlignment: Text.AlignLeft
            text: root.controller.letterWrittenOnText.length > 0 ? root.controller.letterWrittenOnText : qsTr("Written to the family, highlighting their own progress.")
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }

        LabelledField {
            objectName: "letterAddressedToField"
            width: fields.width
            label: qsTr("Dear")
            text: root.controller.addressedTo
            onEdited: value => root.controller.addressedTo = value
        }

        Column {
            id: achieved

            width: fields.width
            visible: root.controller.achievedGoals.length > 0
            spacing: 4

            Label {
                width: achieved.width
                horizontalAlignment: Text.AlignLeft
                text: qsTr("Goals the family achieved")
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.mutedText
            }

            Repeater {
                model: root.controller.achievedGoals

                Label {
                    required property string modelData

                    width: achieved.width
                    horizontalAlignment: Text.AlignLeft
                    text: qsTr("✓ %1").arg(modelData)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.success
                    wrapMode: Text.WordWrap
                }
            }

            Button {
                objectName: "useAchievedGoalsButton"
                height: Theme.touchTarget
                width: Math.min(implicitWidth, achieved.width)
                visible: root.controller.canUseAchievedGoals
                text: qsTr("Start the letter from these goals")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Start the family's progress from the goals they achieved")
                onClicked: root.controller.useAchievedGoals()
            }
        }

        LabelledTextArea {
            objectName: "letterProgressField"
            width: fields.width
            label: qsTr("Your progress")
            text: root.controller.progress
            minimumLines: 6
            onEdited: value => root.controller.progress = value
        }

        LabelledTextArea {
            objectName: "letterHelpField"
            width: fields.width
            label: qsTr("Where to get help")
            text: root.controller.whereToGetHelp
            minimumLines: 3
            onEdited: value => root.controller.whereToGetHelp = value
        }
    }
}
