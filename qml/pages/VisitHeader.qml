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

        HeaderButton {
            objectName: "visitBackButton"
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
            text: qsTr("Back")
            font.pixelSize: Theme.fontBody
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

    AppDialog {
        id: confirm

        objectName: "finaliseDialog"
        title: qsTr("Finalise this visit?")

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: qsTr("The record becomes read-only. Later changes are added as dated amendments.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                spacing: Theme.spacing

                Item {
                    Layout.fillWidth: true
                }

                Button {
                    objectName: "keepEditingButton"
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("Keep editing")
                    flat: true
                    font.pixelSize: Theme.fontBody
                    onClicked: confirm.reject()
                }

                Button {
                    objectName: "confirmFinaliseButton"
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("Finalise")
                    highlighted: true
                    font.pixelSize: Theme.fontBody
                    onClicked: confirm.accept()
                }
            }
        }

        onAccepted: root.controller.finalise()
    }
}
