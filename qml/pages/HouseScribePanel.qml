pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Writing down a child's own words for them: the question asked and the answer, kept
// together and marked as written down by the practitioner. The house's words so far follow.
SectionCard {
    id: root

    required property ThreeHousesController controller
    required property int kind
    required property var house

    objectName: "scribePanel"
    title: qsTr("%1's words").arg(root.controller.childName)

    // Its label wraps: the panel beside the drawing is narrow.
    LabelledField {
        id: prompt

        objectName: "scribePrompt"
        Layout.fillWidth: true
        label: qsTr("The question you asked (if any)")
        onEdited: value => prompt.text = value
    }

    LabelledTextArea {
        id: words

        objectName: "scribeWords"
        Layout.fillWidth: true
        label: qsTr("What %1 said, in their own words").arg(root.controller.childName)
        minimumLines: 3
        onEdited: value => words.text = value
    }

    Button {
        objectName: "addScribedWordsButton"
        Layout.preferredHeight: Theme.touchTarget
        enabled: words.text.trim().length > 0
        text: qsTr("Add %1's words").arg(root.controller.childName)
        font.pixelSize: Theme.fontBody
        onClicked: {
            if (root.controller.addWords(root.kind, words.text.trim(), true, prompt.text.trim())) {
                words.text = "";
                prompt.text = "";
            }
        }
    }

    Label {
        objectName: "scribeError"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: root.controller.errorString.length > 0
        text: root.controller.errorString
        color: Theme.danger
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WordWrap
    }

    Repeater {
        model: root.house ? root.house.words : []

        HouseWordsDelegate {
            required property var modelData

            Layout.fillWidth: true
            entry: modelData
            childName: root.controller.childName
        }
    }
}
