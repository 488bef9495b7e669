pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// A family's consent to share information: each member's standing today with a button to
// record a signed consent, every signed consent with its signature, a way to save its
// signed form and to withdraw it, and sharing with an agency. Two columns in landscape,
// one in portrait.
Page {
    id: root

    required property string familyId

    signal back

    readonly property bool wide: root.width >= 1000

    objectName: "consentPage"
    background: Rectangle {
        color: Theme.background
    }

    ConsentController {
        id: consent

        objectName: "consentController"
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
                objectName: "consentBackButton"
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
                text: qsTr("Back")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Back to the family")
                onClicked: root.back()
            }

            Label {
                objectName: "consentTitle"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: consent.found ? qsTr("Consent to share: %1 family").arg(consent.familyName) : qsTr("Consent to share")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontTitle
                font.bold: true
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            Button {
                id: shareButton

                objectName: "openShareButton"
                Layout.preferredHeight: Theme.touchTarget
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                enabled: consent.found
                text: qsTr("Share with an agency…")
                font.pixelSize: Theme.fontBody
                font.bold: true
                Accessible.name: qsTr("Share the family's information with an agency")
                onClicked: shareDialog.open()

                background: Rectangle {
                    radius: Theme.radius
                    color: shareButton.down ? Theme.divider : Theme.surface
                    opacity: shareButton.enabled ? 1 : 0.6
                    border.width: shareButton.visualFocus ? 3 : 0
                    border.color: Theme.text
                }
                contentItem: Label {
                    text: shareButton.text
                    font: shareButton.font
                    color: Theme.primary
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
    }

    ConsentDialog {
        id: recordDialog

        controller: consent
    }

    WithdrawConsentDialog {
        id: withdrawDialog

        controller: consent
    }

    ShareDialog {
        id: shareDialog

        familyId: root.familyId
    }

    Flickable {
        id: flick

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
                objectName: "consentError"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                visible: consent.errorString.length > 0
                text: consent.errorString
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }

            // Two columns side by side in landscape, one after the other in portrait; each
            // column's top stays aligned, and the grid mirrors for right-to-left languages.
            GridLayout {
                Layout.fillWidth: true
                columns: root.wide ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin

                ColumnLayout {
                    // Equal preferred widths share the row equally; filled to the row's
                    // height with a spacer below, so the columns' tops line up.
                    Layout.preferredWidth: 1
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: Theme.margin

                    SectionCard {
                        objectName: "consentPeopleCard"
                        Layout.fillWidth: true
                        title: qsTr("People")

                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignLeft
                            text: qsTr("Each adult and young person signs for themselves; a parent or carer signs for a child.")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
                        }

                        Repeater {
                            objectName: "consentPeopleRepeater"
                            model: consent.people

                            ConsentPersonDelegate {
                                Layout.fillWidth: true
                                onRecordRequested: personId => recordDialog.openFor(personId)
                            }
                        }

                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignLeft
                            visible: consent.people.count === 0
                            text: qsTr("No members recorded yet: add them on the family page first.")
                            font.pixelSize: Theme.fontBody
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
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

                    SectionCard {
                        objectName: "consentRecordsCard"
                        Layout.fillWidth: true
                        title: qsTr("Signed consents (%1)").arg(consent.consents.count)

                        FormTextField {
                            id: formsFolder

                            objectName: "consentFormsFolderField"
                            Layout.fillWidth: true
                            visible: consent.canSaveForms
                            label: qsTr("Save signed forms in the folder")
                            text: consent.defaultExportFolder
                        }

                        Repeater {
                            objectName: "consentRepeater"
                            model: consent.consents

                            ConsentDelegate {
                                id: record

                                Layout.fillWidth: true
                                onWithdrawRequested: withdrawDialog.ask(record.consentId, record.personName, record.agenciesText)
                                onSaveFormRequested: record.showSaveResult(consent.saveSignedForm(record.consentId, formsFolder.text), consent.saveFormError)
                            }
                        }

                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignLeft
                            visible: consent.consents.count === 0
                            text: qsTr("No consent has been signed yet.")
                            font.pixelSize: Theme.fontBody
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
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
