import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// One family member: name and role, age and date of birth, school, NHS number with its
// check mark and, once the family has consent records, their consent status.
Rectangle {
    id: root

    required property string personId
    required property string name
    required property string ageText
    required property string dateOfBirthText
    required property string nhsNumber
    required property bool nhsNumberChecked
    required property string school
    required property string roleText
    required property int consentStatus
    required property string consentText
    /// Whole years today, -1 when the date of birth is not known.
    required property int age
    property bool showConsent: false

    /// Children (under 18) have three houses to draw.
    readonly property bool isChild: root.age >= 0 && root.age < 18

    signal threeHousesRequested

    readonly property string detailsText: root.dateOfBirthText.length > 0 ? qsTr("%1, born %2").arg(root.ageText).arg(root.dateOfBirthText) : root.ageText
    readonly property string nhsText: root.nhsNumber.length === 0 ? qsTr("No NHS number recorded") : root.nhsNumberChecked ? qsTr("NHS number %1, checked").arg(root.nhsNumber) : qsTr("NHS number %1, not valid").arg(root.nhsNumber)

    objectName: "member_" + root.personId
    implicitHeight: Math.max(Theme.touchTarget, column.implicitHeight + 2 * Theme.spacing)
    color: Theme.surface
    Accessible.role: Accessible.ListItem
    Accessible.name: root.school.length > 0 ? qsTr("%1, %2. %3. %4. School: %5.").arg(root.name).arg(root.roleText).arg(root.detailsText).arg(root.nhsText).arg(root.school) : qsTr("%1, %2. %3. %4.").arg(root.name).arg(root.roleText).arg(root.detailsText).arg(root.nhsText)

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 1
        color: Theme.divider
    }

    ColumnLayout {
        id: column

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                objectName: "memberName"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.name
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            Label {
                visible: root.roleText.length > 0
                text: root.roleText
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }

            Button {
                objectName: "threeHouses_" + root.personId
                Layout.preferredHeight: Theme.touchTarget
                visible: root.isChild
                leftPadding: Theme.spacing
                rightPadding: Theme.spacing
                text: qsTr("Three houses")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Three houses with %1").arg(root.name)
                onClicked: root.threeHousesRequested()
            }
        }

        Label {
            objectName: "memberAge"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: root.school.length > 0 ? qsTr("%1 · %2").arg(root.detailsText).arg(root.school) : root.detailsText
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            wrapMode: Text.WordWrap
        }

        // The consent badge sits beside the NHS number when both fit, else below it.
        GridLayout {
            Layout.fillWidth: true
            columns: nhsRow.implicitWidth + consentBadge.implicitWidth + Theme.spacing <= root.width ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: 4

            RowLayout {
                id: nhsRow

                Layout.fillWidth: true
                spacing: 6

                Label {
                    objectName: "memberNhsNumber"
                    text: root.nhsNumber.length > 0 ? qsTr("NHS %1").arg(root.nhsNumber) : qsTr("No NHS number recorded")
                    font.pixelSize: Theme.fontSmall
                    color: root.nhsNumber.length > 0 ? Theme.text : Theme.mutedText
                }

                Label {
                    objectName: "memberNhsChecked"
                    visible: root.nhsNumber.length > 0
                    //: Beside an NHS number whose check digit is right.
                    text: root.nhsNumberChecked ? qsTr("\u2713 checked") : qsTr("\u2717 not valid")
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: root.nhsNumberChecked ? Theme.success : Theme.danger
                }

                Item {
                    Layout.fillWidth: true
                }
            }

            StatusBadge {
                id: consentBadge

                objectName: "memberConsent"
                visible: root.showConsent
                text: root.consentText
                tone: root.consentStatus === MemberListModel.Valid ? StatusBadge.Success : root.consentStatus === MemberListModel.Expiring ? StatusBadge.Warning : root.consentStatus === MemberListModel.None ? StatusBadge.Neutral : StatusBadge.Danger
            }
        }
    }
}
