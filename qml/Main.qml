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

    // Locked, the window holds the unlock page only: no case data exists in the tree.
    Loader {
        id: pageLoader

        anchors.fill: parent
        objectName: "pageLoader"
        // The loaded page's own focus (the passphrase field) only counts if the Loader has it.
        focus: true
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true
        // By URL rather than inline Component: Qt 6.4 refuses to let a Loader instantiate a
        // bound component ("outside its creation context").
        source: Session.unlocked ? "Workspace.qml" : "pages/UnlockPage.qml"
    }

    // After the day's first passphrase unlock, offer a PIN for the rest of the day.
    property bool unlocked: Session.unlocked

    onUnlockedChanged: {
        if (root.unlocked && !Session.pinAvailable)
            pinSetup.open();
        else
            pinSetup.close();
    }

    PinSetupDialog {
        id: pinSetup
    }
}
