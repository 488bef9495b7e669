import QtQuick
import Doorstep

// The child's keyboard over the house, for the child's own words or a new name for the
// house. Everything behind it waits until done or close.
Rectangle {
    id: root

    enum Purpose {
        Words,
        Name
    }

    property int purpose: WordsOverlay.Words

    signal wordsTyped(string words)
    signal nameTyped(string name)

    function openFor(purpose: int, text: string) {
        root.purpose = purpose;
        keyboard.text = text;
        root.visible = true;
    }

    visible: false
    color: "#99000000"

    // Taps beside the keyboard do nothing.
    MouseArea {
        anchors.fill: parent
        onPressed: mouse => mouse.accepted = true
        onWheel: wheel => wheel.accepted = true
    }

    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: ChildTheme.margin
        // As wide as the screen allows, up to keys of 96 pixels.
        width: Math.min(parent.width - 2 * ChildTheme.margin, 9 * 96 + 8 * ChildTheme.spacing + 2 * ChildTheme.margin)
        height: keyboard.implicitHeight + 2 * ChildTheme.margin
        radius: ChildTheme.radius
        color: ChildTheme.background

        ChildKeyboard {
            id: keyboard

            objectName: "childKeyboard"
            x: ChildTheme.margin
            y: ChildTheme.margin
            width: parent.width - 2 * ChildTheme.margin
            height: implicitHeight
            picture: ChildTheme.icon(root.purpose === WordsOverlay.Name ? "rename" : "words")
            maximumLength: root.purpose === WordsOverlay.Name ? 40 : 200
            onCancelled: root.visible = false
            onAccepted: text => {
                root.visible = false;
                const trimmed = text.trim();
                if (trimmed.length === 0)
                    return;
                if (root.purpose === WordsOverlay.Name)
                    root.nameTyped(trimmed);
                else
                    root.wordsTyped(trimmed);
            }
        }
    }
}
