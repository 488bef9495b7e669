import QtQuick
import QtQuick.Controls

// A big picture button for small hands: a picture, no words, a screen-reader name, and a
// dark ring when it is the chosen one.
AbstractButton {
    id: root

    /// The picture (a URL); the button shows `content` instead when this is empty.
    property string source
    /// The words a screen reader says, since the button has none on it.
    required property string accessibleName
    property color fill: ChildTheme.button
    property int size: ChildTheme.touchTarget
    /// How much of the button the picture takes.
    property real pictureScale: 0.72
    /// One of a set of choices (an ink, a tool): it is ringed when `chosen`.
    property bool choice: false
    property bool chosen: false
    /// The picture points along the line (undo, redo): flipped in a right-to-left language.
    property bool directional: false

    implicitWidth: root.size
    implicitHeight: root.size
    Accessible.role: root.choice ? Accessible.RadioButton : Accessible.Button
    Accessible.name: root.accessibleName
    Accessible.checkable: root.choice
    Accessible.checked: root.chosen
    Accessible.onPressAction: root.clicked()

    background: Rectangle {
        radius: ChildTheme.radius
        color: root.down ? ChildTheme.buttonDown : root.fill
        border.width: root.chosen ? 5 : 2
        border.color: root.chosen ? ChildTheme.chosen : ChildTheme.outline
        opacity: root.enabled ? 1 : 0.4
    }

    contentItem: Item {
        Picture {
            anchors.centerIn: parent
            width: Math.round(Math.min(root.width, root.height) * root.pictureScale)
            height: width
            visible: root.source.length > 0
            source: root.source
            fillMode: Image.PreserveAspectFit
            mirror: root.directional && Theme.rightToLeft
            opacity: root.enabled ? 1 : 0.4
            Accessible.ignored: true
        }
    }
}
