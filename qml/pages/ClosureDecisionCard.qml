pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// How the case ends: where it stands, how it closed so far, and (until it is closed for
// good) the outcome, the reason and the button that closes it today.
SectionCard {
    id: root

    required property ClosureController controller

    objectName: "closureDecisionCard"
    title: qsTr("Closing the case")

    // A Column, not a nested layout: Qt 6.4 does not lay a nested layout out again when
    // text in it re-wraps (turning the tablet, say).
    Column {
        id: fields

        Layout.fillWidth: true
        spacing: Theme.spacing

        DetailRow {
            objectName: "caseStageDetail"
            width: fields.width
            label: qsTr("Case")
            value: root.controller.stageText
            emphasis: true
        }

        Repeater {
            model: root.controller.closures

            DetailRow {
                required property var modelData

                width: fields.width
                label: modelData.text
                value: modelData.reason.length > 0 ? modelData.reason : qsTr("No reason recorded")
            }
        }

        Column {
            id: decision

            width: fields.width
            visible: root.controller.stage !== ClosureController.Closed
            spacing: Theme.spacing

            Label {
                width: decision.width
                horizontalAlignment: Text.AlignLeft
                text: root.controller.stage === ClosureController.Maintenance ? qsTr("When maintenance ends, the case closes:") : qsTr("The case closes:")
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }

            Repeater {
                model: root.controller.outcomeChoices

                WrappingRadioButton {
                    id: choice

                    required property var modelData

                    objectName: "outcome_" + choice.modelData.value
                    width: decision.width
                    text: choice.modelData.text
                    font.pixelSize: Theme.fontBody
                    checked: root.controller.outcome === choice.modelData.value
                    Accessible.name: choice.modelData.text
                    onToggled: root.controller.outcome = choice.modelData.value
                }
            }

            LabelledTextArea {
                objectName: "closureReasonField"
                width: decision.width
                label: qsTr("Reason for closing")
                text: root.controller.reason
                minimumLines: 3
                onEdited: value => root.controller.reason = value
            }

            Label {
                objectName: "crisisCardWarning"
                width: decision.width
                horizontalAlignment: Text.AlignLeft
                visible: text.length > 0
                text: root.controller.crisisCardWarning
                color: Theme.warning
                font.pixelSize: Theme.fontSmall
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            Label {
                objectName: "closeHint"
                width: decision.width
                horizontalAlignment: Text.AlignLeft
                visible: text.length > 0
                text: root.controller.closeHint
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }

            Button {
                objectName: "closeCaseButton"
                // Anchored, not placed, so it moves to the right for right-to-left languages.
                anchors.left: parent.left
                height: Theme.touchTarget
                width: Math.min(implicitWidth, decision.width)
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                enabled: root.controller.canClose
                text: qsTr("Close the case today")
                font.pixelSize: Theme.fontBody
                highlighted: true
                Accessible.name: qsTr("Close the case today")
                onClicked: confirm.open()
            }
        }
    }

    AppDialog {
        id: confirm

        objectName: "closeCaseDialog"
        title: qsTr("Close the case?")
        onAccepted: root.controller.close()

        // Plain buttons rather than button-box roles, which Qt 6.4's qmllint cannot resolve.
        footer: Pane {
            padding: Theme.margin
            topPadding: 0
            background: null

            RowLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: Theme.spacing

                Item {
                    Layout.fillWidth: true
                }

                Button {
                    objectName: "cancelCloseButton"
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("Not yet")
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("Do not close the case")
                    onClicked: confirm.reject()
                }

                Button {
                    objectName: "confirmCloseButton"
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("Close the case")
                    font.pixelSize: Theme.fontBody
                    highlighted: true
                    Accessible.name: qsTr("Close the case today")
                    onClicked: confirm.accept()
                }
            }
        }

        contentItem: ColumnLayout {
            spacing: Theme.spacing

            Label {
                objectName: "confirmOutcome"
                Layout.fillWidth: true
                text: root.controller.outcomeText
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("The case closes today. Its casework timescales stop; a case closed into maintenance has reviews at 1, 3, 6 and 12 months.")
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.controller.crisisCardWarning
                color: Theme.warning
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.WordWrap
            }
        }
    }
}
