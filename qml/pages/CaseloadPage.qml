pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The practitioner's families, most urgent first, searchable by name.
Page {
    id: root

    /// The app's sync, shown in the header; none when the page is shown on its own.
    property SyncController sync: null

    signal familyChosen(string familyId)
    /// A supervisor opens their team's page.
    signal teamChosen

    objectName: "caseloadPage"
    background: Rectangle {
        color: Theme.background
    }

    header: ToolBar {
        topPadding: 6
        bottomPadding: 6
        background: Rectangle {
            color: Theme.primary
        }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: qsTr("My caseload")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontTitle
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            Label {
                objectName: "syncStatus"
                visible: root.sync !== null
                Layout.maximumWidth: root.width / 3
                horizontalAlignment: Text.AlignRight
                text: root.sync ? root.sync.statusText : ""
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                Accessible.name: text
            }

            HeaderButton {
                objectName: "syncButton"
                visible: root.sync !== null && root.sync.enrolled
                enabled: root.sync !== null && !root.sync.syncing
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
                text: qsTr("Sync")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Sync now")
                onClicked: root.sync.syncNow()
            }

            HeaderButton {
                objectName: "setUpSyncButton"
                visible: root.sync !== null && !root.sync.enrolled
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
                text: qsTr("Set up sync")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Set up sync with the centre")
                onClicked: enrolDialog.open()
            }

            HeaderButton {
                objectName: "lockButton"
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
                text: qsTr("Lock")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Lock Doorstep")
                onClicked: Session.lock()
            }
        }
    }

    EnrolDialog {
        id: enrolDialog

        sync: root.sync
    }

    CaseloadModel {
        id: caseload

        objectName: "caseloadModel"
        session: Session
        search: searchField.text
        active: root.visible
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.margin
        spacing: Theme.spacing

        ProgressBar {
            objectName: "syncProgress"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            visible: root.sync !== null && root.sync.syncing
            indeterminate: true
            Accessible.name: root.sync ? root.sync.statusText : ""
        }

        Label {
            objectName: "syncProblem"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            visible: text.length > 0
            horizontalAlignment: Text.AlignLeft
            text: root.sync ? root.sync.problemText : ""
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Accessible.name: text
        }

        // A supervisor (as the server said at the last sync) starts the day at their team.
        Button {
            objectName: "teamButton"
            visible: Session.supervisor
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Layout.preferredHeight: Theme.touchTarget
            text: Session.teamName.length > 0 ? qsTr("My team: every family and practitioner of team %1").arg(Session.teamName) : qsTr("My team: every family and practitioner")
            font.pixelSize: Theme.fontBody
            font.bold: true
            onClicked: root.teamChosen()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            spacing: Theme.spacing

            TextField {
                id: searchField

                objectName: "searchField"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                leftPadding: Theme.spacing
                rightPadding: Theme.spacing
                placeholderText: qsTr("Search families by name")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Search families by name")
                Keys.onDownPressed: list.forceActiveFocus()
                onAccepted: caseload.applySearch()
            }

            Button {
                objectName: "clearSearchButton"
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget)
                visible: searchField.text.length > 0
                text: qsTr("Clear")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Clear the search")
                onClicked: {
                    searchField.clear();
                    searchField.forceActiveFocus();
                }
            }
        }

        Label {
            objectName: "familyCount"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: caseload.count > 0
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            text: caseload.count === 1 ? qsTr("1 family") : qsTr("%n families, most urgent first", "", caseload.count)
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
        }

        Label {
            objectName: "caseloadError"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            visible: caseload.errorString.length > 0
            text: qsTr("The caseload could not be read: %1").arg(caseload.errorString)
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }

        ListView {
            id: list

            objectName: "familyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: caseload
            reuseItems: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Families")
            delegate: CaseloadDelegate {
                id: row

                width: list.width
                onClicked: root.familyChosen(row.familyId)
                Keys.onReturnPressed: root.familyChosen(row.familyId)
            }

            ScrollBar.vertical: ScrollBar {
            }

            Label {
                objectName: "emptyCaseload"
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                visible: caseload.count === 0 && caseload.errorString.length === 0
                text: searchField.text.trim().length > 0 ? qsTr("No family's name contains “%1”.").arg(searchField.text.trim()) : qsTr("No families are allocated to you on this tablet yet.")
                color: Theme.mutedText
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
    }
}
