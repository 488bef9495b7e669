pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Records a consent to share: whose it is and who signs, the agencies, until when, what
// for, and the signature. A refusal shows every problem above the buttons and keeps
// everything entered, the signature too, so it can be put right in place.
AppDialog {
    id: root

    required property ConsentController controller
    readonly property bool wide: root.availableWidth >= 900

    /// Opens an empty form for a person, starting from their usual signer.
    function openFor(personId) {
        root.clear();
        form.reset(personId);
        root.open();
    }

    function clear() {
        root.controller.clearRecordError();
        form.reset("");
        purposeArea.text = "";
        pad.clear();
    }

    function save() {
        if (root.controller.recordConsent(form.personId, form.agencies, purposeArea.text, form.givenBySelf, form.expiryText, pad.strokes))
            root.close();
    }

    objectName: "consentDialog"
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 760, 1100)
    height: Math.min(parent ? parent.height - 2 * Theme.margin : implicitHeight, implicitHeight)
    focus: true
    // Not closed by a tap outside it: a stray tap must not throw away a signature.
    closePolicy: Popup.CloseOnEscape
    title: qsTr("Record consent to share information")

    Flickable {
        id: flick

        anchors.fill: parent
        implicitHeight: layout.implicitHeight
        contentWidth: width
        contentHeight: layout.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ScrollBar.vertical: ScrollBar {
        }

        // Landscape: the form beside the signature; portrait: one above the other. Each
        // column fills the row's height with a spacer below, so their tops line up.
        GridLayout {
            id: layout

            width: flick.width
            columns: root.wide ? 2 : 1
            columnSpacing: Theme.margin
            rowSpacing: Theme.margin

            ConsentForm {
                id: form

                Layout.preferredWidth: 1
                Layout.fillWidth: true
                Layout.fillHeight: true
                controller: root.controller
            }

            ColumnLayout {
                Layout.preferredWidth: 1
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 4

                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignLeft
                    text: qsTr("What for")
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.mutedText
                    Accessible.ignored: true
                }

                TextArea {
                    id: purposeArea

                    objectName: "consentPurposeInput"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(implicitHeight, 2 * Theme.fontBody * 1.5 + 16)
                    Layout.bottomMargin: Theme.spacing
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("For example: to support school attendance")
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("What the information will be shared for")
                    background: Rectangle {
                        color: Theme.surface
                        border.color: purposeArea.activeFocus ? Theme.primary : Theme.divider
                        border.width: purposeArea.activeFocus ? 2 : 1
                        radius: Theme.radius
                    }
                }

                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignLeft
                    text: form.givenBySelf && form.personName.length > 0 ? qsTr("Signature of %1").arg(form.personName) : form.givenBySelf ? qsTr("Signature") : qsTr("Signature of the parent or carer")
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                }

                SignaturePad {
                    id: pad

                    objectName: "signaturePad"
                    Layout.fillWidth: true
                    Layout.preferredHeight: width / aspectRatio
                }

                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    Button {
                        objectName: "undoStrokeButton"
                        height: Theme.touchTarget
                        enabled: pad.canUndo
                        text: qsTr("Undo the last stroke")
                        font.pixelSize: Theme.fontBody
                        Accessible.name: qsTr("Undo the last stroke of the signature")
                        onClicked: pad.undo()
                    }

                    Button {
                        objectName: "clearSignatureButton"
                        height: Theme.touchTarget
                        enabled: !pad.empty
                        text: qsTr("Clear the signature")
                        font.pixelSize: Theme.fontBody
                        Accessible.name: qsTr("Clear the signature and sign again")
                        onClicked: pad.clear()
                    }
                }

                Item {
                    Layout.fillHeight: true
                }
            }
        }
    }

    footer: ColumnLayout {
        spacing: Theme.spacing

        Label {
            objectName: "recordConsentError"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            horizontalAlignment: Text.AlignLeft
            visible: text.length > 0
            text: root.controller.recordError
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Layout.bottomMargin: Theme.margin
            spacing: Theme.spacing

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "cancelConsentButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Cancel")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Cancel recording consent")
                onClicked: {
                    root.clear();
                    root.close();
                }
            }

            Button {
                objectName: "saveConsentButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Save signed consent")
                font.pixelSize: Theme.fontBody
                highlighted: true
                Accessible.name: qsTr("Save this signed consent")
                onClicked: root.save()
            }
        }
    }
}
