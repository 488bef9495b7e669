import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Records a case supervision: when it was held, what was discussed, decided and is to be
// done. What is typed stays in the dialog until it is saved, or the tablet locks.
AppDialog {
    id: root

    required property SupervisionNotesController controller
    property string heldOn
    property string discussion
    property string decisions
    property string actions

    objectName: "supervisionDialog"
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 760, 760)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.margin : implicitHeight)
    title: qsTr("Record a case supervision")
    onOpened: {
        if (root.heldOn.length === 0)
            root.heldOn = root.controller.todayText;
    }

    Flickable {
        anchors.fill: parent
        implicitHeight: form.implicitHeight
        contentHeight: form.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        // A Column, not a layout: Qt 6.4 does not lay a nested layout out again when text in
        // it re-wraps.
        Column {
            id: form

            width: root.availableWidth
            spacing: Theme.spacing

            LabelledField {
                objectName: "supervisionDateField"
                width: form.width
                label: qsTr("Date held (day/month/year)")
                text: root.heldOn
                onEdited: value => root.heldOn = value
            }

            LabelledTextArea {
                objectName: "supervisionDiscussionField"
                width: form.width
                label: qsTr("What was discussed")
                minimumLines: 3
                text: root.discussion
                onEdited: value => root.discussion = value
            }

            LabelledTextArea {
                objectName: "supervisionDecisionsField"
                width: form.width
                label: qsTr("What was decided")
                minimumLines: 2
                text: root.decisions
                onEdited: value => root.decisions = value
            }

            LabelledTextArea {
                objectName: "supervisionActionsField"
                width: form.width
                label: qsTr("What is to be done, by whom and when")
                minimumLines: 2
                text: root.actions
                onEdited: value => root.actions = value
            }

            Label {
                objectName: "supervisionError"
                width: form.width
                visible: text.length > 0
                text: root.controller.errorString
                font.pixelSize: Theme.fontBody
                color: Theme.danger
                wrapMode: Text.WordWrap
            }

            Flow {
                width: form.width
                spacing: Theme.spacing

                Button {
                    objectName: "saveSupervisionButton"
                    height: Theme.touchTarget
                    text: qsTr("Save the supervision")
                    highlighted: true
                    font.pixelSize: Theme.fontBody
                    onClicked: {
                        if (!root.controller.record(root.heldOn, root.discussion, root.decisions, root.actions))
                            return;
                        root.heldOn = "";
                        root.discussion = "";
                        root.decisions = "";
                        root.actions = "";
                        root.close();
                    }
                }

                Button {
                    objectName: "closeSupervisionButton"
                    height: Theme.touchTarget
                    text: qsTr("Close, keeping what is typed")
                    font.pixelSize: Theme.fontBody
                    onClicked: root.close()
                }
            }
        }
    }
}
