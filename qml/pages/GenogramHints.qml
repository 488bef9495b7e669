pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Genogram
import Doorstep.Models

// Before anyone is chosen on the genogram: how to draw it with the family, anything hidden
// or doubtful that needs a look (a line to someone deleted on another tablet), and the key
// to the symbols and lines the drawing uses.
ColumnLayout {
    id: root

    required property GenogramController controller
    required property GenogramScene scene

    objectName: "genogramHints"
    spacing: Theme.spacing

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: qsTr("Drawing the family tree together")
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        text: qsTr("Tap a person to add their parents, partners, children, brothers and sisters. Tap a line to say what kind it is. Drag a person to move them; pinch or scroll to zoom; drag the paper to look around.")
        font.pixelSize: Theme.fontBody
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: root.controller.issues.length > 0
        text: qsTr("To look at")
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.warning
    }

    Repeater {
        objectName: "genogramIssues"
        model: root.controller.issues

        Label {
            required property string modelData

            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: modelData
            font.pixelSize: Theme.fontBody
            color: Theme.warning
            wrapMode: Text.WordWrap
        }
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: key.entryCount > 0
        text: qsTr("Key")
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.mutedText
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    // The key is a picture: it keeps its place in a right-to-left language.
    GenogramLegendView {
        id: key

        readonly property bool keepsItsPlace: true

        objectName: "genogramKey"
        Layout.fillWidth: true
        Layout.preferredHeight: implicitHeight
        scene: root.scene
        unit: 22
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("Key to the symbols and lines of the family tree")
    }
}
