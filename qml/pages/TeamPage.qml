pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The supervisor's team (issue 8): every family of the team with its drift and delay checks,
// filtered and sorted by each, and the practitioners with their caseloads and last syncs.
Page {
    id: root

    signal back
    signal familyChosen(string familyId)

    /// Shows the families of one practitioner (from the practitioners tab).
    function showPractitioner(userId: string) {
        practitionerBox.currentIndex = Math.max(0, team.practitionerChoiceIndex(userId));
        tabs.currentIndex = 0;
    }

    objectName: "teamPage"
    background: Rectangle {
        color: Theme.background
    }

    header: PageHeader {
        objectName: "team"
        title: Session.teamName.length > 0 ? qsTr("Team %1").arg(Session.teamName) : qsTr("My team")
        backName: qsTr("Back to my caseload")
        onBack: root.back()
    }

    TeamCaseloadModel {
        id: team

        objectName: "teamCaseload"
        session: Session
        active: root.visible
        search: searchField.text
        practitionerFilter: practitionerBox.currentValue
        checkFilter: checkBox.currentIndex >= 0 ? team.checkChoices[checkBox.currentIndex].value : -1
        statusFilter: statusBox.currentIndex >= 0 ? team.statusChoices[statusBox.currentIndex].value : 0
        levelFilter: levelBox.currentIndex >= 0 ? team.levelChoices[levelBox.currentIndex].value : 0
        sortBy: sortBox.currentIndex >= 0 ? team.sortChoices[sortBox.currentIndex].value : 0
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TabBar {
            id: tabs

            objectName: "teamTabs"
            Layout.fillWidth: true

            TabButton {
                objectName: "familiesTab"
                height: Theme.touchTarget
                text: qsTr("Families (%1)").arg(team.totalCount)
                font.pixelSize: Theme.fontBody
            }

            TabButton {
                objectName: "practitionersTab"
                height: Theme.touchTarget
                text: qsTr("Practitioners (%1)").arg(team.practitioners.count)
                font.pixelSize: Theme.fontBody
            }

            TabButton {
                objectName: "feedbackTab"
                height: Theme.touchTarget
                text: qsTr("Family feedback (%1)").arg(team.feedbackFamilies)
                font.pixelSize: Theme.fontBody
            }
        }

        // The team's families.
        ColumnLayout {
            objectName: "familiesView"
            visible: tabs.currentIndex === 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacing
            spacing: Theme.spacing

            Label {
                objectName: "teamSummary"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                horizontalAlignment: Text.AlignLeft
                text: qsTr("%1 drifting, %2 due soon, of %3 families.").arg(team.redCount).arg(team.amberCount).arg(team.totalCount)
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }

            GridLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                columns: root.width > 900 ? 3 : 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    spacing: 4

                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignLeft
                        text: qsTr("Family name")
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        color: Theme.mutedText
                        Accessible.ignored: true
                    }

                    TextField {
                        id: searchField

                        objectName: "teamSearchField"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touchTarget
                        placeholderText: qsTr("Search families by name")
                        font.pixelSize: Theme.fontBody
                        Accessible.name: qsTr("Search the team's families by name")
                    }
                }

                FormComboBox {
                    id: practitionerBox

                    objectName: "practitionerFilter"
                    label: qsTr("Lead practitioner")
                    choices: team.practitionerChoices
                    currentIndex: 0
                }

                FormComboBox {
                    id: checkBox

                    objectName: "checkFilter"
                    label: qsTr("Drift and delay check")
                    choices: team.checkChoices
                    currentIndex: 0
                }

                FormComboBox {
                    id: statusBox

                    objectName: "statusFilter"
                    label: qsTr("Status")
                    choices: team.statusChoices
                    currentIndex: 0
                }

                FormComboBox {
                    id: levelBox

                    objectName: "levelFilter"
                    label: qsTr("Level of need")
                    choices: team.levelChoices
                    currentIndex: 0
                }

                FormComboBox {
                    id: sortBox

                    objectName: "sortBy"
                    label: qsTr("Sort by")
                    choices: team.sortChoices
                    currentIndex: 0
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                spacing: Theme.spacing

                Label {
                    objectName: "teamFamilyCount"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignLeft
                    text: qsTr("Showing %1 of %2 families").arg(team.count).arg(team.totalCount)
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                }

                Button {
                    objectName: "clearFiltersButton"
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("Clear filters")
                    font.pixelSize: Theme.fontBody
                    onClicked: {
                        searchField.clear();
                        for (const box of [practitionerBox, checkBox, statusBox, levelBox, sortBox])
                            box.currentIndex = 0;
                    }
                }
            }

            Label {
                objectName: "teamError"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                visible: team.errorString.length > 0
                horizontalAlignment: Text.AlignLeft
                text: qsTr("The team caseload could not be read: %1").arg(team.errorString)
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }

            ListView {
                id: familyList

                objectName: "teamFamilyList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: team
                boundsBehavior: Flickable.StopAtBounds
                Accessible.role: Accessible.List
                Accessible.name: qsTr("The team's families")
                delegate: TeamFamilyDelegate {
                    id: family

                    width: familyList.width
                    onClicked: root.familyChosen(family.familyId)
                }

                ScrollBar.vertical: ScrollBar {
                }

                Label {
                    objectName: "emptyTeam"
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.margin
                    visible: team.count === 0 && team.errorString.length === 0
                    text: team.totalCount > 0 ? qsTr("No family of the team matches these filters.") : qsTr("No families of the team are on this tablet yet. Sync to fetch them.")
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontBody
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
            }
        }

        // The team's practitioners.
        ListView {
            id: practitionerList

            objectName: "practitionerList"
            visible: tabs.currentIndex === 1
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacing
            clip: true
            model: team.practitioners
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("The team's practitioners")
            delegate: TeamPractitionerDelegate {
                id: practitioner

                width: practitionerList.width
                onClicked: root.showPractitioner(practitioner.userId)
            }

            ScrollBar.vertical: ScrollBar {
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                visible: team.practitioners.count === 0
                text: qsTr("The server has not named the team's practitioners yet. Sync to fetch them.")
                color: Theme.mutedText
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
    
        // The team's exit questionnaires, question by question.
        Flickable {
            objectName: "feedbackView"
            visible: tabs.currentIndex === 2
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: feedback.implicitHeight + 2 * Theme.margin
            clip: true
            boundsBehavior: Flickable.StopAtBounds

            TeamFeedback {
                id: feedback

                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                families: team.feedbackFamilies
                questions: team.feedback
            }
        }
    }
}
