pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// A family: who is in it, where the case came from and who leads it, its timescales and
// its visits. Two columns in landscape, one in portrait.
Page {
    id: root

    required property string familyId
    /// The family's name, once read.
    readonly property string familyName: family.familyName

    signal back
    /// The visit to open; an empty id records a new one.
    signal visitChosen(string visitId)
    signal planChosen
    signal genogramChosen
    signal closureChosen
    signal consentChosen
    /// A supervisor opens the family's audit.
    signal auditChosen
    /// A child's three houses (the child's person id).
    signal threeHousesChosen(string personId)

    readonly property bool wide: root.width >= 1000

    objectName: "familyPage"
    background: Rectangle {
        color: Theme.background
    }

    FamilyController {
        id: family

        objectName: "familyController"
        session: Session
        familyId: root.familyId
        active: root.visible
    }

    header: ToolBar {
        topPadding: 6
        bottomPadding: 6
        background: Rectangle {
            color: Theme.primary
        }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing

            HeaderButton {
                objectName: "familyBackButton"
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
                text: qsTr("Back")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Back to the caseload")
                onClicked: root.back()
            }

            Label {
                objectName: "familyTitle"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: family.found ? qsTr("%1 family").arg(family.familyName) : qsTr("Family")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontTitle
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            Button {
                id: recordVisit

                objectName: "recordVisitButton"
                Layout.preferredHeight: Theme.touchTarget
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                enabled: family.found
                text: qsTr("Record a visit")
                font.pixelSize: Theme.fontBody
                font.bold: true
                Accessible.name: qsTr("Record a new home visit")
                onClicked: root.visitChosen("")

                // White on the primary bar: the page's main action stands out.
                background: Rectangle {
                    radius: Theme.radius
                    color: recordVisit.down ? Theme.divider : Theme.surface
                    opacity: recordVisit.enabled ? 1 : 0.6
                    border.width: recordVisit.visualFocus ? 3 : 0
                    border.color: Theme.text
                }
                contentItem: Label {
                    text: recordVisit.text
                    font: recordVisit.font
                    color: Theme.primary
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
    }

    AddMemberDialog {
        id: addMember

        controller: family
    }

    ConflictController {
        id: conflicts

        objectName: "conflictController"
        session: Session
        familyId: root.familyId
        active: root.visible
        onResolved: conflictDialog.close()
    }

    ConflictDialog {
        id: conflictDialog

        controller: conflicts
    }

    Flickable {
        id: flick

        objectName: "familyFlick"
        anchors.fill: parent
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
                objectName: "familyError"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                visible: family.errorString.length > 0
                text: family.errorString
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }

            FamilyConflictsCard {
                Layout.fillWidth: true
                controller: conflicts
                onCompareRequested: conflictKey => {
                    if (conflicts.compare(conflictKey))
                        conflictDialog.open();
                }
            }

            // Two columns side by side in landscape, one after the other in portrait; each
            // column's top stays aligned, and the grid mirrors for right-to-left languages.
            GridLayout {
                id: columns

                Layout.fillWidth: true
                columns: root.wide ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin

                ColumnLayout {
                    // Equal preferred widths share the row equally.
                    Layout.preferredWidth: 1
                    Layout.fillWidth: true
                    // Filled to the row's height with a spacer below, so the columns'
                    // tops line up (Layout.alignment is beyond Qt 6.4's linter).
                    Layout.fillHeight: true
                    spacing: Theme.margin

                    FamilyDetailsCard {
                        Layout.fillWidth: true
                        controller: family
                    }

                    FamilyMembersCard {
                        Layout.fillWidth: true
                        controller: family
                        onAddRequested: addMember.open()
                        onConsentRequested: root.consentChosen()
                        onThreeHousesRequested: personId => root.threeHousesChosen(personId)
                    }

                    Item {
                        Layout.fillHeight: true
                    }
                }

                ColumnLayout {
                    // Equal preferred widths share the row equally.
                    Layout.preferredWidth: 1
                    Layout.fillWidth: true
                    // Filled to the row's height with a spacer below, so the columns'
                    // tops line up (Layout.alignment is beyond Qt 6.4's linter).
                    Layout.fillHeight: true
                    spacing: Theme.margin

                    FamilyCaseworkCard {
                        Layout.fillWidth: true
                        controller: family
                        onPlanRequested: root.planChosen()
                        onGenogramRequested: root.genogramChosen()
                        onClosureRequested: root.closureChosen()
                    }

                    SectionCard {
                        objectName: "timescalesCard"
                        Layout.fillWidth: true
                        title: qsTr("Timescales")

                        Repeater {
                            objectName: "deadlineRepeater"
                            model: family.deadlines

                            DeadlineDelegate {
                                Layout.fillWidth: true
                            }
                        }

                        // Drift and delay, as the supervisor watches it: each check that
                        // applies, its state in words and colour, and why.
                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignLeft
                            visible: family.drift.length > 0
                            text: qsTr("Drift and delay")
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.text
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }

                        Repeater {
                            objectName: "driftRepeater"
                            model: family.drift

                            DriftDelegate {
                                Layout.fillWidth: true
                            }
                        }

                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignLeft
                            visible: family.deadlines.count === 0
                            text: qsTr("No timescales: the family is not allocated to a practitioner.")
                            font.pixelSize: Theme.fontBody
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
                        }
                    }

                    SectionCard {
                        objectName: "visitsCard"
                        Layout.fillWidth: true
                        title: qsTr("Home visits")

                        Repeater {
                            objectName: "visitRepeater"
                            model: family.visits

                            VisitTimelineDelegate {
                                id: visitRow

                                Layout.fillWidth: true
                                onClicked: root.visitChosen(visitRow.visitId)
                            }
                        }

                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignLeft
                            visible: family.visits.count === 0
                            text: qsTr("No visits recorded yet.")
                            font.pixelSize: Theme.fontBody
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
                        }
                    }

                    AllocationCard {
                        Layout.fillWidth: true
                        familyId: root.familyId
                        leadText: family.hasLeadPractitioner ? qsTr("%1, since %2").arg(family.leadPractitionerName).arg(family.allocatedOn) : qsTr("Not allocated")
                        onAuditRequested: root.auditChosen()
                    }

                    SupervisionCard {
                        Layout.fillWidth: true
                        familyId: root.familyId
                    }

                    Item {
                        Layout.fillHeight: true
                    }
                }
            }
        }
    }
}
