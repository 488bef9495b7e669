pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The letter to the child as it will print, page after page, made in memory.
AppDialog {
    id: root

    required property ThreeHousesController controller
    property var pages: []

    signal saveRequested

    /// Makes the pages for this message and shows them.
    function showLetter(message: string) {
        root.open();
        root.pages = root.controller.letterPreview(message, Math.max(320, Math.round(root.availableWidth)));
    }

    objectName: "letterPreviewDialog"
    title: qsTr("Letter to %1").arg(root.controller.childName)
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 760, 760)
    height: parent ? parent.height - 2 * Theme.margin : 800
    onClosed: root.pages = []

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            objectName: "letterPreviewError"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: root.pages.length === 0 && root.controller.errorString.length > 0
            text: root.controller.errorString
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }

        ListView {
            id: list

            objectName: "letterPages"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: root.pages
            boundsBehavior: Flickable.StopAtBounds

            ScrollBar.vertical: ScrollBar {
            }

            delegate: Image {
                id: page

                required property string modelData
                required property int index

                objectName: "letterPage_" + page.index
                width: list.width
                height: implicitWidth > 0 ? width * implicitHeight / implicitWidth : width * 1.414
                source: page.modelData
                fillMode: Image.PreserveAspectFit
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("Page %1 of the letter").arg(page.index + 1)

                Rectangle {
                    anchors.fill: parent
                    color: "transparent"
                    border.color: Theme.divider
                    Accessible.ignored: true
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "closeLetterPreviewButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Close")
                font.pixelSize: Theme.fontBody
                onClicked: root.close()
            }

            Button {
                objectName: "saveLetterFromPreviewButton"
                Layout.preferredHeight: Theme.touchTarget
                highlighted: true
                text: qsTr("Save as PDF")
                font.pixelSize: Theme.fontBody
                onClicked: {
                    root.saveRequested();
                    root.close();
                }
            }
        }
    }
}
