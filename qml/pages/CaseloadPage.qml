pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

Page {
    id: root

    objectName: "caseloadPage"
    background: Rectangle {
        color: Theme.background
    }

    header: ToolBar {
        background: Rectangle {
            color: Theme.primary
        }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: qsTr("My caseload")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }

            ToolButton {
                objectName: "lockButton"
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
                text: qsTr("Lock")
                font.pixelSize: Theme.fontBody
                palette.buttonText: Theme.textOnPrimary
                Accessible.name: qsTr("Lock Doorstep")
                onClicked: Session.lock()
            }
        }
    }

    FamilyListModel {
        id: families

        session: Session
        search: searchField.text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        TextField {
            id: searchField

            objectName: "searchField"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            placeholderText: qsTr("Search families by name")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Search families by name")
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("%n families", "", families.count)
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
        }

        ListView {
            id: list

            objectName: "familyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: families
            spacing: 1
            delegate: FamilyDelegate {
                width: list.width
            }

            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: searchField.text.length > 0 ? qsTr("No family's name contains “%1”.").arg(searchField.text)
                                                  : qsTr("No families on this tablet yet.")
                color: Theme.mutedText
                font.pixelSize: Theme.fontBody
            }
        }

        Label {
            Layout.fillWidth: true
            visible: families.errorString.length > 0
            text: families.errorString
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
    }
}
