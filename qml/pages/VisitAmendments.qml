pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// A final visit's dated amendments, and a box to add one.
ColumnLayout {
    id: root

    required property VisitController controller

    spacing: Theme.spacing

    Label {
        Layout.fillWidth: true
        text: qsTr("Finalised on %1. Changes are added as dated amendments.")
                  .arg(root.controller.finalisedAt.toLocaleString(Qt.locale(), "d MMM yyyy, HH:mm"))
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }

    Repeater {
        model: root.controller.amendments

        delegate: Rectangle {
            id: amendment

            required property var modelData

            Layout.fillWidth: true
            implicitHeight: amendmentText.implicitHeight + 2 * Theme.spacing
            color: Theme.surface
            radius: Theme.radius
            Accessible.name: amendmentText.text

            Label {
                id: amendmentText

                anchors.fill: parent
                anchors.margins: Theme.spacing
                text: qsTr("Amendment by %1 on %2:\n%3")
                          .arg(amendment.modelData.author)
                          .arg(amendment.modelData.writtenAt.toLocaleString(Qt.locale(), "d MMM yyyy, HH:mm"))
                          .arg(amendment.modelData.body)
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
    }

    LabelledTextArea {
        id: newAmendment

        objectName: "amendmentField"
        Layout.fillWidth: true
        label: qsTr("New amendment")
        minimumLines: 2
        onEdited: value => newAmendment.text = value
    }

    Button {
        objectName: "addAmendmentButton"
        Layout.preferredHeight: Theme.touchTarget
        text: qsTr("Add amendment")
        font.pixelSize: Theme.fontBody
        enabled: newAmendment.text.trim().length > 0
        Accessible.name: qsTr("Add amendment")
        onClicked: {
            if (root.controller.addAmendment(newAmendment.text))
                newAmendment.text = "";
        }
    }
}
