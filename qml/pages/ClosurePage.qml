pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The end of the case: the crisis card made with the family, the ending letter, and the
// closure itself. Two columns in landscape, the closure on the right.
Page {
    id: root

    required property string familyId

    signal back

    readonly property bool wide: root.width >= 1000

    objectName: "closurePage"
    background: Rectangle {
        color: Theme.background
    }

    ClosureController {
        id: ending

        objectName: "closureController"
        session: Session
        familyId: root.familyId
        active: root.visible
    }

    StackView.onRemoved: ending.saveNow()

    header: PageHeader {
        objectName: "closure"
        title: ending.found ? qsTr("Ending: %1 family").arg(ending.familyName) : qsTr("Ending")
        saveState: ending.saveState
        backName: qsTr("Back to the family")
        onBack: {
            ending.saveNow();
            root.back();
        }
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
                objectName: "closureError"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                visible: ending.errorString.length > 0
                text: ending.errorString
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

                    CrisisCardForm {
                        Layout.fillWidth: true
                        controller: ending
                    }

                    EndingLetterForm {
                        Layout.fillWidth: true
                        controller: ending
                    }

                    FamilyCopiesCard {
                        id: copies

                        objectName: "closureCopiesCard"
                        Layout.fillWidth: true
                        defaultFolder: ending.defaultExportFolder

                        Button {
                            objectName: "saveCrisisCardPdfButton"
                            height: Theme.touchTarget
                            text: qsTr("Save crisis card as PDF")
                            font.pixelSize: Theme.fontBody
                            Accessible.name: qsTr("Save the crisis card as a PDF file")
                            onClicked: copies.showResult(ending.exportCrisisCardPdf(copies.folder), ending.errorString)
                        }

                        Button {
                            objectName: "saveEndingLetterPdfButton"
                            height: Theme.touchTarget
                            text: qsTr("Save ending letter as PDF")
                            font.pixelSize: Theme.fontBody
                            Accessible.name: qsTr("Save the ending letter as a PDF file")
                            onClicked: copies.showResult(ending.exportEndingLetterPdf(copies.folder), ending.errorString)
                        }
                    }

                    Item {
                        Layout.fillHeight: true
                    }
                }

                ColumnLayout {
                    Layout.preferredWidth: 1
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: Theme.margin

                    ClosureDecisionCard {
                        Layout.fillWidth: true
                        controller: ending
                    }

                    ExitQuestionnaireCard {
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
