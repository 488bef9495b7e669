import QtQuick
import QtQuick.Controls
import Doorstep

// A practitioner's open cases against the usual 20-35 (DOMAIN.md): the band is the range on
// a scale to 45, marked at both ends, and the bar is the caseload, amber outside the band.
// Placed by anchors and margins, so it reads from the right in a right-to-left language.
Item {
    id: bar

    required property int caseload
    required property bool within
    readonly property real scale: bar.width / 45

    implicitHeight: track.height + minimum.implicitHeight
    Accessible.ignored: true

    Rectangle {
        id: track

        width: parent.width
        height: 16
        radius: 4
        color: Theme.background
        border.color: Theme.divider
    }

    Rectangle {
        anchors.left: parent.left
        anchors.leftMargin: 20 * bar.scale
        width: 15 * bar.scale
        height: track.height
        color: Qt.rgba(Theme.success.r, Theme.success.g, Theme.success.b, 0.25)
    }

    Rectangle {
        objectName: "caseloadFill"
        anchors.left: parent.left
        width: Math.min(bar.caseload, 45) * bar.scale
        height: track.height / 2
        y: track.height / 4
        radius: 3
        color: bar.within ? Theme.success : Theme.warning
    }

    Label {
        id: minimum

        anchors.left: parent.left
        anchors.leftMargin: 20 * bar.scale - implicitWidth / 2
        y: track.height
        text: "20"
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
    }

    Label {
        anchors.left: parent.left
        anchors.leftMargin: 35 * bar.scale - implicitWidth / 2
        y: track.height
        text: "35"
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
    }
}
