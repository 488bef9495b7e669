import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A short status in words with a matching symbol and colour, so it never relies on colour
// alone. White text on each tone meets WCAG AA (6.5:1 or more).
Rectangle {
    id: root

    enum Tone {
        Neutral,
        Success,
        Warning,
        Danger
    }

    required property string text
    property int tone: StatusBadge.Neutral

    readonly property color toneColour: root.tone === StatusBadge.Danger ? Theme.danger : root.tone === StatusBadge.Warning ? Theme.warning : root.tone === StatusBadge.Success ? Theme.success : Theme.mutedText

    implicitWidth: content.implicitWidth + 2 * Theme.spacing
    implicitHeight: Math.max(28, content.implicitHeight + 8)
    radius: height / 2
    color: root.toneColour
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    RowLayout {
        id: content

        anchors.centerIn: parent
        spacing: 6

        Rectangle {
            implicitWidth: 18
            implicitHeight: 18
            radius: 9
            color: Theme.textOnPrimary
            Accessible.ignored: true

            Label {
                anchors.centerIn: parent
                // Symbols, not words: nothing to translate.
                text: root.tone === StatusBadge.Danger ? "!" : root.tone === StatusBadge.Warning ? "\u2022" : root.tone === StatusBadge.Success ? "\u2713" : "\u2013"
                color: root.toneColour
                font.pixelSize: 13
                font.bold: true
                Accessible.ignored: true
            }
        }

        Label {
            text: root.text
            color: Theme.textOnPrimary
            font.pixelSize: Theme.fontSmall
            font.bold: true
            Accessible.ignored: true
        }
    }
}
