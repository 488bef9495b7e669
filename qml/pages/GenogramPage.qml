pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models
import Doorstep.Genogram

// The family's genogram, drawn with the family, and their ecomap. Tap a person to see them
// and add their parents, partners, children, brothers and sisters; tap a line to change it;
// drag a person to put them somewhere else (they stay there, on every tablet); pinch, or
// scroll with a mouse, to zoom; drag the paper to move around. Everything is stored as it is
// done, and Undo takes it back step by step.
Page {
    id: root

    required property string familyId

    signal back

    readonly property bool wide: root.width >= 1000
    readonly property bool ecomap: tabs.currentIndex === 1
    /// Drawing a line: from this person, of lineType, to the next person tapped.
    property string lineFrom
    property string lineType: "close"
    readonly property var lineFromDetails: root.lineFrom.length > 0 ? genogram.person(root.lineFrom) : ({})

    function panel() {
        return root.ecomap ? null : personPanel.visible ? personPanel : linePanel.visible ? linePanel : null;
    }

    /// Stores what the open panel holds, then shows another person or line (or none).
    function choose(personId, relationId) {
        const open = root.panel();
        if (open && open.commit && !open.commit())
            return;
        view.selectedPersonId = personId;
        view.selectedRelationId = relationId;
    }

    // (Handlers' points are passed in untyped: their point types are beyond Qt 6.4's linter.)
    function dragChanged(handler) {
        const at = handler.centroid.pressPosition;
        if (handler.active) {
            handler.personId = root.ecomap ? "" : view.personAt(at);
            handler.lastX = at.x;
            handler.lastY = at.y;
            return;
        }
        if (handler.personId.length === 0)
            return;
        const id = handler.personId;
        handler.personId = "";
        const to = view.toUnits(Qt.point(handler.lastX, handler.lastY));
        if (genogram.pin(id, to.x, to.y))
            root.choose(id, "");
    }

    function dragMoved(handler) {
        if (!handler.active)
            return;
        const p = handler.centroid.position;
        if (handler.personId.length > 0) {
            ghost.x = p.x - ghost.width / 2;
            ghost.y = p.y - ghost.height / 2;
        } else {
            view.panBy(p.x - handler.lastX, p.y - handler.lastY);
        }
        handler.lastX = p.x;
        handler.lastY = p.y;
    }

    function pinched(handler) {
        view.zoomAbout(handler.activeScale / handler.last, handler.centroid.position);
        handler.last = handler.activeScale;
    }

    function tapAt(point) {
        if (root.ecomap) {
            const link = view.linkAt(point);
            view.selectedLinkId = link;
            return;
        }
        const person = view.personAt(point);
        if (root.lineFrom.length > 0) {
            if (person.length > 0 && person !== root.lineFrom) {
                const id = genogram.addLine(root.lineFrom, person, root.lineType);
                root.lineFrom = "";
                if (id.length > 0)
                    root.choose("", id);
            }
            return;
        }
        if (person.length > 0) {
            root.choose(person, "");
            return;
        }
        root.choose("", view.relationAt(point));
    }

    objectName: "genogramPage"
    background: Rectangle {
        color: Theme.background
    }

    GenogramController {
        id: genogram

        objectName: "genogramController"
        session: Session
        familyId: root.familyId
    }

    header: PageHeader {
        objectName: "genogram"
        title: root.ecomap ? qsTr("Ecomap: the %1 family").arg(genogram.familyName) : qsTr("Family tree: the %1 family").arg(genogram.familyName)
        backName: qsTr("Back to the family")
        onBack: {
            const open = root.panel();
            if (!open || !open.commit || open.commit())
                root.back();
        }
    }

    AddRelativeDialog {
        id: addRelative

        controller: genogram
        onAdded: personId => {
            root.choose(personId, "");
            view.showPerson(personId);
        }
    }

    SaveGenogramDialog {
        id: saveDialog

        controller: genogram
        what: root.ecomap ? "ecomap" : "genogram"
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // The tools: which drawing, undo and redo, the support network, fitting and saving.
        Pane {
            Layout.fillWidth: true
            padding: Theme.spacing / 2
            background: Rectangle {
                color: Theme.surface
                border.color: Theme.divider
            }

            Flow {
                width: parent.width
                spacing: Theme.spacing

                TabBar {
                    id: tabs

                    objectName: "genogramTabs"
                    width: Math.min(implicitWidth, 420)

                    TabButton {
                        objectName: "familyTreeTab"
                        width: implicitWidth
                        height: Theme.touchTarget
                        text: qsTr("Family tree")
                        font.pixelSize: Theme.fontBody
                    }

                    TabButton {
                        objectName: "ecomapTab"
                        width: implicitWidth
                        height: Theme.touchTarget
                        text: qsTr("Ecomap")
                        font.pixelSize: Theme.fontBody
                    }
                }

                Button {
                    objectName: "undoButton"
                    height: Theme.touchTarget
                    enabled: genogram.canUndo
                    text: qsTr("Undo")
                    font.pixelSize: Theme.fontBody
                    Accessible.name: genogram.canUndo ? genogram.undoText : qsTr("Nothing to undo")
                    ToolTip.visible: hovered && genogram.canUndo
                    ToolTip.text: genogram.undoText
                    onClicked: genogram.undo()
                }

                Button {
                    objectName: "redoButton"
                    height: Theme.touchTarget
                    enabled: genogram.canRedo
                    text: qsTr("Redo")
                    font.pixelSize: Theme.fontBody
                    Accessible.name: genogram.canRedo ? genogram.redoText : qsTr("Nothing to redo")
                    ToolTip.visible: hovered && genogram.canRedo
                    ToolTip.text: genogram.redoText
                    onClicked: genogram.redo()
                }

                Button {
                    objectName: "supportSwitch"
                    height: Theme.touchTarget
                    checkable: true
                    visible: !root.ecomap
                    text: qsTr("Support network")
                    font.pixelSize: Theme.fontBody
                    Accessible.name: checked ? qsTr("Support network shown: tap to show everyone") : qsTr("Show the support network")
                    checked: view.highlightSupport
                    onToggled: view.highlightSupport = checked
                }

                Button {
                    objectName: "fitButton"
                    height: Theme.touchTarget
                    text: qsTr("Show all")
                    font.pixelSize: Theme.fontBody
                    onClicked: view.fitAll()
                }

                Button {
                    objectName: "saveGenogramButton"
                    height: Theme.touchTarget
                    text: root.ecomap ? qsTr("Save ecomap…") : qsTr("Save family tree…")
                    font.pixelSize: Theme.fontBody
                    onClicked: saveDialog.open()
                }
            }
        }

        Label {
            objectName: "genogramError"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            horizontalAlignment: Text.AlignLeft
            visible: text.length > 0 && !addRelative.opened
            text: genogram.errorString
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            // The drawing keeps its place in a right-to-left language: a genogram reads
            // oldest on the left wherever it is drawn.
            Item {
                id: paper

                readonly property bool keepsItsPlace: true

                x: root.wide && Theme.rightToLeft ? side.width : 0
                y: 0
                width: root.wide ? parent.width - side.width : parent.width
                height: root.wide ? parent.height : Math.round(parent.height * 0.55)
                clip: true

                GenogramView {
                    id: view

                    objectName: "genogramView"
                    anchors.fill: parent
                    scene: genogram.scene
                    showEcomap: root.ecomap
                    Accessible.role: Accessible.Graphic
                    Accessible.name: root.ecomap ? qsTr("The ecomap: %n links", "", genogram.links.length) : qsTr("The family tree: %n people", "", genogram.people.length)
                }

                // A person being dragged: where they will be put when the finger lifts.
                Rectangle {
                    id: ghost

                    objectName: "dragGhost"
                    visible: mover.personId.length > 0
                    width: view.unitSize * 1.2
                    height: width
                    radius: width / 2
                    color: "transparent"
                    border.color: Theme.primary
                    border.width: 3
                }

                TapHandler {
                    objectName: "genogramTap"
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: eventPoint => root.tapAt(eventPoint.position)
                }

                // One finger, a stylus or the mouse: on a person it moves them, on the paper
                // it moves the view.
                DragHandler {
                    id: mover

                    property string personId
                    property real lastX
                    property real lastY

                    objectName: "genogramDrag"
                    target: null
                    maximumPointCount: 1
                    onActiveChanged: root.dragChanged(mover)
                    onCentroidChanged: root.dragMoved(mover)
                }

                PinchHandler {
                    id: pinch

                    property real last: 1

                    objectName: "genogramPinch"
                    target: null
                    onActiveChanged: pinch.last = 1
                    onActiveScaleChanged: root.pinched(pinch)
                }

                WheelHandler {
                    objectName: "genogramWheel"
                    target: null
                    onWheel: event => view.zoomAbout(Math.pow(1.0015, event.angleDelta.y), Qt.point(event.x, event.y))
                }

                // Drawing a line: which kind, and a way out.
                Pane {
                    objectName: "lineBanner"
                    visible: root.lineFrom.length > 0
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacing
                    padding: Theme.spacing
                    background: Rectangle {
                        color: Theme.surface
                        radius: Theme.radius
                        border.color: Theme.primary
                        border.width: 2
                    }

                    ColumnLayout {
                        width: parent.width
                        spacing: Theme.spacing / 2

                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignLeft
                            text: qsTr("Tap the person to draw a line to from %1.").arg(root.lineFromDetails.name || "")
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.WordWrap
                        }

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing

                            ComboBox {
                                id: lineTypes

                                objectName: "lineTypeChooser"
                                Layout.fillWidth: true
                                Layout.preferredHeight: Theme.touchTarget
                                model: genogram.lineTypes
                                textRole: "label"
                                valueRole: "name"
                                font.pixelSize: Theme.fontBody
                                onActivated: root.lineType = currentValue
                                Component.onCompleted: currentIndex = indexOfValue(root.lineType)
                            }

                            Button {
                                objectName: "cancelLineButton"
                                Layout.preferredHeight: Theme.touchTarget
                                text: qsTr("Cancel")
                                font.pixelSize: Theme.fontBody
                                onClicked: root.lineFrom = ""
                            }
                        }
                    }
                }
            }

            Flickable {
                id: side

                objectName: "genogramSide"
                x: root.wide ? (Theme.rightToLeft ? 0 : paper.width) : 0
                y: root.wide ? 0 : paper.height
                width: root.wide ? Math.min(420, parent.width * 0.36) : parent.width
                height: parent.height - y
                contentWidth: width
                contentHeight: panels.implicitHeight + 2 * Theme.spacing
                clip: true
                boundsBehavior: Flickable.StopAtBounds

                ScrollBar.vertical: ScrollBar {
                }

                Rectangle {
                    width: side.width
                    height: Math.max(side.height, side.contentHeight)
                    color: Theme.surface
                    border.color: Theme.divider
                }

                // One panel at a time: the ecomap's links, the chosen person or line, or
                // how to start. (Inline components cannot be loaded in Qt 6.4: bound.)
                ColumnLayout {
                    id: panels

                    x: Theme.spacing
                    y: Theme.spacing
                    width: side.width - 2 * Theme.spacing
                    spacing: 0

                    EcomapPanel {
                        Layout.fillWidth: true
                        visible: root.ecomap
                        controller: genogram
                        linkId: view.selectedLinkId
                        onLinkChosen: linkId => view.selectedLinkId = linkId
                    }

                    GenogramPersonPanel {
                        id: personPanel

                        Layout.fillWidth: true
                        visible: !root.ecomap && view.selectedPersonId.length > 0
                        controller: genogram
                        personId: view.selectedPersonId
                        onAddRelativeRequested: relationship => addRelative.ask(relationship, view.selectedPersonId, personPanel.details.name || "")
                        onDrawLineRequested: root.lineFrom = view.selectedPersonId
                        onRemoved: view.selectedPersonId = ""
                    }

                    GenogramLinePanel {
                        id: linePanel

                        Layout.fillWidth: true
                        visible: !root.ecomap && view.selectedPersonId.length === 0 && view.selectedRelationId.length > 0
                        controller: genogram
                        relationId: view.selectedRelationId
                        onRemoved: view.selectedRelationId = ""
                    }

                    GenogramHints {
                        Layout.fillWidth: true
                        scene: genogram.scene
                        visible: !root.ecomap && view.selectedPersonId.length === 0 && view.selectedRelationId.length === 0
                        controller: genogram
                    }
                }
            }
        }
    }
}
