pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The family's My Family Plan: goals per member in their own words, who does what by
// when, the reviews held, and the plan's timescales. Two columns in landscape.
Page {
    id: root

    required property string familyId

    signal back

    readonly property bool wide: root.width >= 1000

    objectName: "planPage"
    background: Rectangle {
        color: Theme.background
    }

    PlanDecisionController {
        id: planDecision

        objectName: "planDecisionController"
        session: Session
        familyId: root.familyId
        active: root.visible
    }

    PlanController {
        id: plan

        objectName: "planController"
        session: Session
        familyId: root.familyId
        active: root.visible
    }

    StackView.onRemoved: plan.saveNow()

    header: PageHeader {
        objectName: "plan"
        title: plan.found ? qsTr("My Family Plan: %1 family").arg(plan.familyName) : qsTr("My Family Plan")
        saveState: plan.saveState
        backName: qsTr("Back to the family")
        onBack: {
            plan.saveNow();
            root.back();
        }
    }

    ReviewDialog {
        id: reviewDialog

        familyId: root.familyId
    }

    Flickable {
        id: flick

        objectName: "pageFlick"
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
                objectName: "planError"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                visible: plan.errorString.length > 0
                text: plan.errorString
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            // Two columns in landscape, one in portrait, tops aligned; a grid rather than a
            // Flow, whose nested layouts keep stale sizes in Qt 6.4.
            GridLayout {
                id: columns

                Layout.fillWidth: true
                columns: root.wide ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin

                ColumnLayout {
                    // Equal preferred widths share the row equally; filled to the row's
                    // height with a spacer below so the tops line up.
                    Layout.preferredWidth: 1
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: Theme.margin

                    PlanStatusCard {
                        Layout.fillWidth: true
                        controller: plan
                    }

                    PlanDecisionCard {
                        Layout.fillWidth: true
                        controller: planDecision
                    }

                    PlanGoalsCard {
                        Layout.fillWidth: true
                        controller: plan
                    }

                    Item {
                        Layout.fillHeight: true
                    }
                }

                ColumnLayout {
                    // Equal preferred widths share the row equally; filled to the row's
                    // height with a spacer below so the tops line up.
                    Layout.preferredWidth: 1
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: Theme.margin

                    SectionCard {
                        objectName: "planTimescalesCard"
                        Layout.fillWidth: true
                        title: qsTr("Timescales")

                        Repeater {
                            objectName: "planDeadlineRepeater"
                            model: plan.deadlines

                            DeadlineDelegate {
                                Layout.fillWidth: true
                            }
                        }

                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignLeft
                            visible: plan.deadlines.count === 0
                            text: qsTr("No timescales: the family is not allocated to a practitioner.")
                            font.pixelSize: Theme.fontBody
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
                        }
                    }

                    PlanActionsCard {
                        Layout.fillWidth: true
                        controller: plan
                    }

                    PlanReviewsCard {
                        Layout.fillWidth: true
                        controller: plan
                        onReviewChosen: reviewId => reviewDialog.openReview(reviewId)
                    }

                    FamilyCopiesCard {
                        id: copies

                        objectName: "planCopiesCard"
                        Layout.fillWidth: true
                        defaultFolder: plan.defaultExportFolder

                        Button {
                            objectName: "savePlanPdfButton"
                            height: Theme.touchTarget
                            text: qsTr("Save plan as PDF")
                            font.pixelSize: Theme.fontBody
                            Accessible.name: qsTr("Save the family's plan as a PDF file")
                            onClicked: copies.showResult(plan.exportPlanPdf(copies.folder), plan.errorString)
                        }
                    }

                    Item {
                        Layout.fillHeight: true
                    }
                }
            }
        }
    }
}
