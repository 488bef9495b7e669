pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// One goal: the family's words, saved as typed, whether it is agreed, and its status.
Column {
    id: root

    required property int index
    required property string goalId
    required property string words
    required property string status
    required property string statusText
    required property string agreedText
    required property bool saved
    required property PlanController controller
    required property string ownerName

    function focusWords() {
        wordsField.forceFieldFocus();
    }

    objectName: "goal_" + root.goalId
    spacing: 4

    LabelledTextArea {
        id: wordsField

        objectName: "goalWordsField"
        width: root.width
        label: qsTr("Goal %1 for %2, in their own words").arg(root.index + 1).arg(root.ownerName)
        text: root.words
        minimumLines: 2
        onEdited: value => root.controller.setGoalWords(root.goalId, value)
    }

    RowLayout {
        width: root.width
        spacing: Theme.spacing

        Label {
            objectName: "goalAgreed"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: root.saved ? root.agreedText : qsTr("Saved once it has words")
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }

        ComboBox {
            id: statusBox

            objectName: "goalStatusBox"
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: 200
            enabled: root.saved
            model: root.controller.goalStatusChoices
            textRole: "text"
            valueRole: "value"
            // count: the binding runs again once the model is there.
            currentIndex: statusBox.count > 0 ? statusBox.indexOfValue(root.status) : -1
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Goal %1 for %2: %3").arg(root.index + 1).arg(root.ownerName).arg(root.statusText)
            onActivated: root.controller.setGoalStatus(root.goalId, statusBox.currentValue)

            delegate: ItemDelegate {
                id: choice

                required property var modelData
                required property int index

                objectName: "goalStatusChoice_" + choice.modelData.value
                width: statusBox.width
                height: Theme.touchTarget
                text: choice.modelData.text
                font.pixelSize: Theme.fontBody
                highlighted: statusBox.highlightedIndex === choice.index
            }
        }
    }
}
