pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The review meetings held, newest first; a tap opens one, and a button records a new one.
SectionCard {
    id: root

    required property PlanController controller

    /// The review to open; an empty id records a new one.
    signal reviewChosen(string reviewId)

    objectName: "planReviewsCard"
    title: qsTr("Reviews")
    action: Button {
        objectName: "recordReviewButton"
        Layout.preferredHeight: Theme.touchTarget
        leftPadding: Theme.margin
        rightPadding: Theme.margin
        enabled: root.controller.found
        text: qsTr("Record a review")
        font.pixelSize: Theme.fontBody
        Accessible.name: qsTr("Record a review meeting")
        onClicked: root.reviewChosen("")
    }

    Repeater {
        objectName: "reviewRepeater"
        model: root.controller.reviews

        ReviewDelegate {
            id: review

            Layout.fillWidth: true
            onClicked: root.reviewChosen(review.reviewId)
        }
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: root.controller.reviews.count === 0
        text: qsTr("No reviews recorded yet.")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }
}
