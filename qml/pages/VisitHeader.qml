import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

ToolBar {
    id: root

    required property VisitController controller

    signal back

    background: Rectangle {
        color: Theme.primary
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        ToolButton {
            objectName: "visitBackButton"
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
            text: qsTr("Back")
            font.pixelSize: Theme.fontBody
            palette.buttonText: Theme.textOnPrimary
            Accessible.name: qsTr("Back to the family")
            onClicked: root.back()
        }

        Label {
            Layout.fillWidth: true
            text: root.controller.isFinal ? qsTr("Home visit (final)") : qsTr("Home visit")
            color: Theme.textOnPrimary
            font.pixelSize: Theme.fontTitle
            font.bold: true
            elide: Text.ElideRight
        }

        Label {
            objectName: "saveState"
            text: root.controller.saveState
            color: Theme.textOnPrimary
            font.pixelSize: Theme.fontSmall
            Accessible.name: qsTr("Save state: %1").arg(root.controller.saveState)
        }

        Button {
            objectName: "finaliseButton"
            Layout.preferredHeight: Theme.touchTarget
            visible: !root.controller.isFinal
            enabled: root.controller.canFinalise
            text: qsTr("Finalise")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Finalise this visit record")
            onClicked: confirm.open()
        }
    }

    Dialog {
        id: confirm

        objectName: "finaliseDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 520)
        modal: true
        title: qsTr("Finalise this visit?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: root.controller.finalise()

        contentItem: Label {
            text: qsTr("The record becomes read-only. Later changes are added as dated amendments.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
        }
    }
}
