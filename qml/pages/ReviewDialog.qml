import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Records a review meeting: its date and kind, who attended and the outcome, saved as typed.
// A review started here by mistake can be discarded before the dialog closes.
AppDialog {
    id: root

    required property string familyId

    /// Opens a saved review, or a new one for an empty id.
    function openReview(reviewId) {
        if (reviewId.length > 0)
            review.reviewId = reviewId;
        else
            review.startNew();
        root.open();
    }

    objectName: "reviewDialog"
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 760, 760)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.margin : implicitHeight)
    focus: true
    title: review.reviewId.length > 0 ? qsTr("Review meeting") : qsTr("Record a review meeting")
    onClosed: review.saveNow()

    ReviewController {
        id: review

        objectName: "reviewController"
        session: Session
        familyId: root.familyId
    }

    Flickable {
        anchors.fill: parent
        implicitHeight: form.implicitHeight
        contentHeight: form.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        // A Column, not a layout: Qt 6.4 does not lay a nested layout out again when text in
        // it re-wraps (turning the tablet, say).
        Column {
            id: form

            width: root.availableWidth
            spacing: Theme.spacing

            GridLayout {
                width: form.width
                columns: root.availableWidth > 560 ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing

                LabelledField {
                    objectName: "reviewDateField"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    label: qsTr("Date held (day/month/year)")
                    text: review.heldOnText
                    onEdited: value => review.setHeldOnText(value)
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    spacing: 4

                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignLeft
                        text: qsTr("Kind of review")
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        color: Theme.mutedText
                        Accessible.ignored: true
                    }

                    ComboBox {
                        id: kindBox

                        objectName: "reviewKindBox"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touchTarget
                        model: review.kindChoices
                        textRole: "text"
                        valueRole: "value"
                        // count: the binding runs again once the model is there.
                        currentIndex: kindBox.count > 0 ? kindBox.indexOfValue(review.kind) : -1
                        font.pixelSize: Theme.fontBody
                        Accessible.name: qsTr("Kind of review: %1").arg(kindBox.currentText)
                        onActivated: review.kind = kindBox.currentValue
                    }
                }
            }

            Label {
                objectName: "reviewDateProblem"
                width: form.width
                horizontalAlignment: Text.AlignLeft
                visible: review.heldOnProblem.length > 0
                text: review.heldOnProblem
                color: Theme.danger
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            LabelledTextArea {
                objectName: "reviewAttendeesField"
                width: form.width
                label: qsTr("Who attended (the family and other professionals)")
                text: review.attendees
                minimumLines: 2
                onEdited: value => review.attendees = value
            }

            LabelledTextArea {
                objectName: "reviewOutcomeField"
                width: form.width
                label: qsTr("Outcome: progress, changes to the plan, what happens next")
                text: review.outcome
                minimumLines: 3
                onEdited: value => review.outcome = value
            }

            WrappingCheckBox {
                objectName: "reviewProgressCheck"
                width: form.width
                visible: review.kind === "review"
                text: qsTr("The family is making progress with the plan")
                checked: review.progress
                onToggled: review.progress = checked
            }

            Label {
                objectName: "reviewError"
                width: form.width
                horizontalAlignment: Text.AlignLeft
                visible: review.errorString.length > 0
                text: review.errorString
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }

            RowLayout {
                width: form.width
                spacing: Theme.spacing

                Label {
                    objectName: "reviewSaveState"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignLeft
                    text: review.saveState
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                }

                Button {
                    objectName: "discardReviewButton"
                    Layout.preferredHeight: Theme.touchTarget
                    visible: review.canDiscard
                    text: qsTr("Discard")
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("Discard this review")
                    onClicked: {
                        if (review.discard())
                            root.close();
                    }
                }

                Button {
                    objectName: "reviewDoneButton"
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("Done")
                    font.pixelSize: Theme.fontBody
                    highlighted: true
                    Accessible.name: qsTr("Save the review and close")
                    onClicked: {
                        if (review.saveNow())
                            root.close();
                    }
                }
            }
        }
    }
}
