import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The way to the family's plan, their family tree and ecomap, and to the end of its case, and where the case stands: open,
// in maintenance or closed. (The plan's status is in the family card.)
SectionCard {
    id: root

    required property FamilyController controller

    signal planRequested
    signal closureRequested
    signal genogramRequested

    objectName: "caseworkCard"
    title: qsTr("Plan, family tree and closure")

    DetailRow {
        objectName: "closureDetail"
        label: qsTr("Case")
        value: root.controller.closureText.length > 0 ? root.controller.closureText : qsTr("Open")
        emphasis: root.controller.closureText.length > 0
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Button {
            objectName: "openPlanButton"
            height: Theme.touchTarget
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            enabled: root.controller.found
            text: qsTr("My Family Plan")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Open the family's plan, goals and reviews")
            onClicked: root.planRequested()
        }

        Button {
            objectName: "openGenogramButton"
            height: Theme.touchTarget
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            enabled: root.controller.found
            text: qsTr("Family tree and ecomap")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Open the family's genogram and ecomap")
            onClicked: root.genogramRequested()
        }

        Button {
            objectName: "openClosureButton"
            height: Theme.touchTarget
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            enabled: root.controller.found
            text: qsTr("Ending and closure")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Open the crisis card, ending letter and closure")
            onClicked: root.closureRequested()
        }
    }
}
