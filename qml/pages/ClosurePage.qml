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

            Flow {
                id: columns

                readonly property real columnWidth: root.wide ? (width - spacing) / 2 : width

                Layout.fillWidth: true
                spacing: Theme.margin

                // In the order of the work: the crisis card and the letter, then the closure.
                ColumnLayout {
                    width: columns.columnWidth
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
                }

                ClosureDecisionCard {
                    width: columns.columnWidth
                    controller: ending
                }
            }
        }
    }
}
