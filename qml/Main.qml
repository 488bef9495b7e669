import QtQuick
import QtQuick.Controls
import Doorstep
import Doorstep.Models

ApplicationWindow {
    id: root

    width: 1280
    height: 800
    visible: true
    title: qsTr("Doorstep")
    color: Theme.background

    // Locked, the window shows the unlock page only: no case data exists in the tree.
    Loader {
        id: pageLoader

        anchors.fill: parent
        sourceComponent: Session.unlocked ? caseloadPage : unlockPage
    }

    Component {
        id: unlockPage

        UnlockPage {}
    }

    Component {
        id: caseloadPage

        CaseloadPage {}
    }
}
