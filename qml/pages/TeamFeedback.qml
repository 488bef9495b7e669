pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// The team's exit questionnaires: for each question, how many families said yes, partly and
// no, as numbers and as a bar split in those shares (the numbers carry it without colour).
ColumnLayout {
    id: root

    required property int families
    /// [{ question, yes, partly, no }]
    required property var questions

    spacing: Theme.margin

    Label {
        objectName: "feedbackSummary"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: root.families === 0 ? qsTr("No family of the team has answered the exit questionnaire yet.") : qsTr("Exit questionnaires answered by %n family(s) of the team.", "", root.families)
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    Repeater {
        model: root.families > 0 ? root.questions : []

        ColumnLayout {
            id: question

            required property var modelData
            required property int index
            readonly property int answered: question.modelData.yes + question.modelData.partly + question.modelData.no

            objectName: "feedbackQuestion_" + question.index
            Layout.fillWidth: true
            spacing: 4

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: question.modelData.question
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            Row {
                id: bar

                Layout.fillWidth: true
                height: 20

                Repeater {
                    model: [
                        {
                            "count": question.modelData.yes,
                            "colour": Theme.success
                        },
                        {
                            "count": question.modelData.partly,
                            "colour": Theme.warning
                        },
                        {
                            "count": question.modelData.no,
                            "colour": Theme.danger
                        }
                    ]

                    Rectangle {
                        required property var modelData

                        width: question.answered > 0 ? bar.width * modelData.count / question.answered : 0
                        height: bar.height
                        color: modelData.colour
                    }
                }
            }

            Label {
                objectName: "feedbackCounts"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: qsTr("Yes %1 · Partly %2 · No %3").arg(question.modelData.yes).arg(question.modelData.partly).arg(question.modelData.no)
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
        }
    }
}
