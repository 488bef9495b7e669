import QtQuick
import Doorstep
import Doorstep.Models

// Child mode: the tablet handed to a child, who reaches only their own three houses and
// the drawing tools. Main.qml loads this instead of the workspace while ChildMode is
// active, so no family, caseload or other case object exists in the window; the one
// controller here knows the child's first name, age and houses. Keys are swallowed (no
// Back, Escape or shortcut leads anywhere), nothing here swipes or pops, and the only way
// out is the practitioner's PIN or passphrase, behind the small lock in the corner (held
// down for a moment).
FocusScope {
    id: root

    /// The open house (0 worries, 1 good things, 2 dreams), or -1 for the three houses.
    property int openKind: -1

    // The grown-up's PIN pad, over everything.
    function openPinPad() {
        ChildMode.clearLeaveError();
        leaving.visible = true;
        pinPad.start();
    }

    objectName: "childModeView"
    focus: true
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Child mode")

    // Every key ends here unless the passphrase field takes it: Back, Escape, Tab, Alt+F4
    // and the rest reach nothing that could leave.
    Keys.onPressed: event => event.accepted = true
    Keys.onReleased: event => event.accepted = true
    Keys.onShortcutOverride: event => event.accepted = true

    ThreeHousesController {
        id: houses

        objectName: "childHouses"
        session: Session
        byChild: true
        personId: ChildMode.personId
    }

    Rectangle {
        anchors.fill: parent
        color: ChildTheme.background
    }

    // A lock in the corner: small and plain, for the grown-up who knows the PIN.
    readonly property int lockSpace: Theme.touchTarget + ChildTheme.margin

    HousePicker {
        objectName: "housePicker"
        anchors.fill: parent
        visible: root.openKind < 0
        controller: houses
        trailingSpace: root.lockSpace
        onHouseChosen: kind => root.openKind = kind
    }

    HouseEditor {
        id: editor

        objectName: "houseEditor"
        anchors.fill: parent
        visible: root.openKind >= 0
        controller: houses
        kind: Math.max(0, root.openKind)
        trailingSpace: root.lockSpace
        onHomeRequested: root.openKind = -1
        onWordsRequested: words.openFor(WordsOverlay.Words, "")
        onRenameRequested: words.openFor(WordsOverlay.Name, editor.house && editor.house.renamed ? editor.house.name : "")
        onSymbolRequested: {
            symbols.chosen = editor.house ? editor.house.symbol : "";
            symbols.visible = true;
        }
    }

    WordsOverlay {
        id: words

        objectName: "wordsOverlay"
        anchors.fill: parent
        onWordsTyped: text => houses.addWords(editor.kind, text, false, "")
        onNameTyped: name => houses.rename(editor.kind, name)
    }

    SymbolChooser {
        id: symbols

        objectName: "symbolChooser"
        anchors.fill: parent
        stickers: houses.stickerNames
        onSymbolChosen: symbol => houses.chooseSymbol(editor.kind, symbol)
    }

    // A lock in the corner for the grown-up: held down for a moment (a circle fills while
    // it is held), it opens the PIN pad. A child's taps do not open it, and each wrong try
    // there counts against the practitioner's store.
    ChildButton {
        id: lock

        // How far through the hold: the pad opens at 1.
        property real held: 0

        objectName: "childModeLock"
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: ChildTheme.margin / 2
        size: Theme.touchTarget
        pictureScale: 0.6
        fill: "transparent"
        opacity: 0.7
        source: ChildTheme.icon("lock")
        accessibleName: qsTr("Finish child mode: hold, then type the practitioner's PIN")
        Accessible.onPressAction: root.openPinPad()
        onPressedChanged: {
            if (lock.pressed) {
                hold.restart();
            } else {
                hold.stop();
                lock.held = 0;
            }
        }

        Rectangle {
            anchors.centerIn: parent
            width: parent.width * lock.held
            height: width
            radius: width / 2
            color: Theme.primary
            opacity: 0.35
            Accessible.ignored: true
        }
    }

    // The hold itself (an animation rather than a timer, so the circle fills with it).
    NumberAnimation {
        id: hold

        target: lock
        property: "held"
        from: 0
        to: 1
        duration: 1500
        onFinished: {
            lock.held = 0;
            root.openPinPad();
        }
    }

    // The grown-up's PIN pad, over everything; it closes only by its own cross or by
    // finishing child mode.
    Rectangle {
        id: leaving

        objectName: "leaveChildMode"
        anchors.fill: parent
        visible: false
        color: "#cc000000"

        MouseArea {
            anchors.fill: parent
            onPressed: mouse => mouse.accepted = true
            onWheel: wheel => wheel.accepted = true
        }

        PinPad {
            id: pinPad

            objectName: "pinPad"
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.margin, 420)
            pinAvailable: Session.pinAvailable
            busy: ChildMode.checking
            errorText: ChildMode.leaveError
            onSubmitted: secret => ChildMode.leave(secret)
            onEdited: ChildMode.clearLeaveError()
            onDismissed: {
                ChildMode.clearLeaveError();
                leaving.visible = false;
                root.forceActiveFocus();
            }
        }
    }
}
