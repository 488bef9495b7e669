import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One drift and delay check that applies, as a coloured dot with its name: the name (and its
// state, when not on track) carries it for anyone who cannot tell the colours apart.
RowLayout {
    id: root

    /// { check, name, rag, ragText, reason, applies }, as CaseText::driftCheckEntry makes it.
    property var check: ({})

    visible: root.check.applies === true
    spacing: 4

    Rectangle {
        implicitWidth: 12
        implicitHeight: 12
        radius: 6
        color: root.check.rag === "red" ? Theme.danger : root.check.rag === "amber" ? Theme.warning : Theme.success
    }

    Label {
        text: root.check.rag === "green" ? root.check.name : qsTr("%1 (%2)").arg(root.check.name).arg(root.check.ragText)
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
    }
}
