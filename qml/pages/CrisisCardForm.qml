import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The crisis card made with the family: warning signs, what to do, who to call.
SectionCard {
    id: root

    required property ClosureController controller

    objectName: "crisisCardForm"
    title: qsTr("Crisis card")

    // A Column, not a nested layout: Qt 6.4 does not lay a nested layout out again when
    // text in it re-wraps (turning the tablet, say).
    Column {
        id: fields

        Layout.fillWidth: true
        spacing: Theme.spacing

        Label {
            objectName: "crisisCardMadeOn"
            width: fields.width
            horizontalAlignment: Text.AlignLeft
            text: root.controller.crisisCardMadeOnText.length > 0 ? root.controller.crisisCardMadeOnText : qsTr("Made with the family, in their words, before the case closes.")
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }

        LabelledTextArea {
            objectName: "warningSignsField"
            width: fields.width
            label: qsTr("Warning signs: how we can tell things are going wrong")
            text: root.controller.warningSigns
            minimumLines: 3
            onEdited: value => root.controller.warningSigns = value
        }

        LabelledTextArea {
            objectName: "whatToDoField"
            width: fields.width
            label: qsTr("What to do")
            text: root.controller.whatToDo
            minimumLines: 3
            onEdited: value => root.controller.whatToDo = value
        }

        LabelledTextArea {
            objectName: "whoToCallField"
            width: fields.width
            label: qsTr("Who to call, with their numbers")
            text: root.controller.whoToCall
            minimumLines: 3
            onEdited: value => root.controller.whoToCall = value
        }
    }
}
