pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The audit viewer for a supervisor: who sent, received, changed, shared or read the
// family's records, when and on which tablet, read from the centre (it needs a connection).
Page {
    id: root

    required property string familyId
    property string familyName

    signal back

    objectName: "familyAuditPage"
    background: Rectangle {
        color: Theme.background
    }

    header: PageHeader {
        objectName: "familyAudit"
        title: root.familyName.length > 0 ? qsTr("Audit: %1 family").arg(root.familyName) : qsTr("Audit")
        backName: qsTr("Back to the family")
        onBack: root.back()
    }

    FamilyAuditController {
        id: audit

        objectName: "familyAuditController"
        session: Session
        familyId: root.familyId
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            spacing: Theme.spacing

            Label {
                objectName: "auditSummary"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: audit.loading ? qsTr("Reading the audit from the centre…") : audit.errorString.length > 0 ? audit.errorString : qsTr("Who did what to the family's records, newest first, as the centre holds it.")
                font.pixelSize: Theme.fontBody
                color: audit.errorString.length > 0 ? Theme.danger : Theme.text
                wrapMode: Text.WordWrap
            }

            Button {
                objectName: "refreshAuditButton"
                Layout.preferredHeight: Theme.touchTarget
                enabled: !audit.loading
                text: qsTr("Read again")
                font.pixelSize: Theme.fontBody
                onClicked: audit.refresh()
            }
        }

        ListView {
            id: list

            objectName: "auditList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: audit.entries
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("The family's audit")
            delegate: Rectangle {
                id: entry

                required property var modelData

                width: list.width
                implicitHeight: content.implicitHeight + Theme.spacing
                color: Theme.surface

                ColumnLayout {
                    id: content

                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.leftMargin: Theme.margin
                    anchors.rightMargin: Theme.margin
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 2

                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignLeft
                        //: An audit entry: what was done to which kind of record.
                        text: qsTr("%1: %2").arg(entry.modelData.actionText).arg(entry.modelData.what)
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }

                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignLeft
                        //: When, by whom, on which tablet.
                        text: qsTr("%1 · %2 · %3").arg(entry.modelData.whenText).arg(entry.modelData.who).arg(entry.modelData.device)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                    }
                }

                Rectangle {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    height: 1
                    color: Theme.divider
                }
            }

            ScrollBar.vertical: ScrollBar {
            }
        }
    }
}
