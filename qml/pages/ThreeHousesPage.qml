pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// A child's three houses for the practitioner: each house as the child left it, with its
// name, the child's choice about sharing and the child's words; handing the tablet to the
// child; opening a house to draw or to write down the child's words; and the letter to the
// child. Houses side by side in landscape, one after another in portrait.
Page {
    id: root

    required property string familyId
    required property string personId

    signal back
    /// The practitioner hands the tablet over; child mode starts right after.
    signal handingToChild

    /// The house open for drawing or scribing, or -1 for all three.
    property int openKind: -1
    readonly property bool wide: root.width >= 1000

    objectName: "threeHousesPage"
    background: Rectangle {
        color: Theme.background
    }

    ThreeHousesController {
        id: houses

        objectName: "threeHousesController"
        session: Session
        byChild: false
        personId: root.personId
    }

    header: PageHeader {
        objectName: "threeHouses"
        title: root.openKind >= 0 && editor.house ? qsTr("%1: %2").arg(houses.childName).arg(editor.house.name) : qsTr("Three houses with %1").arg(houses.childName)
        backName: root.openKind >= 0 ? qsTr("Back to the three houses") : qsTr("Back to the family")
        onBack: {
            if (root.openKind >= 0)
                root.openKind = -1;
            else
                root.back();
        }
    }

    LetterPreviewDialog {
        id: preview

        controller: houses
        onSaveRequested: letter.save()
    }

    Flickable {
        id: flick

        objectName: "pageFlick"
        anchors.fill: parent
        visible: root.openKind < 0
        contentWidth: width
        contentHeight: content.implicitHeight + 2 * Theme.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ScrollBar.vertical: ScrollBar {
        }

        ColumnLayout {
            id: content

            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: Theme.margin

            Label {
                objectName: "threeHousesError"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                visible: houses.errorString.length > 0
                text: houses.errorString
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            SectionCard {
                Layout.fillWidth: true
                title: houses.childAge === 1 ? qsTr("%1, 1 year old").arg(houses.childName) : houses.childAge >= 0 ? qsTr("%1, %n years old", "", houses.childAge).arg(houses.childName) : houses.childName

                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignLeft
                    text: qsTr("A house of worries, a house of good things and a house of dreams. %1 can draw, put stickers in and write their own words, and decides whether each house may be shared. In child mode only the three houses can be reached; your PIN or passphrase ends it.").arg(houses.childName)
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }

                Button {
                    id: handOver

                    objectName: "handToChildButton"
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: houses.found
                    leftPadding: Theme.margin
                    rightPadding: Theme.margin
                    highlighted: true
                    text: qsTr("Hand to %1").arg(houses.childName)
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    Accessible.name: qsTr("Hand the tablet to %1: child mode").arg(houses.childName)
                    onClicked: {
                        root.handingToChild();
                        ChildMode.enter(root.personId);
                    }
                }
            }

            GridLayout {
                Layout.fillWidth: true
                columns: root.wide ? 3 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin

                Repeater {
                    model: 3

                    HouseCard {
                        required property int index

                        // Equal preferred widths share the row equally.
                        Layout.preferredWidth: 1
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        controller: houses
                        kind: index
                        onOpenRequested: root.openKind = index
                    }
                }
            }

            LetterToChildCard {
                id: letter

                Layout.fillWidth: true
                controller: houses
                onPreviewRequested: message => preview.showLetter(message)
            }
        }
    }

    // One house open: the drawing and its tools, with the child's words beside or below.
    Item {
        objectName: "openHouse"
        anchors.fill: parent
        visible: root.openKind >= 0

        HouseEditor {
            id: editor

            objectName: "practitionerHouseEditor"
            // The child's words beside the drawing, at the end of the line in either direction.
            x: root.wide && Theme.rightToLeft ? scribeFlick.width : 0
            y: 0
            width: root.wide ? parent.width - scribeFlick.width : parent.width
            height: root.wide ? parent.height : Math.round(parent.height * 0.72)
            controller: houses
            kind: Math.max(0, root.openKind)
            childWords: false
            showHome: false
        }

        Flickable {
            id: scribeFlick

            x: root.wide && !Theme.rightToLeft ? editor.width : 0
            y: root.wide ? 0 : editor.height
            width: root.wide ? Math.min(400, parent.width * 0.3) : parent.width
            height: parent.height - y
            contentWidth: width
            contentHeight: scribe.implicitHeight + 2 * Theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds

            ScrollBar.vertical: ScrollBar {
            }

            HouseScribePanel {
                id: scribe

                x: Theme.spacing
                y: Theme.spacing
                width: scribeFlick.width - 2 * Theme.spacing
                controller: houses
                kind: editor.kind
                house: editor.house
            }
        }
    }
}
