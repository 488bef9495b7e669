pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls

// A big on-screen keyboard for a child: the letters in the order of the alphabet (A to Z
// in English; easier to find than QWERTY for someone learning letters), a space, take-back
// and done. It types only what its keys say; the system keyboard never opens.
Item {
    id: root

    /// What has been typed so far; set it to start from earlier words.
    property string text
    /// A picture beside the typed words, saying what they are for.
    property string picture
    property int maximumLength: 200

    /// Done was pressed with the words typed.
    signal accepted(string text)
    signal cancelled

    /// The letter keys, in the order of the child's alphabet: a translation gives its own
    /// (Polish has 32 letters, Welsh keys such as "Ch").
    //: The keys of a child's on-screen keyboard, in alphabet order, separated by spaces.
    //: Give the alphabet of your language; a key may hold more than one letter (Welsh "Ch").
    readonly property var letters: qsTr("A B C D E F G H I J K L M N O P Q R S T U V W X Y Z").split(" ").filter(key => key.length > 0)
    // Nine keys a row, in reading order (a right-to-left language reads them from the right).
    readonly property int columns: 9
    readonly property var rows: {
        const rows = [];
        for (let i = 0; i < root.letters.length; i += root.columns)
            rows.push(root.letters.slice(i, i + root.columns));
        return rows;
    }
    readonly property int keySize: Math.max(64, Math.min(96, Math.floor((root.width - (root.columns - 1) * ChildTheme.spacing) / root.columns)))

    function type(letter: string) {
        if (root.text.length < root.maximumLength)
            root.text += letter;
    }

    implicitWidth: root.columns * root.keySize + (root.columns - 1) * ChildTheme.spacing
    implicitHeight: keys.implicitHeight

    component Key: AbstractButton {
        id: key

        property string label
        property string picture
        property bool showsLabel: key.picture.length === 0
        /// The picture points along the line (take back): flipped in a right-to-left language.
        property bool directional: false
        property color fill: ChildTheme.button

        implicitWidth: root.keySize
        implicitHeight: root.keySize
        Accessible.role: Accessible.Button
        Accessible.name: key.label
        Accessible.onPressAction: key.clicked()

        background: Rectangle {
            radius: ChildTheme.radius
            color: key.down ? ChildTheme.buttonDown : key.fill
            border.width: 2
            border.color: ChildTheme.outline
        }
        contentItem: Item {
            // A key of two letters (Welsh "Ch"), or a longer one, is made smaller to fit.
            Text {
                anchors.centerIn: parent
                width: parent.width - 8
                height: parent.height
                visible: key.showsLabel
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                text: key.label
                font.pixelSize: ChildTheme.fontKey
                wrapMode: Text.Wrap
                fontSizeMode: Text.Fit
                minimumPixelSize: 12
                font.bold: true
                color: Theme.text
                Accessible.ignored: true
            }
            Picture {
                anchors.centerIn: parent
                visible: key.picture.length > 0
                width: Math.round(Math.min(key.width, key.height) * 0.7)
                height: width
                source: key.picture
                fillMode: Image.PreserveAspectFit
                mirror: key.directional && Theme.rightToLeft
                Accessible.ignored: true
            }
        }
    }

    Column {
        id: keys

        anchors.horizontalCenter: parent.horizontalCenter
        spacing: ChildTheme.spacing

        // The words so far, in big letters, with a caret where the next letter goes.
        Rectangle {
            objectName: "childKeyboardDisplay"
            width: keys.width
            height: Math.max(root.keySize, typed.contentHeight + 2 * ChildTheme.margin)
            radius: ChildTheme.radius
            color: ChildTheme.paper
            border.width: 3
            border.color: ChildTheme.outline

            Picture {
                id: displayPicture

                anchors.left: parent.left
                anchors.leftMargin: ChildTheme.margin
                anchors.verticalCenter: parent.verticalCenter
                width: root.picture.length > 0 ? root.keySize * 0.7 : 0
                height: width
                source: root.picture
                Accessible.ignored: true
            }

            Text {
                id: typed

                objectName: "childKeyboardText"
                anchors.left: displayPicture.right
                anchors.right: parent.right
                anchors.leftMargin: ChildTheme.margin
                anchors.rightMargin: ChildTheme.margin
                anchors.verticalCenter: parent.verticalCenter
                horizontalAlignment: Text.AlignLeft
                // The caret is a thin bar after the letters.
                text: root.text + "\u258f"
                font.pixelSize: ChildTheme.fontKey
                color: Theme.text
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                maximumLineCount: 3
                Accessible.role: Accessible.EditableText
                Accessible.name: root.text
            }
        }

        Repeater {
            model: root.rows

            Row {
                id: letterRow

                required property var modelData

                anchors.horizontalCenter: parent ? parent.horizontalCenter : undefined
                spacing: ChildTheme.spacing

                Repeater {
                    model: letterRow.modelData

                    Key {
                        required property string modelData

                        objectName: "key_" + modelData
                        label: modelData
                        onClicked: root.type(modelData)
                    }
                }
            }
        }

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: ChildTheme.spacing

            Key {
                objectName: "key_cancel"
                label: qsTr("Close without keeping the words")
                picture: ChildTheme.icon("close")
                onClicked: root.cancelled()
            }

            Key {
                objectName: "key_space"
                implicitWidth: 4 * root.keySize + 3 * ChildTheme.spacing
                label: qsTr("Space")
                showsLabel: false
                onClicked: root.type(" ")

                // A space bar shows no letter: a bracket line, as keyboards draw it.
                Rectangle {
                    anchors.centerIn: parent
                    width: parent.width * 0.6
                    height: 6
                    radius: 3
                    color: Theme.mutedText
                    Accessible.ignored: true
                }
            }

            Key {
                objectName: "key_backspace"
                implicitWidth: 2 * root.keySize + ChildTheme.spacing
                label: qsTr("Take back a letter")
                picture: ChildTheme.icon("backspace")
                directional: true
                onClicked: root.text = root.text.slice(0, -1)
            }

            Key {
                objectName: "key_done"
                implicitWidth: 2 * root.keySize + ChildTheme.spacing
                label: qsTr("Done")
                picture: ChildTheme.icon("done")
                fill: "#e3f2d9"
                onClicked: root.accepted(root.text)
            }
        }
    }
}
