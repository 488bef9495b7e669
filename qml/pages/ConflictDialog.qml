pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Compares the versions of one field side by side (one above the other in portrait), with
// who wrote each where and when; keeps one, or saves a merged text that starts from all of
// them. A signed or finalised record cannot change: its late version is read, and a visit's
// can be added as a dated amendment.
AppDialog {
    id: root

    required property ConflictController controller
    property string draft: ""
    readonly property bool wide: root.availableWidth >= 700
    readonly property string lateOpId: root.controller.otherVersions.length > 0 ? root.controller.otherVersions[0].opId : ""

    objectName: "conflictDialog"
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 1000, 1000)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.margin : 800)
    title: root.controller.sealed ? qsTr("A change that came too late") : qsTr("Two versions of these notes")
    onAboutToShow: root.draft = root.controller.sealed ? (root.controller.otherVersions.length > 0 ? root.controller.otherVersions[0].text : "") : root.controller.mergedDraft
    onClosed: root.controller.closeCompare()

    Flickable {
        id: flick

        anchors.fill: parent
        implicitHeight: body.implicitHeight
        contentWidth: width
        contentHeight: body.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ScrollBar.vertical: ScrollBar {
        }

        ColumnLayout {
            id: body

            width: flick.width
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                //: A record and one of its fields: "Home visit, Wed 4 Mar 2026, 10:30: Notes".
                text: qsTr("%1: %2").arg(root.controller.compareTitle).arg(root.controller.compareFieldLabel)
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            Label {
                objectName: "conflictExplanation"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                visible: root.controller.explanation.length > 0
                text: root.controller.explanation
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            GridLayout {
                Layout.fillWidth: true
                columns: root.wide ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing

                ConflictVersionCard {
                    // Equal preferred widths share a row equally.
                    Layout.preferredWidth: 1
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: root.controller.comparing
                    position: 0
                    current: true
                    sealed: root.controller.sealed
                    versionText: root.controller.currentVersion.text ?? ""
                    byline: root.controller.currentVersion.byline ?? ""
                    onKeepRequested: root.controller.keepVersion(root.controller.currentVersion.opId)
                }

                Repeater {
                    objectName: "versionRepeater"
                    model: root.controller.otherVersions

                    ConflictVersionCard {
                        id: card

                        required property int index
                        required property var modelData

                        Layout.preferredWidth: 1
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        position: card.index + 1
                        current: false
                        sealed: root.controller.sealed
                        versionText: card.modelData.text
                        byline: card.modelData.byline
                        onKeepRequested: root.controller.keepVersion(card.modelData.opId)
                        onReadRequested: root.controller.dismissVersion(card.modelData.opId)
                    }
                }
            }

            LabelledTextArea {
                objectName: "mergedText"
                Layout.fillWidth: true
                visible: !root.controller.sealed
                label: qsTr("Merged text: both versions to start with; edit it to say what it should")
                text: root.draft
                minimumLines: 5
                onEdited: value => root.draft = value
            }

            LabelledTextArea {
                objectName: "amendmentText"
                Layout.fillWidth: true
                visible: root.controller.canAmend
                label: qsTr("Amendment to add to the visit (dated today, in your name)")
                text: root.draft
                minimumLines: 4
                onEdited: value => root.draft = value
            }

            Label {
                objectName: "conflictError"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                visible: root.controller.errorString.length > 0
                text: root.controller.errorString
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Item {
                    Layout.fillWidth: true
                }

                Button {
                    objectName: "closeConflictButton"
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("Not now")
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("Close without changing anything")
                    onClicked: root.close()
                }

                Button {
                    objectName: "saveMergedButton"
                    Layout.preferredHeight: Theme.touchTarget
                    visible: !root.controller.sealed
                    text: qsTr("Save merged")
                    font.pixelSize: Theme.fontBody
                    highlighted: true
                    Accessible.name: qsTr("Save the merged text as the one version")
                    onClicked: root.controller.saveMerged(root.draft)
                }

                Button {
                    objectName: "conflictAmendmentButton"
                    Layout.preferredHeight: Theme.touchTarget
                    visible: root.controller.canAmend
                    text: qsTr("Add as amendment")
                    font.pixelSize: Theme.fontBody
                    highlighted: true
                    Accessible.name: qsTr("Add this text to the visit as a dated amendment")
                    onClicked: root.controller.amendWithVersion(root.lateOpId, root.draft)
                }
            }
        }
    }
}
