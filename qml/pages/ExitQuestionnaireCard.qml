pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The exit questionnaire at closure: the family's own answers on the assessment and the
// plan, each saved as it is given, for the service's totals.
SectionCard {
    id: root

    required property string familyId

    objectName: "exitQuestionnaireCard"
    title: qsTr("How the family found it")

    ExitQuestionnaireController {
        id: questionnaire

        objectName: "exitQuestionnaire"
        session: Session
        familyId: root.familyId
        active: root.visible
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: questionnaire.answeredOnText.length > 0 ? questionnaire.answeredOnText : qsTr("Ask the family, in their own words, before the case closes.")
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }

    Repeater {
        model: questionnaire.questions

        ColumnLayout {
            id: question

            required property var modelData

            objectName: "exitQuestion_" + question.modelData.field
            Layout.fillWidth: true
            spacing: 0

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: question.modelData.text
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Repeater {
                    model: [
                        {
                            "value": "yes",
                            "text": qsTr("Yes")
                        },
                        {
                            "value": "partly",
                            "text": qsTr("Partly")
                        },
                        {
                            "value": "no",
                            "text": qsTr("No")
                        }
                    ]

                    WrappingRadioButton {
                        id: choice

                        required property var modelData

                        objectName: "exitAnswer_" + question.modelData.field + "_" + choice.modelData.value
                        text: choice.modelData.text
                        checked: question.modelData.answer === choice.modelData.value
                        onClicked: questionnaire.answer(question.modelData.field, choice.modelData.value)
                    }
                }
            }
        }
    }

    LabelledTextArea {
        objectName: "exitCommentsField"
        Layout.fillWidth: true
        label: qsTr("The family's comments")
        minimumLines: 2
        text: questionnaire.comments
        onEdited: value => questionnaire.setComments(value)
    }

    Label {
        Layout.fillWidth: true
        visible: text.length > 0
        horizontalAlignment: Text.AlignLeft
        text: questionnaire.errorString
        font.pixelSize: Theme.fontBody
        color: Theme.danger
        wrapMode: Text.WordWrap
    }
}
