pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// One of a child's houses for the practitioner: the picture as the child left it, its
// name, whether the child agreed to share it, and the child's words, with a button to open
// it for drawing or scribing.
SectionCard {
    id: root

    required property ThreeHousesController controller
    required property int kind

    readonly property var house: picture.house

    /// Where the house was last saved, or why it was not.
    property string saveResult
    property bool saveFailed: false

    signal openRequested

    objectName: "houseCard_" + root.kind
    title: root.house ? root.house.name : ""

    HouseSurface {
        id: picture

        objectName: "houseThumbnail_" + root.kind
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(width, 320)
        controller: root.controller
        kind: root.kind
        readOnly: true
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: root.house !== null && root.house.renamed
        text: root.house ? qsTr("%1 named this house; it is the %2.").arg(root.controller.childName).arg(root.house.usualName) : ""
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }

    RowLayout {
        Layout.fillWidth: true
        visible: root.house !== null && root.house.symbol.length > 0
        spacing: Theme.spacing

        Picture {
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            source: root.house && root.house.symbol.length > 0 ? ChildTheme.sticker(root.house.symbol) : ""
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: root.house && root.house.symbol.length > 0 ? qsTr("%1's picture for this house: %2").arg(root.controller.childName).arg(ChildTheme.stickerName(root.house.symbol)) : ""
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
    }

    StatusBadge {
        objectName: "houseShare_" + root.kind
        text: root.house && root.house.shareAllowed ? qsTr("%1 agreed to share it").arg(root.controller.childName) : qsTr("Private: %1 did not agree").arg(root.controller.childName)
        tone: root.house && root.house.shareAllowed ? StatusBadge.Success : StatusBadge.Neutral
    }

    Repeater {
        objectName: "houseWordsRepeater_" + root.kind
        model: root.house ? root.house.words : []

        HouseWordsDelegate {
            required property var modelData

            Layout.fillWidth: true
            entry: modelData
            childName: root.controller.childName
        }
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: root.house !== null && root.house.words.length === 0
        text: qsTr("No words yet.")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
    }

    // Only a house the child agreed to share can leave the tablet as a file.
    Button {
        objectName: "saveHouseButton_" + root.kind
        Layout.preferredHeight: Theme.touchTarget
        visible: root.house !== null && root.house.shareAllowed
        text: qsTr("Save as PDF")
        font.pixelSize: Theme.fontBody
        Accessible.name: root.house ? qsTr("Save %1 as a PDF").arg(root.house.name) : ""
        onClicked: {
            const path = root.controller.saveHouse(root.kind, "pdf", root.controller.defaultExportFolder);
            root.saveFailed = path.length === 0;
            root.saveResult = root.saveFailed ? root.controller.errorString : qsTr("Saved as %1").arg(path);
        }
    }

    Label {
        objectName: "saveHouseResult_" + root.kind
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: root.saveResult.length > 0
        text: root.saveResult
        font.pixelSize: Theme.fontSmall
        color: root.saveFailed ? Theme.danger : Theme.success
        wrapMode: Text.WrapAnywhere
    }

    Button {
        objectName: "openHouseButton_" + root.kind
        Layout.preferredHeight: Theme.touchTarget
        text: qsTr("Draw or write")
        font.pixelSize: Theme.fontBody
        Accessible.name: root.house ? qsTr("Open %1 to draw or write the child's words").arg(root.house.name) : ""
        onClicked: root.openRequested()
    }
}
