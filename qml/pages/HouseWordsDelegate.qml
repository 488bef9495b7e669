import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One piece of a child's own words in a house: the words, who wrote them down (the child,
// or the practitioner scribing the child's words), the question asked, and when. This
// work can be used in court, so the marks are always shown.
Rectangle {
    id: root

    /// { id, words, byChild, prompt, writtenAt } from ThreeHousesController.houses.
    required property var entry
    required property string childName

    readonly property string whenText: root.entry.writtenAt ? root.entry.writtenAt : ""
    readonly property string byText: root.entry.byChild ? qsTr("Written by %1").arg(root.childName) : qsTr("Written down by the practitioner: %1's own words").arg(root.childName)

    objectName: "houseWords_" + root.entry.id
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    color: Theme.background
    radius: Theme.radius
    Accessible.role: Accessible.ListItem
    Accessible.name: root.entry.prompt.length > 0 ? qsTr("Asked: %1. %2: %3. %4.").arg(root.entry.prompt).arg(root.byText).arg(root.entry.words).arg(root.whenText) : qsTr("%1: %2. %3.").arg(root.byText).arg(root.entry.words).arg(root.whenText)

    ColumnLayout {
        id: column

        x: Theme.spacing
        y: Theme.spacing
        width: root.width - 2 * Theme.spacing
        spacing: 4

        Label {
            objectName: "wordsPrompt"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: root.entry.prompt.length > 0
            text: qsTr("Asked: “%1”").arg(root.entry.prompt)
            font.pixelSize: Theme.fontSmall
            font.italic: true
            color: Theme.mutedText
            wrapMode: Text.WordWrap
            Accessible.ignored: true
        }

        Label {
            objectName: "wordsText"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: qsTr("“%1”").arg(root.entry.words)
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.WordWrap
            Accessible.ignored: true
        }

        Label {
            objectName: root.entry.byChild ? "wordsByChild" : "wordsScribed"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: root.whenText.length > 0 ? qsTr("%1 · %2").arg(root.byText).arg(root.whenText) : root.byText
            font.pixelSize: Theme.fontSmall
            font.bold: !root.entry.byChild
            color: root.entry.byChild ? Theme.mutedText : Theme.warning
            wrapMode: Text.WordWrap
            Accessible.ignored: true
        }
    }
}
