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

    // Where to come back to when child mode ends: the child's three houses page. Ids only.
    property string resumeFamilyId
    property string resumePersonId

    // The window does not close while a child has it: leaving child mode needs the PIN.
    onClosing: close => {
        if (ChildMode.active)
            close.accepted = false;
    }

    // Locked, the window holds the unlock page only: no case data exists in the tree. In
    // child mode it holds the child's view only, and unlocking returns there.
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
        source: !Session.unlocked ? "pages/UnlockPage.qml" : ChildMode.active ? "ChildModeView.qml" : "Workspace.qml"

        onLoaded: {
            const workspace = pageLoader.item as Workspace;
            if (!workspace)
                return;
            workspace.childModeStarting.connect((familyId, personId) => {
                root.resumeFamilyId = familyId;
                root.resumePersonId = personId;
            });
            if (root.resumePersonId.length > 0) {
                workspace.openThreeHouses(root.resumeFamilyId, root.resumePersonId);
                root.resumeFamilyId = "";
                root.resumePersonId = "";
            }
        }
    }

    // After the day's first passphrase unlock, offer a PIN for the rest of the day; never
    // over child mode, where the child would be the one to choose the PIN that ends it.
    property bool unlocked: Session.unlocked
    property bool childMode: ChildMode.active

    onUnlockedChanged: {
        if (root.unlocked && !Session.pinAvailable && !root.childMode)
            pinSetup.open();
        else
            pinSetup.close();
    }
    onChildModeChanged: {
        if (root.childMode)
            pinSetup.close();
    }

    PinSetupDialog {
        id: pinSetup
    }
}
